"""Builds the interviewer's language model from what the user chose: a GGUF file or a server address."""

from __future__ import annotations

from pathlib import Path

from engine.config.secrets import llm_api_key
from engine.llm.choice import LlmChoice
from engine.llm.contract import LanguageModel
from engine.llm.local import LocalModel, LocalOptions
from engine.llm.remote import RemoteModel, RemoteOptions


def open_model(choice: LlmChoice) -> LanguageModel | None:
    """The model, not yet loaded: a local one starts loading at once, in the background."""
    if choice.server_url:
        return RemoteModel(RemoteOptions(choice.server_url, choice.server_model, llm_api_key(choice.server_url)))
    if choice.gguf_path:
        states = Path(choice.state_dir) if choice.state_dir else None
        model = LocalModel(Path(choice.gguf_path).expanduser(), LocalOptions(n_ctx=choice.n_ctx, state_dir=states))
        model.start()
        return model
    return None
