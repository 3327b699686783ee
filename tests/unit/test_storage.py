from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from engine.config.settings import AppPaths
from engine.errors import StorageError
from engine.interview.config import InterviewConfig
from engine.interview.documents import MAX_CHARS
from engine.interview.events import Notice
from engine.interview.session import InterviewSession
from engine.storage import repair
from engine.storage.migrations import SCHEMA_VERSION
from engine.storage.records import error_json
from engine.storage.store import Store
from engine.stt.contract import TranscriptEvent, TranscriptKind, Word
from tests.conftest import ROOT
from tests.storage_support import add_session


def final(utterance: int, text: str) -> TranscriptEvent:
    return TranscriptEvent(
        TranscriptKind.FINAL,
        utterance,
        text,
        text,
        utterance,
        utterance + 1,
        (Word(text, utterance, utterance + 1, 0.9),),
        0.9,
        "test",
    )


async def test_schema_is_versioned_and_wal(tmp_path: Path) -> None:
    store = await Store.open(tmp_path / "db.sqlite3")
    await store.close()
    conn = sqlite3.connect(tmp_path / "db.sqlite3")
    assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


async def test_a_newer_schema_is_refused_with_a_clear_message(tmp_path: Path) -> None:
    conn = sqlite3.connect(tmp_path / "db.sqlite3")
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 5}")
    conn.close()
    with pytest.raises(StorageError) as caught:
        await Store.open(tmp_path / "db.sqlite3")
    assert "newer version" in caught.value.message("en")
    assert "업데이트" in caught.value.message("ko")


async def test_a_revised_final_takes_the_place_of_the_one_it_revises(tmp_path: Path) -> None:
    store = await Store.open(tmp_path / "db.sqlite3")
    sid = await store.create_session({"language": "ko"}, "test")
    qid = await store.add_question(sid, 1, "ko-b01", "질문", "behavioural")
    aid = await store.start_answer(sid, qid, "")
    await store.add_final(aid, final(0, "잘 쪄요"))
    await store.add_final(aid, final(1, "오늘은 상자를 옮깁니다"))
    await store.add_final(aid, final(0, "자, 이쪽으로 오세요."))  # read again with what followed
    detail = await store.session_detail(sid)
    rows = await store._call(lambda: store.db.execute("select count(*) from transcript_segments").fetchone()[0])
    await store.close()
    assert detail is not None
    assert [s.text for s in detail.questions[0].answers[0].segments] == [
        "자, 이쪽으로 오세요.",
        "오늘은 상자를 옮깁니다",
    ]
    assert rows == 2


async def test_a_session_left_running_by_a_dead_process_is_marked_interrupted(tmp_path: Path) -> None:
    store = await Store.open(tmp_path / "db.sqlite3")
    sid = await store.create_session({"language": "ko"}, "test")
    qid = await store.add_question(sid, 1, "ko-b01", "질문", "behavioural")
    aid = await store.start_answer(sid, qid, "")
    await store.set_session_status(sid, "listening")
    await store.add_final(aid, final(0, "첫 번째 문장"))
    await store.add_final(aid, final(1, "두 번째 문장"))
    # Pretend the process that ran it is gone.
    await store._call(lambda: store.db.execute("update sessions set pid = 0 where id = ?", [sid]))
    await store.close()

    reopened = await Store.open(tmp_path / "db.sqlite3")
    assert await reopened.recover_interrupted() == [sid]
    detail = await reopened.session_detail(sid)
    assert await reopened.recover_interrupted() == []
    await reopened.close()
    assert detail is not None and detail.status == "interrupted"
    answer = detail.questions[0].answers[0]
    assert answer.status == "interrupted"
    assert answer.transcript == "첫 번째 문장 두 번째 문장"


async def test_recent_questions_are_remembered_per_language(tmp_path: Path) -> None:
    store = await Store.open(tmp_path / "db.sqlite3")
    sid = await store.create_session({"language": "en"}, "test")
    await store.add_question(sid, 1, "en-b01", "Q?", "behavioural")
    other = await store.create_session({"language": "ko"}, "test")
    await store.add_question(other, 1, "ko-b01", "질문", "behavioural")
    assert await store.recent_bank_ids("en", 5) == {"en-b01"}
    await store.close()


async def test_an_unwritable_data_folder_gives_a_clear_message(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    with pytest.raises(StorageError) as caught:
        await Store.open(blocker / "db.sqlite3")
    assert "--data-dir" in caught.value.message("en")


async def test_a_pasted_posting_and_resume_are_capped_like_files_with_a_notice(tmp_path: Path) -> None:
    def no_recognition(language: str, hints: tuple[str, ...]) -> object:
        raise AssertionError("begin() recognises nothing")

    store = await Store.open(tmp_path / "db.sqlite3")
    try:
        pasted = "We build a logistics platform in Python and Go. " * 100_000  # about 5 MB
        config = InterviewConfig(language="en", question_count=1, job_posting=pasted, resume=pasted)
        session = InterviewSession(config, store, AppPaths(tmp_path), no_recognition, "local")  # type: ignore[arg-type]
        events: list[object] = []
        session.subscribe(events.append)
        await session.begin()
        stored = await store.session_detail(session.session_id)
        assert stored is not None and len(stored.job_posting) == len(stored.resume) == MAX_CHARS
        assert [e.message_key for e in events if isinstance(e, Notice)] == ["document.pasted_capped"]
        assert (tmp_path / "db.sqlite3").stat().st_size < 1_000_000
    finally:
        await store.close()


async def _forty_sessions(path: Path) -> None:
    store = await Store.open(path)
    for n in range(40):
        answer = "We shipped the payment service early. " * 30
        await add_session(store, "en", f"Question {n} about deadlines?", answer, 140, None)
    await store.close()
    with sqlite3.connect(path) as conn:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")  # every row in the main file, as after a clean exit


async def test_a_damaged_page_is_found_at_open_and_what_it_still_holds_is_recovered(tmp_path: Path) -> None:
    path = tmp_path / "db.sqlite3"
    await _forty_sessions(path)
    data = bytearray(path.read_bytes())
    page = len(data) // 4096 - 2  # a page of transcript segments, with this data
    data[page * 4096 : (page + 1) * 4096] = b"\xff" * 4096
    path.write_bytes(bytes(data))
    assert repair.damage(path) == "database disk image is malformed"
    store = await Store.open(path)
    try:
        recovery = store.recovery
        assert recovery is not None and recovery.sessions == 40 and recovery.rows >= 190
        assert recovery.damaged_copy.exists() and recovery.damaged_copy != path, "the damaged file is kept"
        assert "damaged" in recovery.message("en") and str(recovery.damaged_copy) in recovery.message("en")
        assert "손상" in recovery.message("ko")
        assert repair.damage(path) is None
        assert len(await store.list_sessions()) == 40
        assert len(await store.search("payment")) == 40, "the full-text index is rebuilt"
        assert await store.create_session({"language": "en"}, "local") == 41  # and it goes on
    finally:
        await store.close()


async def test_a_damaged_schema_page_is_filled_in_from_the_daily_backup(tmp_path: Path) -> None:
    path = tmp_path / "db.sqlite3"
    await _forty_sessions(path)
    backup = repair.backup_path(path)
    day_old = backup.stat().st_mtime - repair.BACKUP_EVERY_S - 60
    os.utime(backup, (day_old, day_old))  # the backup made at the first open is a day old now
    store = await Store.open(path)  # a sound open renews it: 40 sessions
    await add_session(store, "en", "Question 41, after the backup?", "Practised after the backup.", 140, None)
    await store.close()
    renewed = backup.stat().st_mtime_ns
    assert renewed > day_old * 1e9
    with sqlite3.connect(path) as conn:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    data = bytearray(path.read_bytes())
    data[100:4096] = b"\xff" * (4096 - 100)  # the schema's own page, past the file header: no table readable
    path.write_bytes(bytes(data))
    store = await Store.open(path)
    try:
        recovery = store.recovery
        assert recovery is not None and recovery.from_backup == 40 and recovery.sessions == 40
        assert "40 more came from the backup of" in recovery.message("en")
        assert "백업에서 면접 40건" in recovery.message("ko")
        assert len(await store.search("shipped")) == 40, "rows from the backup are searchable"
        assert backup.stat().st_mtime_ns == renewed, "the backup is kept, not replaced by the recovered file"
    finally:
        await store.close()


async def test_after_a_lost_sessions_page_the_backup_brings_the_sessions_and_the_file_their_new_answers(
    tmp_path: Path,
) -> None:
    path = tmp_path / "db.sqlite3"
    await _forty_sessions(path)
    backup = repair.backup_path(path)
    day_old = backup.stat().st_mtime - repair.BACKUP_EVERY_S - 60
    os.utime(backup, (day_old, day_old))
    store = await Store.open(path)  # renews the backup: 40 sessions
    question = await store.add_question(1, 2, "en-x", "A question asked after the backup?", "behavioural")
    answer = await store.start_answer(1, question, "")
    await store.finish_answer(answer, "complete", 5.0, "An answer given after the backup.")
    await store.close()
    with sqlite3.connect(path) as conn:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        pages = [p for (p,) in conn.execute("select pageno from dbstat where name = 'sessions' and pagetype = 'leaf'")]
    assert pages, "dbstat names the sessions table's pages"
    data = bytearray(path.read_bytes())
    for page in pages:  # every session row gone; their questions and answers still readable
        data[(page - 1) * 4096 : page * 4096] = b"\xff" * 4096
    path.write_bytes(bytes(data))
    store = await Store.open(path)
    try:
        assert store.recovery is not None and store.recovery.from_backup == 40
        assert len(await store.search("after the backup")) == 1, "the answer only the damaged file had is back"
    finally:
        await store.close()


async def test_deleting_an_interview_renews_the_backup_so_it_cannot_come_back(tmp_path: Path) -> None:
    path = tmp_path / "db.sqlite3"
    await _forty_sessions(path)
    store = await Store.open(path)
    try:
        await store.delete_session(7)
    finally:
        await store.close()
    with sqlite3.connect(repair.backup_path(path)) as backup:
        ids = {row[0] for row in backup.execute("select id from sessions")}
    assert len(ids) == 39 and 7 not in ids


def test_a_file_that_is_no_database_is_set_aside_with_a_message_not_a_traceback(tmp_path: Path) -> None:
    data = tmp_path / "data"
    data.mkdir()
    (data / "interview-coach.sqlite3").write_bytes(os.urandom(64 * 1024))
    result = subprocess.run(
        [sys.executable, "main.py", "--data-dir", str(data), "sessions"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr and "writable" not in result.stderr
    assert "was damaged (file is not a database)" in result.stderr
    assert "No sessions stored yet" in result.stdout
    assert len(list(data.glob("interview-coach.damaged-*.sqlite3"))) == 1


async def test_an_answer_cut_short_keeps_its_reason_as_a_message_in_either_language(tmp_path: Path) -> None:
    store = await Store.open(tmp_path / "db.sqlite3")
    try:
        sid = await store.create_session({"language": "en"}, "test")
        qid = await store.add_question(sid, 1, "en-b01", "Q?", "behavioural")
        aid = await store.start_answer(sid, qid, "")
        await store.finish_answer(aid, "incomplete", 2.5, "so I", error=error_json("mic.lost", {"seconds": 2.46}))
        older = await store.start_answer(sid, qid, "")  # stored before errors were kept as keys: its English text
        await store.finish_answer(older, "failed", 0.0, "", error="The file could not be read.")
        detail = await store.session_detail(sid)
    finally:
        await store.close()
    assert detail is not None
    cut, old = (a.error for a in detail.questions[0].answers)
    assert cut is not None and old is not None
    assert "2.5" in cut.message("en") and "2.5" in cut.message("ko")  # a number formatted as a number
    assert cut.message("en") != cut.message("ko")
    assert old.message("ko") == "The file could not be read."
