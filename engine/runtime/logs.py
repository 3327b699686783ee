"""The app's log: a rotating file in the OS's log folder, stderr for warnings, native faults captured.

A candidate whose app misbehaves has one folder to send (Help → Open log folder). Every handler carries the
secrets filter (engine/config/secrets.py), so tokens, client secrets and API keys never reach the file. A native
crash cannot run Python, so faulthandler writes its stack to `faults-<pid>.log` beside the log (one per
process: a second instance or a CLI run never truncates another's), and the next start folds the dumps of
processes that are gone into the log and says so.
"""

from __future__ import annotations

import faulthandler
import logging
import logging.handlers
import os
import re
import sys
from pathlib import Path
from typing import IO

from engine.config.secrets import RedactingFilter, RedactingFormatter, scrub
from engine.config.settings import default_log_dir
from engine.native.process_alive import process_alive

LOG_FILE = "interview-coach.log"
FAULTS_GLOB = "faults-*.log"
# What a dump of a real crash holds. On Windows faulthandler also reports exceptions that were handled
# ("Windows fatal exception: code 0x8001010d"); the faults it names (access violation, illegal instruction,
# stack overflow) are the real ones.
_CRASH = re.compile(r"Fatal Python error|Windows fatal exception: (?!code 0x)")
MAX_BYTES = 2_000_000  # per file; with 3 backups a log folder stays under 8 MB
BACKUPS = 3
FORMAT = "%(asctime)s %(process)d %(threadName)s %(name)s %(levelname)s %(message)s"


class _AppHandler:
    """Marks the handlers this module installed, so a second set-up (tests, the CLI run twice) replaces them."""


class _FileHandler(logging.handlers.RotatingFileHandler, _AppHandler):
    pass


class _StreamHandler(logging.StreamHandler, _AppHandler):  # type: ignore[type-arg]
    pass


class _State:
    file: Path | None = None
    faults: IO[str] | None = None
    previous_crash = False


_state = _State()


class _NoFrames(logging.Filter):
    """websockets logs every frame at debug level (ten audio frames a second): the handshake is worth keeping,
    the frames would rotate everything else out of the log within a minute."""

    def filter(self, record: logging.LogRecord) -> bool:
        return not (record.name.startswith("websockets") and record.msg in ("< %s", "> %s"))


def setup_logging(verbose: bool = False, folder: Path | None = None) -> Path | None:
    """Log to the rotating file (INFO, DEBUG with `verbose`) and to stderr (WARNING, INFO with `verbose`).

    Returns the log file, or None if its folder cannot be written (then stderr alone, with a warning).
    """
    _take_off()
    logging.getLogger().setLevel(logging.DEBUG if verbose else logging.INFO)
    console_format = "%(asctime)s %(name)s %(levelname)s %(message)s"
    _add(_StreamHandler(sys.stderr), logging.INFO if verbose else logging.WARNING, console_format)
    folder = folder or default_log_dir()
    try:
        folder.mkdir(parents=True, exist_ok=True)
        file_handler = _FileHandler(folder / LOG_FILE, maxBytes=MAX_BYTES, backupCount=BACKUPS, encoding="utf-8")
    except OSError as error:
        _state.file = None
        logging.getLogger(__name__).warning("no log file (%s cannot be written: %s)", folder, error)
        return None
    _add(file_handler, logging.DEBUG if verbose else logging.INFO, FORMAT)
    _state.file = folder / LOG_FILE
    _capture_faults(folder)
    return folder / LOG_FILE


def _add(handler: logging.Handler, level: int, line_format: str) -> None:
    """Install one of this module's handlers: secrets scrubbed, websockets' frames left out."""
    handler.setLevel(level)
    handler.setFormatter(RedactingFormatter(line_format))
    handler.addFilter(RedactingFilter())
    handler.addFilter(_NoFrames())
    logging.getLogger().addHandler(handler)


def _take_off() -> None:
    root = logging.getLogger()
    for handler in [h for h in root.handlers if isinstance(h, _AppHandler)]:
        root.removeHandler(handler)
        handler.close()
    if _state.faults is not None:
        faulthandler.disable()
        _state.faults.close()
        _state.faults = None


def faults_file(folder: Path, pid: int | None = None) -> Path:
    return folder / f"faults-{pid or os.getpid()}.log"


def _capture_faults(folder: Path) -> None:
    """Fold the dumps of earlier runs that crashed into the log, then point faulthandler at this run's file."""
    for path in sorted(folder.glob(FAULTS_GLOB)):
        pid = path.stem.removeprefix("faults-")
        if not pid.isdigit() or int(pid) == os.getpid() or process_alive(int(pid)):
            continue
        try:
            dump = path.read_text(encoding="utf-8", errors="replace").strip()
            path.unlink()
        except OSError as error:
            logging.getLogger(__name__).warning("could not read the fault dump %s: %s", path, error)
            continue
        if _CRASH.search(dump):
            logging.getLogger(__name__).error("a previous run (pid %s) crashed; its fault dump:\n%s", pid, dump)
            _state.previous_crash = True
    try:
        stream = faults_file(folder).open("w", encoding="utf-8")
    except OSError as error:
        logging.getLogger(__name__).warning("native faults will not be logged: %s", error)
        return
    faulthandler.enable(file=stream, all_threads=True)
    _state.faults = stream


def log_file() -> Path | None:
    """The current log file, if logging to a file was set up."""
    return _state.file


def take_previous_crash() -> bool:
    """Whether the last run left a native fault dump (found when logging was set up); True once, to say it once."""
    crashed, _state.previous_crash = _state.previous_crash, False
    return crashed


def shutdown_logging() -> None:
    """Take this module's handlers off the root logger and stop writing native faults to the log folder."""
    _take_off()
    _state.file = None
    _state.previous_crash = False


def log_tail(max_chars: int = 20_000) -> str:
    """The end of the log (for a bug report), with known secrets scrubbed once more."""
    path = log_file()
    if path is None:
        return ""
    for handler in logging.getLogger().handlers:
        handler.flush()
    try:
        with path.open("rb") as stream:
            stream.seek(0, 2)
            stream.seek(max(0, stream.tell() - max_chars * 2))
            text = stream.read().decode("utf-8", errors="replace")
    except OSError:
        return ""
    return scrub(text[-max_chars:])
