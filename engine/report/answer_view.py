"""One view of a stored interview, built once by the engine and rendered by thin front ends (the review
screen, the PDF report, the CLI's `show`): each answer's words with its fillers marked, its figures and
content feedback, the advice on its delivery, its pace through time and the model's review."""

from __future__ import annotations

from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass, replace

from engine.analysis.advice import Advice, advise
from engine.analysis.highlight import marked_words
from engine.report.pace_curve import pace_curve
from engine.storage.records import SKIPPED, StoredAnswer, StoredQuestion, StoredSession


@dataclass(frozen=True, slots=True)
class AnswerView:
    answer: StoredAnswer
    marked: tuple[tuple[str, bool], ...]  # its words, fillers marked; empty when it has no timed words
    advice: tuple[Advice, ...]  # on how it was spoken (content advice is in answer.content)
    pace_curve: tuple[tuple[float, float], ...]  # (seconds into the answer, pace): syllables for Korean
    review_missing: bool  # a model interviewed and heard it, but wrote no review of it
    review_writing: bool  # the model is still writing its review (it is stored when it lands)
    evidence: frozenset[int] = frozenset()  # indexes of the words that are quoted as the score's evidence

    @property
    def skipped(self) -> bool:
        return self.answer.status == SKIPPED


@dataclass(frozen=True, slots=True)
class QuestionView:
    question: StoredQuestion
    answers: tuple[AnswerView, ...]  # empty: asked, never answered


@dataclass(frozen=True, slots=True)
class SessionView:
    session: StoredSession
    questions: tuple[QuestionView, ...]

    @property
    def answers(self) -> tuple[AnswerView, ...]:
        return tuple(a for q in self.questions for a in q.answers)


def session_view(session: StoredSession, reviews_writing: Collection[int] = ()) -> SessionView:
    """`reviews_writing`: answers whose review the model is still writing. The blind-hiring check's findings
    are left out of a session that was held with the check switched off."""
    model = bool(session.interviewer_model)

    def shown(a: StoredAnswer) -> StoredAnswer:
        if session.blind_check or a.content is None:
            return a
        return replace(a, content=a.content.without_personal())

    return SessionView(
        session,
        tuple(
            QuestionView(q, tuple(answer_view(shown(a), session.language, model, reviews_writing) for a in q.answers))
            for q in session.questions
        ),
    )


def answer_view(
    answer: StoredAnswer, language: str, interviewed_by_model: bool, reviews_writing: Collection[int] = ()
) -> AnswerView:
    figures = answer.figures
    words = [w.text for w in answer.words]
    unreviewed = interviewed_by_model and answer.review is None and bool(answer.transcript)
    writing = unreviewed and answer.id in reviews_writing
    quotes = [e.quote for p in answer.content.parts for e in p.evidence] if answer.content else []
    return AnswerView(
        answer,
        tuple(marked_words(words, figures.fillers if figures else ())),
        tuple(advise(figures, answer.voice)) if figures else (),
        tuple(pace_curve(answer.words, language)) if figures else (),
        unreviewed and not writing,
        writing,
        quoted_words(words, quotes),
    )


def _bare(word: str) -> str:
    return "".join(ch for ch in word.casefold() if ch.isalnum())


def quoted_words(words: Sequence[str], quotes: Iterable[str]) -> frozenset[int]:
    """The indexes of `words` that a quote covers: each quote's words found in order in the answer's (case
    and punctuation aside), so the evidence can be marked where it was said."""
    bare = [_bare(w) for w in words]
    found: set[int] = set()
    for quote in quotes:
        wanted = [b for b in (_bare(w) for w in quote.split()) if b]
        if not wanted:
            continue
        for start in range(len(bare) - len(wanted) + 1):
            if bare[start : start + len(wanted)] == wanted:
                found.update(range(start, start + len(wanted)))
                break
    return frozenset(found)
