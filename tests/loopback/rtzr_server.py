"""A real RTZR look-alike on 127.0.0.1: the authenticate endpoint over HTTP and the streaming WebSocket.

The authenticate endpoint (http.server, on its own thread) issues tokens with an expiry; the WebSocket
server (websockets) checks the bearer token at the handshake, "recognises" counter audio, sends partials and
finals as JSON text frames, finalises what is left at EOS and closes. On request it rejects credentials,
answers 429, treats tokens as expired, drops sockets mid-utterance, and delays handshakes (a far server).
"""

from __future__ import annotations

import asyncio
import json
import threading
import time
from dataclasses import dataclass, field
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlparse

import numpy as np
from websockets.asyncio.server import Server, ServerConnection, serve
from websockets.http11 import Request, Response

from tests.loopback.counter_audio import CellReader, ClockReader

CLIENT_ID, CLIENT_SECRET = "test-client", "test-secret-0123456789"


@dataclass
class RtzrBehaviour:
    words_per_final: int = 4
    token_ttl_s: float = 6 * 3600
    reject_credentials: bool = False
    auth_429_times: int = 0
    stream_429_times: int = 0
    expire_tokens_issued_before: float = 0.0  # tokens issued before this epoch time are refused (401)
    drop_every: int = 0  # drop each socket after this many audio messages (0: never)
    drops_left: int = 0
    handshake_delay_s: float = 0.0
    # One word per 100 ms instead of decoding counter audio: real speech read as counter audio is a word for
    # nearly every sample (8 s of it made 32,000 finals).
    real_speech: bool = False


@dataclass
class RtzrStats:
    tokens_issued: int = 0
    auth_requests: int = 0
    sockets: int = 0
    open_now: int = 0
    max_open: int = 0
    rejected_tokens: int = 0
    answered_429: int = 0
    dropped: int = 0
    queries: list[dict[str, list[str]]] = field(default_factory=list)


class FakeRtzr:
    def __init__(self, behaviour: RtzrBehaviour | None = None) -> None:
        self.behaviour = behaviour or RtzrBehaviour()
        self.stats = RtzrStats()
        self._tokens: dict[str, float] = {}  # token -> issued at (epoch)
        self._lock = threading.Lock()
        self._http: ThreadingHTTPServer | None = None
        self._ws: Server | None = None
        self._open: set[ServerConnection] = set()
        self._idle = asyncio.Event()
        self._idle.set()

    @property
    def auth_url(self) -> str:
        assert self._http is not None
        return f"http://127.0.0.1:{self._http.server_address[1]}/v1/authenticate"

    @property
    def stream_url(self) -> str:
        assert self._ws is not None
        port = next(iter(self._ws.sockets)).getsockname()[1]
        return f"ws://127.0.0.1:{port}/v1/transcribe:streaming"

    async def start(self) -> None:
        self._http = ThreadingHTTPServer(("127.0.0.1", 0), self._auth_handler())
        threading.Thread(target=self._http.serve_forever, name="fake-rtzr-auth", daemon=True).start()
        self._ws = await serve(self._stream, "127.0.0.1", 0, process_request=self._check, compression=None)

    async def stop(self) -> None:
        if self._ws is not None:
            self._ws.close()
            await self._ws.wait_closed()
            self._ws = None
        if self._http is not None:
            self._http.shutdown()
            self._http.server_close()
            self._http = None

    # -- authenticate ---------------------------------------------------------------------------------
    def _auth_handler(self) -> type[BaseHTTPRequestHandler]:
        fake = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                length = int(self.headers.get("Content-Length", "0"))
                form = parse_qs(self.rfile.read(length).decode())
                b = fake.behaviour
                with fake._lock:
                    fake.stats.auth_requests += 1
                    if b.auth_429_times > 0:
                        b.auth_429_times -= 1
                        self._reply(HTTPStatus.TOO_MANY_REQUESTS, {"code": "A0002"})
                        return
                    good = form.get("client_id") == [CLIENT_ID] and form.get("client_secret") == [CLIENT_SECRET]
                    if b.reject_credentials or not good:
                        self._reply(HTTPStatus.UNAUTHORIZED, {"code": "H0002", "msg": "invalid credential"})
                        return
                    fake.stats.tokens_issued += 1
                    token = f"token-{fake.stats.tokens_issued}-{time.time():.3f}"
                    fake._tokens[token] = time.time()
                expire_at = int(time.time() + b.token_ttl_s)
                self._reply(HTTPStatus.OK, {"access_token": token, "expire_at": expire_at})

            def _reply(self, status: HTTPStatus, body: dict[str, object]) -> None:
                data = json.dumps(body).encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            def log_message(self, format: str, *args: object) -> None:
                pass

        return Handler

    # -- streaming --------------------------------------------------------------------------------------
    async def _check(self, connection: ServerConnection, request: Request) -> Response | None:
        b = self.behaviour
        if b.handshake_delay_s:
            await asyncio.sleep(b.handshake_delay_s)  # stands for the network's round trips
        if b.stream_429_times > 0:
            b.stream_429_times -= 1
            self.stats.answered_429 += 1
            return connection.respond(HTTPStatus.TOO_MANY_REQUESTS, "too many concurrent streams\n")
        header = request.headers.get("Authorization", "")
        token = header.removeprefix("bearer ").strip()
        with self._lock:
            issued = self._tokens.get(token)
        if issued is None or issued < b.expire_tokens_issued_before:
            self.stats.rejected_tokens += 1
            return connection.respond(HTTPStatus.UNAUTHORIZED, "token expired\n")
        return None

    async def _stream(self, connection: ServerConnection) -> None:
        b = self.behaviour
        self.stats.sockets += 1
        self._open.add(connection)
        self._idle.clear()
        self.stats.open_now = len(self._open)
        self.stats.max_open = max(self.stats.max_open, self.stats.open_now)
        assert connection.request is not None
        self.stats.queries.append(parse_qs(urlparse(connection.request.path).query))
        reader: CellReader | ClockReader = ClockReader() if b.real_speech else CellReader()
        pending: list[tuple[str, float, float]] = []
        seq = 0
        audio_messages = 0
        try:
            async for message in connection:
                if isinstance(message, str):
                    if message == "EOS":
                        pending.extend(reader.flush())
                        if pending:
                            await connection.send(_result(seq, pending, final=True))
                        await connection.close()
                        return
                    continue
                audio_messages += 1
                if b.drop_every and b.drops_left > 0 and audio_messages >= b.drop_every:
                    b.drops_left -= 1
                    self.stats.dropped += 1
                    assert connection.transport is not None
                    connection.transport.abort()  # no close frame: the network failed
                    return
                pending.extend(reader.feed(np.frombuffer(message, dtype=np.int16)))
                while len(pending) >= b.words_per_final:
                    await connection.send(_result(seq, pending[: b.words_per_final], final=True))
                    seq += 1
                    pending = pending[b.words_per_final :]
                if pending:
                    await connection.send(_result(seq, pending, final=False))
        finally:
            self._open.discard(connection)
            self.stats.open_now = len(self._open)
            if not self._open:
                self._idle.set()

    async def all_closed(self) -> None:
        """Returns once no socket is open (each handler ends after its close handshake)."""
        await asyncio.wait_for(self._idle.wait(), 5)


def _result(seq: int, words: list[tuple[str, float, float]], *, final: bool) -> str:
    start_ms = round(words[0][1] * 1000)
    end_ms = round(words[-1][2] * 1000)
    alternative: dict[str, object] = {"text": " ".join(w for w, _, _ in words), "confidence": 0.9}
    if final:
        alternative["words"] = [
            {"text": w, "start_at": round(s * 1000), "duration": round((e - s) * 1000)} for w, s, e in words
        ]
    return json.dumps(
        {"seq": seq, "start_at": start_ms, "duration": end_ms - start_ms, "final": final, "alternatives": [alternative]}
    )
