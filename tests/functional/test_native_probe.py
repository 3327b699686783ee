"""Native code cannot kill the app: each native library is tried in a child process first, a crash there
switches its feature off with a message, and the verdict is kept per library build, CPU and model.

The crashes are real: the child kills itself with the signal a broken build dies of (INTERVIEW_COACH_PROBE_FAULT),
so the parent sees exactly what it would see after an illegal instruction in llama.cpp.
"""

from __future__ import annotations

import asyncio
import json
import os
import signal
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from engine import messages
from engine.config.settings import SpeechSettings
from engine.llm.local import LocalModel, LocalOptions
from engine.native.probe import (
    FAULT_ENV,
    PYTHON_ERROR_EXIT,
    Library,
    LlmCrashError,
    ProofBook,
    SpeechCrashError,
    _children,
    crash_reason,
    ensure_safe,
    probe_key,
    prove,
    run_probe,
    stop_probes,
)
from engine.stt.speech_model import ModelStage, SpeechModel
from engine.stt.vad import model_path as vad_model_path
from tests.conftest import ROOT, speech_file
from tests.llm_support import smollm2_path


@pytest.fixture
def book(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> ProofBook:
    """A cache of its own: a crash verdict must not reach the other tests' shared one."""
    monkeypatch.setenv("INTERVIEW_COACH_CACHE_DIR", str(tmp_path / "cache"))
    return ProofBook(tmp_path / "cache")


def test_llama_cpp_runs_in_a_child_and_is_then_proven_here(book: ProofBook) -> None:
    verdict = prove(Library.LLAMA, smollm2_path(), book=book)
    assert verdict.proven and not verdict.crashed
    kept = json.loads(book.path.read_text())
    assert [entry["library"] for entry in kept.values()] == ["llama"]
    # Kept: a second look runs no child, even if the child would now fault.
    os.environ[FAULT_ENV] = "llama"
    try:
        assert prove(Library.LLAMA, smollm2_path(), book=book).proven
    finally:
        del os.environ[FAULT_ENV]


def test_whisper_and_the_vad_run_in_a_child(models_dir: Path, book: ProofBook) -> None:
    verdict = run_probe(Library.SPEECH, models_dir / "whisper-base" / "model.bin", "int8@cpu")
    assert verdict.proven, verdict


@pytest.mark.parametrize("fault", ["SIGILL", "SIGSEGV"])
def test_a_fault_in_the_child_is_a_crash_verdict(book: ProofBook, monkeypatch: pytest.MonkeyPatch, fault: str) -> None:
    monkeypatch.setenv(FAULT_ENV, f"llama:{fault}")
    verdict = prove(Library.LLAMA, smollm2_path(), book=book)
    assert verdict.crashed and not verdict.proven
    assert verdict.reason == fault
    with pytest.raises(LlmCrashError) as raised:
        ensure_safe(Library.LLAMA, smollm2_path(), book=book)
    english, korean = raised.value.message("en"), raised.value.message("ko")
    assert fault in english and "model server" in english and "question bank" in english
    assert fault in korean and "모델 서버" in korean
    assert raised.value.title("en") == messages.text("error.title.llm", "en")


def test_a_new_build_cpu_or_model_is_probed_again(book: ProofBook, tmp_path: Path) -> None:
    model = tmp_path / "copy.gguf"
    model.write_bytes(smollm2_path().read_bytes())
    before = probe_key(Library.LLAMA, model, "")
    assert probe_key(Library.LLAMA, model, "") == before
    os.utime(model, ns=(1_000_000_000, 1_000_000_000))
    assert probe_key(Library.LLAMA, model, "") != before, "the model file changed"
    assert probe_key(Library.SPEECH, model, "int8@cpu") != probe_key(Library.SPEECH, model, "float32@cpu")


def test_an_ordinary_python_error_gives_no_verdict_and_is_not_kept(book: ProofBook, tmp_path: Path) -> None:
    garbage = tmp_path / "garbage.gguf"
    garbage.write_bytes(b"GGUF" + os.urandom(4096))
    verdict = prove(Library.LLAMA, garbage, book=book)
    assert not verdict.conclusive and verdict.exit_code == PYTHON_ERROR_EXIT
    assert not book.path.exists()


def test_exit_codes_that_mean_a_native_fault() -> None:
    assert crash_reason(-signal.SIGILL, windows=False) == "SIGILL"
    assert crash_reason(-signal.SIGSEGV, windows=False) == "SIGSEGV"
    assert crash_reason(-signal.SIGABRT, windows=False) == "SIGABRT"
    for code in (0, 1, 3, PYTHON_ERROR_EXIT, -signal.SIGINT, -signal.SIGTERM, -signal.SIGKILL):
        assert crash_reason(code, windows=False) is None, code  # Ctrl+C, logout, the OOM killer: no verdict
    assert crash_reason(0xC000001D, windows=True) == "SIGILL"
    assert crash_reason(-1073741795, windows=True) == "SIGILL"  # the same code, read as a signed int
    assert crash_reason(3, windows=True) == "SIGABRT"  # abort() on Windows
    assert crash_reason(0xC00000FD, windows=True) == "0xC00000FD"  # a stack overflow
    for code in (0, 1, PYTHON_ERROR_EXIT, 0xC000013A):  # 0xC000013A: Ctrl+C
        assert crash_reason(code, windows=True) is None, code


async def test_a_probe_stopped_from_outside_gives_no_verdict(book: ProofBook) -> None:
    started = asyncio.get_running_loop().run_in_executor(None, prove, Library.LLAMA, smollm2_path(), "", book)
    while not _children[Library.LLAMA]:
        await asyncio.sleep(0.01)
    stop_probes(Library.LLAMA)
    verdict = await started
    assert not verdict.conclusive
    assert not book.path.exists(), "an outside stop is not kept: the next start tries again"


def test_the_voice_detector_alone_runs_in_a_child(book: ProofBook) -> None:
    assert run_probe(Library.VAD, Path(vad_model_path())).proven


async def test_the_silence_countdown_is_off_when_onnx_runtime_crashes_here(
    book: ProofBook, monkeypatch: pytest.MonkeyPatch
) -> None:
    from engine.audio.file_source import FileSource
    from engine.interview.silence import SilenceCountdownSource

    monkeypatch.setenv(FAULT_ENV, "vad")
    clip = speech_file("en/jfk.flac")
    countdown = SilenceCountdownSource(FileSource(clip), 0.5, lambda _: None)
    frames = [frame async for frame in countdown.frames()]
    assert frames and frames[-1].end_sample > 10 * 16_000, "every frame passed; nothing ended the answer early"
    assert not countdown.ended_by_silence
    assert prove(Library.VAD, Path(vad_model_path()), book=book).crashed


async def test_the_interviewer_model_is_switched_off_when_llama_cpp_crashes_here(
    book: ProofBook, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(FAULT_ENV, "llama")
    model = LocalModel(smollm2_path(), LocalOptions(n_ctx=512))
    with pytest.raises(LlmCrashError):
        await model.ready()
    await model.close()


async def test_local_speech_is_switched_off_when_its_libraries_crash_here(
    models_dir: Path, book: ProofBook, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(FAULT_ENV, "speech:SIGSEGV")
    model = SpeechModel(SpeechSettings(), models_dir)
    stages: list[ModelStage] = []
    model.subscribe(lambda progress: stages.append(progress.stage))
    with pytest.raises(SpeechCrashError) as raised:
        await model.get()
    await asyncio.sleep(0)  # the FAILED progress is delivered through the loop
    assert stages[-1] is ModelStage.FAILED
    assert "SIGSEGV" in raised.value.message("en") and "Google or RTZR" in raised.value.message("en")


def test_practice_goes_on_with_the_bank_when_llama_cpp_crashes(tmp_path: Path) -> None:
    clip = speech_file("en/jfk.flac")
    env = {
        **os.environ,
        FAULT_ENV: "llama",
        "INTERVIEW_COACH_CACHE_DIR": str(tmp_path / "cache"),
        "INTERVIEW_COACH_LOG_DIR": str(tmp_path / "logs"),
    }
    result = subprocess.run(
        [sys.executable, "main.py", "--data-dir", str(tmp_path / "data"), "practice", "--lang", "en"]
        + ["--answers", str(clip), "--llm", str(smollm2_path()), "--llm-context", "1024", "--json"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
        env=env,
    )
    assert result.returncode == 0, result.stderr
    assert "crashed when it was tried on this computer (SIGILL" in result.stderr
    document: dict[str, Any] = json.loads(result.stdout)
    answer = document["answers"][0]
    assert (answer["source"], answer["status"]) == ("bank", "complete"), answer
    assert answer["transcript"]
    log = (tmp_path / "logs" / "interview-coach.log").read_text()
    assert "native probe of llama crashed (SIGILL)" in log
