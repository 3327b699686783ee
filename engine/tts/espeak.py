"""The interviewer's voice rendered to audio with espeak-ng: offline, on every OS, Korean and English.

espeak-ng writes a WAV to stdout; it runs as a subprocess, so the event loop only waits on a pipe. Rendered
audio (rather than speech played by the engine itself) is what lets a question be cached and played
through the same output path whose timing the turn-taking gate follows.
"""

from __future__ import annotations

import asyncio
import io
import shutil
import wave
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from engine.errors import AppError

# espeak-ng's own voice names for the interview languages.
VOICES = {"en": "en-us", "ko": "ko"}
DEFAULT_WPM = 165  # a calm interviewer; espeak's default (175) sounds hurried in Korean


class TtsError(AppError):
    title_key = "error.title.tts"


@dataclass(frozen=True, slots=True)
class VoiceRequest:
    text: str
    language: str
    voice: str = ""  # "" = the language's default voice
    words_per_minute: int = DEFAULT_WPM

    @property
    def voice_name(self) -> str:
        return self.voice or VOICES.get(self.language, "en-us")


@dataclass(frozen=True)
class SpeechAudio:
    samples: npt.NDArray[np.int16]  # mono
    rate: int

    @property
    def seconds(self) -> float:
        return len(self.samples) / self.rate


class EspeakSynthesizer:
    name = "espeak-ng"

    def __init__(self, executable: str | None = None) -> None:
        self.executable = executable or shutil.which("espeak-ng") or shutil.which("espeak")

    @property
    def available(self) -> bool:
        return self.executable is not None

    async def render(self, request: VoiceRequest) -> SpeechAudio:
        if self.executable is None:
            raise TtsError("tts.unavailable")
        try:
            process = await asyncio.create_subprocess_exec(
                self.executable,
                "--stdout",
                "-v",
                request.voice_name,
                "-s",
                str(request.words_per_minute),
                "--",
                request.text,
                stdout=asyncio.subprocess.PIPE,
                stderr=asyncio.subprocess.PIPE,
            )
        except OSError as error:  # removed or not executable since it was found
            raise TtsError("tts.failed", detail=error.strerror or str(error)) from error
        out, err = await process.communicate()
        if process.returncode != 0 or not out:
            raise TtsError("tts.failed", detail=err.decode("utf-8", "replace").strip()[:200] or str(process.returncode))
        return parse_wav(out)


def parse_wav(data: bytes) -> SpeechAudio:
    """16-bit mono WAV bytes as samples. espeak-ng writes 0xFFFFFFFF sizes to a pipe: read all frames."""
    try:
        with wave.open(io.BytesIO(data)) as reader:
            if reader.getsampwidth() != 2 or reader.getnchannels() != 1:
                raise TtsError("tts.failed", detail="unexpected audio format")
            rate = reader.getframerate()
    except (wave.Error, EOFError) as error:
        raise TtsError("tts.failed", detail=str(error)) from error
    header = data.find(b"data") + 8  # the samples follow the data chunk's id and size
    samples = np.frombuffer(data[header : header + (len(data) - header) // 2 * 2], dtype="<i2").astype(np.int16)
    return SpeechAudio(samples, rate)
