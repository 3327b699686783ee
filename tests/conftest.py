"""Shared fixtures: the real embedded speech model (assembled once per run), real audio, real SQLite."""

from __future__ import annotations

import os
import re
import sys
import tempfile
from collections.abc import AsyncIterator, Callable, Iterator
from pathlib import Path
from typing import Any

os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")  # before numpy, as the app has it: see engine/__init__.py

import numpy as np
import pytest

# Tests never need a display (the GUI tests of later issues render offscreen).
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# The run's own cache (native probe verdicts, kept across its tests and the CLI processes they start) and log
# folder, never the user's.
_RUN_DIR = Path(tempfile.mkdtemp(prefix="interview-coach-tests-"))
os.environ.setdefault("INTERVIEW_COACH_CACHE_DIR", str(_RUN_DIR / "cache"))
os.environ.setdefault("INTERVIEW_COACH_LOG_DIR", str(_RUN_DIR / "logs"))

ROOT = Path(__file__).resolve().parent.parent
SPEECH = ROOT.parent / "shared" / "speech"


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """`unit` for tests/unit (logic on real data, seconds in all: `uv run pytest -m unit`), `functional` for
    tests/functional (the CLI and the app in processes, real models, loopback servers, the build)."""
    for item in items:
        folder = Path(str(item.path)).parent.name
        if folder in ("unit", "functional"):
            item.add_marker(folder)


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo[None]) -> Iterator[None]:
    """Under CI=true a test that lacks a tool or a file fails instead of skipping: CI installs everything,
    so a skip there means a missing install step that a green run would hide."""
    outcome = yield
    report = outcome.get_result()
    if os.environ.get("CI") == "true" and report.skipped and not hasattr(report, "wasxfail"):
        report.outcome = "failed"
        reason = report.longrepr[2] if isinstance(report.longrepr, tuple) else str(report.longrepr)
        report.longrepr = f"CI=true: this test would have been skipped ({reason}); CI must have what it needs"


# Qt's warnings that an object was used or freed off its own thread, said outside a test's body (fixtures,
# between tests: where CI's crash came from). pytest-qt fails a test whose body says so (pyproject.toml);
# these fail the run at its end.
_THREAD_WARNINGS: list[str] = []
_THREAD_WARNING = re.compile(r"(another|different) thread", re.IGNORECASE)


def pytest_sessionstart(session: pytest.Session) -> None:
    from PySide6.QtCore import qInstallMessageHandler

    def record(_mode: object, _context: object, message: str) -> None:
        if _THREAD_WARNING.search(message):
            _THREAD_WARNINGS.append(message)
        sys.stderr.write(message + "\n")  # shown, as Qt's own handler shows it

    session.stash[_HANDLER] = record  # kept alive: Qt holds no reference of its own
    qInstallMessageHandler(record)


_HANDLER = pytest.StashKey[Callable[[object, object, str], None]]()


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    if _THREAD_WARNINGS:
        sys.stderr.write("Qt used or freed an object off its own thread outside a test:\n")
        sys.stderr.writelines(f"  {message}\n" for message in _THREAD_WARNINGS)
        session.exitstatus = pytest.ExitCode.TESTS_FAILED


def speech_file(relative: str) -> Path:
    path = SPEECH / relative
    if not path.is_file():
        pytest.skip(f"shared speech clip {path} is not beside the checkout")
    return path


def joined_speech(path: Path, clips: list[Path]) -> Path:
    """Speech clips one after another in one 16 kHz mono WAV file: one answer longer than any clip."""
    import wave

    from engine.audio.file_source import read_samples as decode

    samples = np.concatenate([decode(clip) for clip in clips])
    with wave.open(str(path), "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(16000)
        out.writeframes(samples.tobytes())
    return path


@pytest.fixture(scope="session")
def models_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One assembled copy of Whisper base for the whole run (assembly itself is tested separately)."""
    from models.whisper_assembly import ensure_whisper_base

    folder = tmp_path_factory.mktemp("models")
    ensure_whisper_base(folder)
    return folder


@pytest.fixture
def data_dir(tmp_path: Path, models_dir: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("INTERVIEW_COACH_MODELS_DIR", str(models_dir))
    monkeypatch.delenv("INTERVIEW_COACH_DATA_DIR", raising=False)
    return tmp_path / "data"


async def read_samples(path: Path) -> np.ndarray:
    from engine.audio.file_source import FileSource

    return np.concatenate([frame.samples async for frame in FileSource(path).frames()])


# -- the desktop app on a qasync loop ----------------------------------------------------------------
# GUI tests are plain functions that use qtbot.waitSignal. They run inside the qasync loop (as a loop
# callback, not a task), so the engine's tasks keep running while qtbot waits on a signal.


@pytest.fixture
def qloop(qapp: object) -> object:
    import asyncio

    import qasync

    loop = qasync.QEventLoop(qapp)
    asyncio.set_event_loop(loop)
    yield loop
    close_qt_loop(loop)
    asyncio.set_event_loop(None)


def close_qt_loop(loop: Any) -> None:
    """Close a qasync loop and destroy its Qt objects here, on the GUI thread.

    qasync leaves them in a reference cycle, its timer object still holding the timers of handles that were
    pending. Freed by the collector on a worker thread (a later test's decoding), Qt cannot stop those timers
    and the next one fires at freed memory: CI died so, in pytest-qt's processEvents between two tests.
    """
    import shiboken6

    loop.close()
    shiboken6.delete(loop._timer)
    shiboken6.delete(loop._QEventLoop__call_soon_signaller)


@pytest.hookimpl(tryfirst=True)
def pytest_pyfunc_call(pyfuncitem: pytest.Function) -> bool | None:
    if "qloop" not in pyfuncitem.fixturenames or getattr(pyfuncitem.obj, "__code__", None) is None:
        return None
    import inspect

    if inspect.iscoroutinefunction(pyfuncitem.obj):
        return None
    loop = pyfuncitem.funcargs["qloop"]
    kwargs = {name: pyfuncitem.funcargs[name] for name in pyfuncitem._fixtureinfo.argnames}
    outcome: dict[str, BaseException] = {}

    def body() -> None:
        try:
            pyfuncitem.obj(**kwargs)
        except BaseException as error:  # noqa: BLE001 - handed back to pytest below, not swallowed
            outcome["error"] = error
        finally:
            loop.stop()

    loop.call_soon(body)
    loop.run_forever()
    if "error" in outcome:
        raise outcome["error"]
    return True


@pytest.fixture
def keyring_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """A real keyring backend (keyrings.alt's file keyring) in a temporary folder: CI has no keyring service.
    The environment variables that would stand in for the keyring are cleared."""
    import keyring
    from keyrings.alt.file import PlaintextKeyring

    backend = PlaintextKeyring()
    backend.file_path = str(tmp_path / "keyring.cfg")  # type: ignore[misc]
    previous = keyring.get_keyring()
    keyring.set_keyring(backend)
    for name in ("INTERVIEW_COACH_LLM_API_KEY", "INTERVIEW_COACH_RTZR_CLIENT_ID", "INTERVIEW_COACH_RTZR_CLIENT_SECRET"):
        monkeypatch.delenv(name, raising=False)
    yield tmp_path / "keyring.cfg"
    keyring.set_keyring(previous)


@pytest.fixture
async def rtzr() -> AsyncIterator[Any]:
    """A fake RTZR (authenticate endpoint and streaming WebSocket server) on 127.0.0.1."""
    from tests.loopback.rtzr_server import FakeRtzr

    server = FakeRtzr()
    await server.start()
    yield server
    await server.stop()


@pytest.fixture
def app_log(tmp_path: Path) -> Iterator[Path]:
    """The app's logging (engine/runtime/logs.py) set up in a folder of this test's own, as main.py sets it up;
    the run's own logging is restored afterwards."""
    import faulthandler
    import logging
    import sys

    from engine.runtime.logs import shutdown_logging

    level = logging.getLogger().level
    yield tmp_path / "logs"
    shutdown_logging()
    logging.getLogger().setLevel(level)
    faulthandler.enable(file=sys.__stderr__)  # pytest's own: a crash in a later test is printed, as before
