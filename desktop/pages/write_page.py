"""Practise in writing: a question (from the bank, or the candidate's own), a written answer, and the same
content feedback a spoken answer gets (engine/feedback), rendered from its one view."""

from __future__ import annotations

import asyncio
import html
import random

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from desktop.context import AppContext
from desktop.pages.base import Page, heading, set_form_labels
from engine.feedback.assess import assess
from engine.feedback.question_type import QuestionType
from engine.feedback.view import FeedbackView, build_view
from engine.interview.questions import load_bank
from engine.report.feedback_html import feedback_html

ANSWER_MAX_CHARS = 6_000  # about five minutes of speech: longer is not an interview answer


class WritePage(Page):
    assessed = Signal(object)  # FeedbackView: a written answer's feedback is on screen

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.setObjectName("writePage")
        self.view: FeedbackView | None = None  # the feedback shown, kept to re-word it in another language
        self.notice = ""
        self.title = heading()
        self.answer_language = QComboBox(objectName="writeLanguageBox")
        self.answer_language.addItem("English", "en")
        self.answer_language.addItem("한국어", "ko")
        self.answer_language.setCurrentIndex(1 if self.language == "ko" else 0)
        self.kind = QComboBox(objectName="writeTypeBox")
        self.kind.addItem("", "")
        for kind in QuestionType:
            self.kind.addItem("", kind.value)
        self.question = QPlainTextEdit(objectName="writeQuestionEdit")
        self.question.setMaximumHeight(80)
        self.another = QPushButton(objectName="anotherQuestionButton")
        self.answer = QPlainTextEdit(objectName="writeAnswerEdit")
        self.submit = QPushButton(objectName="getFeedbackButton")
        self.submit.setDefault(True)
        self.result = QLabel(objectName="writeFeedback", wordWrap=True)
        # Rich text from engine/report/feedback_html.py, which escapes every quote of the candidate's words.
        self.result.setTextFormat(Qt.TextFormat.RichText)
        self.result.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.result.setAlignment(Qt.AlignmentFlag.AlignTop)
        self.result.setMargin(12)
        scroll = QScrollArea(widgetResizable=True)
        scroll.setWidget(self.result)

        self.form = QFormLayout()
        self.form.addRow(QLabel(), self.answer_language)
        self.form.addRow(QLabel(), self.kind)
        question_row = QHBoxLayout()
        question_row.addWidget(self.question, 1)
        question_row.addWidget(self.another, 0, Qt.AlignmentFlag.AlignTop)
        self.form.addRow(QLabel(), question_row)
        left = QVBoxLayout()
        left.addLayout(self.form)
        left.addWidget(self.answer, 1)
        left.addWidget(self.submit, 0, Qt.AlignmentFlag.AlignRight)
        columns = QHBoxLayout()
        columns.addLayout(left, 1)
        columns.addWidget(scroll, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(32, 24, 32, 24)
        layout.addWidget(self.title)
        layout.addLayout(columns, 1)

        self.another.clicked.connect(self.new_question)
        self.answer_language.currentIndexChanged.connect(lambda _i: self.new_question())
        self.submit.clicked.connect(self.request_feedback)
        self.retranslate()
        self.new_question()

    def retranslate(self) -> None:
        self.title.setText(self.tr("Practise in writing"))
        set_form_labels(self.form, (self.tr("Language"), self.tr("Question type"), self.tr("Question")))
        names = {
            "": self.tr("Read from the question"),
            "behavioural": self.tr("Past experience"),
            "situational": self.tr("Hypothetical situation"),
            "motivation": self.tr("Motivation and fit"),
            "self_introduction": self.tr("Self-introduction"),
            "strengths_weaknesses": self.tr("Strengths and weaknesses"),
            "technical": self.tr("Knowledge"),
            "closing": self.tr("Closing question"),
        }
        for i in range(self.kind.count()):
            self.kind.setItemText(i, names[self.kind.itemData(i)])
        self.another.setText(self.tr("Another question"))
        self.answer.setPlaceholderText(
            self.tr("Write your answer as you would say it. The feedback quotes your own words for every point.")
        )
        self.submit.setText(self.tr("Get feedback"))
        if self.view is not None:  # the interface language changed: the feedback is worded again
            self.show_view(self.view)
        else:
            self.result.setText(html.escape(self.tr("Your feedback appears here.")))

    def new_question(self) -> None:
        bank = load_bank(self.answer_language.currentData())
        self.question.setPlainText(random.choice(bank).text)

    def request_feedback(self) -> None:
        question, answer = self.question.toPlainText().strip(), self.answer.toPlainText().strip()
        if not answer:
            self.view = None
            self.result.setText(html.escape(self.tr("Write your answer first: the feedback needs something to read.")))
            return
        if len(answer) > ANSWER_MAX_CHARS:
            self.result.setText(
                self.tr(
                    "This answer is longer than five minutes of speech; the first {n} characters are read."
                ).replace("{n}", f"{ANSWER_MAX_CHARS:,}")
            )
            answer = answer[:ANSWER_MAX_CHARS]
        self.submit.setEnabled(False)
        self.ctx.tasks.spawn(self._assess(question, answer), "write-feedback")

    async def _assess(self, question: str, answer: str) -> None:
        language = self.answer_language.currentData()
        kind = QuestionType(self.kind.currentData()) if self.kind.currentData() else None
        try:
            # Off the event loop: the word lists load from disk on first use.
            reading = await asyncio.to_thread(assess, question, answer, language, kind)
        finally:
            self.submit.setEnabled(True)
        self.show_view(build_view(reading))

    def show_view(self, view: FeedbackView) -> None:
        self.view = view
        notice = f"<p>{html.escape(self.notice, quote=False)}</p>" if self.notice else ""
        self.result.setText(notice + feedback_html(view, self.language))
        self.assessed.emit(view)
