"""What the user chose as the interviewer's model (light: read with the preferences at start-up)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class LlmChoice:
    """What Settings (or the CLI) names; both empty means no model (bank questions, model-free feedback)."""

    gguf_path: str = ""
    server_url: str = ""
    server_model: str = ""
    n_ctx: int = 32_768
    state_dir: str = ""  # where a local model keeps read prefixes for later interviews ("": not kept)

    @property
    def enabled(self) -> bool:
        return bool(self.gguf_path or self.server_url)
