"""Review: each answer's transcript with fillers highlighted, its figures and advice, and replay."""

from __future__ import annotations

import asyncio
import bisect
import html
from pathlib import Path

from PySide6.QtCore import QLocale, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QFileDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from desktop.context import AppContext
from desktop.pages.base import Page, heading
from desktop.report_pdf import export_report
from desktop.theme import icon, tokens
from desktop.widgets.answer_transcript import AnswerTranscript
from desktop.widgets.transcripts import highlighted_html
from engine import messages
from engine.analysis.advice import render
from engine.analysis.delivery_view import delivery_line
from engine.audio.file_source import read_samples
from engine.audio.frames import SAMPLE_RATE
from engine.errors import StorageError
from engine.feedback.view import FeedbackView
from engine.interview.events import TranscriptStored
from engine.practice.asking import redo_config
from engine.report.answer_view import AnswerView, QuestionView, SessionView, session_view
from engine.report.attempts_view import Comparison, compare
from engine.report.compare_html import comparison_html
from engine.report.feedback_html import feedback_html, review_html
from engine.report.session_summary import SessionSummary, summarise
from engine.report.summary_html import summary_html
from engine.storage.records import StoredAnswer, question_key

FOLLOW_MS = 100  # how often the replayed word is marked: ten times a second follows speech closely


class ReviewPage(Page):
    loaded = Signal(int)  # this session is on screen (screenshot mode waits for it)
    replayStarted = Signal(int)  # answer id
    practiseAgain = Signal()
    retryRequested = Signal(object)  # InterviewConfig: one question asked again
    exported = Signal(str)  # the PDF written (the window says where, in its status bar)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.setObjectName("reviewPage")
        self.detail: SessionView | None = None
        self.replay_buttons: dict[int, QPushButton] = {}
        self.transcripts: dict[int, AnswerTranscript] = {}  # answer id -> its clickable words
        self._follow = QTimer(self, interval=FOLLOW_MS)  # marks the word being replayed
        self._follow.timeout.connect(self._mark_playing)
        self._replay_words: tuple[int, float, tuple[float, ...]] | None = None  # answer, start s, word starts
        self.overview: SessionSummary | None = None
        self.comparisons: dict[int, Comparison] = {}  # question id -> its attempts side by side (2 or more)
        self._playing: int | None = None
        self._replay_token: object | None = None  # the replay now playing: an earlier one's end resets nothing
        self._exporting = False
        self.title = heading()
        self.summary = QLabel(objectName="reviewSummary", wordWrap=True)
        self.summary.setTextFormat(Qt.TextFormat.PlainText)  # it holds the role the user typed
        self.again_button = QPushButton(objectName="againButton")
        self.again_button.clicked.connect(self.practiseAgain)
        self.export_button = QPushButton(objectName="exportButton")
        self.export_button.setIcon(icon("export"))
        self.export_button.clicked.connect(self._choose_export)
        self.export_button.setEnabled(False)
        self.body = QWidget()
        self.body_layout = QVBoxLayout(self.body)
        self.body_layout.setContentsMargins(0, 0, 0, 0)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(self.body)
        top = QHBoxLayout()
        top.addWidget(self.title, 1)
        top.addWidget(self.export_button)
        top.addWidget(self.again_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(32, 20, 32, 20)
        layout.addLayout(top)
        layout.addWidget(self.summary)
        layout.addWidget(scroll, 1)
        self.retranslate()
        ctx.transcriptStored.connect(self._on_transcript_stored)
        ctx.reviewsChanged.connect(self._on_reviews_changed)

    def _on_transcript_stored(self, stored: TranscriptStored) -> None:
        if self.detail is not None and self.detail.session.id == stored.session_id:
            self.show_session(stored.session_id)  # read back: the stored transcript replaces the live one

    def _on_reviews_changed(self, session_id: int) -> None:
        if self.detail is not None and self.detail.session.id == session_id:
            self.show_session(session_id)  # a review landed (or stopped): read back

    def retranslate(self) -> None:
        self.again_button.setText(self.tr("Practise again"))
        self.export_button.setText(self.tr("Export PDF report…"))
        self._render()

    # -- loading ------------------------------------------------------------------------------------
    def show_session(self, session_id: int) -> None:
        self.ctx.tasks.spawn(self._load(session_id), f"review-{session_id}")

    async def _load(self, session_id: int) -> None:
        detail = await self.ctx.store.session_detail(session_id)
        if detail is None:
            raise StorageError("storage.session_missing", session_id=session_id)
        comparisons = {}
        every = await self.ctx.store.attempts(detail.language)  # one read for all of this session's questions
        for question in detail.questions:
            if question.answers:  # compared with the attempts before it, not with later ones
                key, last = question_key(detail.language, question.text), question.answers[-1].id
                earlier = [a for a in every if a.key == key and a.answer_id <= last]
                if (side_by_side := compare(earlier)) is not None:
                    comparisons[question.id] = side_by_side
        self.comparisons = comparisons
        self.overview = summarise(detail)  # the change since the previous session is the PDF's cover
        self.detail = session_view(detail, self.ctx.reviews_writing)
        self.export_button.setEnabled(not self._exporting)
        self._render()
        self.loaded.emit(session_id)

    # -- display ------------------------------------------------------------------------------------
    def _render(self) -> None:
        while self.body_layout.count():
            item = self.body_layout.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()
        self.replay_buttons.clear()
        self.transcripts.clear()
        if self.detail is None:
            self.title.setText(self.tr("Review"))
            self.summary.setText(self.tr("Finish an interview, or pick one in History, to review it here."))
            self.body_layout.addStretch(1)
            return
        detail = self.detail.session
        self.title.setText(self.tr("Review of interview #{id}").replace("{id}", str(detail.id)))
        role = [detail.role] if detail.role else []
        language = messages.text(f"language.{detail.language}", self.language)
        parts = [detail.when, *role, language, messages.text(f"state.{detail.status}", self.language)]
        self.summary.setText(" · ".join(parts))
        if self.overview is not None:  # summary first: the overall picture, what to work on, what went well
            card = QFrame(objectName="summaryCard")
            inside = QVBoxLayout(card)
            label = self._rich_label("summaryBlock")
            label.setText(summary_html(self.overview, self.language))
            inside.addWidget(label)
            self.body_layout.addWidget(card)
        for question in self.detail.questions:
            self.body_layout.addWidget(self._question_card(question))
        self.body_layout.addStretch(1)

    def _question_card(self, question: QuestionView) -> QFrame:
        card = QFrame(objectName="answerCard")
        card.setFrameShape(QFrame.Shape.StyledPanel)
        layout = QVBoxLayout(card)
        title = QLabel(wordWrap=True)
        title.setTextFormat(Qt.TextFormat.PlainText)
        kind = self.tr(" (follow-up)") if question.question.follow_up else ""
        number = self.tr("Question {n}").replace("{n}", str(question.question.position))
        title.setText(f"{number}{kind}: {question.question.text}")
        font = title.font()
        font.setBold(True)
        title.setFont(font)
        layout.addWidget(title)
        if not question.answers:
            layout.addWidget(QLabel(self.tr("Not answered")))
        for answer in question.answers:
            layout.addLayout(self._answer_block(answer))
        comparison = self.comparisons.get(question.question.id)
        if comparison is not None:
            side_by_side = self._rich_label("attemptsBlock")
            side_by_side.setText(comparison_html(comparison, self.language))
            layout.addWidget(side_by_side)
        if not question.question.follow_up:  # a follow-up rests on the answer before it: not asked alone
            row = QHBoxLayout()
            retry = QPushButton(icon("retry"), self.tr("Retry this question"), objectName="retryButton")
            retry.setToolTip(self.tr("Answer this question again; your attempts are compared side by side."))
            retry.clicked.connect(lambda _=False, p=question.question.position: self.retry(p))
            row.addWidget(retry)
            row.addStretch(1)
            layout.addLayout(row)
        return card

    def retry(self, position: int) -> None:
        """Ask question `position` of the session on screen again, as an interview of its own."""
        if self.detail is not None:
            self.ctx.tasks.spawn(self._retry(self.detail.session.id, position), "retry-question")

    async def _retry(self, session_id: int, position: int) -> None:
        # Asked as it was first asked (engine/practice/asking.redo_config); a real-mode session kept before its
        # timers were stored runs on the set-up screen's (main_window.start_interview).
        config = await redo_config(self.ctx.store, session_id, position, blind_check=self.ctx.preferences.blind_check)
        self.retryRequested.emit(config)

    def _answer_block(self, view: AnswerView) -> QVBoxLayout:
        block = QVBoxLayout()
        if view.skipped:
            block.addWidget(QLabel(self.tr("Skipped")))
            return block
        answer = view.answer
        if view.marked and answer.audio_path:  # click a word to replay from it
            words = AnswerTranscript(view.marked, view.evidence)
            words.setToolTip(
                self.tr("Click a word to replay your answer from there. Underlined: the words your score rests on.")
            )
            words.wordClicked.connect(lambda index, a=answer: self._replay_from(a, index))
            self.transcripts[answer.id] = words
            block.addWidget(words)
        else:
            text = QLabel(objectName="answerTranscript", wordWrap=True)
            text.setTextFormat(Qt.TextFormat.RichText)
            text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            if view.marked:
                text.setText(highlighted_html(view.marked, tokens().filler, view.evidence))
            else:
                text.setText(html.escape(answer.transcript) or "<i>" + self.tr("No speech was recognised.") + "</i>")
            block.addWidget(text)
        if answer.rereading:
            note = QLabel(objectName="rereadNote", wordWrap=True)
            note.setText(
                self.tr(
                    "This is the live transcript. The whole answer is being read again for an accurate one, "
                    "which replaces it here, with its figures, when it is done."
                )
            )
            font = note.font()
            font.setItalic(True)  # about the transcript, not part of it
            note.setFont(font)
            block.addWidget(note)
        if answer.error is not None:
            note = QLabel(self.tr("This answer was cut short; what was said before is kept."), wordWrap=True)
            block.addWidget(note)
        if answer.figures is not None:
            line = QLabel(delivery_line(answer.figures, self.language), objectName="metricsLine", wordWrap=True)
            line.setTextFormat(Qt.TextFormat.PlainText)
            block.addWidget(line)
            if answer.content is not None:
                block.addWidget(self._content_block(answer.content))
            for advice in view.advice:
                mark = "✓ " if advice.good else "→ "
                block.addWidget(QLabel(mark + render(advice, self.language), wordWrap=True))
        block.addWidget(self._score_block(view))
        if answer.audio_path:
            row = QHBoxLayout()
            label = self.tr("■ Stop") if self._playing == answer.id else self.tr("▶ Replay answer")
            button = QPushButton(label, objectName="replayButton")
            button.clicked.connect(lambda _=False, a=answer: self._toggle_replay(a))
            self.replay_buttons[answer.id] = button
            row.addWidget(button)
            row.addStretch(1)
            block.addLayout(row)
        return block

    def _score_block(self, view: AnswerView) -> QLabel:
        """The interviewer model's improvements and example answer, or why there are none."""
        label = self._rich_label("rubricBlock")
        if view.answer.review is not None:
            label.setText(review_html(view.answer.review, self.language))
        elif view.review_writing:
            label.setText("<i>" + html.escape(messages.text("rubric.writing", self.language)) + "</i>")
        elif view.review_missing:
            label.setText(html.escape(messages.text("rubric.unavailable", self.language)))
        else:
            label.hide()
        return label

    def _content_block(self, content: FeedbackView) -> QLabel:
        """What the answer said: the content score, each part with the quotes that earned it, what would raise it."""
        label = self._rich_label("contentBlock")
        # The summary card says once what the score measures; each answer's card does not repeat it.
        said = self.overview is not None and self.overview.content_score is not None
        label.setText(feedback_html(content, self.language, explain=not said))
        return label

    @staticmethod
    def _rich_label(name: str) -> QLabel:
        # Rich text built by engine/report/feedback_html.py, which escapes every quote of the user's words.
        label = QLabel(objectName=name, wordWrap=True)
        label.setTextFormat(Qt.TextFormat.RichText)
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        return label

    # -- export -------------------------------------------------------------------------------------
    def _choose_export(self) -> None:
        if self.detail is None:
            return
        suggested = self.ctx.paths.data_dir / "reports" / f"interview-{self.detail.session.id}.pdf"
        dialog = QFileDialog(self, self.tr("Save the report"), str(suggested), self.tr("PDF report") + " (*.pdf)")
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.setDefaultSuffix("pdf")
        dialog.fileSelected.connect(lambda path: self.export_to(Path(path)))
        dialog.open()  # not exec(): no nested event loop inside the asyncio loop

    def export_to(self, path: Path, page: str = "") -> None:
        if self.detail is not None:
            self.ctx.tasks.spawn(self._export(self.detail.session.id, path, page), "export-report")

    async def _export(self, session_id: int, path: Path, page: str) -> None:
        # Letter where the system locale measures in inches (US, Canada), A4 elsewhere.
        size = page or (
            "letter" if QLocale.system().measurementSystem() != QLocale.MeasurementSystem.MetricSystem else "a4"
        )
        self._exporting = True
        self.export_button.setEnabled(False)
        try:
            if await self.ctx.store.owed_rereads(session_id):
                # The report prints the stored transcripts: answers still being read again are waited for.
                self.export_button.setText(self.tr("Reading the answers again…"))
                await self.ctx.keeper.catch_up(session_id)
            written = await export_report(  # in the interview's language
                self.ctx.store, session_id, path, size, None, reviews_writing=frozenset(self.ctx.reviews_writing)
            )
        finally:
            self._exporting = False
            self.export_button.setEnabled(self.detail is not None)
            self.export_button.setText(self.tr("Export PDF report…"))
        self.exported.emit(str(written))

    # -- replay -------------------------------------------------------------------------------------
    def _toggle_replay(self, answer: StoredAnswer) -> None:
        if self._playing == answer.id:
            self.ctx.player.stop()
            return
        self._replay_from(answer, 0)

    def _replay_from(self, answer: StoredAnswer, word: int) -> None:
        """Replay the answer from its word number `word` (0: from the start)."""
        words = answer.words
        start = words[word].start if 0 < word < len(words) else 0.0
        self.ctx.tasks.spawn(self._replay(answer, start), f"replay-{answer.id}")

    async def _replay(self, answer: StoredAnswer, start_s: float = 0.0) -> None:
        answer_id = answer.id
        path = self.ctx.paths.data_dir / answer.audio_path
        if not path.is_file():
            raise StorageError("storage.recording_missing", path=str(path))
        samples = await asyncio.to_thread(read_samples, path)
        button = self.replay_buttons.get(answer_id)
        self._replay_token = mine = object()
        self._playing = answer_id
        self._replay_words = (answer_id, start_s, tuple(w.start for w in answer.words))
        self._follow.start()
        if button is not None:
            button.setText(self.tr("■ Stop"))
        self.replayStarted.emit(answer_id)
        try:
            await self.ctx.player.play(samples[int(start_s * SAMPLE_RATE) :])
        finally:
            if (words := self.transcripts.get(answer_id)) is not None:
                words.set_playing(None)
            button = self.replay_buttons.get(answer_id)
            if button is not None:
                button.setText(self.tr("▶ Replay answer"))
            if self._replay_token is mine:  # not replaced by a newer replay, whose state this must not reset
                self._follow.stop()
                self._replay_words = None
                self._playing = None

    def _mark_playing(self) -> None:
        """Mark the word the replay has reached: the last one that began by now."""
        if self._replay_words is None:
            return
        answer_id, start_s, starts = self._replay_words
        words = self.transcripts.get(answer_id)
        if words is not None:
            now = start_s + self.ctx.player.position_s
            words.set_playing(max(bisect.bisect_right(starts, now) - 1, 0) if starts else None)
