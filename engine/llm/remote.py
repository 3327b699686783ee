"""Any OpenAI-compatible chat server (llama.cpp's llama-server, llama-cpp-python's server, vLLM, Ollama).

Plain httpx rather than the openai SDK: the protocol used here is one POST with server-sent events, and
httpx is already the app's HTTP client (model downloads). Structured output asks for the standard
`json_schema` response format; a server that rejects it (llama-cpp-python's own takes `json_object` with a
`schema`) is asked again in that form, and the choice is remembered.

A stream has two deadlines of its own besides httpx's socket timeouts: the first piece must come within
`first_token_timeout_s` (reading a long prompt takes a while), then each further piece within
`chunk_timeout_s`. A server that starts and then stalls is given up on in seconds, not at a read timeout
per request.
"""

from __future__ import annotations

import asyncio
import json
import logging
from collections.abc import AsyncIterator
from dataclasses import dataclass
from typing import Any

import httpx

from engine.config.secrets import redact_later
from engine.errors import LlmError
from engine.llm.contract import FinishReason, GenerationRequest, ModelInfo, StreamChunk

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class RemoteOptions:
    url: str  # the server's base, e.g. http://127.0.0.1:8080/v1
    model: str = ""  # "" lets the server pick its only model
    api_key: str = ""  # from the OS keyring; never logged
    connect_timeout_s: float = 5.0
    read_timeout_s: float = 120.0  # a plain request (GET /models); streams have the two deadlines below
    first_token_timeout_s: float = 60.0
    chunk_timeout_s: float = 15.0


@dataclass(frozen=True)
class ServerAddress:
    """A server address split into what may be shown and what is a credential. `user:pass@` and a query
    (`?key=…`) are sent with every request, where the user put them, and appear nowhere else: not in a
    message, a log, the model's name or the sessions table."""

    base: str  # scheme://host:port/path: what is shown, logged and stored
    params: tuple[tuple[str, str], ...] = ()
    auth: tuple[str, str] | None = None

    @classmethod
    def parse(cls, url: str) -> ServerAddress:
        parsed = httpx.URL(url.strip())
        auth = (parsed.username, parsed.password) if parsed.username or parsed.password else None
        params = tuple(parsed.params.multi_items())
        for secret in (parsed.password, *(value for _, value in params)):
            redact_later(secret)
        base = str(parsed.copy_with(username=None, password=None, query=None, fragment=None)).rstrip("/")
        return cls(base, params, auth)


class RemoteModel:
    def __init__(self, options: RemoteOptions, client: httpx.AsyncClient | None = None) -> None:
        self.options = options
        address = ServerAddress.parse(options.url)
        self._base = address.base
        headers = {"Authorization": f"Bearer {options.api_key}"} if options.api_key else {}
        timeout = httpx.Timeout(options.read_timeout_s, connect=options.connect_timeout_s)
        self._client = client or httpx.AsyncClient(
            headers=headers, timeout=timeout, params=list(address.params), auth=address.auth
        )
        self._schema_style = "json_schema"
        self.info = ModelInfo(options.model or self._base, "remote")

    async def ready(self) -> None:
        """Check the server answers and knows the model (GET /models)."""
        response = await self._send("GET", "/models")
        models = [m.get("id", "") for m in response.json().get("data", []) if isinstance(m, dict)]
        if self.options.model and models and self.options.model not in models:
            raise LlmError("llm.remote_model_unknown", model=self.options.model, models=", ".join(models[:8]))
        self.info = ModelInfo(self.options.model or (models[0] if models else self._base), "remote")

    async def _send(self, method: str, path: str, **kwargs: Any) -> httpx.Response:
        try:
            response = await self._client.request(method, self._base + path, **kwargs)
        except httpx.TransportError as error:
            raise LlmError("llm.remote_unreachable", url=self._base, detail=type(error).__name__) from error
        self._check(response, await response.aread())
        return response

    def _check(self, response: httpx.Response, body: bytes) -> None:
        if response.status_code in (401, 403):
            raise LlmError("llm.remote_auth", url=self._base)
        if response.status_code >= 400:
            detail = body.decode("utf-8", "replace")[:300]
            if self.options.api_key:  # a server may echo the key back: never shown
                detail = detail.replace(self.options.api_key, "***")
            raise LlmError("llm.remote_refused", url=self._base, status=response.status_code, detail=detail)

    def _payload(self, request: GenerationRequest) -> dict[str, Any]:
        payload: dict[str, Any] = {
            "messages": [m.to_dict() for m in request.messages],
            "max_tokens": request.max_tokens,
            "temperature": request.temperature,
            "stream": True,
        }
        if self.options.model:
            payload["model"] = self.options.model
        if request.stop:
            payload["stop"] = list(request.stop)
        if request.seed is not None:
            payload["seed"] = request.seed
        if request.json_schema is not None:
            if self._schema_style == "json_schema":
                payload["response_format"] = {
                    "type": "json_schema",
                    "json_schema": {"name": "answer", "schema": request.json_schema, "strict": True},
                }
            else:
                payload["response_format"] = {"type": "json_object", "schema": request.json_schema}
        return payload

    async def stream(self, request: GenerationRequest) -> AsyncIterator[StreamChunk]:
        for attempt in (1, 2):
            try:
                async for chunk in self._stream_once(request):
                    yield chunk
                return
            except _SchemaStyleRejected:
                if attempt == 2:
                    raise LlmError("llm.remote_no_schema", url=self._base) from None
                self._schema_style = "json_object"
                log.info("server rejected the json_schema response format; using json_object with a schema")

    async def _stream_once(self, request: GenerationRequest) -> AsyncIterator[StreamChunk]:
        loop = asyncio.get_running_loop()
        deadline = loop.time() + self.options.first_token_timeout_s  # until the first piece arrives
        try:
            url = self._base + "/chat/completions"
            async with asyncio.timeout_at(deadline):
                r = await self._client.send(
                    self._client.build_request("POST", url, json=self._payload(request)), stream=True
                )
        except TimeoutError as error:
            raise self._slow(self.options.first_token_timeout_s) from error
        except httpx.TransportError as error:
            raise LlmError("llm.remote_unreachable", url=self._base, detail=type(error).__name__) from error
        try:
            if r.status_code >= 400:
                body = await r.aread()
                # 400/422 by the book; llama-cpp-python's server answers a validation error with 500.
                rejected = r.status_code in (400, 422, 500) and (b"response_format" in body or b"json_schema" in body)
                if rejected and request.json_schema is not None and self._schema_style == "json_schema":
                    raise _SchemaStyleRejected
                self._check(r, body)
            finish: FinishReason | None = None
            waiting_s = self.options.first_token_timeout_s  # what `deadline` stands for, for the message
            lines = r.aiter_lines()
            while True:
                try:
                    async with asyncio.timeout_at(deadline):
                        line = await anext(lines)
                except StopAsyncIteration:
                    break
                except TimeoutError as error:
                    raise self._slow(waiting_s) from error
                if not line.startswith("data:"):
                    continue  # SSE comments and blank separators
                data = line[5:].strip()
                if data == "[DONE]":
                    break
                # Any piece is a sign of life, text or not (a role, a thinking model's reasoning): the next
                # has the per-piece deadline.
                waiting_s = self.options.chunk_timeout_s
                deadline = loop.time() + waiting_s
                text, reason = _delta(data)
                if reason is not None:
                    finish = FinishReason.LENGTH if reason == "length" else FinishReason.STOP
                if text:
                    yield StreamChunk(text)
            yield StreamChunk("", finish or FinishReason.STOP)
        except httpx.TransportError as error:
            raise LlmError("llm.remote_unreachable", url=self._base, detail=type(error).__name__) from error
        finally:
            await r.aclose()

    def _slow(self, seconds: float) -> LlmError:
        log.warning("model server %s sent nothing for %.0f s; giving up this request", self._base, seconds)
        return LlmError("llm.remote_slow", url=self._base, seconds=f"{seconds:g}")

    async def close(self) -> None:
        await self._client.aclose()


class _SchemaStyleRejected(Exception):
    pass


def _delta(data: str) -> tuple[str, str | None]:
    """The text and finish reason of one streamed chunk; a malformed chunk is an error, not silence."""
    try:
        event = json.loads(data)
        choice = event["choices"][0] if event.get("choices") else {}
        if "error" in event:
            raise LlmError("llm.remote_refused", url="", status=0, detail=str(event["error"])[:300])
        return str((choice.get("delta") or {}).get("content") or ""), choice.get("finish_reason")
    except (ValueError, KeyError, TypeError, AttributeError, IndexError) as error:
        raise LlmError("llm.remote_malformed", detail=data[:200]) from error
