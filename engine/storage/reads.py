"""Reads of stored interviews as typed records (engine/storage/records.py): a session with its questions
and answers, and the history list. Plain functions of a sqlite-utils Database; Store runs them on its one
database thread."""

from __future__ import annotations

import json

import sqlite_utils

from engine.storage.records import (
    SessionRow,
    StoredAnswer,
    StoredQuestion,
    StoredSegment,
    StoredSession,
    answer_metrics,
    config_of,
    error_of,
    feedback_view,
    review_of,
    voice_of,
    words_of,
)


def session_detail(db: sqlite_utils.Database, session_id: int) -> StoredSession | None:
    row = db.execute(
        "select id, created_at, status, language, coalesce(role, ''), coalesce(company, ''), coalesce(kind, ''), "
        "coalesce(stt_backend, ''), config_json from sessions where id = ?",
        (session_id,),
    ).fetchone()
    if row is None:
        return None
    config = config_of(row[8])
    answers = _answers(db, session_id)
    questions = tuple(
        StoredQuestion(int(qid), int(position), str(text), kind == "follow_up", answers.get(int(qid), ()))
        for qid, position, text, kind in db.execute(
            "select id, position, text, kind from questions where session_id = ? order by position", (session_id,)
        )
    )
    return StoredSession(
        id=int(row[0]),
        created_at=str(row[1]),
        status=str(row[2]),
        language=str(row[3]),
        role=str(row[4]),
        company=str(row[5]),
        kind=str(row[6]),
        stt_backend=str(row[7]),
        job_posting=str(config.get("job_posting", "")),
        resume=str(config.get("resume", "")),
        interviewer_model=str(config.get("interviewer_model") or ""),
        questions=questions,
    )


def _answers(db: sqlite_utils.Database, session_id: int) -> dict[int, tuple[StoredAnswer, ...]]:
    """A session's answers by question id, oldest first."""
    segments: dict[int, list[StoredSegment]] = {}
    for answer_id, start, end, text, words_json, backend in db.execute(
        "select t.answer_id, t.start, t.end, t.text, t.words_json, t.backend from transcript_segments t "
        "join answers a on a.id = t.answer_id where a.session_id = ? order by t.answer_id, t.start",
        (session_id,),
    ):
        segment = StoredSegment(float(start), float(end), str(text), words_of(words_json), str(backend))
        segments.setdefault(int(answer_id), []).append(segment)
    found: dict[int, list[StoredAnswer]] = {}
    for aid, qid, status, transcript, source, audio, duration, error, metrics_json, rubric in db.execute(
        "select a.id, a.question_id, a.status, coalesce(a.transcript, ''), a.transcript_source, "
        "coalesce(a.audio_path, ''), coalesce(a.duration_s, 0), a.error, m.metrics_json, s.rubric_json "
        "from answers a left join metrics m on m.answer_id = a.id left join scores s on s.answer_id = a.id "
        "where a.session_id = ? order by a.id",
        (session_id,),
    ):
        document = json.loads(metrics_json) if metrics_json else None
        found.setdefault(int(qid), []).append(
            StoredAnswer(
                id=int(aid),
                status=str(status),
                transcript=str(transcript),
                transcript_source=str(source),
                segments=tuple(segments.get(int(aid), ())),
                audio_path=str(audio),
                duration_s=float(duration),
                error=error_of(error),
                figures=answer_metrics(document) if document else None,
                content=feedback_view(document),
                voice=voice_of(document),
                review=review_of(rubric),
            )
        )
    return {qid: tuple(answers) for qid, answers in found.items()}


def list_sessions(db: sqlite_utils.Database) -> list[SessionRow]:
    """Every session, newest first, with its answered count and mean pace (syllables for Korean)."""
    return [
        SessionRow(int(r[0]), str(r[1]), str(r[2]), str(r[3]), str(r[4]), str(r[5]), int(r[6]), int(r[7]), r[8])
        for r in db.execute(
            "select s.id, s.created_at, s.status, s.language, coalesce(s.role, ''), coalesce(s.kind, ''), "
            "(select count(*) from questions q where q.session_id = s.id), "
            "(select count(*) from answers a where a.session_id = s.id and a.status not in ('skipped', 'failed')), "
            "(select round(avg(case when s.language = 'ko' then m.syllables_per_minute else m.words_per_minute end),"
            " 1) from metrics m join answers a on a.id = m.answer_id where a.session_id = s.id) "
            "from sessions s order by s.id desc"
        )
    ]
