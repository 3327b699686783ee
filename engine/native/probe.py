"""Try a native library in a child process before the app runs it in its own.

A native library that faults (an instruction this CPU lacks, a bad build) kills the whole process, and no
Python `except` can catch that. So the first time a library is used on a machine, it is loaded and run once
in a child (probe_child.py): llama.cpp on a tiny prompt with the chosen model; CTranslate2 (Whisper) and ONNX
Runtime (the Silero VAD) on a second of silence. A child that dies of a signal switches that feature off with
a message; one that finishes proves the library here. Verdicts are kept in the cache folder, keyed by the
library's version, its native files' sizes and mtimes, the CPU model and feature flags, and what was run
(model file, compute type), so a new build, a new CPU or a new model is tried again.
"""

from __future__ import annotations

import enum
import hashlib
import importlib.metadata
import importlib.util
import json
import logging
import os
import platform
import signal
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import asdict, dataclass
from pathlib import Path

from engine.config.settings import default_cache_dir
from engine.errors import AppError, LlmError, ModelError

log = logging.getLogger(__name__)

PROOFS_FILE = "native-proofs.json"
FAULT_ENV = "INTERVIEW_COACH_PROBE_FAULT"  # "llama", "speech" or "vad" (optionally ":SIGSEGV"): the child faults
CHILD_TIMEOUT_S = 300.0  # a large model read from a cold disk takes a while; a hang is not a verdict
PROBE_OK = "native-probe-ok"
PYTHON_ERROR_EXIT = 64  # the child's code for an ordinary Python error (not 3: abort() exits with 3 on Windows)
_ROOT = Path(__file__).resolve().parents[2]  # the folder that holds engine/, for the child's import path
# The signals a faulty native library dies of. SIGINT, SIGTERM or SIGKILL (Ctrl+C, logout, the out-of-memory
# killer) say nothing about the library: no verdict.
FAULT_SIGNALS = frozenset({"SIGILL", "SIGSEGV", "SIGBUS", "SIGFPE", "SIGABRT", "SIGSYS", "SIGTRAP"})
# Windows reports a native fault as an NTSTATUS exit code rather than a signal.
_WINDOWS_FAULTS = {0xC000001D: "SIGILL", 0xC0000005: "SIGSEGV", 0xC0000409: "SIGABRT", 0xC0000094: "SIGFPE"}
_WINDOWS_CTRL_C = 0xC000013A


class Library(enum.Enum):
    LLAMA = "llama"  # llama-cpp-python's llama.cpp: the interviewer model on this computer
    SPEECH = "speech"  # CTranslate2 (Whisper) and ONNX Runtime (Silero VAD): local speech recognition
    VAD = "vad"  # ONNX Runtime alone: the silence countdown, which runs whatever recognises the speech


_PACKAGES: dict[Library, tuple[tuple[str, str], ...]] = {
    # (import name, distribution name)
    Library.LLAMA: (("llama_cpp", "llama-cpp-python"),),
    Library.SPEECH: (("ctranslate2", "ctranslate2"), ("onnxruntime", "onnxruntime")),
    Library.VAD: (("onnxruntime", "onnxruntime"),),
}


@dataclass(frozen=True, slots=True)
class Verdict:
    proven: bool  # the child ran the library to the end
    crashed: bool  # the child died of a native fault
    reason: str = ""  # the signal's name when it crashed (SIGILL, SIGSEGV, …), else ""
    exit_code: int = 0

    @property
    def conclusive(self) -> bool:
        return self.proven or self.crashed


def crash_reason(exit_code: int, windows: bool = sys.platform == "win32") -> str | None:
    """The native fault a child's exit code reports, or None for an ordinary exit or an outside stop."""
    if windows:
        code = exit_code & 0xFFFFFFFF
        if code in _WINDOWS_FAULTS:
            return _WINDOWS_FAULTS[code]
        if code == 3:  # abort() (a failed GGML_ASSERT, say) exits with 3 on Windows
            return "SIGABRT"
        if code >= 0xC0000000 and code != _WINDOWS_CTRL_C:  # stack overflow, heap corruption, fail-fast, …
            return f"0x{code:08X}"
        return None
    if exit_code >= 0:
        return None
    try:
        name = signal.Signals(-exit_code).name
    except ValueError:
        return None
    return name if name in FAULT_SIGNALS else None


def cpu_identity() -> str:
    """The CPU's model and the features it reports: a VM can hide features of the same model."""
    parts = [platform.machine(), platform.processor()]
    try:
        with open("/proc/cpuinfo", encoding="utf-8", errors="replace") as cpuinfo:
            seen: set[str] = set()
            for line in cpuinfo:
                name, _, value = line.partition(":")
                name = name.strip()
                if name in ("model name", "flags", "Features", "CPU part") and name not in seen:
                    seen.add(name)
                    parts.append(value.strip())
    except OSError:  # not Linux: macOS and Windows name the model in platform.processor() or sysctl
        if sys.platform == "darwin":
            result = subprocess.run(
                ["sysctl", "-n", "machdep.cpu.brand_string"], capture_output=True, text=True, timeout=5, check=False
            )
            parts.append(result.stdout.strip())
    return " | ".join(parts)


def _native_files(import_name: str) -> list[tuple[str, int, int]]:
    spec = importlib.util.find_spec(import_name)
    if spec is None or not spec.submodule_search_locations:
        return []
    files: list[tuple[str, int, int]] = []
    for location in spec.submodule_search_locations:
        package = Path(location)
        # auditwheel puts bundled libraries beside the package, in <name>.libs
        for folder in (package, package / "lib", package / "capi", package.parent / f"{import_name}.libs"):
            if not folder.is_dir():
                continue
            for path in sorted(folder.iterdir()):
                if path.suffix in (".so", ".dylib", ".dll", ".pyd") or ".so." in path.name:
                    stat = path.stat()
                    files.append((f"{folder.name}/{path.name}", stat.st_size, stat.st_mtime_ns))
    return files


def _file_identity(path: Path) -> list[object]:
    try:
        stat = path.stat()
    except OSError:
        return [str(path), None]
    return [path.name, stat.st_size, stat.st_mtime_ns]


def probe_key(library: Library, target: Path, option: str) -> str:
    parts: list[object] = [library.value, cpu_identity(), option, _file_identity(target)]
    for import_name, distribution in _PACKAGES[library]:
        try:
            version = importlib.metadata.version(distribution)
        except importlib.metadata.PackageNotFoundError:
            version = None
        parts.append([distribution, version, _native_files(import_name)])
    return hashlib.sha256(json.dumps(parts, default=str).encode()).hexdigest()


class ProofBook:
    """The verdicts kept between runs: one small JSON file, rewritten whole (atomically) on each change."""

    def __init__(self, folder: Path | None = None) -> None:
        self.path = (folder or default_cache_dir()) / PROOFS_FILE

    def read(self, key: str) -> Verdict | None:
        try:
            entry = json.loads(self.path.read_text(encoding="utf-8"))[key]
            return Verdict(bool(entry["proven"]), bool(entry["crashed"]), str(entry["reason"]), int(entry["exit_code"]))
        except (OSError, ValueError, KeyError, TypeError):
            return None

    _lock = threading.Lock()  # the llama and speech probes finish on threads of their own, maybe together

    def write(self, key: str, library: Library, verdict: Verdict) -> None:
        with self._lock:
            try:
                entries = json.loads(self.path.read_text(encoding="utf-8"))
                if not isinstance(entries, dict):
                    entries = {}
            except (OSError, ValueError):
                entries = {}
            entries[key] = {**asdict(verdict), "library": library.value, "checked": time.strftime("%Y-%m-%dT%H:%M:%S")}
            try:
                self.path.parent.mkdir(parents=True, exist_ok=True)
                handle, temporary = tempfile.mkstemp(dir=self.path.parent, suffix=".tmp")
                with os.fdopen(handle, "w", encoding="utf-8") as stream:
                    json.dump(entries, stream, indent=1)
                Path(temporary).replace(self.path)
            except OSError as error:  # a read-only cache only costs a probe at the next start
                log.warning("could not keep the native probe's verdict in %s: %s", self.path, error)


def child_command(library: Library, target: Path, option: str) -> list[str]:
    if getattr(sys, "frozen", False):  # a built app: its executable is the app, which takes --native-probe
        return [sys.executable, "--native-probe", library.value, str(target), option]
    return [sys.executable, "-m", "engine.native.probe_child", library.value, str(target), option]


_children: dict[Library, set[subprocess.Popen[str]]] = {library: set() for library in Library}
_children_lock = threading.Lock()


def stop_probes(library: Library) -> None:
    """End the library's probes still running (its feature is being closed): they give no verdict."""
    with _children_lock:
        running = list(_children[library])
    for child in running:
        child.kill()


def run_probe(library: Library, target: Path, option: str = "", timeout_s: float = CHILD_TIMEOUT_S) -> Verdict:
    """Run the library once in a child process and say how it ended. Blocking: call it off the loop."""
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(p for p in (str(_ROOT), env.get("PYTHONPATH", "")) if p)
    started = time.perf_counter()
    try:
        child = subprocess.Popen(
            child_command(library, target, option),
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            errors="replace",
            env=env,
            cwd=_ROOT,  # not the user's folder, whose files could shadow a module
        )
    except OSError as error:
        log.warning("native probe of %s could not start: %s", library.value, error)
        return Verdict(proven=False, crashed=False)
    with _children_lock:
        _children[library].add(child)
    try:
        stdout, stderr = child.communicate(timeout=timeout_s)
    except subprocess.TimeoutExpired:
        child.kill()
        child.communicate()
        log.warning("native probe of %s gave no verdict within %.0f s; going on without one", library.value, timeout_s)
        return Verdict(proven=False, crashed=False)
    finally:
        with _children_lock:
            _children[library].discard(child)
    elapsed = time.perf_counter() - started
    code = child.returncode
    reason = crash_reason(code)
    tail = "\n".join(stderr.strip().splitlines()[-40:])
    if reason is not None:
        log.error("native probe of %s crashed (%s) after %.1f s:\n%s", library.value, reason, elapsed, tail)
        return Verdict(proven=False, crashed=True, reason=reason, exit_code=code)
    if code == 0 and PROBE_OK in stdout:
        log.info("native probe of %s passed in %.1f s", library.value, elapsed)
        return Verdict(proven=True, crashed=False)
    # An ordinary error (a damaged file, a missing package), or a stop from outside: the app's own loading
    # reports the first properly, and the next start tries again.
    log.info("native probe of %s ended with code %d, no verdict:\n%s", library.value, code, tail)
    return Verdict(proven=False, crashed=False, exit_code=code)


def kept_verdict(library: Library, target: Path, option: str = "", book: ProofBook | None = None) -> Verdict | None:
    """The verdict a probe found earlier for this library, target and option on this machine, if any."""
    return (book or ProofBook()).read(probe_key(library, target, option))


def prove(library: Library, target: Path, option: str = "", book: ProofBook | None = None) -> Verdict:
    """The verdict for this library, target and option on this machine: kept, or found by a probe now."""
    book = book or ProofBook()
    key = probe_key(library, target, option)
    kept = book.read(key)
    if kept is not None:
        return kept
    verdict = run_probe(library, target, option)
    if verdict.conclusive:
        book.write(key, library, verdict)
    return verdict


def ensure_safe(library: Library, target: Path, option: str = "", book: ProofBook | None = None) -> None:
    """Return if the library may run in this process; raise the feature's AppError if it crashed here."""
    verdict = prove(library, target, option, book)
    if verdict.crashed:
        raise crash_error(library, verdict)


class _CrashMessage(AppError):
    """A feature switched off because its library crashed here; the fault is described in the message's language."""

    def message(self, lang: str = "en") -> str:
        from engine import messages

        fault = str(self.params.get("fault", ""))
        key = f"native.signal.{fault}"
        if key in messages.CATALOGUE:
            reason = f"{fault}: {messages.text(key, lang)}"
        else:
            reason = fault or messages.text("native.signal.other", lang, code=self.params.get("code", 0))
        return messages.text(self.key, lang, reason=reason, log=self.params.get("log", "-"))


class LlmCrashError(_CrashMessage, LlmError):
    pass


class SpeechCrashError(_CrashMessage, ModelError):
    pass


def crash_error(library: Library, verdict: Verdict) -> AppError:
    from engine.runtime.logs import log_file

    key = {Library.LLAMA: "native.llm_crashed", Library.VAD: "native.vad_crashed"}.get(library, "native.speech_crashed")
    error = LlmCrashError if library is Library.LLAMA else SpeechCrashError
    return error(key, fault=verdict.reason, code=verdict.exit_code, log=str(log_file() or "-"))
