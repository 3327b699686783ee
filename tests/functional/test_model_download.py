"""Model downloads against a real HTTP server on 127.0.0.1 (never the hub): resume, verify, cancel, licence."""

from __future__ import annotations

import asyncio
import hashlib
import os
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from engine.errors import LlmError
from engine.llm.installer import install, installed_path, partial_bytes
from models.download import CHUNK
from models.llm_catalogue import EXAONE_3_5_2_4B, LlmSpec, recommend

PAYLOAD = os.urandom(3 * CHUNK + 12345)
SHA = hashlib.sha256(PAYLOAD).hexdigest()


@dataclass
class Behaviour:
    drop_after: int | None = None  # close the connection after this many bytes (once)
    ignore_range: bool = False
    etag: str | None = None  # sent as X-Linked-Etag, as the Hugging Face hub does
    hold_after: int | None = None  # stop sending after this many bytes until `release` is set
    release: threading.Event = field(default_factory=threading.Event)
    ranges: list[str] = field(default_factory=list)


@pytest.fixture
def server() -> Iterator[tuple[str, Behaviour]]:
    behaviour = Behaviour()

    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *args: object) -> None:
            return

        def do_GET(self) -> None:
            requested = self.headers.get("Range", "")
            behaviour.ranges.append(requested)
            start = int(requested.removeprefix("bytes=").rstrip("-")) if requested else 0
            if behaviour.ignore_range:
                start = 0
            if start >= len(PAYLOAD):
                self.send_response(416)
                self.end_headers()
                return
            self.send_response(206 if start else 200)
            if start:
                self.send_header("Content-Range", f"bytes {start}-{len(PAYLOAD) - 1}/{len(PAYLOAD)}")
            self.send_header("Content-Length", str(len(PAYLOAD) - start))
            if behaviour.etag:
                self.send_header("X-Linked-Etag", f'"{behaviour.etag}"')
            self.end_headers()
            body = PAYLOAD[start:]
            if behaviour.drop_after is not None:
                limit, behaviour.drop_after = behaviour.drop_after, None
                self.wfile.write(body[:limit])
                self.wfile.flush()
                self.connection.shutdown(2)  # the network drops mid-file
                return
            if behaviour.hold_after is not None:
                self.wfile.write(body[: behaviour.hold_after])
                self.wfile.flush()
                behaviour.release.wait(10)
                body = body[behaviour.hold_after :]
            self.wfile.write(body)

    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}/EXAONE-test-Q4_K_M.gguf", behaviour
    behaviour.release.set()
    httpd.shutdown()
    httpd.server_close()


def spec_for(url: str, *, sha256: str | None = SHA) -> LlmSpec:
    return replace(EXAONE_3_5_2_4B, url=url, size_bytes=len(PAYLOAD), sha256=sha256, file_name="test.gguf")


async def test_a_download_is_verified_and_put_in_place_with_progress(
    server: tuple[str, Behaviour], tmp_path: Path
) -> None:
    url, _ = server
    seen: list[tuple[int, int | None]] = []
    path = await install(spec_for(url), tmp_path, licence_accepted=True, progress=lambda d, t: seen.append((d, t)))
    assert path == installed_path(spec_for(url), tmp_path)
    assert path.read_bytes() == PAYLOAD
    assert not path.with_name(path.name + ".part").exists()
    assert seen[-1] == (len(PAYLOAD), len(PAYLOAD))
    assert [d for d, _ in seen] == sorted(d for d, _ in seen)


async def test_a_dropped_download_resumes_where_it_stopped(server: tuple[str, Behaviour], tmp_path: Path) -> None:
    url, behaviour = server
    behaviour.drop_after = CHUNK + 100
    with pytest.raises(LlmError) as caught:
        await install(spec_for(url), tmp_path, licence_accepted=True, progress=lambda d, t: None)
    assert caught.value.key == "llm.download_network"
    assert "resume" in caught.value.message("en")
    kept = partial_bytes(spec_for(url), tmp_path)
    assert kept > 0
    path = await install(spec_for(url), tmp_path, licence_accepted=True, progress=lambda d, t: None)
    assert behaviour.ranges[-1] == f"bytes={kept}-", "only the rest travels"
    assert path.read_bytes() == PAYLOAD


async def test_a_server_that_ignores_ranges_sends_it_all_again(server: tuple[str, Behaviour], tmp_path: Path) -> None:
    url, behaviour = server
    behaviour.drop_after = CHUNK
    with pytest.raises(LlmError):
        await install(spec_for(url), tmp_path, licence_accepted=True, progress=lambda d, t: None)
    behaviour.ignore_range = True
    path = await install(spec_for(url), tmp_path, licence_accepted=True, progress=lambda d, t: None)
    assert path.read_bytes() == PAYLOAD


async def test_wrong_bytes_are_removed_and_reported(server: tuple[str, Behaviour], tmp_path: Path) -> None:
    url, _ = server
    spec = spec_for(url, sha256="0" * 64)
    with pytest.raises(LlmError) as caught:
        await install(spec, tmp_path, licence_accepted=True, progress=lambda d, t: None)
    assert caught.value.key == "llm.download_checksum"
    assert not installed_path(spec, tmp_path).exists()
    assert partial_bytes(spec, tmp_path) == 0, "a damaged part is not kept to resume from"


async def test_without_a_pinned_checksum_the_hubs_own_is_checked(server: tuple[str, Behaviour], tmp_path: Path) -> None:
    url, behaviour = server
    behaviour.etag = "f" * 64  # the server announces a checksum the bytes do not have
    with pytest.raises(LlmError) as caught:
        await install(spec_for(url, sha256=None), tmp_path, licence_accepted=True, progress=lambda d, t: None)
    assert caught.value.key == "llm.download_checksum"
    behaviour.etag = SHA
    path = await install(spec_for(url, sha256=None), tmp_path, licence_accepted=True, progress=lambda d, t: None)
    assert path.read_bytes() == PAYLOAD


async def test_cancelling_keeps_the_part_and_the_next_attempt_resumes(
    server: tuple[str, Behaviour], tmp_path: Path
) -> None:
    url, behaviour = server
    behaviour.hold_after = 2 * CHUNK
    reached = asyncio.Event()

    def progress(done: int, total: int | None) -> None:
        if done >= CHUNK:
            reached.set()

    task = asyncio.create_task(install(spec_for(url), tmp_path, licence_accepted=True, progress=progress))
    await reached.wait()
    task.cancel()
    behaviour.release.set()  # the server may go on; the client has stopped reading
    with pytest.raises(asyncio.CancelledError):
        await task
    kept = partial_bytes(spec_for(url), tmp_path)
    assert CHUNK <= kept < len(PAYLOAD)
    behaviour.hold_after = None
    path = await install(spec_for(url), tmp_path, licence_accepted=True, progress=lambda d, t: None)
    assert behaviour.ranges[-1] == f"bytes={kept}-"
    assert path.read_bytes() == PAYLOAD


async def test_no_download_starts_before_the_licence_is_accepted(server: tuple[str, Behaviour], tmp_path: Path) -> None:
    url, behaviour = server
    with pytest.raises(LlmError) as caught:
        await install(spec_for(url), tmp_path, licence_accepted=False, progress=lambda d, t: None)
    assert caught.value.key == "llm.licence_needed"
    assert behaviour.ranges == []


def test_the_recommendation_follows_memory_and_gpu() -> None:
    gib = 1 << 30
    assert recommend(32 * gib).id == "exaone-3.5-7.8b"  # type: ignore[union-attr]
    assert recommend(16 * gib).id == "exaone-3.5-2.4b"  # type: ignore[union-attr]
    assert recommend(8 * gib).id == "exaone-4.0-1.2b"  # type: ignore[union-attr]
    assert recommend(4 * gib) is None  # too small: a remote server is the way
    assert recommend(8 * gib, gpu_memory_bytes=12 * gib).id == "exaone-3.5-7.8b"  # type: ignore[union-attr]
