"""The database schema, as an ordered list of migrations; PRAGMA user_version holds how many ran."""

from __future__ import annotations

from collections.abc import Callable

import sqlite_utils

# An answer's transcript segments: the stored ones (v1), and the live ones a re-read replaced (v4).
SEGMENT_COLUMNS: dict[str, type] = {
    "id": int,
    "answer_id": int,
    "utterance_id": int,
    "start": float,
    "end": float,
    "text": str,
    "words_json": str,
    "confidence": float,
    "backend": str,
    "created_at": str,
}


def _v1(db: sqlite_utils.Database) -> None:
    db.table("sessions").create(
        {
            "id": int,
            "created_at": str,
            "ended_at": str,
            "status": str,  # a SessionState value
            "language": str,
            "role": str,
            "seniority": str,
            "company": str,
            "kind": str,
            "question_count": int,
            "stt_backend": str,
            "pid": int,  # the process that ran it, to tell a crashed session from one still running
            "config_json": str,
        },
        pk="id",
    )
    db.table("questions").create(
        {"id": int, "session_id": int, "position": int, "bank_id": str, "text": str, "category": str, "asked_at": str},
        pk="id",
        foreign_keys=[("session_id", "sessions", "id")],
    )
    db.table("answers").create(
        {
            "id": int,
            "session_id": int,
            "question_id": int,
            "status": str,  # recording, complete, interrupted, skipped, failed
            "started_at": str,
            "ended_at": str,
            "audio_path": str,  # relative to the data folder
            "duration_s": float,
            "transcript": str,
            "error": str,
        },
        pk="id",
        foreign_keys=[("session_id", "sessions", "id"), ("question_id", "questions", "id")],
    )
    db.table("transcript_segments").create(SEGMENT_COLUMNS, pk="id", foreign_keys=[("answer_id", "answers", "id")])
    # One row per utterance of an answer: a revised final takes the row of the final it revises.
    db.table("transcript_segments").create_index(["answer_id", "utterance_id"], unique=True)
    db.table("metrics").create(
        {
            "answer_id": int,
            "words_per_minute": float,
            "syllables_per_minute": float,
            "fillers_per_minute": float,
            "filler_count": int,
            "pause_count": int,
            "longest_pause_s": float,
            "speaking_s": float,
            "metrics_json": str,
        },
        pk="answer_id",
        foreign_keys=[("answer_id", "answers", "id")],
    )
    db.table("settings").create({"key": str, "value": str}, pk="key")
    db.table("questions").create_index(["session_id", "position"])
    db.table("answers").create_index(["session_id"])
    db.table("questions").create_index(["bank_id"])


def _v2(db: sqlite_utils.Database) -> None:
    """Full-text search over questions and answers (FTS5, kept in step by triggers).

    unicode61 splits on spaces; Korean words carry particles (프로젝트를), so searches use prefix queries
    (see Store.search): 프로젝트 then finds 프로젝트를. The trigram tokenizer would need 3+ characters,
    and many Korean words are 2 syllables.
    """
    db.table("questions").enable_fts(["text"], fts_version="FTS5", create_triggers=True)
    db.table("answers").enable_fts(["transcript"], fts_version="FTS5", create_triggers=True)


def _v3(db: sqlite_utils.Database) -> None:
    """The AI interviewer: where a question came from (bank or model, main or follow-up) and rubric scores."""
    db.table("questions").add_column("kind", str, not_null_default="main")  # main, follow_up
    db.table("questions").add_column("source", str, not_null_default="bank")  # bank, model
    db.table("scores").create(
        {
            "answer_id": int,
            "model": str,
            "overall": float,  # content score 0-100 with the model's verified quotes (older rows: a 1-5 mean)
            "rubric_json": str,  # criteria with score, reason, improvement
            "example_answer": str,
            "created_at": str,
        },
        pk="answer_id",
        foreign_keys=[("answer_id", "answers", "id")],
    )


def _v4(db: sqlite_utils.Database) -> None:
    """One stored transcript per answer: the re-read (engine/stt/reread.py) replaces the live finals in
    transcript_segments, and the live finals move to live_segments. transcript_source says which the
    answer holds: 'live' (a re-read is owed), 'reread', or 'live_only' (none will come: cloud recognition,
    no audio, or an answer stored before this version)."""
    db.table("answers").add_column("transcript_source", str, not_null_default="live_only")
    db.table("live_segments").create(SEGMENT_COLUMNS, pk="id", foreign_keys=[("answer_id", "answers", "id")])
    db.table("live_segments").create_index(["answer_id"])


def _v5(db: sqlite_utils.Database) -> None:
    """Practice that builds skill: the type each question's answer was judged by (a redo or the weak-spot drill
    asks it again as that type; "" for questions stored before this version, read from their wording)."""
    db.table("questions").add_column("question_type", str, not_null_default="")
    db.table("questions").create_index(["text"])


def _v6(db: sqlite_utils.Database) -> None:
    """What each re-read cost on this machine, per speech model (engine/storage/reading_costs.py): figures
    only, kept apart from the answers."""
    db.table("reading_costs").create(
        {"id": int, "model": str, "audio_s": float, "cost_s": float, "ready_s": float, "created_at": str}, pk="id"
    )


MIGRATIONS: list[Callable[[sqlite_utils.Database], None]] = [_v1, _v2, _v3, _v4, _v5, _v6]
SCHEMA_VERSION = len(MIGRATIONS)


def migrate(db: sqlite_utils.Database) -> int:
    """Bring the schema up to date; returns the version found before. Each step is one transaction."""
    found = int(db.execute("PRAGMA user_version").fetchone()[0])
    for version in range(found, SCHEMA_VERSION):
        with db.atomic():  # the step and its version number together, or neither
            MIGRATIONS[version](db)
            db.execute(f"PRAGMA user_version = {version + 1}")
    return found
