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
from engine.llm.local import LocalModel, LocalOptions
from engine.native.probe import (
    FAULT_ENV,
    Library,
    LlmCrashError,
    ProofBook,
    SpeechCrashError,
    crash_reason,
    ensure_safe,
    probe_key,
    prove,
    run_probe,
)
from engine.settings import SpeechSettings
from engine.stt.speech_model import ModelStage, SpeechModel
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
    assert not verdict.conclusive and verdict.exit_code == 3
    assert not book.path.exists()


def test_exit_codes_that_mean_a_native_fault() -> None:
    assert crash_reason(-signal.SIGILL) == "SIGILL"
    assert crash_reason(-signal.SIGSEGV) == "SIGSEGV"
    assert crash_reason(0) is None and crash_reason(1) is None and crash_reason(3) is None


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
