"""A llama context's KV state for a prompt prefix, saved to a file and loaded back (llama.cpp's
llama_state_seq_* calls), so a later interview with the same posting and résumé skips reading them. Called
on the model's own thread; the files' bookkeeping is `prefix_cache.py`."""

from __future__ import annotations

import logging
import time
from typing import TYPE_CHECKING

from engine.llm.prefix_cache import MIN_SAVED_TOKENS, PrefixCache

if TYPE_CHECKING:
    from llama_cpp import Llama

log = logging.getLogger(__name__)


def restore_state(llm: Llama, saved: PrefixCache | None, tokens: list[int], common: int) -> int:
    """Load a saved state holding more of `tokens` than the cache (holding `common` of them) does; returns
    the tokens it holds, or 0."""
    if saved is None:
        return 0
    entry = saved.find(tokens, longer_than=common)
    if entry is None:
        return 0
    import ctypes

    from llama_cpp import llama_state_seq_load_file, llama_token

    held = (llama_token * entry.tokens)()
    count = ctypes.c_size_t(0)
    llm._ctx.kv_cache_seq_rm(-1, 0, -1)
    llm.n_tokens = 0
    path = str(saved.path_of(entry)).encode()
    read = llama_state_seq_load_file(llm._ctx.ctx, path, 0, held, entry.tokens, ctypes.byref(count))
    if not read or count.value != entry.tokens or list(held) != tokens[: entry.tokens]:
        log.warning("saved model state %s refused; reading the prefix instead", entry.file)
        llm._ctx.kv_cache_seq_rm(-1, 0, -1)
        saved.forget(entry)
        return 0
    llm.input_ids[: entry.tokens] = list(held)
    llm.n_tokens = entry.tokens
    saved.used(entry)
    log.info("prefix of %d tokens restored from a saved state", entry.tokens)
    return entry.tokens


def keep_state(llm: Llama, saved: PrefixCache | None, tokens: list[int]) -> None:
    """Save the cache's state (it holds `tokens`) for a later interview with the same prefix."""
    if saved is None or len(tokens) < MIN_SAVED_TOKENS or saved.covers(tokens):
        return
    if llm.n_tokens != len(tokens) or list(llm.input_ids[: len(tokens)]) != tokens:
        log.warning("the cache does not hold the prefix to keep; not saved")
        return
    from llama_cpp import llama_state_seq_save_file, llama_token

    started = time.perf_counter()
    try:
        path = saved.new_file(tokens)
        held = (llama_token * len(tokens))(*tokens)
        if not llama_state_seq_save_file(llm._ctx.ctx, str(path).encode(), 0, held, len(tokens)):
            path.unlink(missing_ok=True)
            raise OSError(f"llama.cpp could not write {path}")
        saved.saved(tokens, path)
    except OSError as error:  # a full disk: the interview goes on, and the next one reads it again
        log.warning("could not save the model state: %s", error)
        return
    log.info("prefix of %d tokens saved in %.2f s", len(tokens), time.perf_counter() - started)
