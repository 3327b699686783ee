"""RTZR streaming against a real WebSocket server and authenticate endpoint on 127.0.0.1."""

from __future__ import annotations

import asyncio
import time

import httpx
import pytest

from engine.errors import CloudSpeechError
from engine.stt.cloud.rtzr import RtzrOptions, RtzrProvider, keywords_from
from engine.stt.cloud.rtzr_auth import REFRESH_MARGIN_S, TokenCache
from engine.stt.cloud.session import CloudSession, ReconnectPolicy
from tests.cloud_support import assert_exactly_once_in_order, run_session
from tests.loopback.counter_audio import counter_frames
from tests.loopback.rtzr_server import CLIENT_ID, CLIENT_SECRET, FakeRtzr, RtzrBehaviour

FAST = ReconnectPolicy(backoff_base_s=0.01, backoff_cap_s=0.05)


def provider_for(server: FakeRtzr, *, secret: str = CLIENT_SECRET, preconnect: bool = True) -> RtzrProvider:
    return RtzrProvider(
        RtzrOptions(
            auth_url=server.auth_url,
            stream_url=server.stream_url,
            client_id=CLIENT_ID,
            client_secret=secret,
            connect_timeout_s=2.0,
            preconnect=preconnect,
        )
    )


def session_for(provider: RtzrProvider, hints: tuple[str, ...] = ()) -> CloudSession:
    return CloudSession(provider.streamer("ko", hints), health=provider.health, policy=FAST)


async def test_every_final_arrives_once_in_order_across_twenty_dropped_sockets(rtzr: FakeRtzr) -> None:
    rtzr.behaviour = RtzrBehaviour(drop_every=6, drops_left=25)
    provider = provider_for(rtzr)
    session = session_for(provider)
    heard = await run_session(session, counter_frames(300))
    await provider.aclose()
    assert_exactly_once_in_order(heard, 300)
    assert rtzr.stats.dropped == 25 and session.stats.restarts >= 20
    assert provider.health.snapshot().reconnects == session.stats.restarts
    assert rtzr.stats.tokens_issued == 1, "the token was not cached"


async def test_an_expired_token_is_refreshed_and_the_answer_goes_on(rtzr: FakeRtzr) -> None:
    provider = provider_for(rtzr, preconnect=False)
    await run_session(session_for(provider), counter_frames(10))
    rtzr.behaviour.expire_tokens_issued_before = time.time()  # the server now refuses the cached token
    heard = await run_session(session_for(provider), counter_frames(20))
    await provider.aclose()
    assert_exactly_once_in_order(heard, 20)
    assert rtzr.stats.rejected_tokens == 1 and rtzr.stats.tokens_issued == 2


async def test_a_token_is_refreshed_before_it_expires(rtzr: FakeRtzr) -> None:
    now = [time.time()]
    cache = TokenCache(rtzr.auth_url, CLIENT_ID, CLIENT_SECRET, clock=lambda: now[0])
    async with httpx.AsyncClient() as http:
        first = await cache.token(http)
        now[0] += 6 * 3600 - REFRESH_MARGIN_S - 60  # still a minute before the margin: the same token
        assert await cache.token(http) == first
        now[0] += 120  # inside the margin: a new one, though the old has not expired yet
        assert await cache.token(http) != first
    assert rtzr.stats.tokens_issued == 2


async def test_429_is_retried_with_backoff(rtzr: FakeRtzr) -> None:
    rtzr.behaviour = RtzrBehaviour(stream_429_times=2, auth_429_times=1)
    provider = provider_for(rtzr, preconnect=False)
    session = session_for(provider)
    heard = await run_session(session, counter_frames(20))
    await provider.aclose()
    assert_exactly_once_in_order(heard, 20)
    assert rtzr.stats.answered_429 == 2
    assert provider.health.snapshot().last_error == "stt.cloud.rate_limited"


async def test_bad_credentials_stop_at_once_with_a_clear_message(rtzr: FakeRtzr) -> None:
    provider = provider_for(rtzr, secret="wrong-secret-123")
    session = session_for(provider)
    with pytest.raises(ExceptionGroup) as caught:
        await run_session(session, counter_frames(10))
    await provider.aclose()
    error = caught.value.exceptions[0]
    assert isinstance(error, CloudSpeechError) and error.key == "stt.rtzr.bad_credentials"
    assert "Settings" in error.message("en") and "설정" in error.message("ko")
    assert rtzr.stats.auth_requests == 1 and rtzr.stats.sockets == 0


async def test_the_next_socket_is_opened_while_the_current_turn_runs(rtzr: FakeRtzr) -> None:
    rtzr.behaviour = RtzrBehaviour(handshake_delay_s=0.05)
    provider = provider_for(rtzr)
    for _ in range(3):
        heard = await run_session(session_for(provider), counter_frames(10))
        assert_exactly_once_in_order(heard, 10)
    assert provider.stats.spares_used == 2  # turns two and three took the socket their predecessor opened
    await provider.aclose()
    await rtzr.all_closed()


async def test_keywords_are_hangul_only_and_within_rtzr_limits(rtzr: FakeRtzr) -> None:
    hints = (
        "쿠버네티스",
        "Kubernetes",
        "데이터 파이프라인",
        "가" * 21,
        "쿠버네티스",
        *(f"키워드{chr(0xAC00 + n)}" for n in range(120)),
    )
    assert keywords_from(hints)[:2] == ("쿠버네티스", "데이터 파이프라인")
    assert len(keywords_from(hints)) == 100
    provider = provider_for(rtzr, preconnect=False)
    await run_session(session_for(provider, hints[:3]), counter_frames(5))
    await provider.aclose()
    query = rtzr.stats.queries[0]
    assert query["keywords"] == ["쿠버네티스,데이터 파이프라인"]
    assert query["model_name"] == ["sommers_ko"] and query["sample_rate"] == ["16000"]
    assert query["use_disfluency_filter"] == ["false"]


async def test_english_is_refused_with_a_notice_not_an_error(rtzr: FakeRtzr) -> None:
    provider = provider_for(rtzr)
    session = CloudSession(provider.streamer("en"), health=provider.health, policy=FAST)
    with pytest.raises(ExceptionGroup) as caught:
        await run_session(session, counter_frames(5))
    await provider.aclose()
    assert caught.value.exceptions[0].key == "stt.rtzr.korean_only"  # type: ignore[attr-defined]
    assert rtzr.stats.sockets == 0


async def test_a_hundred_sessions_leave_no_task_or_socket_open(rtzr: FakeRtzr) -> None:
    provider = provider_for(rtzr)
    before = asyncio.all_tasks()
    for _ in range(100):
        heard = await run_session(session_for(provider), counter_frames(3))
        assert_exactly_once_in_order(heard, 3)
    assert rtzr.stats.max_open <= 2  # the turn's socket and the spare: far under RTZR's limit of 5
    await provider.aclose()
    await rtzr.all_closed()
    # 100 turns, and the spare opened during the last (unless closing cancelled its handshake first).
    assert rtzr.stats.open_now == 0 and rtzr.stats.sockets in (100, 101)
    assert provider.stats.spares_used == 99
    leftover = [t for t in asyncio.all_tasks() - before if not t.done()]
    assert leftover == []
