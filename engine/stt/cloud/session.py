"""A cloud recognition session: one answer's audio, streamed to a provider through as many streams as it takes.

The supervisor owns the audio ledger and the connection state machine. Each attempt hands a `StreamLink`
to the provider's streamer, which reads audio from the last final's end, reports results in the stream's
own time and raises `StreamFailure` when its stream dies. The supervisor turns stream times into session
times, delivers each final once and in order, retries as the failure says, and when the network is gone
(or credentials are refused) goes on with local recognition from the first unconfirmed sample, telling the
user. Everything runs in one task the session owns; `close()` cancels it.
"""

from __future__ import annotations

import asyncio
import contextlib
import dataclasses
import logging
import time
from collections.abc import AsyncIterator, Callable
from dataclasses import dataclass, field
from typing import Protocol

from engine.audio.frames import SAMPLE_RATE, AudioFrame
from engine.errors import AppError, CloudSpeechError
from engine.stt.cloud.connection import Backoff, ConnectionMachine, ConnectionState, Retry, StreamFailure
from engine.stt.cloud.health import CloudHealth
from engine.stt.cloud.ledger import AudioLedger
from engine.stt.contract import (
    RecognitionEvent,
    RecognitionNotice,
    StreamingTranscriptionSession,
    TranscriptEvent,
    TranscriptKind,
    Word,
)
from engine.stt.event_queue import Done, EventQueue

log = logging.getLogger(__name__)

PROVIDER_NAMES = {"google": "Google Cloud", "rtzr": "RTZR"}  # as the user knows them, in every language


@dataclass(frozen=True, slots=True)
class StreamWord:
    text: str
    start: float  # seconds since the stream's first sample
    end: float
    confidence: float = 1.0


@dataclass(frozen=True, slots=True)
class StreamResult:
    """A provider's result in its stream's time."""

    final: bool
    text: str
    start: float
    end: float
    words: tuple[StreamWord, ...] = ()
    confidence: float = 1.0


@dataclass(frozen=True)
class ReconnectPolicy:
    offline_after: int = 3  # consecutive network failures before the answer goes on locally
    give_up_after: int = 6  # consecutive failures of any other retryable kind before the same
    backoff_base_s: float = 0.2
    backoff_cap_s: float = 8.0


class Streamer(Protocol):
    """One provider's way of running one stream (Google: a StreamingRecognize call; RTZR: a socket)."""

    provider: str

    async def stream(self, link: StreamLink) -> None:
        """Stream `link.audio()` and report results until the audio is finished and its finals are in.

        Raises StreamFailure when the stream ends any other way (including a planned restart)."""


@dataclass
class StreamLink:
    """What one stream may do: read audio from its start sample on, say it connected, report results."""

    session: CloudSession
    start_sample: int
    opened_at: float = field(default_factory=time.perf_counter)
    alive: bool = True
    was_connected: bool = False
    results: int = 0
    first_audio_at: float | None = None
    last_audio_at: float | None = None
    sent_until: int = 0

    async def audio(self) -> AsyncIterator[AudioFrame]:
        self.sent_until = self.start_sample
        async for frame in self.session.ledger.read_from(self.start_sample):
            if not self.alive:
                return
            now = time.perf_counter()
            if self.first_audio_at is None:
                self.first_audio_at = now
                self.session._on_first_audio(self)
            self.last_audio_at = now
            self.sent_until = frame.end_sample
            yield frame

    @property
    def audio_done(self) -> bool:
        ledger = self.session.ledger
        return ledger.finished and self.sent_until >= ledger.end_sample

    def connected(self) -> None:
        if self.alive and not self.was_connected:
            self.was_connected = True
            self.session._on_connected(self)

    def result(self, result: StreamResult) -> None:
        if self.alive:  # a replaced stream's late results would repeat what its successor hears again
            self.results += 1
            self.session._on_result(self, result)


class _GoLocal(Exception):
    def __init__(self, notice: RecognitionNotice) -> None:
        super().__init__(notice.key)
        self.notice = notice


@dataclass
class SessionStats:
    """What one cloud session went through, kept apart from its working state: read by the tests and by
    bench/cloud_restart.py; the user sees the provider's health instead."""

    restarts: int = 0  # streams replaced, planned or not
    restart_gaps: list[float] = field(default_factory=list)  # old stream's last audio -> new one's first, s
    fell_back: bool = False  # the rest of the answer went to the local recogniser


class CloudSession:
    """The StreamingTranscriptionSession of every cloud provider."""

    def __init__(
        self,
        streamer: Streamer,
        *,
        health: CloudHealth,
        fallback: Callable[[], StreamingTranscriptionSession] | None = None,
        policy: ReconnectPolicy | None = None,
    ) -> None:
        self.backend = streamer.provider
        self._streamer = streamer
        self._health = health
        self._fallback = fallback
        self._policy = policy or ReconnectPolicy()
        self.ledger = AudioLedger()
        self.machine = ConnectionMachine(self._on_state)
        self._events: EventQueue[RecognitionEvent] = EventQueue()
        self._runner: asyncio.Task[None] | None = None
        self._next_id = 0
        self._last_final_end = 0.0
        self._planned_restart = False  # planned restarts are not news to the user
        self._shown_state: ConnectionState | None = None
        self.stats = SessionStats()
        self._previous_link: StreamLink | None = None

    # -- the contract -------------------------------------------------------------------------------
    async def start(self) -> None:
        self._runner = asyncio.get_running_loop().create_task(self._run(), name=f"{self.backend}-stt")

    def accept_audio(self, frame: AudioFrame) -> None:
        self.ledger.append(frame)

    async def finish(self) -> None:
        self.ledger.finish()
        if self._runner is not None:
            await asyncio.shield(self._runner)

    async def close(self) -> None:
        if self._runner is not None and not self._runner.done():
            self._runner.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._runner

    def events(self) -> AsyncIterator[RecognitionEvent]:
        return self._events.drain()

    # -- running ------------------------------------------------------------------------------------
    async def _run(self) -> None:
        outcome: Done | BaseException = Done()
        try:
            try:
                await self._stream_to_cloud()
            except _GoLocal as go:
                await self._go_local(go.notice, go.__cause__)
        except AppError as error:
            outcome = error
        except Exception as error:  # a bug: logged, and handed to the consumer, who reports it
            log.exception("cloud recognition failed unexpectedly")
            outcome = error
        finally:
            if self.machine.state is not ConnectionState.CLOSING:
                self.machine.move(ConnectionState.CLOSING)
            self.machine.move(ConnectionState.DISCONNECTED)
            self._events.put(outcome)

    async def _stream_to_cloud(self) -> None:
        backoff = Backoff(self._policy.backoff_base_s, self._policy.backoff_cap_s)
        network_failures = other_failures = 0
        while True:
            link = StreamLink(self, self.ledger.confirmed)
            self.machine.move(ConnectionState.CONNECTING)
            self._health.attempt()
            try:
                await self._streamer.stream(link)
                if not link.audio_done:
                    raise StreamFailure(Retry.NOW, "stt.cloud.stream_ended")
                return
            except StreamFailure as failure:
                failure_at_connect = not link.was_connected
                delay = self._after_failure(link, failure)
                if link.results:  # it worked for a while: this failure starts a fresh count
                    backoff.reset()
                    network_failures = other_failures = 0
                if failure.network:
                    network_failures += 1
                elif not failure.planned:
                    other_failures += 1
                if network_failures >= self._policy.offline_after:
                    raise _GoLocal(self._notice("stt.cloud.offline_fallback")) from failure
                if other_failures >= self._policy.give_up_after:
                    raise _GoLocal(self._notice("stt.cloud.unreliable_fallback")) from failure
                # A reset at connect is retried at once the first time only: a server that drops every
                # connection must not be hammered in a tight loop.
                if delay or (failure_at_connect and backoff.attempt > 0):
                    await asyncio.sleep(backoff.next_delay())  # a timer, not a poll: the backoff itself
                elif failure_at_connect:
                    backoff.attempt += 1
            finally:
                link.alive = False
                self._previous_link = link

    def _after_failure(self, link: StreamLink, failure: StreamFailure) -> bool:
        """Record the failure; move the machine; say whether to back off before the next attempt."""
        log.info("%s stream ended: %s", self.backend, failure)
        if failure.retry is Retry.NEVER:
            self._health.failed(failure.key)
            self.machine.move(ConnectionState.FAILED)
            error = CloudSpeechError(failure.key, **failure.params)
            if self._fallback is None:
                raise error from failure
            shown = error if failure.fix_needed else None
            raise _GoLocal(self._notice(failure.key, failure.params, shown)) from failure
        self.stats.restarts += 1
        self._planned_restart = failure.planned
        if not failure.planned:
            self._health.failed(failure.key)
            self._health.reconnect()
        self.machine.move(ConnectionState.RECONNECTING)
        self._planned_restart = False
        return failure.retry is Retry.BACKOFF

    async def _go_local(self, notice: RecognitionNotice, cause: BaseException | None) -> None:
        if self.machine.state is not ConnectionState.FAILED:
            self.machine.move(ConnectionState.FAILED)
        if self._fallback is None:  # nothing to go on with: the user hears what went wrong, not "goes on"
            assert isinstance(cause, StreamFailure)  # without a fallback, only the give-up counts go local
            raise CloudSpeechError(cause.key, **cause.params)
        self.stats.fell_back = True
        self._health.fell_back()
        self._events.put(notice)
        local = self._fallback()
        base = self._next_id
        await local.start()

        async def feed() -> None:
            async for frame in self.ledger.read_from(self.ledger.confirmed):
                local.accept_audio(frame)
                self.ledger.confirm(frame.end_sample)  # the local session keeps its own copy
            await local.finish()

        async def forward() -> None:
            async for event in local.events():
                if isinstance(event, TranscriptEvent):
                    event = dataclasses.replace(event, utterance_id=base + event.utterance_id)
                self._events.put(event)

        try:
            async with asyncio.TaskGroup() as group:
                group.create_task(feed(), name="stt-fallback-feed")
                group.create_task(forward(), name="stt-fallback-events")
        except* AppError as errors:
            raise errors.exceptions[0] from None
        finally:
            await local.close()

    # -- what the links report ----------------------------------------------------------------------
    def _on_connected(self, link: StreamLink) -> None:
        self._health.connected(time.perf_counter() - link.opened_at)
        self.machine.move(ConnectionState.CONNECTED)

    def _on_first_audio(self, link: StreamLink) -> None:
        previous = self._previous_link
        if previous is not None and previous.last_audio_at is not None and link.first_audio_at is not None:
            self.stats.restart_gaps.append(link.first_audio_at - previous.last_audio_at)

    def _on_result(self, link: StreamLink, result: StreamResult) -> None:
        origin = link.start_sample / SAMPLE_RATE
        floor = self._last_final_end  # times never go backwards, whatever a provider says
        start = max(floor, origin + result.start)
        end = max(start, origin + result.end)
        words = tuple(
            Word(w.text, round(max(floor, origin + w.start), 3), round(max(floor, origin + w.end), 3), w.confidence)
            for w in result.words
        )
        event = TranscriptEvent(
            kind=TranscriptKind.FINAL if result.final else TranscriptKind.PARTIAL,
            utterance_id=self._next_id,
            text=result.text,
            stable_text=result.text if result.final else "",  # no provider says which words are settled
            start=round(start, 3),
            end=round(end, 3),
            words=words,
            confidence=round(result.confidence, 4),
            backend=self.backend,
        )
        if result.final:
            self.ledger.confirm(link.start_sample + round(result.end * SAMPLE_RATE))
            self._last_final_end = end
            if not result.text.strip():
                return  # silence finalised: nothing to show, but its audio need not be replayed
            self._next_id += 1
        self._events.put(event)

    def _on_state(self, state: ConnectionState) -> None:
        """Tell the consumer what the user should see: connected, reconnecting after a failure, failed."""
        if state is ConnectionState.RECONNECTING and self._planned_restart:
            return
        if state in (ConnectionState.CONNECTED, ConnectionState.RECONNECTING) and state is not self._shown_state:
            self._shown_state = state
            self._events.put(RecognitionNotice(state.value, "", backend=self.backend))

    def _notice(
        self, key: str, params: dict[str, object] | None = None, error: AppError | None = None
    ) -> RecognitionNotice:
        merged = {"provider": PROVIDER_NAMES.get(self.backend, self.backend), **(params or {})}
        pairs = tuple((k, str(v)) for k, v in merged.items())
        return RecognitionNotice(ConnectionState.FAILED.value, key, pairs, error, self.backend)
