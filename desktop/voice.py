"""The interviewer speaks each question: a system voice through Qt's QTextToSpeech where the OS has one
for the interview's language (SAPI/WinRT, AVFoundation, speech-dispatcher), else espeak-ng.

espeak-ng's audio is rendered, cached by (text, voice, rate) and played through our own output stream, so
its start and end are exact; a system voice speaks by itself (PySide6 does not bind Qt's synthesize()),
so its timing comes from QTextToSpeech's state. Either way the turn-taking gate is shut while it speaks.
"""

from __future__ import annotations

import asyncio
import logging
import time
from typing import Any

from PySide6.QtCore import QLocale, QObject, Signal

from desktop.context import AppContext
from engine.audio.gate import TurnGate
from engine.tts.cache import SpeechCache
from engine.tts.espeak import EspeakSynthesizer, TtsError, VoiceRequest

log = logging.getLogger(__name__)


class SystemVoice:
    """One QTextToSpeech engine with a voice for one language."""

    def __init__(self, speech: Any) -> None:
        self._speech = speech

    @staticmethod
    def find(language: str, engines: list[str] | None = None) -> SystemVoice | None:
        try:
            from PySide6.QtTextToSpeech import QTextToSpeech
        except ImportError as error:  # on Linux it needs libpulse; espeak-ng serves instead
            log.info("Qt text-to-speech unavailable (%s)", error)
            return None
        wanted = QLocale(language).language()
        # "mock" is Qt's test engine: never a real voice.
        for name in engines if engines is not None else [e for e in QTextToSpeech.availableEngines() if e != "mock"]:
            speech = QTextToSpeech(name)
            if speech.state() == QTextToSpeech.State.Error:
                continue
            voices = [v for v in speech.availableVoices() if v.locale().language() == wanted]
            if voices:
                speech.setVoice(voices[0])
                return SystemVoice(speech)
        return None

    async def say(self, text: str, words_per_minute: int, started: Any) -> None:
        from PySide6.QtTextToSpeech import QTextToSpeech

        loop = asyncio.get_running_loop()
        done: asyncio.Future[None] = loop.create_future()

        def state_changed(state: QTextToSpeech.State) -> None:
            if state == QTextToSpeech.State.Speaking:
                started()
            elif state in (QTextToSpeech.State.Ready, QTextToSpeech.State.Error) and not done.done():
                done.set_result(None)

        self._speech.stateChanged.connect(state_changed)
        # Qt's rate runs from -1 to 1 around the voice's normal pace (about 165 words a minute).
        self._speech.setRate(max(-1.0, min(1.0, (words_per_minute - 165) / 165)))
        try:
            self._speech.say(text)
            await done
        finally:
            self._speech.stateChanged.disconnect(state_changed)

    def stop(self) -> None:
        self._speech.stop()


class InterviewerVoice(QObject):
    speaking = Signal(bool)
    firstSound = Signal(float)  # seconds from the request to the first sound (bench/tts_latency.py)

    def __init__(self, ctx: AppContext, gate: TurnGate) -> None:
        super().__init__()
        self.ctx = ctx
        self.gate = gate
        self.espeak = EspeakSynthesizer()
        self.cache = SpeechCache(ctx.paths.data_dir / "cache" / "speech", self.espeak)
        self._system: dict[str, SystemVoice | None] = {}
        self._current: SystemVoice | None = None
        self.system_engines: list[str] | None = None  # None: every installed engine but Qt's mock one
        self._warned = False  # a voice that cannot speak is reported once, not at every question

    def system_voice(self, language: str) -> SystemVoice | None:
        if self.ctx.preferences.voice:  # the user chose an espeak-ng voice
            return None
        if language not in self._system:
            self._system[language] = SystemVoice.find(language, self.system_engines)
        return self._system[language]

    async def say(self, text: str, language: str) -> None:
        """Speak the question (if speaking is on); returns when it has been spoken or stopped."""
        prefs = self.ctx.preferences
        self.gate.enabled = not prefs.headset
        if not prefs.speak_questions:
            return
        asked = time.perf_counter()
        began = False

        def started() -> None:
            nonlocal began
            began = True
            self.gate.interviewer_started()
            self.speaking.emit(True)
            self.firstSound.emit(time.perf_counter() - asked)

        system = self.system_voice(language)
        try:
            if system is not None:
                self._current = system
                await system.say(text, prefs.speech_rate_wpm, started)
            else:
                if not self.espeak.available:
                    raise TtsError("tts.unavailable")
                audio = await self.cache.get(VoiceRequest(text, language, prefs.voice, prefs.speech_rate_wpm))
                started()  # the output stream starts at once; its buffer is small (engine/audio/playback.py)
                await self.ctx.player.play(audio.samples, audio.rate)
        except TtsError:
            if self._warned:
                log.info("question not spoken (already reported)")
                return
            self._warned = True
            raise
        finally:
            self._current = None
            if began:
                self.gate.interviewer_stopped()
                self.speaking.emit(False)

    def stop(self) -> None:
        """The candidate took the turn: stop speaking now."""
        if self._current is not None:
            self._current.stop()
        self.ctx.player.stop()
