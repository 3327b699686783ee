"""A real gRPC server on 127.0.0.1 that speaks google.cloud.speech.v1.Speech/StreamingRecognize.

It deserialises the proto-plus request classes and serialises the response classes, "recognises" counter
audio (see counter_audio.py), finalises every few words as an endpointer would, and misbehaves on request:
a scaled-down stream-length limit (OUT_OF_RANGE), aborts at random (ABORTED), UNAVAILABLE for the first
calls, UNAUTHENTICATED for all.
"""

from __future__ import annotations

import random
from collections.abc import AsyncIterator, Iterator
from dataclasses import dataclass, field
from datetime import timedelta
from typing import Any

import grpc
import numpy as np
from google.cloud.speech_v1 import (
    SpeechRecognitionAlternative,
    StreamingRecognitionResult,
    StreamingRecognizeRequest,
    StreamingRecognizeResponse,
    WordInfo,
)

from engine.audio.frames import SAMPLE_RATE
from tests.loopback.counter_audio import CellReader, ClockReader


@dataclass
class GoogleBehaviour:
    words_per_final: int = 4
    limit_s: float = 305.0  # audio seconds a stream may carry before OUT_OF_RANGE
    abort_probability: float = 0.0  # per audio request
    unavailable_calls: int = 0  # the first N calls fail UNAVAILABLE
    reject_credentials: bool = False
    real_speech: bool = False  # one word per 100 ms instead of decoding counter audio
    seed: int = 7


@dataclass
class GoogleStats:
    calls: int = 0
    active: int = 0
    aborted: int = 0
    out_of_range: int = 0
    configs: list[object] = field(default_factory=list)
    samples: int = 0


class FakeGoogleSpeech:
    def __init__(self, behaviour: GoogleBehaviour | None = None) -> None:
        self.behaviour = behaviour or GoogleBehaviour()
        self.stats = GoogleStats()
        self._rng = random.Random(self.behaviour.seed)
        self._server: grpc.aio.Server | None = None
        self.port = 0

    @property
    def endpoint(self) -> str:
        return f"127.0.0.1:{self.port}"

    async def start(self, port: int = 0) -> None:
        handler = grpc.method_handlers_generic_handler(
            "google.cloud.speech.v1.Speech",
            {
                "StreamingRecognize": grpc.stream_stream_rpc_method_handler(
                    self._recognize,
                    request_deserializer=StreamingRecognizeRequest.deserialize,
                    response_serializer=StreamingRecognizeResponse.serialize,
                )
            },
        )
        self._server = grpc.aio.server()
        self._server.add_generic_rpc_handlers((handler,))
        self.port = self._server.add_insecure_port(f"127.0.0.1:{port}")
        await self._server.start()

    async def stop(self) -> None:
        if self._server is not None:
            await self._server.stop(grace=None)
            self._server = None

    async def _recognize(
        self, requests: AsyncIterator[StreamingRecognizeRequest], context: grpc.aio.ServicerContext
    ) -> AsyncIterator[StreamingRecognizeResponse]:
        call = _Call(self)
        try:
            if call.refuse(context) is not None:
                return
            async for request in requests:
                responses, failed = call.take(request, context)
                for response in responses:
                    yield response
                if failed:
                    return
            for response in call.end():
                yield response
        finally:
            call.close()

    def recognize_sync(
        self, requests: Iterator[StreamingRecognizeRequest], context: grpc.ServicerContext
    ) -> Iterator[StreamingRecognizeResponse]:
        """The same, for grpc's thread-pool server (see ThreadedGoogle)."""
        call = _Call(self)
        try:
            if call.refuse(context) is not None:
                return
            for request in requests:
                responses, failed = call.take(request, context)
                yield from responses
                if failed:
                    return
            yield from call.end()
        finally:
            call.close()


class _Call:
    """One StreamingRecognize call's state and misbehaviour, shared by the asyncio and thread servers."""

    def __init__(self, fake: FakeGoogleSpeech) -> None:
        self.fake = fake
        self.b = fake.behaviour
        fake.stats.calls += 1
        fake.stats.active += 1
        self.reader: CellReader | ClockReader = ClockReader() if self.b.real_speech else CellReader()
        self.pending: list[tuple[str, float, float]] = []
        self.first = True

    def refuse(self, context: Any) -> object | None:
        if self.b.reject_credentials:
            _fail(context, grpc.StatusCode.UNAUTHENTICATED, "Request had invalid authentication credentials.")
            return True
        if self.fake.stats.calls <= self.b.unavailable_calls:
            _fail(context, grpc.StatusCode.UNAVAILABLE, "The service is currently unavailable.")
            return True
        return None

    def take(self, request: StreamingRecognizeRequest, context: Any) -> tuple[list[StreamingRecognizeResponse], bool]:
        b, stats = self.b, self.fake.stats
        if self.first:
            stats.configs.append(request.streaming_config)
            self.first = False
            return [], False
        samples = np.frombuffer(request.audio_content, dtype=np.int16)
        stats.samples += len(samples)
        if self.reader.position + len(samples) > b.limit_s * SAMPLE_RATE:
            stats.out_of_range += 1
            _fail(
                context,
                grpc.StatusCode.OUT_OF_RANGE,
                f"Exceeded maximum allowed stream duration of {b.limit_s:g} seconds.",
            )
            return [], True
        if b.abort_probability and self.fake._rng.random() < b.abort_probability:
            stats.aborted += 1
            _fail(context, grpc.StatusCode.ABORTED, "Stream aborted.")
            return [], True
        self.pending.extend(self.reader.feed(samples))
        responses = []
        while len(self.pending) >= b.words_per_final:
            responses.append(_response(self.pending[: b.words_per_final], final=True))
            self.pending = self.pending[b.words_per_final :]
        if self.pending:
            responses.append(_response(self.pending, final=False))
        return responses, False

    def end(self) -> list[StreamingRecognizeResponse]:
        self.pending.extend(self.reader.flush())
        return [_response(self.pending, final=True)] if self.pending else []

    def close(self) -> None:
        self.fake.stats.active -= 1


def _fail(context: Any, code: grpc.StatusCode, details: str) -> None:
    # Set and return rather than context.abort(): grpcio turns an abort raised inside an async-generator
    # handler into INTERNAL on some paths.
    context.set_code(code)
    context.set_details(details)


def _response(words: list[tuple[str, float, float]], *, final: bool) -> StreamingRecognizeResponse:
    alternative = SpeechRecognitionAlternative(
        transcript=" ".join(w for w, _, _ in words),
        confidence=0.9 if final else 0.0,
        words=[WordInfo(word=w, start_time=timedelta(seconds=s), end_time=timedelta(seconds=e)) for w, s, e in words]
        if final
        else [],
    )
    result = StreamingRecognitionResult(
        alternatives=[alternative],
        is_final=final,
        stability=0.0 if final else 0.5,
        result_end_time=timedelta(seconds=words[-1][2]),
    )
    return StreamingRecognizeResponse(results=[result])


class ThreadedGoogle:
    """The fake on grpc's thread-pool server, for tests whose loop is Qt's (the desktop tests): grpc.aio
    binds itself to one event loop per process, so a second aio server on another loop is not an option."""

    def __init__(self, behaviour: GoogleBehaviour | None = None) -> None:
        self.fake = FakeGoogleSpeech(behaviour)
        self._server: grpc.Server | None = None

    def __enter__(self) -> FakeGoogleSpeech:
        from concurrent.futures import ThreadPoolExecutor

        handler = grpc.method_handlers_generic_handler(
            "google.cloud.speech.v1.Speech",
            {
                "StreamingRecognize": grpc.stream_stream_rpc_method_handler(
                    self.fake.recognize_sync,
                    request_deserializer=StreamingRecognizeRequest.deserialize,
                    response_serializer=StreamingRecognizeResponse.serialize,
                )
            },
        )
        self._server = grpc.server(ThreadPoolExecutor(4))
        self._server.add_generic_rpc_handlers((handler,))
        self.fake.port = self._server.add_insecure_port("127.0.0.1:0")
        self._server.start()
        return self.fake

    def __exit__(self, *exc: object) -> None:
        if self._server is not None:
            self._server.stop(None).wait(10)
