"""Long postings and résumés, summarised once for the interviewer and kept by their content's hash.

The interviewer reads its system prompt before every turn it writes and every review (from its cache after
the first time, but still as context the model attends to). A long posting or résumé is cut to its facts
once, in the background, while the set-up screen is open; every later interview with the same text uses
the summary at once. The feedback's own checks (a posting's terms in the answer) still read the full text.
"""

from __future__ import annotations

import hashlib
import logging
import os
from pathlib import Path

from engine.llm import prompts
from engine.llm.contract import ChatMessage, GenerationRequest, Role
from engine.llm.desk import ModelDesk, Priority

log = logging.getLogger(__name__)

LONG_DOCUMENT_CHARS = 2_500  # a page or more; shorter documents are read as they are
SUMMARY_MAX_TOKENS = 400
MIN_SUMMARY_CHARS = 80  # less is no summary (a model that refused or stopped at once)
MAX_SUMMARY_SHARE = 0.5  # more of the text than this is no summary (a small model copying its input out)
_WHAT = {
    "en": {"posting": "job posting", "resume": "résumé"},
    "ko": {"posting": "채용 공고", "resume": "이력서"},
}


class Summaries:
    def __init__(self, folder: Path) -> None:
        self.folder = folder

    def _path(self, language: str, kind: str, text: str) -> Path:
        digest = hashlib.sha256(f"{language}\0{kind}\0{text}".encode()).hexdigest()
        return self.folder / f"{kind}-{digest[:24]}.txt"

    def cached(self, language: str, kind: str, text: str) -> str | None:
        """The summary kept for this very text, or None (none yet, or the text is short: used as it is)."""
        if len(text) < LONG_DOCUMENT_CHARS:
            return None
        try:
            return self._path(language, kind, text).read_text("utf-8")
        except FileNotFoundError:
            return None
        except OSError as error:  # unreadable: the full text is used, as before there was a summary
            log.warning("summary unreadable: %s", error)
            return None

    async def summarise(self, desk: ModelDesk, language: str, kind: str, text: str) -> str | None:
        """Write and keep the summary of a long text (at a draft's priority: questions go first); None when
        the text is short, or the model gave nothing usable (LlmError is raised as it comes)."""
        if len(text) < LONG_DOCUMENT_CHARS:
            return None
        found = self.cached(language, kind, text)
        if found is not None:
            return found
        body = text.strip()[: prompts.MAX_DOCUMENT_CHARS]
        note = prompts.note(language, "summary", what=_WHAT[language][kind], text=body)
        # Greedy: the same text gives the same summary, on every run (it is kept, and read by every interview).
        request = GenerationRequest((ChatMessage(Role.USER, note),), max_tokens=SUMMARY_MAX_TOKENS, temperature=0.0)
        summary = (await desk.generate(request, Priority.DRAFT)).text.strip()
        if len(summary) < MIN_SUMMARY_CHARS:
            log.info("the model's summary of a %s was too short to use (%d characters)", kind, len(summary))
            return None
        if len(summary) > len(body) * MAX_SUMMARY_SHARE:
            log.info("the model's summary of a %s was no shorter than half of it: the text is read as it is", kind)
            return None
        self.folder.mkdir(parents=True, exist_ok=True)
        path = self._path(language, kind, text)
        partial = path.with_suffix(".tmp")
        partial.write_text(summary, "utf-8")
        os.replace(partial, path)  # whole or absent, whatever happens meanwhile
        return summary
