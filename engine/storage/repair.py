"""A damaged database file: found at open, moved aside, and what can still be read copied into a new one.

SQLite reports damage late (a query that touches the bad page fails), so `Store.open` asks first with
`PRAGMA quick_check`. A damaged file (or one that is not a database at all) is renamed aside with its WAL,
a new database is made, and every row the old file still yields is copied over, table by table, parents
first (sqlite3's `.recover` is a command-line feature that Python's module does not have). The full-text
indexes are rebuilt by their triggers as rows arrive. Nothing is deleted: the damaged file stays for the user.
"""

from __future__ import annotations

import logging
import sqlite3
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import sqlite_utils

log = logging.getLogger(__name__)

# Parents before children, so foreign keys hold as rows arrive.
TABLES = ("sessions", "questions", "answers", "transcript_segments", "metrics", "scores", "settings")


@dataclass(frozen=True)
class Recovery:
    """What happened to a damaged database at open."""

    database: Path  # the new database, where the damaged one was
    damaged_copy: Path  # where the damaged file now is
    detail: str  # what SQLite said
    sessions: int  # sessions read back into the new database
    rows: int  # rows of every table read back

    def message(self, lang: str) -> str:
        from engine import messages

        return messages.text(
            "storage.recovered",
            lang,
            path=str(self.database),
            detail=self.detail,
            copy=str(self.damaged_copy),
            sessions=self.sessions,
        )


def damage(path: Path) -> str | None:
    """What is wrong with the database file at `path`, or None if it is sound (or does not exist yet)."""
    if not path.exists() or path.stat().st_size == 0:
        return None
    try:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            rows = conn.execute("PRAGMA quick_check").fetchall()
        finally:
            conn.close()
    except sqlite3.DatabaseError as error:  # "file is not a database", "database disk image is malformed"
        return str(error)
    problems = [str(row[0]) for row in rows if row and row[0] != "ok"]
    return "; ".join(problems[:3]) or None


def move_aside(path: Path) -> Path:
    """Rename the damaged file (and its WAL and shared-memory files) beside itself; returns the new name."""
    stamp = datetime.now(UTC).strftime("%Y%m%d-%H%M%S")
    aside = path.with_name(f"{path.stem}.damaged-{stamp}{path.suffix}")
    path.rename(aside)
    for suffix in ("-wal", "-shm"):
        companion = path.with_name(path.name + suffix)
        if companion.exists():
            companion.rename(aside.with_name(aside.name + suffix))
    return aside


def salvage(damaged: Path, fresh: sqlite_utils.Database) -> tuple[int, int]:
    """Copy every row the damaged file still yields into `fresh`; returns (sessions, rows) copied."""
    try:
        source = sqlite3.connect(f"file:{damaged}?mode=ro", uri=True)
    except sqlite3.DatabaseError as error:
        log.warning("nothing could be read from %s: %s", damaged, error)
        return 0, 0
    source.row_factory = sqlite3.Row
    counts: dict[str, int] = {}
    try:
        for table in TABLES:
            target = fresh.table(table)
            columns = set(target.columns_dict)
            copied = 0
            try:
                for row in source.execute(f"select * from {table}"):  # a name from TABLES, never user text
                    try:
                        values = dict(zip(row.keys(), tuple(row), strict=True))  # a Row iterates its values
                        target.insert({k: v for k, v in values.items() if k in columns}, replace=True)
                        copied += 1
                    except sqlite3.DatabaseError as error:  # a row whose parent was lost, say
                        log.info("row of %s not recovered: %s", table, error)
            except sqlite3.DatabaseError as error:  # the bad page: keep what came before it
                log.warning("reading %s stopped at damage after %d rows: %s", table, copied, error)
            counts[table] = copied
    finally:
        source.close()
    log.warning("recovered from %s: %s", damaged, counts)
    return counts.get("sessions", 0), sum(counts.values())
