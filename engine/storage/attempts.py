"""Every answered attempt at a question, across sessions, read as typed records: what redo's side-by-side
and the weak-spot drill are built from (engine/practice/). Plain functions run on the store's thread."""

from __future__ import annotations

import json

import sqlite_utils

from engine.storage.records import Attempt, answer_metrics, feedback_view, from_row, question_key

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
            from_row(
                Attempt,
                r,
                key=question_key(str(r["language"]), str(r["text"])),
                follow_up=r["kind"] == "follow_up",
                figures=answer_metrics(document) if document else None,
                content=feedback_view(document),
            )
        )
    return found


def attempts_of(db: sqlite_utils.Database, question_id: int) -> list[Attempt]:
    """Every attempt at the question asked as `question_id` (the same wording, in any session), oldest first."""
    sql = "select s.language, q.text from questions q join sessions s on s.id = q.session_id where q.id = ?"
    row = db.execute(sql, (question_id,)).fetchone()
    if row is None:
        return []
    key = question_key(str(row[0]), str(row[1]))
    return [a for a in attempts(db, str(row[0])) if a.key == key]
