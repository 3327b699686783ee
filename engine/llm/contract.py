"""The language-model contract: chat messages in, streamed text (or one JSON object) out.

Two backends implement it: llama-cpp-python on a local GGUF file (engine/llm/local.py) and any
OpenAI-compatible HTTP server (engine/llm/remote.py). Both are cancelled the asyncio way: cancelling the
task that iterates `stream()` stops generation (the local backend within one prefill chunk or one token).
"""

from __future__ import annotations

import enum
from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from typing import Any, Protocol


class Role(enum.StrEnum):
    SYSTEM = "system"
    USER = "user"
    ASSISTANT = "assistant"


@dataclass(frozen=True, slots=True)
class ChatMessage:
    role: Role
    content: str

    def to_dict(self) -> dict[str, str]:
        return {"role": self.role.value, "content": self.content}


@dataclass(frozen=True)
class GenerationRequest:
    messages: tuple[ChatMessage, ...]
    max_tokens: int = 256
    temperature: float = 0.7
    # When set, the output is constrained to one JSON object valid against this schema.
    json_schema: dict[str, Any] | None = None
    stop: tuple[str, ...] = ()
    seed: int | None = None
    # Keep the state of the first message's first this many characters once read (a local model saves it
    # to disk): a later interview with the same set-up (role, posting, résumé) starts from it.
    keep_prefix_chars: int = 0


class FinishReason(enum.StrEnum):
    STOP = "stop"  # the model ended its turn (or hit a stop string)
    LENGTH = "length"  # max_tokens reached: the text may be cut off


@dataclass(frozen=True, slots=True)
class StreamChunk:
    text: str
    finish: FinishReason | None = None  # set on the last chunk only


@dataclass(frozen=True)
class ModelInfo:
    """What the UI shows about a loaded model."""

    name: str
    backend: str  # "local" or "remote"
    notes: tuple[str, ...] = field(default_factory=tuple)  # message keys, e.g. a context lowered for memory


class LanguageModel(Protocol):
    @property
    def info(self) -> ModelInfo: ...

    async def ready(self) -> None:
        """Wait until the model can generate (a local file finishes loading); raise LlmError if it cannot."""

    def stream(self, request: GenerationRequest) -> AsyncIterator[StreamChunk]:
        """Generate; the last chunk carries the finish reason. Cancel the consuming task to stop."""

    async def close(self) -> None: ...
