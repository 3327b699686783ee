"""The local interviewer: a GGUF file run by llama-cpp-python on one worker thread.

Why the generation loop is our own rather than `create_chat_completion`:
- **Prefix reuse.** The KV cache keeps the tokens of the last prompt. A new prompt drops only what differs
  and prefills only what is new, so a turn of a long interview costs its new words, not the whole
  interview (llama-cpp-python's `generate` does the reuse; we arrange prompts so it applies).
- **Cancellation.** Prefill runs in chunks sized to take about 250 ms each, and sampling checks between
  tokens, so cancelling stops within one chunk or one token instead of after a whole prompt.

Every call into llama.cpp happens on the model's own single thread (a llama context is not thread-safe);
results reach the event loop through `call_soon_threadsafe`.
"""

from __future__ import annotations

import asyncio
import codecs
import concurrent.futures
import json
import logging
import random
import threading
import time
from collections.abc import AsyncIterator, Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

import psutil

from engine.errors import LlmError, MissingPackageError
from engine.llm.contract import ChatMessage, FinishReason, GenerationRequest, ModelInfo, Role, StreamChunk
from engine.llm.gguf_file import fit_context, read_info
from engine.llm.model_state import keep_state, restore_state
from engine.llm.prefix_cache import PrefixCache
from engine.native.probe import Library, ensure_safe, stop_probes

if TYPE_CHECKING:
    from llama_cpp import Llama
    from llama_cpp.llama_grammar import LlamaGrammar

log = logging.getLogger(__name__)

DEFAULT_CONTEXT = 32_768  # the design notes found 16k too small for long interviews
# One prefill chunk takes about this long: the bound on how late a cancel lands (a question preempting a
# draft waits for it). Smaller chunks batch worse, and on a slow machine much worse (ARCHITECTURE, "Threads,
# batch and prefill chunks"); a quarter second keeps a preempting question well inside its 1 s start.
PREFILL_TARGET_S = 0.25
MIN_CHUNK, MAX_CHUNK = 8, 512


@dataclass(frozen=True)
class LocalOptions:
    n_ctx: int = DEFAULT_CONTEXT
    threads: int | None = None  # None: the physical cores
    gpu_layers: int | None = None  # None: all of them when llama.cpp was built with a GPU backend, else 0
    reuse_prefix: bool = True  # False only for the baseline of bench/turn_latency.py
    state_dir: Path | None = None  # where read prefixes are saved for later interviews (None: not saved)


class _Cancelled(Exception):
    pass


class _Job:
    """One generation as the model thread runs it: `emit` hands the loop a chunk or a failure; a cancel, set from
    the loop, is checked after each unit of work (a prefill chunk, a token), which also reports its stage."""

    def __init__(self, loop: asyncio.AbstractEventLoop, on_stage: Callable[[str], None]) -> None:
        self.queue: asyncio.Queue[StreamChunk | BaseException] = asyncio.Queue()
        self._loop = loop
        self._on_stage = on_stage
        self._event = threading.Event()
        self.set_at: float | None = None

    def emit(self, item: StreamChunk | BaseException) -> None:
        self._loop.call_soon_threadsafe(self.queue.put_nowait, item)

    def set(self) -> None:
        if not self._event.is_set():
            self.set_at = time.perf_counter()
            self._event.set()

    def unit_done(self, stage: str) -> None:
        if self._event.is_set():
            raise _Cancelled
        self._loop.call_soon_threadsafe(self._on_stage, stage)


class LocalModel:
    def __init__(self, path: Path, options: LocalOptions | None = None) -> None:
        self.path = path
        self.options = options or LocalOptions()
        # One thread owns the llama context: loading, prefill and sampling all run on it, in order.
        self._thread = concurrent.futures.ThreadPoolExecutor(1, thread_name_prefix="llm")
        self._loading: concurrent.futures.Future[None] | None = None
        self._llm: Llama | None = None
        self.info = ModelInfo(path.stem, "local")
        self._chunk = 64  # prefill tokens per chunk; adapted to the machine as it runs
        self._grammars: dict[str, LlamaGrammar] = {}
        self._lock = asyncio.Lock()  # one generation at a time, in the order asked
        self.prefilled_tokens = 0  # of the last request: what the cache did not already hold
        self.restored_tokens = 0  # of the last request: what a saved prefix state gave
        self._saved: PrefixCache | None = None
        self._stage_waiters: dict[str, list[asyncio.Future[None]]] = {}
        self._closed = False

    # -- loading ------------------------------------------------------------------------------------
    def start(self) -> None:
        """Begin loading on the model's thread (idempotent): at start-up, so no question waits on it."""
        if self._loading is None:
            self._loading = self._thread.submit(self._load)

    async def ready(self) -> None:
        self.start()
        assert self._loading is not None
        await asyncio.wrap_future(self._loading)

    def _load(self) -> None:
        info = read_info(self.path)  # a missing or foreign file is named before any native code runs
        # llama.cpp runs once in a child process first: if it faults on this CPU, only the child dies.
        gpu = "auto" if self.options.gpu_layers is None else str(self.options.gpu_layers)
        ensure_safe(Library.LLAMA, self.path, f"gpu={gpu}")
        if self._closed:  # closed while the probe ran: load nothing
            return
        try:
            from llama_cpp import Llama, llama_supports_gpu_offload
        except ImportError as error:
            raise MissingPackageError("missing.package", feature="LLM", package="llama-cpp-python") from error
        notes: list[str] = []
        available = psutil.virtual_memory().available
        n_ctx = fit_context(info, self.options.n_ctx, available)
        if n_ctx < self.options.n_ctx:
            log.warning("context lowered from %d to %d tokens: %d MiB free", self.options.n_ctx, n_ctx, available >> 20)
            notes.append("llm.context_lowered")
        threads = self.options.threads or psutil.cpu_count(logical=False) or 2
        gpu_layers = self.options.gpu_layers
        if gpu_layers is None:
            gpu_layers = -1 if llama_supports_gpu_offload() else 0
        try:
            # chat_format None: llama-cpp-python takes the chat template the GGUF file carries.
            self._llm = Llama(
                model_path=str(self.path),
                n_ctx=n_ctx,
                n_threads=threads,
                n_threads_batch=threads,
                n_gpu_layers=gpu_layers,
                n_batch=MAX_CHUNK,
                verbose=False,
            )
        except (ValueError, RuntimeError, OSError) as error:
            raise LlmError("llm.file_damaged", path=str(self.path), detail=str(error)) from error
        if info.chat_template is None:
            notes.append("llm.no_chat_template")
        self.info = ModelInfo(info.name, "local", tuple(notes))
        if self.options.state_dir is not None:
            try:
                self._saved = PrefixCache(self.options.state_dir, self.path)
            except OSError as error:  # an unwritable cache folder: every interview reads its prefix
                log.warning("saved model states unavailable: %s", error)
        log.info("loaded %s: %d-token context, %d threads, %d GPU layers", info.name, n_ctx, threads, gpu_layers)

    # -- generation ---------------------------------------------------------------------------------
    async def stream(self, request: GenerationRequest) -> AsyncIterator[StreamChunk]:
        if self._closed:  # another model was chosen: what was queued for this one is refused, not lost in a wait
            raise LlmError("llm.generation_failed", detail="the model was closed")
        await self.ready()
        async with self._lock:
            job = _Job(asyncio.get_running_loop(), self._stage_reached)
            work = self._thread.submit(self._generate, request, job)
            try:
                while True:
                    item = await job.queue.get()
                    if isinstance(item, BaseException):
                        raise item
                    yield item
                    if item.finish is not None:
                        break
            finally:
                job.set()
                # Wait for the thread to let go of the context, so that the next request starts clean.
                await asyncio.shield(asyncio.wrap_future(work))

    async def wait_for_stage(self, stage: str) -> None:
        """Until the running generation has done some "prefill" or produced a token ("sampling")."""
        waiter = asyncio.get_running_loop().create_future()
        self._stage_waiters.setdefault(stage, []).append(waiter)
        await waiter

    def _stage_reached(self, stage: str) -> None:
        for waiter in self._stage_waiters.pop(stage, []):
            if not waiter.done():
                waiter.set_result(None)

    def _generate(self, request: GenerationRequest, job: _Job) -> None:
        try:
            self._run(request, job)
        except _Cancelled:  # from the cancel to the thread letting go of the context
            stopped_after_s = time.perf_counter() - (job.set_at or time.perf_counter())
            log.debug("generation cancelled; stopped %.0f ms after", stopped_after_s * 1000)
        except LlmError as error:
            job.emit(error)
        except Exception as error:  # llama.cpp refused (a decode failure), a template error, a full disk…
            # Every failure reaches the waiting stream, which would otherwise wait for ever.
            log.exception("generation failed")
            job.emit(LlmError("llm.generation_failed", detail=str(error)))

    def _prompt_tokens(self, request: GenerationRequest) -> tuple[list[int], list[str]]:
        from llama_cpp.llama_chat_format import Jinja2ChatFormatter

        llm = self._llm
        assert llm is not None
        template = llm.metadata.get("tokenizer.chat_template")
        if not template:
            raise LlmError("llm.no_chat_template_error", path=str(self.path))
        eos = llm.token_eos()
        bos = llm.token_bos()
        formatter = Jinja2ChatFormatter(
            template,
            eos_token=llm._model.token_get_text(eos) if eos != -1 else "",
            bos_token=llm._model.token_get_text(bos) if bos != -1 else "",
        )
        rendered = formatter(messages=[m.to_dict() for m in request.messages])  # type: ignore[misc]
        tokens = llm.tokenize(rendered.prompt.encode("utf-8"), add_bos=not rendered.added_special, special=True)
        stops = [s for s in (rendered.stop if isinstance(rendered.stop, list) else [rendered.stop]) if s]
        return tokens, [*stops, *request.stop]

    def _grammar(self, schema: dict[str, Any]) -> LlamaGrammar:
        from llama_cpp.llama_grammar import LlamaGrammar

        key = json.dumps(schema, sort_keys=True)
        if key not in self._grammars:
            # Not the sorted text: the grammar keeps the schema's property order (STAR in order).
            self._grammars[key] = LlamaGrammar.from_json_schema(json.dumps(schema), verbose=False)
        return self._grammars[key]

    def _kept_length(self, request: GenerationRequest, tokens: list[int]) -> int:
        """How many of `tokens` are the prefix the request asks to keep (0: none): the tokens of its first
        message's first characters that stay the same whatever follows them in that message (the chat
        template's end of message, or more text, may tokenize into the last of them)."""
        if not request.keep_prefix_chars or self._saved is None:
            return 0
        first = request.messages[0]
        head = first.content[: request.keep_prefix_chars]
        then = ChatMessage(Role.USER, ".")  # some chat templates refuse a system message alone
        alone, _ = self._prompt_tokens(GenerationRequest((ChatMessage(first.role, head), then)))
        followed, _ = self._prompt_tokens(GenerationRequest((ChatMessage(first.role, head + "\n\n#"), then)))
        common = 0
        limit = min(len(alone), len(followed), len(tokens) - 1)
        while common < limit and alone[common] == followed[common] == tokens[common]:
            common += 1
        return max(0, common - 1)

    def _prefill(self, tokens: list[int], job: _Job, keep: int = 0) -> None:
        """Bring the cache to hold all of `tokens` but the last (which `generate` evaluates to sample); once it
        holds the first `keep`, save their state for later interviews."""
        llm = self._llm
        assert llm is not None
        if not self.options.reuse_prefix:
            llm.reset()  # type: ignore[no-untyped-call]
        held = llm.n_tokens
        common = 0
        limit = min(held, len(tokens) - 1)
        cached = llm.input_ids
        while common < limit and cached[common] == tokens[common]:
            common += 1
        if common < held:
            llm._ctx.kv_cache_seq_rm(-1, common, -1)
            llm.n_tokens = common
        self.restored_tokens = restore_state(llm, self._saved, tokens, common)
        common = llm.n_tokens  # what the cache now holds: the restored state, or (a state refused) nothing
        self.prefilled_tokens = len(tokens) - common
        position = common
        while position < len(tokens) - 1:
            size = min(self._chunk, len(tokens) - 1 - position)
            if position < keep:
                size = min(size, keep - position)  # the kept prefix ends on a chunk's end
            started = time.perf_counter()
            llm.eval(tokens[position : position + size])
            took = time.perf_counter() - started
            position += size
            if position == keep:
                keep_state(llm, self._saved, tokens[:keep])
            job.unit_done("prefill")
            if size == self._chunk and took > 0:  # adapt: aim each chunk at PREFILL_TARGET_S
                self._chunk = int(min(MAX_CHUNK, max(MIN_CHUNK, size * PREFILL_TARGET_S / took)))

    def _run(self, request: GenerationRequest, job: _Job) -> None:
        from llama_cpp import llama_model_get_vocab, llama_vocab_is_eog

        llm = self._llm
        assert llm is not None
        tokens, stops = self._prompt_tokens(request)
        if len(tokens) + request.max_tokens > llm.n_ctx():
            raise LlmError("llm.context_full", tokens=len(tokens), context=llm.n_ctx())
        self._prefill(tokens, job, self._kept_length(request, tokens))
        grammar = self._grammar(request.json_schema) if request.json_schema is not None else None
        # A fixed seed repeats a run (tests, benchmarks); otherwise each generation samples afresh.
        llm.set_seed(request.seed if request.seed is not None else random.randrange(1 << 31))
        vocab = llama_model_get_vocab(llm.model)
        decoder = codecs.getincrementaldecoder("utf-8")(errors="replace")
        text, sent = "", 0
        generated: list[int] = []
        finish = FinishReason.LENGTH
        sampling = {"temp": request.temperature, "top_p": 0.95, "top_k": 40, "repeat_penalty": 1.1}
        for token in llm.generate(tokens, grammar=grammar, **sampling):  # type: ignore[arg-type]
            job.unit_done("sampling")
            if llama_vocab_is_eog(vocab, token):
                finish = FinishReason.STOP
                break
            text += decoder.decode(llm.detokenize([token], prev_tokens=generated))
            generated.append(token)
            cut = _stop_at(text, stops)
            if cut is not None:
                text, finish = text[:cut], FinishReason.STOP
                break
            # Hold back what could be the start of a stop string, so that none is ever shown.
            safe = len(text) - _partial_stop(text, stops)
            if safe > sent:
                job.emit(StreamChunk(text[sent:safe]))
                sent = safe
            if len(generated) >= request.max_tokens:
                break
        text += decoder.decode(b"", final=True) if finish is FinishReason.LENGTH else ""
        job.emit(StreamChunk(text[sent:], finish))

    async def close(self) -> None:
        """Release the model (its memory) once any generation in progress has stopped."""
        if self._closed:
            return
        self._closed = True
        stop_probes(Library.LLAMA)  # a first-run probe would otherwise hold the model's thread for minutes
        if self._loading is not None:
            await asyncio.wrap_future(self._thread.submit(self._release))
        self._thread.shutdown(wait=False)

    def _release(self) -> None:
        if self._llm is not None:
            self._llm.close()
            self._llm = None


def _stop_at(text: str, stops: list[str]) -> int | None:
    found = [text.find(s) for s in stops if s and s in text]
    return min(found) if found else None


def _partial_stop(text: str, stops: list[str]) -> int:
    """How many trailing characters of `text` begin some stop string."""
    longest = 0
    for stop in stops:
        for n in range(min(len(stop) - 1, len(text)), longest, -1):
            if text.endswith(stop[:n]):
                longest = n
                break
    return longest
