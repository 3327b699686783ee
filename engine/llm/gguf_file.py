"""What a GGUF file says about itself, read before the model is loaded (the `gguf` package, from llama.cpp).

Used to reject a file that is not a model with a clear message, and to size the KV cache so that the
context can be lowered, with a message, where memory is short.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from engine.errors import LlmError

GGUF_MAGIC = b"GGUF"


@dataclass(frozen=True)
class GgufInfo:
    size_bytes: int
    name: str
    trained_context: int
    layers: int
    kv_heads: int
    head_dim_k: int
    head_dim_v: int
    chat_template: str | None

    def kv_cache_bytes(self, n_ctx: int, bytes_per_value: int = 2) -> int:
        """f16 keys and values, every layer, per token of context."""
        return self.layers * self.kv_heads * (self.head_dim_k + self.head_dim_v) * bytes_per_value * n_ctx

    def memory_bytes(self, n_ctx: int) -> int:
        """Weights (mapped) + KV cache + compute buffers (about a tenth of the weights, at least 256 MiB)."""
        return self.size_bytes + self.kv_cache_bytes(n_ctx) + max(256 << 20, self.size_bytes // 10)


def read_info(path: Path) -> GgufInfo:
    """Blocking. Raises LlmError naming the file when it is missing, not a GGUF file, or damaged."""
    try:
        with path.open("rb") as f:
            magic = f.read(4)
        size = path.stat().st_size
    except FileNotFoundError as error:
        raise LlmError("llm.file_missing", path=str(path)) from error
    except OSError as error:
        raise LlmError("llm.file_unreadable", path=str(path), detail=error.strerror or str(error)) from error
    if magic != GGUF_MAGIC:
        raise LlmError("llm.file_not_gguf", path=str(path))
    from gguf import GGUFReader  # imported on first use: it pulls numpy views of every tensor

    try:
        reader = GGUFReader(path)
    except (ValueError, IndexError, OSError, KeyError) as error:  # a truncated or altered file
        raise LlmError("llm.file_damaged", path=str(path), detail=str(error)) from error

    def value(key: str, default: object = None) -> object:
        field = reader.fields.get(key)
        return field.contents() if field is not None else default

    arch = str(value("general.architecture", ""))
    try:
        layers = int(value(f"{arch}.block_count"))  # type: ignore[call-overload]
        heads = int(value(f"{arch}.attention.head_count"))  # type: ignore[call-overload]
        kv_heads_raw = value(f"{arch}.attention.head_count_kv", heads)
        # Some architectures give a head count per layer; the largest sizes the cache.
        kv_heads = max(kv_heads_raw) if isinstance(kv_heads_raw, list) else int(kv_heads_raw)  # type: ignore[call-overload]
        embedding = int(value(f"{arch}.embedding_length"))  # type: ignore[call-overload]
        head_k = int(value(f"{arch}.attention.key_length", embedding // heads))  # type: ignore[call-overload]
        head_v = int(value(f"{arch}.attention.value_length", embedding // heads))  # type: ignore[call-overload]
        trained = int(value(f"{arch}.context_length", 0))  # type: ignore[call-overload]
    except (TypeError, ValueError, ZeroDivisionError) as error:
        raise LlmError("llm.file_damaged", path=str(path), detail=f"incomplete metadata: {error}") from error
    # A file cut short keeps its header: check that the tensor data the header promises is all there.
    last = max((t.data_offset + t.n_bytes for t in reader.tensors), default=0)
    if last > size:
        raise LlmError("llm.file_damaged", path=str(path), detail=f"{size} bytes, the tensors need {last}")
    template = value("tokenizer.chat_template")
    return GgufInfo(
        size_bytes=size,
        name=str(value("general.name", path.stem)),
        trained_context=trained,
        layers=layers,
        kv_heads=kv_heads,
        head_dim_k=head_k,
        head_dim_v=head_v,
        chat_template=str(template) if template else None,
    )


MIN_CONTEXT = 4096


def fit_context(info: GgufInfo, wanted: int, available_bytes: int) -> int:
    """The largest context, halving from `wanted` down to MIN_CONTEXT, whose memory fits what is free."""
    n_ctx = wanted
    while n_ctx > MIN_CONTEXT and info.memory_bytes(n_ctx) > available_bytes:
        n_ctx //= 2
    return max(n_ctx, min(wanted, MIN_CONTEXT))
