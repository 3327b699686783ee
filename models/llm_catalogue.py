"""The interviewer-model catalogue: EXAONE in GGUF (Q4_K_M), with source, size, checksum and licence.

The architecture figures (layers, key/value heads, head size) are what the KV cache needs per token; the
README's memory table is computed from them (`kv_cache_bytes`), so it holds before a file is on disk.
"""

from __future__ import annotations

from dataclasses import dataclass

EXAONE_LICENCE_NAME = "EXAONE AI Model License Agreement 1.1 - NC"
EXAONE_LICENCE_URL = "https://huggingface.co/LGAI-EXAONE/EXAONE-3.5-2.4B-Instruct/blob/main/LICENSE"
EXAONE_LICENCE_SUMMARY = {
    "en": "The EXAONE models are licensed by LG Management Development Institute Co., Ltd. under the EXAONE AI "
    "Model License Agreement 1.1 - NC. It grants use solely for research purposes and prohibits any commercial "
    "use of the model, of models derived from it and of its output, unless you hold a separate licence from LG. "
    "LG keeps its rights in the model; it comes without warranty, and the licence can be revoked if its terms are "
    "broken. By downloading you agree to the full licence.",
    "ko": "EXAONE 모델은 LG경영개발원(LG Management Development Institute Co., Ltd.)이 'EXAONE AI Model License "
    "Agreement 1.1 - NC'에 따라 제공합니다. 연구 목적의 사용만 허용되며, LG와 별도 계약이 없는 한 모델, 파생 모델, "
    "모델의 출력물을 상업적으로 사용할 수 없습니다. 모델에 대한 권리는 LG에 있고, 보증 없이 제공되며, 조건을 어기면 "
    "라이선스가 취소될 수 있습니다. 다운로드하면 라이선스 전문에 동의하는 것입니다.",
}


@dataclass(frozen=True)
class LlmSpec:
    id: str
    name: str
    file_name: str
    url: str
    size_bytes: int  # as published; the download is checked against the server's length too
    # Pinned sha256 where it was read off the publisher's file page; None: the hub's own LFS checksum
    # (X-Linked-Etag) is used at download, and the file's size must match.
    sha256: str | None
    licence: str
    layers: int
    kv_heads: int
    head_dim: int
    trained_context: int
    parameters_b: float

    def kv_cache_bytes(self, n_ctx: int, bytes_per_value: int = 2) -> int:
        """f16 K and V for every layer and key/value head, per token, times the context."""
        return 2 * self.layers * self.kv_heads * self.head_dim * bytes_per_value * n_ctx

    def memory_bytes(self, n_ctx: int) -> int:
        """Weights + KV cache + llama.cpp's compute buffers (about 10 % of the weights, at least 256 MiB)."""
        return self.size_bytes + self.kv_cache_bytes(n_ctx) + max(256 << 20, self.size_bytes // 10)


_HUB = "https://huggingface.co/LGAI-EXAONE"

EXAONE_4_0_1_2B = LlmSpec(
    id="exaone-4.0-1.2b",
    name="EXAONE 4.0 1.2B",
    file_name="EXAONE-4.0-1.2B-Q4_K_M.gguf",
    url=f"{_HUB}/EXAONE-4.0-1.2B-GGUF/resolve/main/EXAONE-4.0-1.2B-Q4_K_M.gguf",
    size_bytes=812_437_792,
    sha256=None,
    licence=EXAONE_LICENCE_NAME,
    layers=30,
    kv_heads=8,
    head_dim=64,
    trained_context=65_536,
    parameters_b=1.28,
)

EXAONE_3_5_2_4B = LlmSpec(
    id="exaone-3.5-2.4b",
    name="EXAONE 3.5 2.4B Instruct",
    file_name="EXAONE-3.5-2.4B-Instruct-Q4_K_M.gguf",
    # Pinned to the revision whose checksum is below.
    url=f"{_HUB}/EXAONE-3.5-2.4B-Instruct-GGUF/resolve/142acae803a41c206e8d0fa978c6102c748911bb/"
    "EXAONE-3.5-2.4B-Instruct-Q4_K_M.gguf",
    size_bytes=1_644_918_272,
    sha256="1660a3794acc33437137faab5cb3fb2b2c4191d0a4ec991d4c31a7197cb2cdbf",
    licence=EXAONE_LICENCE_NAME,
    layers=30,
    kv_heads=8,
    head_dim=80,
    trained_context=32_768,
    parameters_b=2.41,
)

EXAONE_3_5_7_8B = LlmSpec(
    id="exaone-3.5-7.8b",
    name="EXAONE 3.5 7.8B Instruct",
    file_name="EXAONE-3.5-7.8B-Instruct-Q4_K_M.gguf",
    url=f"{_HUB}/EXAONE-3.5-7.8B-Instruct-GGUF/resolve/main/EXAONE-3.5-7.8B-Instruct-Q4_K_M.gguf",
    size_bytes=4_800_000_000,  # "about 4.8 GB" as published; the exact length comes from the server
    sha256=None,
    licence=EXAONE_LICENCE_NAME,
    layers=32,
    kv_heads=8,
    head_dim=128,
    trained_context=32_768,
    parameters_b=7.82,
)

LLM_MODELS: dict[str, LlmSpec] = {spec.id: spec for spec in (EXAONE_4_0_1_2B, EXAONE_3_5_2_4B, EXAONE_3_5_7_8B)}

GIB = 1 << 30


def recommend(total_ram_bytes: int, gpu_memory_bytes: int = 0, n_ctx: int = 32_768) -> LlmSpec | None:
    """The largest catalogue model that fits: in GPU memory when there is a GPU, else in half the RAM
    (the rest is for the speech model, the app and the system). None: none fits; use a remote server."""
    budget = gpu_memory_bytes if gpu_memory_bytes > 0 else total_ram_bytes // 2
    fitting = [spec for spec in LLM_MODELS.values() if spec.memory_bytes(n_ctx) <= budget]
    if not fitting and gpu_memory_bytes > 0:
        return recommend(total_ram_bytes, 0, n_ctx)  # too little VRAM: the CPU with RAM instead
    return max(fitting, key=lambda spec: spec.parameters_b) if fitting else None
