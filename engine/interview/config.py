"""What the candidate set an interview up with."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field

from engine.interview.modes import Mode, Persona, Timing
from engine.interview.questions import InterviewKind, Question
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
    mode: Mode = Mode.PRACTICE
    timing: Timing | None = None  # real mode: preparation and answer time limits
    persona: Persona = Persona.NEUTRAL
    closing_turn: bool = False  # end with "Do you have any questions for us?"
    blind_check: bool = True  # flag personal details an answer gives (blind hiring)
    # Questions to ask instead of the bank's choice: a redo (one question again) or the weak-spot drill.
    given: tuple[Question, ...] = field(default=(), compare=False)
    origin: str = ""  # "redo" or "drill" when `given` was chosen for one

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
            persona=self.persona.value,
        )

    def to_dict(self) -> dict[str, object]:
        """As stored with the session (its given questions are stored as its questions)."""
        data = asdict(self)
        del data["given"]
        data["kind"] = self.kind.value
        data["mode"] = self.mode.value
        data["persona"] = self.persona.value
        return data
