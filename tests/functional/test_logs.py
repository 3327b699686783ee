"""The log a candidate can send: a rotating file in the log folder, with no secret in it, and a native
crash's stack captured by faulthandler and folded into the next run's log."""

from __future__ import annotations

import logging
import os
import subprocess
import sys
import textwrap
from pathlib import Path

from engine.config.secrets import redact_later
from engine.runtime import logs
from tests.cli_support import cli_async as cli
from tests.conftest import ROOT, speech_file
from tests.loopback.rtzr_server import CLIENT_ID, CLIENT_SECRET, FakeRtzr


async def test_a_run_leaves_a_log_file_that_holds_no_secret(data_dir: Path, rtzr: FakeRtzr, tmp_path: Path) -> None:
    clip = speech_file("ko/deeply_AirbnbStudio_sub100101a00047.wav")
    log_dir = tmp_path / "logs"
    rtzr.behaviour.real_speech = True
    code, _out, err = await cli(
        data_dir,
        {
            "INTERVIEW_COACH_LOG_DIR": str(log_dir),
            "INTERVIEW_COACH_RTZR_AUTH_URL": rtzr.auth_url,
            "INTERVIEW_COACH_RTZR_STREAM_URL": rtzr.stream_url,
            "INTERVIEW_COACH_RTZR_CLIENT_ID": CLIENT_ID,
            "INTERVIEW_COACH_RTZR_CLIENT_SECRET": CLIENT_SECRET,
        },
        "--verbose",
        "practice",
        "--lang",
        "ko",
        "--stt",
        "rtzr",
        "--answers",
        str(clip),
    )
    assert code == 0, err
    log = (log_dir / logs.LOG_FILE).read_text(encoding="utf-8")
    assert "interview-coach" in log and "command practice" in log
    assert rtzr.stats.tokens_issued >= 1
    # The handshake's bearer token is logged by websockets at debug level, and redacted on the way out.
    assert "[redacted]" in log
    assert CLIENT_SECRET not in log + err
    assert "token-1-" not in log + err, "an issued access token reached the log"


def test_log_tail_and_tracebacks_are_scrubbed_too(app_log: Path) -> None:
    path = logs.setup_logging(verbose=False, folder=app_log)
    assert path == app_log / logs.LOG_FILE == logs.log_file()
    secret = "sk-live-0123456789abcdef"
    redact_later(secret)
    try:
        raise RuntimeError(f"server refused key {secret}")
    except RuntimeError:
        logging.getLogger("test").exception("a failure whose traceback holds a key")
    logging.getLogger("test").info("Authorization: Bearer abcdefghijklmnop")
    text = path.read_text(encoding="utf-8")
    assert "a failure whose traceback holds a key" in text and "RuntimeError" in text
    assert secret not in text and "abcdefghijklmnop" not in text
    tail = logs.log_tail()
    assert "RuntimeError" in tail and secret not in tail


def test_a_native_crash_is_captured_and_reported_by_the_next_run(tmp_path: Path, app_log: Path) -> None:
    script = textwrap.dedent(
        f"""
        import ctypes, sys
        sys.path.insert(0, {str(ROOT)!r})
        from pathlib import Path
        from engine.runtime.logs import setup_logging
        setup_logging(folder=Path({str(app_log)!r}))
        ctypes.string_at(0)  # a read of address 0: SIGSEGV inside native code
        """
    )
    child = subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    assert child.wait(timeout=60) != 0
    dump = logs.faults_file(app_log, child.pid).read_text()
    assert "Fatal Python error: Segmentation fault" in dump
    # A handled exception that Windows' faulthandler reports, from another run that is gone, is no crash.
    logs.faults_file(app_log, 999_999_999).write_text("Windows fatal exception: code 0x8001010d\n")
    logs.setup_logging(folder=app_log)
    assert logs.take_previous_crash()
    assert not logs.take_previous_crash(), "said once"
    text = (app_log / logs.LOG_FILE).read_text()
    assert f"a previous run (pid {child.pid}) crashed" in text and "Segmentation fault" in text
    assert "0x8001010d" not in text
    assert [p.name for p in app_log.glob(logs.FAULTS_GLOB)] == [logs.faults_file(app_log).name], "folded once"


def test_an_unwritable_log_folder_leaves_stderr_logging(tmp_path: Path, app_log: Path) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("")
    assert logs.setup_logging(folder=blocker / "logs") is None
    assert logs.log_file() is None
    assert any(isinstance(h, logs._StreamHandler) for h in logging.getLogger().handlers)


def test_version_is_printed() -> None:
    result = subprocess.run(
        [sys.executable, "main.py", "--version"], cwd=ROOT, capture_output=True, text=True, timeout=60, check=False
    )
    assert result.returncode == 0
    assert result.stdout.startswith("interview-coach 0.")
    assert os.environ.get("INTERVIEW_COACH_LOG_DIR"), "the test run keeps its logs out of the user's folder"
