"""What the candidate set an interview up with."""

from __future__ import annotations

from dataclasses import asdict, dataclass

from engine.interview.questions import InterviewKind
from engine.llm.prompts import InterviewBrief
from engine.llm.summary import Summaries


@dataclass(frozen=True)
class InterviewConfig:
    language: str
    kind: InterviewKind = InterviewKind.MIXED
    question_count: int = 5
    role: str = ""
    role_family: str = "any"
    seniority: str = "any"
    company: str = ""
    job_posting: str = ""
    resume: str = ""

    def brief(self, seeds: tuple[str, ...] = (), summaries: Summaries | None = None) -> InterviewBrief:
        """What the interviewer model is told of this interview (its seed questions chosen at the start); a
        long posting or résumé as its kept summary, when there is one."""
        posting, resume = self.job_posting, self.resume
        if summaries is not None:
            posting = summaries.cached(self.language, "posting", posting) or posting
            resume = summaries.cached(self.language, "resume", resume) or resume
        return InterviewBrief(
            language=self.language,
            role=self.role,
            company=self.company,
            seniority=self.seniority,
            kind=self.kind.value,
            posting=posting,
            resume=resume,
            seeds=seeds,
        )

    def to_dict(self) -> dict[str, object]:
        data = asdict(self)
        data["kind"] = self.kind.value
        return data
