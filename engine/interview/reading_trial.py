"""What a speech model's re-read would cost on this machine, before it reads an interview: it reads the
candidate's latest recorded answer, as the keeper would (engine/stt/reread.py), and only the cost is kept.

Settings offer this beside the choice of the reading model, so that a larger model's price is known on this
machine before practice depends on it. Nothing of the answer changes: its stored transcript stays.
"""

from __future__ import annotations

import asyncio
import logging
import time
from dataclasses import dataclass, replace
from pathlib import Path

from engine.audio.file_source import read_samples
from engine.audio.frames import SAMPLE_RATE
from engine.config.settings import SpeechSettings
from engine.interview.stored_transcript import READING_THREADS, reads_beside_live
from engine.storage.reading_costs import ReadingCost
from engine.storage.store import Store
from engine.stt.speech_model import SpeechModel

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class Trial:
    """A timed reading of one recorded answer."""

    model: str
    audio_s: float  # the answer's length
    cost_s: float  # the reading's compute time
    load_s: float  # loading the model first (once per start in the app)

    @property
    def per_minute_s(self) -> float:
        return 60.0 * self.cost_s / self.audio_s if self.audio_s > 0 else 0.0


async def time_a_reading(store: Store, settings: SpeechSettings, models_dir: Path) -> Trial | None:
    """Read the latest recorded answer with `settings`' model and keep what it cost; None when no answer has a
    recording yet. Raises ModelError when the model cannot load, AudioFileError when the recording cannot be
    read. The model is loaded for this alone, as the keeper loads it (its threads), and let go after."""
    recording = await store.newest_recording()
    if recording is None:
        return None
    threads = READING_THREADS if reads_beside_live(settings.cpu_threads) else settings.cpu_threads
    model = SpeechModel(replace(settings, cpu_threads=threads), models_dir)
    try:
        began = time.perf_counter()
        decoder = await model.get()
        load_s = time.perf_counter() - began
        samples = await asyncio.to_thread(read_samples, recording.audio)
        from engine.stt.reread import reread  # loads CTranslate2: only once the model passed its probe

        reading = await asyncio.to_thread(reread, decoder, samples, recording.language)
    finally:
        await model.close()
    audio_s = len(samples) / SAMPLE_RATE
    await store.record_reading_cost(ReadingCost(settings.model, audio_s, reading.cost_s, None))
    log.info("%s read a %.0f s answer in %.1f s (loaded in %.1f s)", settings.model, audio_s, reading.cost_s, load_s)
    return Trial(settings.model, audio_s, reading.cost_s, load_s)
