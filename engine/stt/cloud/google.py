"""Google Cloud Speech-to-Text v1 StreamingRecognize (google-cloud-speech's asyncio client).

`GoogleProvider` lives as long as the app: it holds the gRPC channel and the provider's health figures.
Each session's streamer opens one StreamingRecognize call per stream: the config first, then the audio from
the link (≤ 25,600 bytes a request). Google ends a stream after about 305 s, so the streamer ends its own
first (a planned restart, at `stream_limit_s` of audio or of wall time) and the session replays from the
last final's end. Errors are classified by gRPC status; results are reported in the stream's own time.
"""

from __future__ import annotations

import asyncio
import ipaddress
import os
import time
from collections.abc import AsyncIterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from engine.audio.frames import SAMPLE_RATE
from engine.stt.cloud.connection import Retry, StreamFailure
from engine.stt.cloud.health import CloudHealth
from engine.stt.cloud.session import StreamLink, StreamResult, StreamWord

if TYPE_CHECKING:
    import grpc
    from google.cloud.speech_v1 import SpeechAsyncClient, StreamingRecognizeRequest

PROVIDER = "google"
DEFAULT_ENDPOINT = "speech.googleapis.com:443"
STREAM_LIMIT_S = 290.0  # Google's own limit is 305 s ("Exceeded maximum allowed stream duration")
# Until a stream has worked with these credentials, audio waits this long after the config for the server
# to refuse the call: grpcio reports a refusal that lands while a request is being written as INTERNAL (a
# failed write), which would hide "bad credentials" behind a retry.
VERIFY_WINDOW_S = 0.25
MAX_REQUEST_BYTES = 25_600  # Google's limit for one streaming request's audio
MAX_PHRASES = 500  # speech_contexts limit per request (Cloud Speech quotas page)
MAX_PHRASE_CHARS = 100
SCOPES = ("https://www.googleapis.com/auth/cloud-platform",)
# gRPC's own reconnect backoff starts at 1 s and grows to 120 s: far too slow to notice a network that
# came back while the candidate speaks.
CHANNEL_OPTIONS = (
    ("grpc.initial_reconnect_backoff_ms", 100),
    ("grpc.min_reconnect_backoff_ms", 100),
    ("grpc.max_reconnect_backoff_ms", 2000),
)

_RETRY_NOW = {"OUT_OF_RANGE", "ABORTED", "DEADLINE_EXCEEDED", "CANCELLED"}
_BAD_CREDENTIALS = {"UNAUTHENTICATED", "PERMISSION_DENIED"}
_INVALID = {"INVALID_ARGUMENT", "FAILED_PRECONDITION", "NOT_FOUND", "UNIMPLEMENTED"}

CREDENTIALS_ENV = "GOOGLE_APPLICATION_CREDENTIALS"


@dataclass(frozen=True)
class GoogleOptions:
    endpoint: str = DEFAULT_ENDPOINT  # host:port; plain-text gRPC when the host is a loopback address
    credentials_file: str = ""  # a service-account JSON file; "" = application-default credentials
    stream_limit_s: float = STREAM_LIMIT_S
    connect_timeout_s: float = 3.0


def is_loopback(endpoint: str) -> bool:
    host = endpoint.rsplit(":", 1)[0].strip("[]")
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def classify(code: str, detail: str) -> StreamFailure:
    """A gRPC status (by name) → how to retry and what the user is told."""
    if code in _RETRY_NOW:
        return StreamFailure(Retry.NOW, "stt.cloud.stream_reset", detail=detail)
    if code in _BAD_CREDENTIALS:
        return StreamFailure(Retry.NEVER, "stt.google.bad_credentials", detail=detail)
    if code in _INVALID:
        return StreamFailure(Retry.NEVER, "stt.cloud.invalid_request", provider="Google", detail=detail)
    if code == "UNAVAILABLE":
        return StreamFailure(Retry.BACKOFF, "stt.cloud.unreachable", network=True, provider="Google")
    if code == "RESOURCE_EXHAUSTED":
        return StreamFailure(Retry.BACKOFF, "stt.cloud.rate_limited", provider="Google")
    return StreamFailure(Retry.BACKOFF, "stt.cloud.server_error", provider="Google", detail=detail)


class GoogleProvider:
    """The app's connection to Google (or to whatever speaks its protocol at the configured endpoint)."""

    provider = PROVIDER

    def __init__(self, options: GoogleOptions, health: CloudHealth | None = None) -> None:
        self.options = options
        self.health = health or CloudHealth(PROVIDER)
        self._client: SpeechAsyncClient | None = None
        self._channel: grpc.aio.Channel | None = None
        self._lock = asyncio.Lock()
        self.verified = False  # a stream has given results with these credentials and this endpoint

    def streamer(self, language: str, hints: tuple[str, ...] = ()) -> GoogleStreamer:
        return GoogleStreamer(self, language, hints)

    async def client(self) -> tuple[SpeechAsyncClient, grpc.aio.Channel]:
        async with self._lock:
            if self._client is None or self._channel is None:
                self._client, self._channel = await self._connect()
            return self._client, self._channel

    async def _connect(self) -> tuple[SpeechAsyncClient, grpc.aio.Channel]:
        import grpc
        from google.auth.credentials import AnonymousCredentials
        from google.cloud.speech_v1 import SpeechAsyncClient
        from google.cloud.speech_v1.services.speech.transports import SpeechGrpcAsyncIOTransport

        endpoint = self.options.endpoint
        if is_loopback(endpoint):  # a test server or a local proxy: no TLS, no Google account
            channel = grpc.aio.insecure_channel(endpoint, options=CHANNEL_OPTIONS)
            transport = SpeechGrpcAsyncIOTransport(host=endpoint, channel=channel, credentials=AnonymousCredentials())  # type: ignore[no-untyped-call]
        else:
            credentials = await asyncio.to_thread(self._credentials)
            channel = SpeechGrpcAsyncIOTransport.create_channel(
                endpoint, credentials=credentials, scopes=SCOPES, options=CHANNEL_OPTIONS
            )
            transport = SpeechGrpcAsyncIOTransport(host=endpoint, channel=channel)
        return SpeechAsyncClient(transport=transport), channel

    def _credentials(self) -> Any:
        """The service-account file chosen in settings, else application-default credentials (which read
        GOOGLE_APPLICATION_CREDENTIALS). Raises StreamFailure(NEVER) with what to do."""
        import google.auth
        from google.auth.exceptions import DefaultCredentialsError
        from google.oauth2 import service_account

        # The environment wins over the setting (README); either way a named file that is missing or not a
        # key is said as such, not as "no credentials found".
        from_env = os.environ.get(CREDENTIALS_ENV, "")
        path = from_env or self.options.credentials_file
        where = "env_" if from_env else ""
        if path:
            try:
                return service_account.Credentials.from_service_account_file(  # type: ignore[no-untyped-call]
                    path, scopes=SCOPES
                )
            except FileNotFoundError as error:
                raise StreamFailure(Retry.NEVER, f"stt.google.{where}credentials_missing", path=path) from error
            except (ValueError, KeyError, OSError) as error:  # not JSON, not a service account, unreadable
                raise StreamFailure(
                    Retry.NEVER, f"stt.google.{where}credentials_invalid", path=path, detail=type(error).__name__
                ) from error
        try:
            credentials, _project = google.auth.default(scopes=SCOPES)
        except DefaultCredentialsError as error:
            raise StreamFailure(Retry.NEVER, "stt.google.no_credentials") from error
        return credentials

    async def aclose(self) -> None:
        async with self._lock:
            if self._channel is not None:
                await self._channel.close()
            self._client = self._channel = None


class GoogleStreamer:
    provider = PROVIDER

    def __init__(self, owner: GoogleProvider, language: str, hints: tuple[str, ...]) -> None:
        self._owner = owner
        self._language = language
        self._hints = tuple(h[:MAX_PHRASE_CHARS] for h in hints if h.strip())[:MAX_PHRASES]

    def _config(self) -> Any:
        from google.cloud import speech_v1 as speech

        return speech.StreamingRecognitionConfig(
            config=speech.RecognitionConfig(
                encoding=speech.RecognitionConfig.AudioEncoding.LINEAR16,
                sample_rate_hertz=SAMPLE_RATE,
                language_code="ko-KR" if self._language == "ko" else "en-US",
                enable_automatic_punctuation=True,
                enable_word_time_offsets=True,
                speech_contexts=[speech.SpeechContext(phrases=list(self._hints))] if self._hints else [],
            ),
            interim_results=True,
        )

    async def stream(self, link: StreamLink) -> None:
        import grpc
        from google.api_core.exceptions import GoogleAPICallError

        client, channel = await self._owner.client()
        unreachable = StreamFailure(Retry.BACKOFF, "stt.cloud.unreachable", network=True, provider="Google")
        # A channel that just failed to connect says so at once: no need to wait out the timeout while the
        # candidate speaks (the answer goes on locally after a few of these).
        if channel.get_state(try_to_connect=True) is grpc.ChannelConnectivity.TRANSIENT_FAILURE:
            raise unreachable
        try:
            await asyncio.wait_for(channel.channel_ready(), self._owner.options.connect_timeout_s)
        except TimeoutError as error:
            raise unreachable from error
        link.connected()
        limit_hit = asyncio.Event()
        started: asyncio.Future[Any] = asyncio.get_running_loop().create_future()
        try:
            call: Any = await client.streaming_recognize(requests=self._requests(link, limit_hit, started))
        except GoogleAPICallError as error:
            # api_core's wrapper may read the refusal (UNAUTHENTICATED, …) while opening the call, before any
            # response: it is classified here like one read later, never raised raw into the task group.
            code = error.grpc_status_code.name if error.grpc_status_code is not None else "UNKNOWN"
            raise classify(code, error.message) from error
        except grpc.aio.AioRpcError as error:
            raise classify(error.code().name, error.details() or "") from error
        started.set_result(call)
        reader = asyncio.create_task(self._read(call, link), name="google-responses")
        limit = asyncio.create_task(limit_hit.wait(), name="google-stream-limit")
        try:
            await asyncio.wait({reader, limit}, return_when=asyncio.FIRST_COMPLETED)
        finally:
            for task in (reader, limit):
                task.cancel()
            call.cancel()
            # Both are ours and end here; the reader's outcome is read (and raised) just below.
            await asyncio.gather(reader, limit, return_exceptions=True)
        if reader.done() and not reader.cancelled():
            reader.result()  # raises the stream's classified failure, if it had one
            if not limit_hit.is_set():
                return
        raise StreamFailure(Retry.NOW, "stt.cloud.stream_limit", planned=True)

    async def _requests(
        self, link: StreamLink, limit_hit: asyncio.Event, call: asyncio.Future[Any]
    ) -> AsyncIterator[StreamingRecognizeRequest]:
        from google.cloud.speech_v1 import StreamingRecognizeRequest

        yield StreamingRecognizeRequest(streaming_config=self._config())
        if not self._owner.verified and await _ends_within(await call, VERIFY_WINDOW_S):
            return  # refused before any audio: the reader raises the server's own status
        started = time.monotonic()
        limit = self._owner.options.stream_limit_s
        sent = 0
        async for frame in link.audio():
            data = frame.samples.tobytes()
            for offset in range(0, len(data), MAX_REQUEST_BYTES):
                yield StreamingRecognizeRequest(audio_content=data[offset : offset + MAX_REQUEST_BYTES])
            sent += len(frame.samples)
            if sent / SAMPLE_RATE >= limit or time.monotonic() - started >= limit:
                limit_hit.set()  # the streamer replaces this stream; hold it open until then
                await asyncio.Event().wait()

    async def _read(self, call: Any, link: StreamLink) -> None:
        import grpc
        from google.api_core.exceptions import GoogleAPICallError

        last_end = 0.0  # end of this stream's latest final, in its own time
        try:
            async for response in call:
                partial: list[str] = []
                for result in response.results:
                    if not result.alternatives:
                        continue
                    best = result.alternatives[0]
                    end = result.result_end_time.total_seconds()
                    self._owner.verified = True
                    if result.is_final:
                        words = tuple(_word(w) for w in best.words)
                        start = words[0].start if words else last_end
                        link.result(
                            StreamResult(True, best.transcript.strip(), start, end, words, best.confidence or 1.0)
                        )
                        last_end = end
                    else:
                        partial.append(best.transcript.strip())
                if partial:
                    link.result(StreamResult(False, " ".join(p for p in partial if p), last_end, last_end, (), 0.0))
        except GoogleAPICallError as error:
            code = error.grpc_status_code.name if error.grpc_status_code is not None else "UNKNOWN"
            raise classify(code, error.message) from error
        except grpc.aio.AioRpcError as error:
            raise classify(error.code().name, error.details() or "") from error


async def _ends_within(call: Any, seconds: float) -> bool:
    waiter = asyncio.ensure_future(call.code())
    done, _ = await asyncio.wait({waiter}, timeout=seconds)
    if not done:
        waiter.cancel()
        await asyncio.gather(waiter, return_exceptions=True)  # ours, cancelled: nothing to report
    return bool(done)


def _word(info: Any) -> StreamWord:
    return StreamWord(info.word, info.start_time.total_seconds(), info.end_time.total_seconds(), info.confidence or 1.0)
