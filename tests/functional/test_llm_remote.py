"""The remote interviewer against OpenAI-compatible servers on 127.0.0.1.

The real one is llama-cpp-python's own server (a subprocess) on SmolLM2. A small server of our own plays a
misbehaving provider: malformed stream chunks and malformed JSON where a score should be.
"""

from __future__ import annotations

import base64
import contextlib
import json
import socket
import subprocess
import sys
import threading
import time
from collections.abc import AsyncIterator, Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import ClassVar

import httpx
import pytest
import pytest_asyncio

from engine.config.secrets import scrub
from engine.errors import LlmError
from engine.feedback.criteria import WEIGHTS
from engine.feedback.question_type import QuestionType
from engine.interview.questions import load_bank
from engine.interview.turns import PlanNotice, TurnPlan
from engine.llm.contract import ChatMessage, GenerationRequest, Role
from engine.llm.desk import ModelDesk
from engine.llm.interviewer import Exchange, LlmInterviewer, ScoreUnavailable, TurnKind
from engine.llm.remote import RemoteModel, RemoteOptions
from tests.llm_support import ANSWER, brief, smollm2_path

pytestmark = pytest.mark.asyncio(loop_scope="module")

API_KEY = "sk-test-0123456789"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture(scope="module")
def llama_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    port = free_port()
    log_path = tmp_path_factory.mktemp("llama-server") / "server.log"
    log_file = log_path.open("wb")  # a file, not a pipe: an unread pipe would fill and stall the server
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "llama_cpp.server",
            "--model",
            str(smollm2_path()),
            "--host",
            "127.0.0.1",
            "--port",
            str(port),
            "--n_ctx",
            "4096",
            "--api_key",
            API_KEY,
            "--model_alias",
            "smollm2",
            "--verbose",
            "False",
        ],
        stdout=log_file,
        stderr=subprocess.STDOUT,
    )
    url = f"http://127.0.0.1:{port}/v1"
    deadline = time.monotonic() + 60
    while True:  # wait until it answers (a readiness probe, not a sleep-and-hope)
        try:
            answer = httpx.get(f"{url}/models", headers={"Authorization": f"Bearer {API_KEY}"}, timeout=1)
            if answer.status_code == 200:
                break
        except httpx.TransportError:
            pass
        if process.poll() is not None or time.monotonic() > deadline:
            process.kill()
            pytest.fail(f"llama_cpp.server did not start: {log_path.read_text(errors='replace')[-2000:]}")
        time.sleep(0.2)
    yield url
    process.terminate()
    process.wait(timeout=10)
    log_file.close()


@pytest_asyncio.fixture(loop_scope="module")
async def remote(llama_server: str) -> AsyncIterator[RemoteModel]:
    model = RemoteModel(RemoteOptions(llama_server, "smollm2", API_KEY))
    await model.ready()
    yield model
    await model.close()


async def test_the_remote_model_writes_a_follow_up(remote: RemoteModel) -> None:
    interviewer = LlmInterviewer(ModelDesk(remote), brief(), seed=7)
    streamed: list[str] = []
    question = await interviewer.next_question(
        [Exchange("Tell me about a time you made a slow system fast.", ANSWER)], TurnKind.FOLLOW_UP, streamed.append
    )
    assert len(question) >= 8
    assert len(streamed) > 1, "the server's answer arrives as a stream"


async def test_the_remote_score_is_constrained_by_the_schema(remote: RemoteModel) -> None:
    # llama-cpp-python's server refuses OpenAI's json_schema response format; the client asks again with
    # json_object + schema, which that server turns into a grammar.
    interviewer = LlmInterviewer(ModelDesk(remote), brief(), seed=7)
    kind = QuestionType.BEHAVIOURAL
    review = await interviewer.score([Exchange("Tell me about a time you made a slow system fast.", ANSWER)], kind)
    assert set(review.quotes) <= {name for name, _ in WEIGHTS[kind]}
    assert remote._schema_style == "json_object"
    assert review.model == "smollm2"


async def test_a_wrong_api_key_stops_with_a_clear_message(llama_server: str) -> None:
    model = RemoteModel(RemoteOptions(llama_server, "smollm2", "sk-wrong-key-42"))
    with pytest.raises(LlmError) as caught:
        await model.ready()
    assert caught.value.key == "llm.remote_auth"
    assert "sk-wrong-key-42" not in caught.value.message("en")
    await model.close()


async def test_an_unknown_model_name_is_named_with_what_the_server_offers(llama_server: str) -> None:
    model = RemoteModel(RemoteOptions(llama_server, "gpt-9", API_KEY))
    with pytest.raises(LlmError) as caught:
        await model.ready()
    assert caught.value.key == "llm.remote_model_unknown"
    assert "smollm2" in caught.value.message("en")
    await model.close()


async def test_a_server_that_is_not_there_gives_a_clear_error() -> None:
    model = RemoteModel(RemoteOptions(f"http://127.0.0.1:{free_port()}/v1"))
    with pytest.raises(LlmError) as caught:
        await model.ready()
    assert caught.value.key == "llm.remote_unreachable"
    await model.close()


# -- a misbehaving provider ---------------------------------------------------------------------------
class _Misbehaving(BaseHTTPRequestHandler):
    mode = "bad_json_content"
    requests: ClassVar[list[dict[str, object]]] = []
    seen: ClassVar[list[tuple[str, str, str]]] = []  # method, path with query, Authorization header
    release: ClassVar[threading.Event] = threading.Event()  # ends a stall when the test is done

    def log_message(self, *args: object) -> None:  # keep the test output clean
        return

    def do_GET(self) -> None:
        type(self).seen.append(("GET", self.path, self.headers.get("Authorization", "")))
        self._send_json({"data": [{"id": "odd-model"}]})

    def do_POST(self) -> None:
        type(self).seen.append(("POST", self.path, self.headers.get("Authorization", "")))
        body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
        type(self).requests.append(body)
        self.send_response(200)
        self.send_header("Content-Type", "text/event-stream")
        self.end_headers()
        if self.mode in ("lead_in_then_question", "lead_in_only", "slow_lead_in"):  # it only announces one
            second = self.mode == "lead_in_then_question" and len(type(self).requests) > 1
            if self.mode == "slow_lead_in":
                self.release.wait(0.4)  # a slow provider
            self._stream("How did you measure the latency before and after?" if second else "Here's the response:")
        elif self.mode == "broken_stream":
            self.wfile.write(b'data: {"choices": [{"delta": {"content": "Hel\n\n')
        elif self.mode in ("silent", "stalls"):  # headers at once, then nothing / one piece, then nothing
            if self.mode == "stalls":
                chunk = {"choices": [{"delta": {"content": "Tell me"}, "finish_reason": None}]}
                self.wfile.write(f"data: {json.dumps(chunk)}\n\n".encode())
            self.wfile.flush()
            self.release.wait(30)
        else:  # well-formed stream, but the "JSON" it carries is not
            self._stream('{"situation": {"score": 9, ', '"reason": "Good"')

    def _stream(self, *pieces: str) -> None:
        for piece in pieces:
            chunk = {"choices": [{"delta": {"content": piece}, "finish_reason": None}]}
            self.wfile.write(f"data: {json.dumps(chunk)}\n\n".encode())
        done = {"choices": [{"delta": {}, "finish_reason": "stop"}]}
        self.wfile.write(f"data: {json.dumps(done)}\n\ndata: [DONE]\n\n".encode())

    def _send_json(self, document: object) -> None:
        data = json.dumps(document).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)


@pytest.fixture
def odd_server() -> Iterator[tuple[str, type[_Misbehaving]]]:
    handler = type("Handler", (_Misbehaving,), {"requests": [], "seen": [], "release": threading.Event()})
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/v1", handler
    handler.release.set()
    server.shutdown()
    server.server_close()


async def test_malformed_score_json_is_retried_once_then_falls_back(odd_server: tuple[str, type]) -> None:
    url, handler = odd_server
    model = RemoteModel(RemoteOptions(url))
    interviewer = LlmInterviewer(ModelDesk(model), brief())
    with pytest.raises(ScoreUnavailable) as caught:
        await interviewer.score([Exchange("Why this company?", ANSWER)], QuestionType.MOTIVATION)
    assert len(handler.requests) == 2
    assert handler.requests[0]["response_format"]["type"] == "json_schema"
    assert "not JSON" in caught.value.message("en")
    await model.close()


async def test_a_reply_that_is_no_question_is_sampled_once_more_and_the_screen_shows_the_second(
    odd_server: tuple[str, type],
) -> None:
    url, handler = odd_server
    handler.mode = "lead_in_then_question"
    model = RemoteModel(RemoteOptions(url))
    shown: list[str] = []
    question = await LlmInterviewer(ModelDesk(model), brief(), drafting=False, seed=7).next_question(
        [Exchange("Tell me about a slow system you made fast.", ANSWER)], TurnKind.FOLLOW_UP, shown.append
    )
    assert question == "How did you measure the latency before and after?"
    assert [request["seed"] for request in handler.requests] == [7, 8]  # the same seed would write it again
    # The refused reply leaves the screen before the second is written there.
    assert shown[:2] == ["Here's the response:", ""] and shown[-1] == question
    await model.close()


async def test_a_refused_draft_counts_as_the_first_try(odd_server: tuple[str, type]) -> None:
    url, handler = odd_server
    handler.mode = "lead_in_then_question"
    model = RemoteModel(RemoteOptions(url))
    interviewer = LlmInterviewer(ModelDesk(model), brief(), seed=7)
    asked = "Tell me about a slow system you made fast."
    interviewer.draft([], asked, ANSWER, TurnKind.FOLLOW_UP)  # written while the answer is given
    question = await interviewer.next_question([Exchange(asked, ANSWER)], TurnKind.FOLLOW_UP)
    assert question == "How did you measure the latency before and after?"
    assert [request["seed"] for request in handler.requests] == [7, 8]  # the draft, then one more try
    await model.close()


async def test_two_replies_that_are_no_question_give_way_to_the_bank(odd_server: tuple[str, type]) -> None:
    url, handler = odd_server
    handler.mode = "lead_in_only"
    model = RemoteModel(RemoteOptions(url))
    plan = TurnPlan(list(load_bank("en"))[:4], "en", LlmInterviewer(ModelDesk(model), brief(), drafting=False))
    first, _ = await plan.next_question()
    assert first is not None and first.source == "bank"  # the opener is the bank's
    plan.record_answer(ANSWER)  # long enough for a follow-up
    second, notices = await plan.next_question()
    assert second is not None and second.source == "bank"
    assert notices == [PlanNotice("llm.question_unusable")]
    assert len(handler.requests) == 2  # one reply, one more try, then the bank
    await model.close()


async def test_a_refused_reply_is_not_tried_again_when_a_second_would_miss_the_turns_deadline(
    odd_server: tuple[str, type],
) -> None:
    url, handler = odd_server
    handler.mode = "slow_lead_in"  # 0.4 s a reply: a second would end after the 0.6 s deadline
    model = RemoteModel(RemoteOptions(url))
    plan = TurnPlan(list(load_bank("en"))[:4], "en", LlmInterviewer(ModelDesk(model), brief(), drafting=False))
    plan.question_deadline_s = 0.6
    await plan.next_question()
    plan.record_answer(ANSWER)
    planned, notices = await plan.next_question()
    assert planned is not None and planned.source == "bank"
    assert notices == [PlanNotice("llm.question_unusable")] and plan.slow_turns == 0  # not taken for slowness
    assert len(handler.requests) == 1
    await model.close()


async def test_a_malformed_stream_chunk_is_an_error_not_silence(odd_server: tuple[str, type]) -> None:
    url, handler = odd_server
    handler.mode = "broken_stream"
    model = RemoteModel(RemoteOptions(url))
    request = GenerationRequest((ChatMessage(Role.USER, "Hello"),))
    with pytest.raises(LlmError) as caught:
        async for _ in model.stream(request):
            pass
    assert caught.value.key == "llm.remote_malformed"
    await model.close()


@pytest.mark.parametrize("mode", ["silent", "stalls"])
async def test_a_stream_that_stalls_is_given_up_at_its_deadline_not_the_read_timeout(
    odd_server: tuple[str, type], mode: str
) -> None:
    url, handler = odd_server
    handler.mode = mode
    # Without the stream's own deadlines each request waited for httpx's read timeout (here 20 s).
    model = RemoteModel(RemoteOptions(url, read_timeout_s=20, first_token_timeout_s=0.5, chunk_timeout_s=0.5))
    received: list[str] = []
    started = time.monotonic()
    with pytest.raises(LlmError) as caught:
        async for chunk in model.stream(GenerationRequest((ChatMessage(Role.USER, "Hello"),))):
            received.append(chunk.text)
    assert time.monotonic() - started < 5
    assert received == (["Tell me"] if mode == "stalls" else [])
    assert caught.value.key == "llm.remote_slow" and "0.5 s" in caught.value.message("en")
    assert "0.5초" in caught.value.message("ko")
    await model.close()


async def test_credentials_in_the_server_address_are_sent_but_never_shown(odd_server: tuple[str, type]) -> None:
    url, handler = odd_server
    model = RemoteModel(RemoteOptions(url.replace("http://", "http://alice:pa55word@") + "?key=sek-ret-123"))
    await model.ready()
    request = GenerationRequest((ChatMessage(Role.USER, "Hello"),), max_tokens=8)
    with contextlib.suppress(LlmError):
        _ = [chunk async for chunk in model.stream(request)]
    await model.close()
    (get, get_path, get_auth), (post, post_path, _) = handler.seen[0], handler.seen[1]
    assert (get, get_path) == ("GET", "/v1/models?key=sek-ret-123")
    assert (post, post_path) == ("POST", "/v1/chat/completions?key=sek-ret-123")  # not /v1?key=…/chat/…
    assert get_auth == "Basic " + base64.b64encode(b"alice:pa55word").decode()
    assert all(secret not in model.info.name for secret in ("alice", "pa55word", "sek-ret-123"))
    gone = f"http://bob:hunter22@127.0.0.1:{free_port()}/v1?key=sek-ret-456"
    with pytest.raises(LlmError) as caught:
        await RemoteModel(RemoteOptions(gone)).ready()
    shown = caught.value.message("en") + caught.value.message("ko")
    assert "127.0.0.1" in shown and "hunter22" not in shown and "sek-ret-456" not in shown
    logged = scrub(f"GET {gone} failed")  # what a log line holds once the address has been read
    assert "hunter22" not in logged and "sek-ret-456" not in logged


class _Hanging(BaseHTTPRequestHandler):
    """Takes every request and never answers (until the test ends)."""

    release: ClassVar[threading.Event] = threading.Event()

    def log_message(self, *args: object) -> None:
        return

    def do_GET(self) -> None:
        type(self).release.wait(30)

    do_POST = do_GET


@pytest_asyncio.fixture(loop_scope="module")
async def hanging() -> AsyncIterator[RemoteModel]:
    """A model server on 127.0.0.1 that takes every request and never answers."""
    handler = type("Handler", (_Hanging,), {"release": threading.Event()})
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    model = RemoteModel(RemoteOptions(f"http://127.0.0.1:{server.server_address[1]}/v1"))
    yield model
    handler.release.set()
    await model.close()
    server.shutdown()
    server.server_close()


async def test_a_hanging_server_costs_a_bounded_wait_then_the_bank_asks(hanging: RemoteModel) -> None:
    interviewer = LlmInterviewer(ModelDesk(hanging), brief(), drafting=False)
    plan = TurnPlan(list(load_bank("en"))[:4], "en", interviewer)
    plan.question_deadline_s = 0.5
    first, _ = await plan.next_question()  # the bank's opener, at once
    assert first is not None and first.source == "bank"
    asked: list[tuple[str, list[PlanNotice]]] = []
    for _ in range(3):
        plan.record_answer(ANSWER)  # long enough for a follow-up
        planned, notices = await plan.next_question()
        assert planned is not None
        asked.append((planned.source, notices))
    assert [source for source, _ in asked] == ["bank", "bank", "bank"]
    keys = [[n.key for n in notices] for _, notices in asked]
    assert keys == [["llm.question_slow"], ["llm.question_slow_gave_up"], []], "two slow turns, then the bank"
    assert plan.interviewer is None  # (without the deadline each turn waited the 120 s read timeout)


async def test_a_hanging_server_gives_up_a_review_at_its_deadline_and_says_why(hanging: RemoteModel) -> None:
    interviewer = LlmInterviewer(ModelDesk(hanging), brief(), drafting=False)
    interviewer.review_deadline_s = 0.5
    with pytest.raises(LlmError) as caught:  # at the deadline, not after the 120 s read timeout, twice
        await interviewer.score([Exchange("Why this company?", ANSWER)], QuestionType.MOTIVATION)
    assert caught.value.key == "llm.review_timeout" and "after 0.5 s" in caught.value.message("en")
