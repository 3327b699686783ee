"""Saved KV states of interview prefixes, so that a second interview with the same posting and résumé
starts warm instead of reading its whole prefix again.

A state is llama.cpp's own sequence file (`llama_state_seq_save_file`): the KV cache of the tokens read,
and the tokens. This module keeps the bookkeeping: which file holds which prefix of which model, found by
the model file's identity (path, size, modification time: a replaced file never gets an old state) and a
hash of the prefix's tokens; a size bound with the least recently used state evicted first. The native
calls are made by LocalModel on its own thread.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import time
from collections.abc import Sequence
from dataclasses import asdict, dataclass, replace
from pathlib import Path

log = logging.getLogger(__name__)

DEFAULT_LIMIT_BYTES = 2 << 30  # a 4,000-token prefix of a 1.5B model is about 110 MB
MIN_SAVED_TOKENS = 256  # shorter prefixes are read again faster than a state file is written and read
INDEX = "index.json"


@dataclass(frozen=True, slots=True)
class SavedPrefix:
    file: str  # within the cache folder
    model: str  # the model file's identity when it was saved
    tokens: int
    token_hash: str
    size: int
    used_at: float


def model_identity(path: Path) -> str:
    """Changes whenever the model file does (replaced, re-downloaded, edited)."""
    stat = path.stat()
    return f"{path.resolve()}|{stat.st_size}|{stat.st_mtime_ns}"


def token_hash(tokens: Sequence[int]) -> str:
    return hashlib.sha256(b"".join(int(t).to_bytes(4, "little", signed=True) for t in tokens)).hexdigest()


class PrefixCache:
    def __init__(self, folder: Path, model_path: Path, limit_bytes: int = DEFAULT_LIMIT_BYTES) -> None:
        self.folder = folder
        self.model = model_identity(model_path)
        self._model_path = str(model_path.resolve())
        self.limit_bytes = limit_bytes
        self._entries = self._read_index()
        self._drop_stale()

    # -- finding ------------------------------------------------------------------------------------
    def find(self, tokens: Sequence[int], longer_than: int) -> SavedPrefix | None:
        """The longest saved prefix of `tokens` (all but its last token) that holds more than `longer_than`
        tokens, for this model file."""
        best = None
        for entry in self._entries:
            if entry.model != self.model or not longer_than < entry.tokens < len(tokens):
                continue
            if (best is None or entry.tokens > best.tokens) and token_hash(tokens[: entry.tokens]) == entry.token_hash:
                best = entry
        return best

    def path_of(self, entry: SavedPrefix) -> Path:
        return self.folder / entry.file

    def used(self, entry: SavedPrefix) -> None:
        self._entries = [e if e is not entry else replace(e, used_at=time.time()) for e in self._entries]
        self._write_index()

    def covers(self, tokens: Sequence[int]) -> bool:
        """A saved state already holds exactly these tokens."""
        digest = token_hash(tokens)
        return any(e.model == self.model and e.tokens == len(tokens) and e.token_hash == digest for e in self._entries)

    # -- saving -------------------------------------------------------------------------------------
    def new_file(self, tokens: Sequence[int]) -> Path:
        """Where to save the state of `tokens` (call `saved` once the file is written)."""
        self.folder.mkdir(parents=True, exist_ok=True)
        model = hashlib.sha256(self.model.encode()).hexdigest()[:8]
        return self.folder / f"prefix-{model}-{token_hash(tokens)[:16]}-{len(tokens)}.state"

    def saved(self, tokens: Sequence[int], path: Path) -> None:
        entry = SavedPrefix(path.name, self.model, len(tokens), token_hash(tokens), path.stat().st_size, time.time())
        self._entries = [e for e in self._entries if e.file != entry.file] + [entry]
        self._evict()
        self._write_index()

    def forget(self, entry: SavedPrefix) -> None:
        """A state llama.cpp would not load (damaged, or from another build): removed."""
        self._remove(entry)
        self._write_index()

    # -- bookkeeping --------------------------------------------------------------------------------
    def _drop_stale(self) -> None:
        """States of this model path saved from another version of the file are of no use: removed."""
        stale = [e for e in self._entries if e.model.split("|")[0] == self._model_path and e.model != self.model]
        missing = [e for e in self._entries if not (self.folder / e.file).is_file()]
        for entry in stale + missing:
            self._remove(entry)
        if stale or missing:
            self._write_index()
        known = {e.file for e in self._entries}
        for stray in self.folder.glob("prefix-*.state") if self.folder.is_dir() else ():
            if stray.name not in known:  # written by a run killed before it was indexed: never found, so removed
                stray.unlink(missing_ok=True)

    def _evict(self) -> None:
        by_age = sorted(self._entries, key=lambda e: e.used_at)
        while by_age and sum(e.size for e in self._entries) > self.limit_bytes:
            self._remove(by_age.pop(0))

    def _remove(self, entry: SavedPrefix) -> None:
        self._entries = [e for e in self._entries if e is not entry]
        try:
            (self.folder / entry.file).unlink(missing_ok=True)
        except OSError as error:  # a file left behind costs disk space only; the index no longer names it
            log.warning("could not remove the saved model state %s: %s", entry.file, error)

    def _read_index(self) -> list[SavedPrefix]:
        try:
            return [SavedPrefix(**e) for e in json.loads((self.folder / INDEX).read_text("utf-8"))]
        except FileNotFoundError:
            return []
        except (OSError, ValueError, TypeError) as error:  # a damaged index: start afresh, the states go too
            log.warning("saved model states unreadable, cleared: %s", error)
            for stray in self.folder.glob("prefix-*.state"):
                stray.unlink(missing_ok=True)
            return []

    def _write_index(self) -> None:
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            temporary = self.folder / f"{INDEX}.{os.getpid()}.tmp"  # the CLI and the app may both write
            temporary.write_text(json.dumps([asdict(e) for e in self._entries]), "utf-8")
            os.replace(temporary, self.folder / INDEX)  # atomic: a kill leaves the old index or the new
        except OSError as error:  # the states stay usable in this run; the next one may not know them
            log.warning("could not write the saved model states' index: %s", error)
