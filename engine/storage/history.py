"""Reads and deletes over the stored history: full-text search, the trend over sessions, deleting a session.

Plain functions of a sqlite-utils Database; Store runs them on its one database thread.
"""

from __future__ import annotations

import logging
import re
from pathlib import Path

import sqlite_utils

from engine.storage.records import MEAN_FILLER_RATE_SQL, MEAN_PACE_SQL, SearchHit, TrendPoint

log = logging.getLogger(__name__)

_TOKEN = re.compile(r"\w+", re.UNICODE)
MAX_HITS = 200


# A search is a few words. Every word must match, so more narrow nothing; a pasted page of 400 KB held the
# database thread for 34 s.
MAX_QUERY_CHARS = 1_000
MAX_QUERY_WORDS = 12


def fts_query(text: str) -> str:
    """The user's words as an FTS5 query: every word must match as a word prefix (Korean particles).

    Only word characters reach the query, so quotes, operators and column filters typed by the user can
    neither break the syntax nor change its meaning.
    """
    tokens = list(dict.fromkeys(_TOKEN.findall(text[:MAX_QUERY_CHARS])))[:MAX_QUERY_WORDS]
    return " ".join(f'"{token}"*' for token in tokens)


def search(db: sqlite_utils.Database, text: str) -> list[SearchHit]:
    """Sessions whose questions or answers match, newest first, each with a snippet of the first hit."""
    query = fts_query(text)
    if not query:
        return []
    matches: dict[int, int] = {}
    first: dict[int, str] = {}  # session → the snippet of its first hit
    for table in ("answers", "questions"):  # answers first: their hit is the snippet where both match
        sql = (
            f"select t.session_id, snippet({table}_fts, 0, '[', ']', '…', 12) from {table}_fts "
            f"join {table} t on t.rowid = {table}_fts.rowid where {table}_fts match ? order by rank limit ?"
        )
        for session_id, snippet in db.execute(sql, [query, MAX_HITS]):
            matches[int(session_id)] = matches.get(int(session_id), 0) + 1
            first.setdefault(int(session_id), str(snippet))
    return [SearchHit(sid, matches[sid], first[sid]) for sid in sorted(matches, reverse=True)]


def trend(db: sqlite_utils.Database) -> list[TrendPoint]:
    """Per session with at least one analysed answer, oldest first: average pace (syllables a minute for
    Korean, words otherwise) and fillers per minute over its answers with 20 s of speech or more (None
    without one), and its content score."""
    return [
        TrendPoint(int(r[0]), str(r[1]), str(r[2]), _number(r[3]), _number(r[4]), int(r[5]), r[6])
        for r in db.execute(
            f"select s.id, s.created_at, s.language, {MEAN_PACE_SQL}, {MEAN_FILLER_RATE_SQL}, "
            "count(m.answer_id), round(avg(json_extract(m.metrics_json, '$.content.score')), 1) "
            "from sessions s join answers a on a.session_id = s.id join metrics m on m.answer_id = a.id "
            "group by s.id order by s.id"
        )
    ]


def _number(value: object) -> float | None:
    return float(value) if isinstance(value, int | float) else None


def delete_session(db: sqlite_utils.Database, session_id: int, data_dir: Path) -> list[Path]:
    """Delete a session's rows (one transaction, by the caller) and return its recordings to remove."""
    recordings = [
        data_dir / row[0]
        for row in db.execute(
            "select audio_path from answers where session_id = ? and audio_path != ''", (session_id,)
        ).fetchall()
    ]
    # Children before parents, so foreign keys hold at every step.
    answer_ids = "select id from answers where session_id = ?"
    for table in ("metrics", "scores", "transcript_segments", "live_segments"):
        db.execute(f"delete from {table} where answer_id in ({answer_ids})", (session_id,))
    for table, column in (("answers", "session_id"), ("questions", "session_id"), ("sessions", "id")):
        db.execute(f"delete from {table} where {column} = ?", (session_id,))
    return recordings


def remove_recordings(paths: list[Path]) -> None:
    """Remove a deleted session's audio files and their folder; a file already gone is no error."""
    folders = set()
    for path in paths:
        try:
            path.unlink(missing_ok=True)
        except OSError as error:  # the rows are gone; a leftover file costs only disk space
            log.warning("could not remove recording %s: %s", path, error)
        folders.add(path.parent)
    for folder in folders:
        try:
            folder.rmdir()
        except OSError:
            log.debug("recording folder %s not empty or gone; left", folder)


def previous_session(db: sqlite_utils.Database, session_id: int) -> int | None:
    """The latest earlier session in the same language with at least one analysed answer."""
    row = db.execute(
        "select s.id from sessions s join sessions cur on cur.id = ? "
        "where s.id < cur.id and s.language = cur.language and exists (select 1 from answers a "
        "join metrics m on m.answer_id = a.id where a.session_id = s.id) order by s.id desc limit 1",
        (session_id,),
    ).fetchone()
    return int(row[0]) if row else None
