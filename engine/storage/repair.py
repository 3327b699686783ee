"""A damaged database file: found at open, moved aside, and what can still be read copied into a new one.

SQLite reports damage late (a query that touches the bad page fails), so `Store.open` asks first with
`PRAGMA quick_check`. A damaged file (or one that is not a database at all) is renamed aside with its WAL,
a new database is made, and every row the old file still yields is copied over, table by table, parents
first (sqlite3's `.recover` is a command-line feature that Python's module does not have). The full-text
indexes are rebuilt by their triggers as rows arrive. Nothing is deleted: the damaged file stays for the user.

A damaged page of the schema itself leaves nothing readable that way, so a sound database is also copied,
at most once a day, to a backup beside it (SQLite's online backup, a consistent snapshot). After a
recovery, what the damaged file still yielded is kept, and the backup fills in every row it lacks.
"""

from __future__ import annotations

import logging
import os
import sqlite3
import time
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import sqlite_utils

log = logging.getLogger(__name__)

BACKUP_EVERY_S = 24 * 3600  # a backup older than this is renewed at the next open

# Parents before children, so foreign keys hold as rows arrive.
TABLES = ("sessions", "questions", "answers", "transcript_segments", "live_segments", "metrics", "scores", "settings")


@dataclass(frozen=True)
class Recovery:
    """What happened to a damaged database at open."""

    database: Path  # the new database, where the damaged one was
    damaged_copy: Path  # where the damaged file now is
    detail: str  # what SQLite said
    sessions: int  # sessions in the new database
    rows: int  # rows of every table read back
    from_backup: int = 0  # of those sessions, how many only the backup held
    backup_date: str = ""  # the backup's date, when it was used

    def message(self, lang: str) -> str:
        from engine import messages

        text = messages.text(
            "storage.recovered",
            lang,
            path=str(self.database),
            detail=self.detail,
            copy=str(self.damaged_copy),
            sessions=self.sessions - self.from_backup,
        )
        if self.from_backup:
            more = messages.text("storage.recovered_backup", lang, count=self.from_backup, date=self.backup_date)
            text = f"{text} {more}"
        return text


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
    return "; ".join([str(row[0]) for row in rows if row and row[0] != "ok"][:3]) or None


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


def backup_path(path: Path) -> Path:
    return path.with_name(f"{path.stem}.backup{path.suffix}")


def refresh_backup(conn: sqlite3.Connection, path: Path, *, force: bool = False) -> bool:
    """Copy the open, sound database to its backup if the backup is missing or a day old (or `force`); True
    if copied. Written beside, then renamed over, so a crash mid-copy leaves the old backup whole."""
    target = backup_path(path)
    partial = target.with_name(target.name + ".part")
    try:
        if not force and target.exists() and time.time() - target.stat().st_mtime < BACKUP_EVERY_S:
            return False
        copy = sqlite3.connect(str(partial))
        try:
            conn.backup(copy)
        finally:
            copy.close()
        os.replace(partial, target)
    except (OSError, sqlite3.Error) as error:  # no backup today is no reason to refuse the history
        log.warning("could not back up %s: %s", path, error)
        partial.unlink(missing_ok=True)
        return False
    return True


def salvage(damaged: Path, fresh: sqlite_utils.Database, *, keep_existing: bool = False) -> tuple[int, int]:
    """Copy every row the damaged file still yields into `fresh`; returns (sessions, rows) copied. Run again
    with `keep_existing` after the backup filled in parents, it adds the children they had been missing."""
    counts = _copy_rows(damaged, fresh, keep_existing=keep_existing)
    log.warning("recovered from %s: %s", damaged, counts)
    return counts.get("sessions", 0), sum(counts.values())


def fill_from_backup(path: Path, fresh: sqlite_utils.Database) -> tuple[int, str]:
    """Add the rows the backup holds and `fresh` lacks; returns (sessions added, the backup's date) or
    (0, "") when there is no sound backup."""
    backup = backup_path(path)
    if not backup.is_file() or damage(backup) is not None:
        return 0, ""
    counts = _copy_rows(backup, fresh, keep_existing=True)
    log.warning("filled in from the backup %s: %s", backup, counts)
    date = datetime.fromtimestamp(backup.stat().st_mtime, UTC).astimezone().strftime("%Y-%m-%d %H:%M")
    return counts.get("sessions", 0), date


def _copy_rows(source_path: Path, fresh: sqlite_utils.Database, *, keep_existing: bool) -> dict[str, int]:
    try:
        source = sqlite3.connect(f"file:{source_path}?mode=ro", uri=True)
    except sqlite3.DatabaseError as error:
        log.warning("nothing could be read from %s: %s", source_path, error)
        return {}
    source.row_factory = sqlite3.Row
    counts: dict[str, int] = {}
    try:
        for table in TABLES:
            target = fresh.table(table)
            columns = set(target.columns_dict)
            had = target.count
            try:
                for row in source.execute(f"select * from {table}"):  # a name from TABLES, never user text
                    try:
                        values = dict(zip(row.keys(), tuple(row), strict=True))  # a Row iterates its values
                        kept = {k: v for k, v in values.items() if k in columns}
                        # From the backup, a row the damaged file gave wins: it is the newer one.
                        target.insert(kept, ignore=keep_existing, replace=not keep_existing)
                    except sqlite3.DatabaseError as error:  # a row whose parent was lost, say
                        log.info("row of %s not recovered: %s", table, error)
            except sqlite3.DatabaseError as error:  # the bad page: keep what came before it
                log.warning("reading %s stopped at damage: %s", table, error)
            counts[table] = target.count - had
    finally:
        source.close()
    return counts
