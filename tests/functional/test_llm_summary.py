"""Long postings and résumés summarised once for the interviewer, on the real SmolLM2 model: kept by their
text's hash, used by the interview's brief, and never for a short text."""

from __future__ import annotations

from pathlib import Path

from engine.interview.config import InterviewConfig
from engine.llm.desk import ModelDesk
from engine.llm.local import LocalModel, LocalOptions
from engine.llm.summary import LONG_DOCUMENT_CHARS, Summaries
from tests.llm_support import POSTING, RESUME, smollm2_path


async def test_a_long_posting_is_summarised_once_and_the_brief_reads_the_summary(tmp_path: Path) -> None:
    posting = POSTING * (LONG_DOCUMENT_CHARS // len(POSTING) + 1)
    summaries = Summaries(tmp_path / "summaries")
    model = LocalModel(smollm2_path(), LocalOptions(n_ctx=4096))
    desk = ModelDesk(model)
    try:
        assert summaries.cached("en", "posting", posting) is None
        summary = await summaries.summarise(desk, "en", "posting", posting)
        assert summary is not None and len(summary) < len(posting) / 2
        written = model.prefilled_tokens
        assert await summaries.summarise(desk, "en", "posting", posting) == summary
        assert model.prefilled_tokens == written, "the second time it is read back, not written again"
        assert await summaries.summarise(desk, "en", "resume", RESUME) is None  # short: read as it is
    finally:
        await model.close()
    assert Summaries(tmp_path / "summaries").cached("en", "posting", posting) == summary  # kept on disk
    assert summaries.cached("ko", "posting", posting) is None  # per language
    config = InterviewConfig(language="en", job_posting=posting, resume=RESUME)
    brief = config.brief(summaries=summaries)
    assert brief.posting == summary and brief.resume == RESUME
    assert config.brief().posting == posting  # without summaries, the full text
