"""The practice history: one SQLite file (WAL), one writer thread, every call awaited from the loop.

All access goes through one single-thread executor that owns the connection, so there is one writer and
no transaction is ever open across an await. Each final transcript segment is committed as it arrives,
with synchronous=FULL, so a crash or power cut loses at most the words not yet final.
"""

from __future__ import annotations

import asyncio
import json
import logging
import os
import sqlite3
import threading
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, TypeVar

import sqlite_utils

from engine.errors import StorageError
from engine.native.process_alive import process_alive
from engine.storage import attempts, history, reading_costs, reads, repair, transcripts
from engine.storage.migrations import SCHEMA_VERSION, migrate
from engine.storage.records import Attempt, SearchHit, SessionRow, StoredSession, TrendPoint
from engine.stt.contract import TranscriptEvent

log = logging.getLogger(__name__)
T = TypeVar("T")

STEPS_PER_CHECK = 1_000  # how often a search checks whether it was cancelled (SQLite VM steps)
ACTIVE_STATES = ("setting_up", "asking", "listening", "thinking", "feedback")


def now_iso() -> str:
    return datetime.now(UTC).isoformat(timespec="milliseconds")


class Store:
    def __init__(self, path: Path) -> None:
        self.path = path
        self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="db-writer")
        self._db: sqlite_utils.Database | None = None
        self.recovery: repair.Recovery | None = None  # set when the file was damaged and rebuilt at open

    # -- plumbing -----------------------------------------------------------------------------------
    @classmethod
    async def open(cls, path: Path) -> Store:
        store = cls(path)
        await store._call(store._open)
        return store

    def _open(self) -> None:
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            problem = repair.damage(self.path)
            aside = repair.move_aside(self.path) if problem is not None else None
            conn = sqlite3.connect(str(self.path), check_same_thread=False, isolation_level=None)
            db = sqlite_utils.Database(conn)
            found = int(db.execute("PRAGMA user_version").fetchone()[0])
            if found > SCHEMA_VERSION:
                conn.close()
                raise StorageError("storage.newer_schema", path=str(self.path), found=found, known=SCHEMA_VERSION)
            db.enable_wal()
            db.execute("PRAGMA synchronous = FULL")
            db.execute("PRAGMA foreign_keys = ON")
            migrate(db)
            if aside is not None and problem is not None:
                sessions, rows = repair.salvage(aside, db)
                from_backup, backup_date = repair.fill_from_backup(self.path, db)
                if from_backup:  # answers the damaged file held for sessions only the backup had
                    rows += repair.salvage(aside, db, keep_existing=True)[1]
                with db.atomic():  # the backup predates some re-reads: one kind of transcript per answer
                    transcripts.settle_after_repair(db)
                self.recovery = repair.Recovery(
                    self.path, aside, problem, sessions + from_backup, rows, from_backup, backup_date
                )
            else:  # only a sound file is backed up: a recovered one keeps the older, fuller backup
                repair.refresh_backup(conn, self.path)
        except (sqlite3.DatabaseError, OSError) as error:  # an OSError says it best in its strerror
            detail = getattr(error, "strerror", None) or str(error)
            raise StorageError("storage.open_failed", path=str(self.path), detail=detail) from error
        self._db = db

    @property
    def db(self) -> sqlite_utils.Database:
        assert self._db is not None, "store is not open"
        return self._db

    async def _call(self, fn: Callable[..., T], *args: Any) -> T:
        loop = asyncio.get_running_loop()
        try:
            return await loop.run_in_executor(self._executor, fn, *args)
        except sqlite3.OperationalError as error:
            if "full" in str(error).lower():
                raise StorageError("storage.disk_full", path=str(self.path)) from error
            raise

    async def close(self) -> None:
        def close() -> None:
            if self._db is not None:
                self._db.conn.close()
                self._db = None

        await self._call(close)
        self._executor.shutdown(wait=True)

    def _write(self, fn: Callable[[sqlite_utils.Database], T]) -> T:
        # One short transaction, committed before returning. Not `with conn:` (the connection runs in
        # autocommit mode, isolation_level=None, so that opened no transaction: each statement committed alone).
        with self.db.atomic():
            return fn(self.db)

    # -- recovery -----------------------------------------------------------------------------------
    async def recover_interrupted(self) -> list[int]:
        """Mark sessions whose process died mid-interview as interrupted, keeping all they had."""

        def recover(db: sqlite_utils.Database) -> list[int]:
            placeholders = ",".join("?" for _ in ACTIVE_STATES)
            rows = db.execute(
                f"select id, pid from sessions where status in ({placeholders})", ACTIVE_STATES
            ).fetchall()
            # Called once at start-up, before this process runs any session: a row carrying our own pid
            # was written by an earlier process that happened to have the same pid, so it is dead too.
            dead = [sid for sid, pid in rows if not process_alive(int(pid or 0)) or int(pid or 0) == os.getpid()]
            heard = "select text from transcript_segments where answer_id = ? order by start"
            for sid in dead:
                db.execute("update sessions set status = 'interrupted', ended_at = ? where id = ?", (now_iso(), sid))
                for (answer_id,) in db.execute(
                    "select id from answers where session_id = ? and status = 'recording'", (sid,)
                ).fetchall():
                    text = " ".join(t for (t,) in db.execute(heard, (answer_id,)))
                    db.execute(
                        "update answers set status = 'interrupted', transcript = ? where id = ?", (text, answer_id)
                    )
            return dead

        return await self._call(self._write, recover)

    # -- writes -------------------------------------------------------------------------------------
    async def create_session(self, config: dict[str, Any], stt_backend: str) -> int:
        row = {
            "created_at": now_iso(),
            "status": "setting_up",
            "language": config["language"],
            "role": config.get("role", ""),
            "seniority": config.get("seniority", ""),
            "company": config.get("company", ""),
            "kind": config.get("kind", ""),
            "question_count": config.get("question_count", 0),
            "stt_backend": stt_backend,
            "pid": os.getpid(),
            "config_json": json.dumps(config, ensure_ascii=False),
        }
        return await self._call(self._write, lambda db: int(db["sessions"].insert(row).last_pk))

    async def set_session_status(self, session_id: int, status: str, *, ended: bool = False) -> None:
        values: dict[str, Any] = {"status": status}
        if ended:
            values["ended_at"] = now_iso()
        await self._call(self._write, lambda db: db["sessions"].update(session_id, values))

    async def add_question(
        self,
        session_id: int,
        position: int,
        bank_id: str,
        text: str,
        category: str,
        *,
        kind: str = "main",
        source: str = "bank",
        question_type: str = "",
    ) -> int:
        row = {
            "session_id": session_id,
            "position": position,
            "bank_id": bank_id,
            "text": text,
            "category": category,
            "asked_at": now_iso(),
            "kind": kind,
            "source": source,
            "question_type": question_type,
        }
        return await self._call(self._write, lambda db: int(db["questions"].insert(row).last_pk))

    async def start_answer(self, session_id: int, question_id: int, audio_path: str, *, reread: bool = False) -> int:
        """A new answer; `reread`: its audio will be read again for the stored transcript (a re-read is owed)."""
        row = {
            "session_id": session_id,
            "question_id": question_id,
            "status": "recording",
            "started_at": now_iso(),
            "audio_path": audio_path,
            "transcript_source": "live" if reread else "live_only",
        }
        return await self._call(self._write, lambda db: int(db["answers"].insert(row).last_pk))

    async def add_final(self, answer_id: int, event: TranscriptEvent) -> None:
        """Commit one final segment now. A later final of the same utterance revises it: it takes the row's
        place (one row per utterance, by the unique index)."""
        row = transcripts.segment_row(answer_id, event, now_iso())
        await self._call(
            self._write,
            lambda db: db["transcript_segments"].upsert(row, pk=("answer_id", "utterance_id")),
        )

    async def finish_answer(
        self,
        answer_id: int,
        status: str,
        duration_s: float,
        transcript: str,
        error: str = "",
        audio_path: str | None = None,
    ) -> None:
        values: dict[str, Any] = {
            "status": status,
            "ended_at": now_iso(),
            "duration_s": duration_s,
            "transcript": transcript,
            "error": error,
        }
        if audio_path is not None:
            values["audio_path"] = audio_path
        await self._call(self._write, lambda db: db["answers"].update(answer_id, values))

    async def save_metrics(self, answer_id: int, metrics: dict[str, Any]) -> None:
        row = transcripts.metrics_row(answer_id, metrics)
        await self._call(self._write, lambda db: db["metrics"].insert(row, replace=True))

    # -- the stored transcript ----------------------------------------------------------------------
    async def owed_rereads(self, session_id: int | None = None) -> list[transcripts.OwedReread]:
        """Answers still holding their live transcript, whose re-read is owed (one session's, or all)."""
        return await self._call(transcripts.owed, self.db, self.path.parent, session_id)

    async def store_reread(
        self,
        answer_id: int,
        segments: tuple[TranscriptEvent, ...],
        metrics: dict[str, Any] | None,
        cost: reading_costs.ReadingCost | None = None,
    ) -> bool:
        """Swap the answer's live transcript for its re-read, and keep what the reading cost; False if it was
        no longer owed (or is gone)."""

        def store(db: sqlite_utils.Database) -> bool:
            stored = transcripts.store_reread(db, answer_id, segments, metrics)
            if stored and cost is not None:
                reading_costs.record(db, cost)
            return stored

        return await self._call(self._write, store)

    async def reread_costs(self) -> dict[str, reading_costs.ReadingCosts]:
        """What re-reads cost on this machine, by speech model."""
        return await self._call(reading_costs.summaries, self.db)

    async def newest_recording(self) -> transcripts.Recording | None:
        return await self._call(transcripts.newest_recording, self.db, self.path.parent)

    async def record_reading_cost(self, cost: reading_costs.ReadingCost) -> None:
        await self._call(self._write, lambda db: reading_costs.record(db, cost))

    async def reread_owed(self, answer_id: int) -> bool:
        return await self._call(transcripts.is_owed, self.db, answer_id)

    async def give_up_reread(self, answer_id: int) -> None:
        await self._call(self._write, lambda db: transcripts.give_up(db, answer_id))

    async def save_score(self, answer_id: int, review: dict[str, Any], content: dict[str, Any]) -> None:
        """The model's review of one answer (ModelReview.to_dict(): its quotes, verdict, improvements and
        example answer), and the content feedback re-scored with its verified quotes, in one transaction."""
        row = {
            "answer_id": answer_id,
            "model": review["model"],
            "overall": content["score"],  # 0-100, computed from verified evidence; never the model's number
            "rubric_json": json.dumps(review, ensure_ascii=False),
            "example_answer": review["example_answer"],
            "created_at": now_iso(),
        }

        def write(db: sqlite_utils.Database) -> None:
            db.table("scores").insert(row, replace=True)
            found = list(db.query("select metrics_json from metrics where answer_id = ?", [answer_id]))
            if found:
                metrics = {**json.loads(found[0]["metrics_json"]), "content": content}
                db.table("metrics").update(answer_id, {"metrics_json": json.dumps(metrics, ensure_ascii=False)})

        await self._call(self._write, write)

    # -- reads --------------------------------------------------------------------------------------
    async def recent_bank_ids(self, language: str, sessions: int) -> set[str]:
        sql = (
            "select q.bank_id from questions q join sessions s on s.id = q.session_id "
            "where s.id in (select id from sessions where language = ? order by id desc limit ?)"
        )
        return {r[0] for r in await self._call(lambda: self.db.execute(sql, (language, sessions)).fetchall()) if r[0]}

    async def attempts(self, language: str | None = None) -> list[Attempt]:
        return await self._call(attempts.attempts, self.db, language)

    async def attempts_of(self, question_id: int) -> list[Attempt]:
        return await self._call(attempts.attempts_of, self.db, question_id)

    async def list_sessions(self) -> list[SessionRow]:
        return await self._call(reads.list_sessions, self.db)

    async def session_detail(self, session_id: int) -> StoredSession | None:
        return await self._call(reads.session_detail, self.db, session_id)

    # -- history ------------------------------------------------------------------------------------
    async def search(self, text: str) -> list[SearchHit]:
        """Cancelling the awaiting task stops the query on the database thread too, so a search given up
        (the user typed on) never holds the thread that every write waits for."""
        stop = threading.Event()

        def run(db: sqlite_utils.Database) -> list[SearchHit]:
            # SQLite calls this every STEPS_PER_CHECK virtual-machine steps; non-zero interrupts the query.
            db.conn.set_progress_handler(lambda: int(stop.is_set()), STEPS_PER_CHECK)
            try:
                return history.search(db, text)
            except sqlite3.OperationalError:
                if stop.is_set():
                    return []  # interrupted: nobody is waiting for the result
                raise
            finally:
                db.conn.set_progress_handler(None, 0)

        try:
            return await self._call(run, self.db)
        except asyncio.CancelledError:
            stop.set()
            raise

    async def trend(self) -> list[TrendPoint]:
        return await self._call(history.trend, self.db)

    async def previous_session(self, session_id: int) -> int | None:
        return await self._call(history.previous_session, self.db, session_id)

    async def delete_session(self, session_id: int) -> None:
        """Delete a stored session and its recordings (the rows go in one transaction, then the files)."""
        recordings = await self._call(self._write, lambda db: history.delete_session(db, session_id, self.path.parent))
        # The backup is renewed at once: a deleted interview must not linger there, nor come back in a recovery.
        await self._call(lambda: repair.refresh_backup(self.db.conn, self.path, force=True))
        await self._call(history.remove_recordings, recordings)
