"""Full-text search, the trend and deleting, on a real SQLite file."""

from __future__ import annotations

import asyncio
import threading
from pathlib import Path
from typing import Any

import pytest
import sqlite_utils

from engine.storage import history
from engine.storage.history import MAX_QUERY_WORDS, fts_query
from engine.storage.store import Store
from tests.storage_support import add_session


async def test_search_finds_words_in_answers_and_questions_korean_particles_included(tmp_path: Path) -> None:
    store = await Store.open(tmp_path / "db.sqlite3")
    try:
        en = await add_session(
            store, "en", "Tell me about a deadline.", "We shipped the payment service early.", 140, None
        )
        ko = await add_session(
            store, "ko", "협업 경험을 말해 주세요.", "프로젝트를 일정보다 먼저 끝냈습니다.", 150, None
        )
        assert [h.session_id for h in await store.search("payment")] == [en]
        assert [h.session_id for h in await store.search("deadline")] == [en]  # in the question
        assert [h.session_id for h in await store.search("프로젝트")] == [ko]  # 프로젝트를 in the answer
        assert [h.session_id for h in await store.search("경험")] == [ko]
        assert "[" in (await store.search("payment"))[0].snippet
        assert await store.search("zebra") == []
        assert await store.search('"; drop table sessions; --') == []  # the user's text never becomes syntax
        assert len(await store.list_sessions()) == 2
    finally:
        await store.close()


def test_a_search_query_keeps_only_words() -> None:
    assert fts_query('payment "OR" NEAR(x') == '"payment"* "OR"* "NEAR"* "x"*'
    assert fts_query("  ** ") == ""


async def test_the_trend_has_one_point_per_analysed_session_oldest_first(tmp_path: Path) -> None:
    store = await Store.open(tmp_path / "db.sqlite3")
    try:
        first = await add_session(store, "en", "Q", "answer one", 120, None)
        second = await add_session(store, "en", "Q", "answer two", 150, None)
        await store.create_session({"language": "en"}, "local")  # no answers: no point
        rows = await store.trend()
        assert [r.session_id for r in rows] == [first, second]
        assert [r.pace for r in rows] == [120, 150]
        assert [r.content_score for r in rows] == [60, 75]  # the content score joins the trend
        # Under 20 s of speech a rate a minute is an extrapolation: such a session has a score, no pace.
        short = await add_session(store, "en", "Q", "answer three", 400, None, speaking_s=7.0)
        point = (await store.trend())[-1]
        assert point.session_id == short and point.pace is None and point.fillers_per_minute is None
        assert point.content_score == 200
        assert next(r for r in await store.list_sessions() if r.id == short).pace is None
    finally:
        await store.close()


async def test_deleting_a_session_removes_its_rows_search_entries_and_recordings(tmp_path: Path) -> None:
    store = await Store.open(tmp_path / "db.sqlite3")
    try:
        audio = tmp_path / "recordings" / "session-1" / "answer-1.flac"
        doomed = await add_session(store, "en", "Q", "unique marmalade words", 130, audio)
        kept = await add_session(store, "en", "Q", "other words", 130, None)
        assert audio.is_file()
        await store.delete_session(doomed)
        assert [r.id for r in await store.list_sessions()] == [kept]
        assert await store.search("marmalade") == []
        assert await store.session_detail(doomed) is None
        assert not audio.exists() and not audio.parent.exists()
        counts = [store.db.execute(f"select count(*) from {t}").fetchone()[0] for t in ("answers", "metrics")]
        assert counts == [1, 1]
    finally:
        await store.close()


async def test_a_pasted_page_searches_by_its_first_words_only(tmp_path: Path) -> None:
    pasted = "payment " + " ".join(f"word{n}" for n in range(60_000))  # about 400 KB
    assert fts_query(pasted).count("*") == MAX_QUERY_WORDS
    assert fts_query("payment payment payment") == '"payment"*', "a repeated word is one condition"
    store = await Store.open(tmp_path / "db.sqlite3")
    try:
        await add_session(store, "en", "Tell me about a deadline.", "We shipped the payment service early.", 140, None)
        assert [h.session_id for h in await store.search("payment " * 50_000)] == [1]
        assert await store.search(pasted) == []  # every word must match: the page's other words do not
    finally:
        await store.close()


async def test_a_cancelled_search_stops_on_the_database_thread_too(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = await Store.open(tmp_path / "db.sqlite3")
    running = threading.Event()

    def endless(db: sqlite_utils.Database, text: str) -> list[dict[str, Any]]:
        # A real query on the real file that never ends by itself: a search as slow as can be.
        running.set()
        return list(db.query("with recursive c(x) as (select 1 union all select x + 1 from c) select max(x) from c"))

    monkeypatch.setattr(history, "search", endless)
    try:
        search = asyncio.create_task(store.search("deadline"))
        assert await asyncio.to_thread(running.wait, 10)
        search.cancel()
        with pytest.raises(asyncio.CancelledError):
            await search
        # The one database thread is free again: the next write does not wait behind the search.
        assert await asyncio.wait_for(store.create_session({"language": "en"}, "local"), 5) == 1
    finally:
        store.db.conn.interrupt()  # without the fix the query would still hold the thread
        await store.close()
