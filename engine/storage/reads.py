"""Reads of stored interviews as typed records (engine/storage/records.py): a session with its questions
and answers, and the history list. Plain functions of a sqlite-utils Database; Store runs them on its one
database thread. Rows are read by column name, and only in storage."""

from __future__ import annotations

import json

import sqlite_utils

from engine.storage.records import (
    MEAN_PACE_SQL,
    SessionRow,
    StoredAnswer,
    StoredQuestion,
    StoredSegment,
    StoredSession,
    answer_metrics,
    config_of,
    error_of,
    feedback_view,
    from_row,
    review_of,
    timing_of,
    voice_of,
    words_of,
)


def session_detail(db: sqlite_utils.Database, session_id: int) -> StoredSession | None:
    rows = list(db.query("select * from sessions where id = ?", [session_id]))
    if not rows:
        return None
    row = rows[0]
    config = config_of(row["config_json"])
    answers = _answers(db, session_id)
    questions = tuple(
        from_row(StoredQuestion, q, follow_up=q["kind"] == "follow_up", answers=answers.get(int(q["id"]), ()))
        for q in db.query("select * from questions where session_id = ? order by position", [session_id])
    )
    return from_row(
        StoredSession,
        row,
        job_posting=str(config.get("job_posting", "")),
        resume=str(config.get("resume", "")),
        interviewer_model=str(config.get("interviewer_model") or ""),
        questions=questions,
        mode=str(config.get("mode") or "practice"),
        persona=str(config.get("persona") or "neutral"),
        blind_check=bool(config.get("blind_check", True)),
        origin=str(config.get("origin") or ""),
        role_family=str(config.get("role_family") or "any"),
        timing_s=timing_of(config),
    )


def _answers(db: sqlite_utils.Database, session_id: int) -> dict[int, tuple[StoredAnswer, ...]]:
    """A session's answers by question id, oldest first."""
    segments: dict[int, list[StoredSegment]] = {}
    for s in db.query(
        "select t.* from transcript_segments t join answers a on a.id = t.answer_id "
        "where a.session_id = ? order by t.answer_id, t.start",
        [session_id],
    ):
        segments.setdefault(int(s["answer_id"]), []).append(from_row(StoredSegment, s, words=words_of(s["words_json"])))
    found: dict[int, list[StoredAnswer]] = {}
    for a in db.query(
        "select a.*, m.metrics_json, s.rubric_json from answers a left join metrics m on m.answer_id = a.id "
        "left join scores s on s.answer_id = a.id where a.session_id = ? order by a.id",
        [session_id],
    ):
        document = json.loads(a["metrics_json"]) if a["metrics_json"] else None
        found.setdefault(int(a["question_id"]), []).append(
            from_row(
                StoredAnswer,
                a,
                segments=tuple(segments.get(int(a["id"]), ())),
                error=error_of(a["error"]),
                figures=answer_metrics(document) if document else None,
                content=feedback_view(document),
                voice=voice_of(document),
                review=review_of(a["rubric_json"]),
            )
        )
    return {qid: tuple(answers) for qid, answers in found.items()}


def list_sessions(db: sqlite_utils.Database) -> list[SessionRow]:
    """Every session, newest first, with its answered count and mean pace (syllables for Korean)."""
    return [
        from_row(SessionRow, r, pace=r["pace"])
        for r in db.query(
            "select s.*, (select count(*) from questions q where q.session_id = s.id) as questions, "
            "(select count(*) from answers a where a.session_id = s.id and a.status not in ('skipped', 'failed')) "
            f"as answers, (select {MEAN_PACE_SQL} from metrics m join answers a on a.id = m.answer_id "
            "where a.session_id = s.id) as pace from sessions s order by s.id desc"
        )
    ]
