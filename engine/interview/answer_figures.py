"""What one answer's words and recording say, worked out once it ends: its speech figures, its content
feedback against the question, and its voice; and the document the store keeps of them."""

from __future__ import annotations

import asyncio
import errno
import logging
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from engine.analysis.metrics import AnswerMetrics, analyse
from engine.analysis.voice_delivery import measure
from engine.audio.file_source import read_samples
from engine.errors import AudioFileError, StorageError
from engine.feedback.assess import assess
from engine.feedback.question_type import QuestionType
from engine.feedback.view import FeedbackView, build_view
from engine.stt.contract import Word

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class AnswerFigures:
    metrics: AnswerMetrics
    content: FeedbackView
    document: dict[str, Any]  # what the store keeps: the figures, the content feedback and the voice


async def figures_of(
    words: Sequence[Word],
    transcript: str,
    duration_s: float,
    language: str,
    question: tuple[str, QuestionType],
    keywords: tuple[str, ...],
    recording: Path | None,
) -> AnswerFigures:
    """Off the loop: the filler, cue and word lists are read from disk on first use. `recording`: the
    answer's audio, whose voice is measured (None when it was not written)."""
    metrics = await asyncio.to_thread(analyse, list(words), language, duration_s)
    text, kind = question
    content = build_view(await asyncio.to_thread(assess, text, transcript, language, kind, keywords))
    document = {**metrics.to_dict(), "content": content.to_stored()}
    if recording is not None:
        document["voice"] = await asyncio.to_thread(_voice_of, recording)
    return AnswerFigures(metrics, content, document)


def _voice_of(path: Path) -> dict[str, Any] | None:
    """Loudness and pitch variation from the answer's recording; None if it cannot be read back."""
    try:
        return measure(read_samples(path)).to_dict()
    except AudioFileError as error:  # the transcript and its figures stand without it
        log.warning("could not measure the voice in %s: %s", path, error)
        return None


def recording_error(error: BaseException, path: Path) -> StorageError:
    """What the user can do about a recording that could not be written: free space only if the disk is full."""
    if getattr(error, "errno", None) == errno.ENOSPC:
        return StorageError("storage.disk_full", path=str(path))
    return StorageError("storage.recording_unwritable", path=str(path), detail=str(error))
