"""Every answered attempt at a question, across sessions, read as typed records: what redo's side-by-side
and the weak-spot drill are built from (engine/practice/). Plain functions run on the store's thread."""

from __future__ import annotations

import json

import sqlite_utils

from engine.storage.records import Attempt, answer_metrics, feedback_view, question_key

# Answers that were heard: a skipped, failed or still-recording answer is no attempt.
_HEARD = "('complete', 'incomplete', 'interrupted')"


def attempts(db: sqlite_utils.Database, language: str | None = None) -> list[Attempt]:
    """Every heard answer with its question, oldest first; of one language when given."""
    where = "and s.language = ?" if language else ""
    rows = db.query(
        "select q.id as question_id, q.session_id, q.position, q.text, q.bank_id, q.category, q.question_type, "
        "q.kind, s.language, a.id as answer_id, coalesce(nullif(a.ended_at, ''), a.started_at) as answered_at, "
        "a.transcript, m.metrics_json from answers a join questions q on q.id = a.question_id "
        "join sessions s on s.id = a.session_id left join metrics m on m.answer_id = a.id "
        f"where a.status in {_HEARD} and a.transcript != '' {where} order by a.id",
        [language] if language else [],
    )
    found = []
    for r in rows:
        document = json.loads(r["metrics_json"]) if r["metrics_json"] else None
        found.append(
            Attempt(
                key=question_key(str(r["language"]), str(r["text"])),
                question_id=int(r["question_id"]),
                session_id=int(r["session_id"]),
                position=int(r["position"]),
                language=str(r["language"]),
                text=str(r["text"]),
                bank_id=str(r["bank_id"] or ""),
                category=str(r["category"] or ""),
                question_type=str(r["question_type"] or ""),
                follow_up=r["kind"] == "follow_up",
                answer_id=int(r["answer_id"]),
                answered_at=str(r["answered_at"] or ""),
                transcript=str(r["transcript"] or ""),
                figures=answer_metrics(document) if document else None,
                content=feedback_view(document),
            )
        )
    return found


def attempts_of(db: sqlite_utils.Database, question_id: int) -> list[Attempt]:
    """Every attempt at the question asked as `question_id` (the same wording, in any session), oldest first."""
    rows = list(
        db.query(
            "select q.text, s.language from questions q join sessions s on s.id = q.session_id where q.id = ?",
            [question_id],
        )
    )
    if not rows:
        return []
    key = question_key(str(rows[0]["language"]), str(rows[0]["text"]))
    return [a for a in attempts(db, str(rows[0]["language"])) if a.key == key]


def question_at(db: sqlite_utils.Database, session_id: int, position: int) -> int | None:
    """The id of session `session_id`'s question number `position` (as `show` numbers them)."""
    rows = list(db.query("select id from questions where session_id = ? and position = ?", [session_id, position]))
    return int(rows[0]["id"]) if rows else None
