"""Each question is synthesised once: rendered audio is cached on disk by a hash of what shaped it, and
requests for audio already being rendered wait for that render instead of starting another."""

from __future__ import annotations

import asyncio
import hashlib
import logging
from pathlib import Path
from typing import Protocol

import numpy as np

from engine.tts.espeak import SpeechAudio, VoiceRequest

log = logging.getLogger(__name__)


class Renderer(Protocol):
    name: str

    async def render(self, request: VoiceRequest) -> SpeechAudio: ...


def cache_key(engine: str, request: VoiceRequest) -> str:
    material = "\x1f".join((engine, request.voice_name, str(request.words_per_minute), request.text))
    return hashlib.sha256(material.encode("utf-8")).hexdigest()


class SpeechCache:
    def __init__(self, folder: Path, renderer: Renderer) -> None:
        self.folder = folder
        self.renderer = renderer
        self._pending: dict[str, asyncio.Future[SpeechAudio]] = {}
        self.renders = 0  # how many times the renderer actually ran
        self.hits = 0

    def _path(self, key: str) -> Path:
        return self.folder / f"{key}.npz"

    async def get(self, request: VoiceRequest) -> SpeechAudio:
        key = cache_key(self.renderer.name, request)
        pending = self._pending.get(key)
        if pending is not None:
            self.hits += 1
            return await asyncio.shield(pending)
        future: asyncio.Future[SpeechAudio] = asyncio.get_running_loop().create_future()
        self._pending[key] = future
        try:
            audio = await asyncio.to_thread(self._read, key)
            if audio is not None:
                self.hits += 1
            else:
                self.renders += 1
                audio = await self.renderer.render(request)
                await asyncio.to_thread(self._write, key, audio)
            future.set_result(audio)
            return audio
        except BaseException as error:
            future.set_exception(error)
            future.exception()  # retrieved here: waiters get it from their own await
            raise
        finally:
            del self._pending[key]

    def _read(self, key: str) -> SpeechAudio | None:
        path = self._path(key)
        try:
            with np.load(path) as data:
                return SpeechAudio(data["samples"].astype(np.int16), int(data["rate"]))
        except FileNotFoundError:
            return None
        except (OSError, ValueError, KeyError) as error:  # a damaged entry is rendered again
            log.warning("speech cache entry %s unreadable (%s); rendering again", path, error)
            return None

    def _write(self, key: str, audio: SpeechAudio) -> None:
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            temporary = self._path(key).with_suffix(".tmp.npz")
            np.savez(temporary, samples=audio.samples, rate=np.int64(audio.rate))
            temporary.replace(self._path(key))
        except OSError as error:  # a full disk costs a render next time, never the question
            log.warning("could not cache synthesised speech: %s", error)
