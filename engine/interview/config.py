"""What the candidate set an interview up with."""

from __future__ import annotations

from dataclasses import asdict, dataclass

from engine.interview.questions import InterviewKind


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

    def to_dict(self) -> dict[str, object]:
        data = asdict(self)
        data["kind"] = self.kind.value
        return data
