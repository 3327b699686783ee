"""Resumable, verified, cancellable downloads of large model files (httpx, a well-kept HTTP client).

A download writes `<file>.part` beside its target. Stopping (cancel, a dropped network, a closed app) keeps
the part; the next attempt asks the server for the rest with an HTTP Range request and only the new bytes
travel. Nothing is renamed into place until its size and sha256 match. Blocking by design: the caller runs it
on a worker thread and cancels through a threading.Event (checked between chunks of 1 MiB).
"""

from __future__ import annotations

import enum
import errno
import hashlib
import logging
import os
import re
import threading
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

if TYPE_CHECKING:  # imported where a download starts: the app's start-up does not pay for it
    import httpx

log = logging.getLogger(__name__)

CHUNK = 1 << 20
_SHA256 = re.compile(r"^[0-9a-f]{64}$")

T = TypeVar("T")
ProgressCallback = Callable[[int, int | None], None]  # bytes on disk, total (None: the server did not say)


class FailureKind(enum.StrEnum):
    NETWORK = "network"  # retry: the part is kept
    HTTP = "http"  # the server refused (status)
    CHECKSUM = "checksum"  # the bytes were wrong: the part is removed
    DISK = "disk"  # the disk is full or not writable: the part is kept


class DownloadFailed(Exception):
    def __init__(self, kind: FailureKind, detail: str, status: int | None = None) -> None:
        super().__init__(f"{kind.value}: {detail}")
        self.kind = kind
        self.detail = detail
        self.status = status  # the HTTP status the server refused with (404: no such file)


class DownloadCancelled(Exception):
    """The user stopped it; the part is kept so that the next attempt resumes."""


@dataclass(frozen=True)
class Expected:
    size: int | None = None  # None: whatever the server announces
    sha256: str | None = None  # None: the hub's own checksum header, when it sends one
    checked: bool = False  # refuse the file if no sha256 is known (neither pinned nor sent by the server)


async def in_background(blocking: Callable[[threading.Event], T]) -> T:
    """Run a blocking download on a worker thread, handing it the event that stops it: cancelling the awaiting
    task sets it and waits for the thread (it stops at its next chunk; the part stays for a resume)."""
    import asyncio

    cancel = threading.Event()
    work = asyncio.ensure_future(asyncio.to_thread(blocking, cancel))
    try:
        return await asyncio.shield(work)
    except asyncio.CancelledError:
        cancel.set()
        await asyncio.gather(work, return_exceptions=True)
        raise
    except DownloadCancelled:  # cancelled from elsewhere (not expected): treat as a stop
        raise asyncio.CancelledError from None


def part_path(target: Path) -> Path:
    return target.with_name(target.name + ".part")


def _hash_existing(path: Path, hasher: hashlib._Hash, cancel: threading.Event, progress: ProgressCallback) -> int:
    done = 0
    with path.open("rb") as f:
        while chunk := f.read(CHUNK * 8):
            if cancel.is_set():
                raise DownloadCancelled
            hasher.update(chunk)
            done += len(chunk)
            progress(done, None)
    return done


def _announced_sha256(response: httpx.Response) -> str | None:
    """The Hugging Face hub names an LFS file's sha256 in X-Linked-Etag (on the redirect) or ETag."""
    for r in [*response.history, response]:
        for header in ("x-linked-etag", "etag"):
            value = str(r.headers.get(header, "")).strip().removeprefix("W/").strip('"').lower()
            if _SHA256.match(value):
                return value
    return None


def download(
    url: str,
    target: Path,
    expected: Expected,
    *,
    cancel: threading.Event,
    progress: ProgressCallback,
    client: httpx.Client | None = None,
) -> Path:
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
    except OSError as error:  # a models folder this user cannot write to: said as a disk problem, with what to do
        raise DownloadFailed(FailureKind.DISK, error.strerror or str(error)) from error
    part = part_path(target)
    hasher = hashlib.sha256()
    have = _hash_existing(part, hasher, cancel, progress) if part.exists() else 0
    if expected.size is not None and have > expected.size:
        part.unlink()  # longer than the file can be: not a part of it
        hasher, have = hashlib.sha256(), 0
    import httpx

    own_client = client is None
    http = client or httpx.Client(follow_redirects=True, timeout=httpx.Timeout(30.0, read=60.0))
    try:
        headers = {"Range": f"bytes={have}-"} if have else {}
        try:
            with http.stream("GET", url, headers=headers) as response:
                total: int | None
                if response.status_code == 416 and have:
                    total = have  # the part already holds every byte; check it below
                    announced = _announced_sha256(response)
                else:
                    if response.status_code not in (200, 206):
                        status = response.status_code
                        raise DownloadFailed(FailureKind.HTTP, f"HTTP {status} from {url}", status)
                    if response.status_code == 200 and have:
                        log.info("server ignored the range request; starting %s again", target.name)
                        hasher, have = hashlib.sha256(), 0
                    announced = _announced_sha256(response)
                    if expected.checked and not (expected.sha256 or announced):
                        _refuse_unchecked(part)  # said before a byte of a large file is fetched
                    length = response.headers.get("content-length")
                    total = have + int(length) if length is not None else expected.size
                    if expected.size is not None and total is not None and total != expected.size:
                        raise DownloadFailed(
                            FailureKind.HTTP, f"the server offers {total} bytes, expected {expected.size}"
                        )
                    progress(have, total)
                    with part.open("ab" if have else "wb") as out:
                        for chunk in response.iter_bytes(CHUNK):
                            if cancel.is_set():
                                raise DownloadCancelled
                            out.write(chunk)
                            hasher.update(chunk)
                            have += len(chunk)
                            progress(have, total)
        except httpx.TransportError as error:
            raise DownloadFailed(FailureKind.NETWORK, str(error) or type(error).__name__) from error
        except OSError as error:
            if error.errno in (errno.ENOSPC, errno.EDQUOT, errno.EROFS, errno.EACCES):
                raise DownloadFailed(FailureKind.DISK, error.strerror or str(error)) from error
            raise
    finally:
        if own_client:
            http.close()
    if expected.checked and not (expected.sha256 or announced):
        _refuse_unchecked(part)  # a part already whole (416)
    _verify(part, have, total, expected.sha256 or announced, hasher.hexdigest())
    os.replace(part, target)
    return target


def _refuse_unchecked(part: Path) -> None:
    part.unlink(missing_ok=True)  # whole, maybe, but nothing says it is the right file
    raise DownloadFailed(FailureKind.CHECKSUM, "the server sent no checksum to check the file against")


def _verify(part: Path, have: int, total: int | None, sha256: str | None, actual: str) -> None:
    if total is not None and have < total:
        raise DownloadFailed(FailureKind.NETWORK, f"the connection ended after {have} of {total} bytes")
    if sha256 is not None and actual != sha256:
        part.unlink(missing_ok=True)  # wrong bytes: resuming from them would never succeed
        raise DownloadFailed(FailureKind.CHECKSUM, f"sha256 {actual}, expected {sha256}")
