"""An answer's one stored transcript: which answers still owe their re-read, and the swap that stores it.

The re-read (engine/stt/reread.py) replaces the live finals in transcript_segments, so everything that reads
an answer (review, history search, the PDF, the CLI) reads the re-read without knowing of it; the live
finals move to live_segments, kept for their timing. The swap is one transaction: a kill leaves either the
live transcript, owed a re-read at the next start, or the re-read, never a mix.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import sqlite_utils

from engine.llm.rubric import ModelReview
from engine.storage.records import from_row, review_of
from engine.stt.contract import REREAD_BACKEND as READ_AGAIN
from engine.stt.contract import TranscriptEvent

# Answers whose audio is worth reading again: any that has a recording but was not skipped (an interrupted
# answer's, and a failed one's, whose audio may hold what the live recognition missed).
HEARD = ("complete", "incomplete", "interrupted", "failed")
SEGMENT_COLUMNS = "answer_id, utterance_id, start, end, text, words_json, confidence, backend, created_at"


@dataclass(frozen=True, slots=True)
class OwedReread:
    """An answer whose live transcript still waits for its re-read."""

    answer_id: int
    session_id: int
    language: str
    audio: Path  # the answer's recording, absolute
    duration_s: float
    question: str
    question_type: str  # its content feedback's question type ("" when it has none)
    posting: str  # the session's job posting and résumé, whose terms bias the reading
    resume: str
    review: ModelReview | None  # the interviewer model's stored review, whose quotes the feedback re-checks
    live: str  # the live transcript: a second witness for the reading's repeats, and what stays if it is empty


def owed(db: sqlite_utils.Database, data_dir: Path, session_id: int | None) -> list[OwedReread]:
    """Answers that still hold their live transcript, oldest first (one session's, or all)."""
    where = "a.transcript_source = 'live' and a.audio_path != '' and a.status in (?, ?, ?, ?)"
    params: list[Any] = list(HEARD)
    if session_id is not None:
        where += " and a.session_id = ?"
        params.append(session_id)
    found = []
    for r in db.query(
        "select a.id as answer_id, a.session_id, s.language, a.audio_path, a.duration_s, q.text as question, "
        "json_extract(m.metrics_json, '$.content.question_type') as question_type, s.config_json, sc.rubric_json, "
        "a.transcript as live from answers a join sessions s on s.id = a.session_id join questions q on "
        "q.id = a.question_id left join metrics m on m.answer_id = a.id left join scores sc on sc.answer_id = a.id "
        f"where {where} order by a.id",
        params,
    ):
        config = json.loads(r["config_json"] or "{}")
        posting, resume = str(config.get("job_posting", "")), str(config.get("resume", ""))
        audio = data_dir / str(r["audio_path"])
        found.append(
            from_row(OwedReread, r, audio=audio, posting=posting, resume=resume, review=review_of(r["rubric_json"]))
        )
    return found


@dataclass(frozen=True, slots=True)
class Recording:
    """An answer's kept recording, to time a reading on."""

    audio: Path  # absolute
    language: str
    duration_s: float


def newest_recording(db: sqlite_utils.Database, data_dir: Path) -> Recording | None:
    """The latest answer whose recording is kept (any answer that was heard), or None."""
    placeholders = ", ".join("?" for _ in HEARD)
    for r in db.query(
        "select a.audio_path, s.language, a.duration_s from answers a join sessions s on s.id = a.session_id "
        f"where a.audio_path != '' and a.status in ({placeholders}) order by a.id desc limit 20",
        HEARD,
    ):
        audio = data_dir / str(r["audio_path"])
        if audio.is_file():
            return Recording(audio, str(r["language"] or "en"), float(r["duration_s"] or 0.0))
    return None


def is_owed(db: sqlite_utils.Database, answer_id: int) -> bool:
    row = db.execute("select transcript_source from answers where id = ?", (answer_id,)).fetchone()
    return bool(row) and row[0] == "live"


def store_reread(
    db: sqlite_utils.Database, answer_id: int, segments: tuple[TranscriptEvent, ...], metrics: dict[str, Any] | None
) -> bool:
    """Swap in the re-read (the caller holds one transaction): the live finals move to live_segments, the
    re-read's segments take their place, and the answer's transcript and figures become the re-read's. The
    voice figures, read from the same audio, stay. An answer no longer owed (read already, or deleted) is left
    alone: False."""
    if not is_owed(db, answer_id):
        return False
    db.execute(
        f"insert into live_segments ({SEGMENT_COLUMNS}) select {SEGMENT_COLUMNS} "
        "from transcript_segments where answer_id = ?",
        (answer_id,),
    )
    db.execute("delete from transcript_segments where answer_id = ?", (answer_id,))
    now = datetime.now(UTC).isoformat(timespec="seconds")
    db.table("transcript_segments").insert_all(segment_row(answer_id, s, now) for s in segments)
    transcript = " ".join(s.text for s in segments)
    db.table("answers").update(answer_id, {"transcript": transcript, "transcript_source": "reread"})
    old = db.execute("select metrics_json from metrics where answer_id = ?", (answer_id,)).fetchone()
    if metrics is None:
        db.execute("delete from metrics where answer_id = ?", (answer_id,))
        return True
    content = metrics.get("content")
    if isinstance(content, dict):  # the model's score row shows the content score worked out again
        db.execute("update scores set overall = ? where answer_id = ?", (content["score"], answer_id))
    voice = json.loads(old[0] or "{}").get("voice") if old else None
    document = {**metrics, **({"voice": voice} if voice is not None else {})}
    db.table("metrics").insert(metrics_row(answer_id, document), replace=True)
    return True


def segment_row(answer_id: int, event: TranscriptEvent, created_at: str) -> dict[str, Any]:
    """The transcript_segments row of one final: its words as [text, start, end, probability] lists."""
    return {
        "answer_id": answer_id,
        "utterance_id": event.utterance_id,
        "start": event.start,
        "end": event.end,
        "text": event.text,
        "words_json": json.dumps(
            [[w.text, w.start, w.end, round(w.probability, 4)] for w in event.words], ensure_ascii=False
        ),
        "confidence": event.confidence,
        "backend": event.backend,
        "created_at": created_at,
    }


def metrics_row(answer_id: int, document: dict[str, Any]) -> dict[str, Any]:
    """The metrics table's row for an answer's figures document (its headline figures as columns)."""
    columns = ("words_per_minute", "syllables_per_minute", "fillers_per_minute", "filler_count", "pause_count")
    return {
        "answer_id": answer_id,
        **{name: document[name] for name in (*columns, "longest_pause_s", "speaking_s")},
        "metrics_json": json.dumps(document, ensure_ascii=False),
    }


def give_up(db: sqlite_utils.Database, answer_id: int) -> None:
    """No re-read will come (no audio, audio unreadable, an empty reading): the live transcript is the stored
    one. An answer deleted meanwhile is no error."""
    db.execute("update answers set transcript_source = 'live_only' where id = ?", (answer_id,))


def settle_after_repair(db: sqlite_utils.Database) -> int:
    """After a damaged file was copied and a backup filled in, an answer may hold segments of both kinds (the
    backup predates its swap): keep the kind its transcript_source names. Returns the segments removed."""
    removed = db.execute(
        "delete from transcript_segments where (backend = ? and answer_id in (select id from answers where "
        "transcript_source != 'reread')) or (backend != ? and answer_id in (select id from answers where "
        "transcript_source = 'reread'))",
        (READ_AGAIN, READ_AGAIN),
    ).rowcount
    return int(removed)
