"""RTZR (Return Zero) streaming recognition over WebSocket (the websockets library).

One socket per utterance, the candidate's turn: PCM frames of 100 ms, the text frame `EOS` at its end, then
results are read until the server closes (it always does after EOS; a socket is never reused). RTZR's own
endpointing gives finals within the turn. `RtzrProvider` lives as long as the app: it caches the token and
keeps one spare socket, opened while the current turn runs, so the next turn never waits for a connect.
A socket that drops mid-turn is replaced and the audio after the last final is sent again.
"""

from __future__ import annotations

import asyncio
import json
import logging
import re
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlencode

import httpx
from websockets.asyncio.client import ClientConnection, connect
from websockets.exceptions import ConnectionClosed, ConnectionClosedOK, InvalidHandshake, InvalidStatus

from engine.audio.frames import SAMPLE_RATE
from engine.stt.cloud.connection import Retry, StreamFailure
from engine.stt.cloud.health import CloudHealth
from engine.stt.cloud.rtzr_auth import TokenCache
from engine.stt.cloud.session import StreamLink, StreamResult, StreamWord

log = logging.getLogger(__name__)

PROVIDER = "rtzr"
DEFAULT_AUTH_URL = "https://openapi.vito.ai/v1/authenticate"
DEFAULT_STREAM_URL = "wss://openapi.vito.ai/v1/transcribe:streaming"
MAX_KEYWORDS = 100  # RTZR's limits for keyword boosting
MAX_KEYWORD_CHARS = 20
_HANGUL_ONLY = re.compile(r"[가-힣 ]+")
# A spare socket older than this is replaced before use: servers drop idle sockets, and a stale one would
# cost a failed first send instead of a clean connect.
SPARE_MAX_AGE_S = 60.0


@dataclass(frozen=True)
class RtzrOptions:
    auth_url: str = DEFAULT_AUTH_URL
    stream_url: str = DEFAULT_STREAM_URL
    client_id: str = ""
    client_secret: str = ""
    # Where the id and secret come from when they are not given above (the keyring, read when first needed).
    load_credentials: Callable[[], tuple[str, str]] | None = None
    model_name: str = "sommers_ko"
    connect_timeout_s: float = 5.0
    preconnect: bool = True


def keywords_from(hints: tuple[str, ...]) -> tuple[str, ...]:
    """RTZR boosts Hangul words only, at most 100 of at most 20 characters each."""
    chosen: list[str] = []
    for hint in hints:
        word = hint.strip()
        if word and len(word) <= MAX_KEYWORD_CHARS and _HANGUL_ONLY.fullmatch(word) and word not in chosen:
            chosen.append(word)
    return tuple(chosen[:MAX_KEYWORDS])


@dataclass
class _Spare:
    query: str
    task: asyncio.Task[ClientConnection]
    born: float


@dataclass
class RtzrStats:
    """What the provider did with its sockets, kept apart from its working state (read by the tests)."""

    spares_used: int = 0  # turns that took a socket opened ahead of them


class RtzrProvider:
    provider = PROVIDER

    def __init__(self, options: RtzrOptions, health: CloudHealth | None = None) -> None:
        self.options = options
        self.health = health or CloudHealth(PROVIDER)
        self.tokens = TokenCache(
            options.auth_url, options.client_id, options.client_secret, load_credentials=options.load_credentials
        )
        self._http: httpx.AsyncClient | None = None
        self._spare: _Spare | None = None
        self.stats = RtzrStats()

    def streamer(self, language: str, hints: tuple[str, ...] = ()) -> RtzrStreamer:
        return RtzrStreamer(self, language, keywords_from(hints))

    def query(self, keywords: tuple[str, ...]) -> str:
        params = {
            "sample_rate": str(SAMPLE_RATE),
            "encoding": "LINEAR16",
            "use_itn": "true",
            "use_disfluency_filter": "false",  # fillers are part of the feedback: keep them
            "use_profanity_filter": "false",
            "model_name": self.options.model_name,
        }
        if keywords:
            params["keywords"] = ",".join(keywords)
        return urlencode(params)

    async def take(self, query: str) -> tuple[ClientConnection, float]:
        """A socket for this query: the spare if it is fresh and open, else a new one. Returns the socket and
        the seconds the caller waited for it."""
        waited = time.perf_counter()
        spare, self._spare = self._spare, None
        if spare is not None:
            if spare.query == query and time.monotonic() - spare.born < SPARE_MAX_AGE_S:
                try:
                    socket = await spare.task
                    if socket.state.name == "OPEN":
                        self.stats.spares_used += 1
                        return socket, time.perf_counter() - waited
                    await socket.close()
                except StreamFailure as failure:  # the spare failed: a fresh attempt decides what to do
                    log.info("spare RTZR socket failed: %s", failure)
            else:
                await _discard(spare)
        return await self._open(query), time.perf_counter() - waited

    def preconnect(self, query: str) -> None:
        if self.options.preconnect and self._spare is None:
            task = asyncio.get_running_loop().create_task(self._open(query), name="rtzr-spare-socket")
            task.add_done_callback(_note_spare_failure)
            self._spare = _Spare(query, task, time.monotonic())

    async def _open(self, query: str) -> ClientConnection:
        if self._http is None:
            self._http = httpx.AsyncClient()
        token = await self.tokens.token(self._http)
        try:
            socket = await connect(
                f"{self.options.stream_url}?{query}",
                additional_headers={"Authorization": f"bearer {token}"},
                open_timeout=self.options.connect_timeout_s,
                compression=None,  # PCM does not compress; deflate would only cost time
                proxy=None,
            )
        except InvalidStatus as error:
            status = error.response.status_code
            if status == 401:
                self.tokens.invalidate(token)  # expired or revoked: the next attempt fetches a new one
                raise StreamFailure(Retry.NOW, "stt.cloud.stream_reset", detail="token rejected") from error
            if status == 429:
                raise StreamFailure(Retry.BACKOFF, "stt.cloud.rate_limited", provider="RTZR") from error
            if status in (400, 403, 404):
                raise StreamFailure(
                    Retry.NEVER, "stt.cloud.invalid_request", provider="RTZR", detail=f"HTTP {status}"
                ) from error
            raise StreamFailure(
                Retry.BACKOFF, "stt.cloud.server_error", provider="RTZR", detail=f"HTTP {status}"
            ) from error
        except InvalidHandshake as error:
            raise StreamFailure(Retry.BACKOFF, "stt.rtzr.bad_reply", detail=type(error).__name__) from error
        except (OSError, TimeoutError) as error:  # refused, unreachable, DNS, handshake timeout
            raise StreamFailure(Retry.BACKOFF, "stt.cloud.unreachable", network=True, provider="RTZR") from error
        return socket

    async def aclose(self) -> None:
        spare, self._spare = self._spare, None
        if spare is not None:
            await _discard(spare)
        if self._http is not None:
            await self._http.aclose()
            self._http = None


def _note_spare_failure(task: asyncio.Task[ClientConnection]) -> None:
    # Read here so a spare nobody takes still has its failure logged; whoever takes it sees it again.
    if not task.cancelled() and (error := task.exception()) is not None:
        log.info("spare RTZR socket could not be opened: %s", error)


async def _discard(spare: _Spare) -> None:
    if not spare.task.done():
        spare.task.cancel()
    results = await asyncio.gather(spare.task, return_exceptions=True)  # ours: its failure no longer matters
    if isinstance(results[0], ClientConnection):
        await results[0].close()


class RtzrStreamer:
    provider = PROVIDER

    def __init__(self, owner: RtzrProvider, language: str, keywords: tuple[str, ...]) -> None:
        self._owner = owner
        self._language = language
        self._query = owner.query(keywords)
        self.waits: list[float] = []  # seconds each socket of this turn kept its audio waiting

    async def stream(self, link: StreamLink) -> None:
        if self._language != "ko":
            raise StreamFailure(Retry.NEVER, "stt.rtzr.korean_only", fix_needed=False)
        socket, waited = await self._owner.take(self._query)
        self.waits.append(waited)
        link.connected()
        self._owner.preconnect(self._query)  # the next turn's socket opens while this one runs
        try:
            async with asyncio.TaskGroup() as group:
                group.create_task(self._send(socket, link), name="rtzr-send")
                group.create_task(self._receive(socket, link), name="rtzr-receive")
        except* StreamFailure as failures:
            raise failures.exceptions[0] from None
        finally:
            await socket.close()

    async def _send(self, socket: ClientConnection, link: StreamLink) -> None:
        try:
            async for frame in link.audio():
                await socket.send(frame.samples.tobytes())
            await socket.send("EOS")
        except ConnectionClosed as error:
            raise _closed(error) from error

    async def _receive(self, socket: ClientConnection, link: StreamLink) -> None:
        try:
            async for message in socket:
                if isinstance(message, bytes):
                    continue
                link.result(_parse(message))
        except ConnectionClosed as error:
            raise _closed(error) from error
        if not link.audio_done:  # closed cleanly before our EOS: the server gave up on the socket
            raise StreamFailure(Retry.NOW, "stt.cloud.stream_ended")


def _closed(error: ConnectionClosed) -> StreamFailure:
    if isinstance(error, ConnectionClosedOK):
        return StreamFailure(Retry.NOW, "stt.cloud.stream_ended")
    return StreamFailure(Retry.NOW, "stt.cloud.stream_reset", detail=f"socket closed ({error.rcvd})")


def _parse(message: str) -> StreamResult:
    """{seq, start_at (ms), duration (ms), final, alternatives: [{text, confidence?, words?}]}."""
    try:
        body: dict[str, Any] = json.loads(message)
        best = body["alternatives"][0]
        start = float(body.get("start_at", 0)) / 1000
        end = start + float(body.get("duration", 0)) / 1000
        words = tuple(
            StreamWord(
                str(w["text"]),
                float(w["start_at"]) / 1000,
                (float(w["start_at"]) + float(w.get("duration", 0))) / 1000,
                float(w.get("confidence", 1.0)),
            )
            for w in best.get("words") or ()
        )
        text = str(best["text"]).strip()
        final = bool(body["final"])
        confidence = float(best.get("confidence", 1.0))
    except (json.JSONDecodeError, KeyError, IndexError, TypeError, ValueError) as error:
        raise StreamFailure(Retry.BACKOFF, "stt.rtzr.bad_reply", detail=type(error).__name__) from error
    return StreamResult(final, text, start, end, words, confidence)
