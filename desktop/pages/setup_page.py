"""Set-up: who the candidate is interviewing as, and for what; the posting and résumé to tailor it."""

from __future__ import annotations

import asyncio
from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from desktop.context import AppContext
from desktop.pages.base import Page, heading, set_form_labels
from desktop.pages.practice_options import PracticeOptions
from desktop.theme import primary
from engine.interview.config import InterviewConfig
from engine.interview.documents import SUFFIXES, read_document
from engine.interview.questions import ROLE_FAMILIES, SENIORITIES, InterviewKind
from engine.practice.asking import drill_questions, drill_queue
from engine.practice.drill import due_now

MAX_QUESTIONS = 15
READ_AHEAD_AFTER_MS = 2_000


class SetupPage(Page):
    startRequested = Signal(object)  # InterviewConfig
    documentLoaded = Signal(str)  # "posting" or "resume": a document file was read into its box

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.setObjectName("setupPage")
        self.title = heading()
        self.role = QLineEdit(objectName="roleEdit")
        self.role_family = QComboBox(objectName="roleFamilyBox")
        self.seniority = QComboBox(objectName="seniorityBox")
        self.company = QLineEdit(objectName="companyEdit")
        self.kind = QComboBox(objectName="kindBox")
        self.count = QSpinBox(objectName="countBox")
        self.count.setRange(1, MAX_QUESTIONS)
        self.count.setValue(5)
        self.interview_language = QComboBox(objectName="interviewLanguageBox")
        self.interview_language.addItem("English", "en")
        self.interview_language.addItem("한국어", "ko")
        self.interview_language.setCurrentIndex(1 if self.language == "ko" else 0)
        for code in ROLE_FAMILIES:
            self.role_family.addItem("", code)
        for code in SENIORITIES:
            self.seniority.addItem("", code)
        for kind in InterviewKind:
            self.kind.addItem("", kind.value)
        self.kind.setCurrentIndex(self.kind.findData(InterviewKind.MIXED.value))

        self.form = QFormLayout()
        for widget in (
            self.role,
            self.role_family,
            self.seniority,
            self.company,
            self.kind,
            self.count,
            self.interview_language,
        ):
            widget.setMinimumWidth(260)
            self.form.addRow(QLabel(), widget)
        self.posting = QPlainTextEdit(objectName="postingEdit")
        self.resume = QPlainTextEdit(objectName="resumeEdit")
        self.posting_button = QPushButton(objectName="postingButton")
        self.resume_button = QPushButton(objectName="resumeButton")
        self.posting_button.clicked.connect(lambda: self._choose_file("posting"))
        self.resume_button.clicked.connect(lambda: self._choose_file("resume"))
        self.posting_box = QGroupBox()
        self.resume_box = QGroupBox()
        for box, edit, button in (
            (self.posting_box, self.posting, self.posting_button),
            (self.resume_box, self.resume, self.resume_button),
        ):
            inner = QVBoxLayout(box)
            inner.addWidget(edit)
            row = QHBoxLayout()
            row.addStretch(1)
            row.addWidget(button)
            inner.addLayout(row)
        self.start_button = primary(QPushButton(objectName="startInterviewButton"))
        self.start_button.setDefault(True)
        self.start_button.clicked.connect(lambda: self._start())
        self.hint = QLabel(wordWrap=True)
        self.options = PracticeOptions()
        self.options.drillRequested.connect(self.start_drill)
        ctx.historyChanged.connect(self.refresh_drill)
        self.interview_language.currentIndexChanged.connect(self.refresh_drill)

        left = QVBoxLayout()
        left.addLayout(self.form)
        left.addWidget(self.options)
        left.addStretch(1)
        grid = QGridLayout()
        grid.addLayout(left, 0, 0)
        grid.addWidget(self.posting_box, 0, 1)
        grid.addWidget(self.resume_box, 0, 2)
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(2, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(32, 24, 32, 24)
        layout.addWidget(self.title)
        layout.addLayout(grid, 1)
        bottom = QHBoxLayout()
        bottom.addWidget(self.hint, 1)
        bottom.addWidget(self.start_button)
        layout.addLayout(bottom)
        # The interviewer model reads the posting and résumé while the candidate is still here: once the form
        # has rested a moment after a change, not at every keystroke.
        self._settled = QTimer(self, singleShot=True, interval=READ_AHEAD_AFTER_MS)
        self._settled.timeout.connect(self._read_ahead)
        for edit in (self.role, self.company):
            edit.textChanged.connect(self._settled.start)
        for text in (self.posting, self.resume):
            text.textChanged.connect(self._settled.start)
        for box in (self.seniority, self.kind, self.interview_language):
            box.currentIndexChanged.connect(self._settled.start)
        self.retranslate()
        self.refresh_drill()

    def refresh_drill(self) -> None:
        self.ctx.tasks.spawn(self._count_due(), "drill-due")

    async def _count_due(self) -> None:
        language = self.interview_language.currentData()
        self.options.show_due(len(due_now(await drill_queue(self.ctx.store, language))))

    def start_drill(self, language: str = "") -> None:
        """An interview of the weak-spot drill's questions that are due, in the chosen mode; in `language`
        (History's queue), else the one chosen here."""
        if language:
            self.interview_language.setCurrentIndex(max(0, self.interview_language.findData(language)))
        self.ctx.tasks.spawn(self._start_drill(), "drill-start")

    async def _start_drill(self) -> None:
        config = self.config()
        given = await drill_questions(self.ctx.store, config.language, limit=config.question_count)
        self._start(replace(config, given=given, origin="drill", question_count=len(given), closing_turn=False))

    def _read_ahead(self) -> None:
        config = self.config()
        if config.job_posting or config.resume:  # without them the prompt is short: read at the start, quickly
            self.ctx.read_ahead(config)

    def retranslate(self) -> None:
        self.title.setText(self.tr("Set up an interview"))
        labels = (
            self.tr("Role"),
            self.tr("Field"),
            self.tr("Seniority"),
            self.tr("Company"),
            self.tr("Interview kind"),
            self.tr("Questions"),
            self.tr("Interview language"),
        )
        set_form_labels(self.form, labels)
        self.role.setPlaceholderText(self.tr("e.g. Backend engineer"))
        self.company.setPlaceholderText(self.tr("optional"))
        families = {
            "any": self.tr("Any field"),
            "software": self.tr("Software"),
            "data": self.tr("Data"),
            "product": self.tr("Product"),
            "design": self.tr("Design"),
            "marketing": self.tr("Marketing"),
            "sales": self.tr("Sales"),
            "operations": self.tr("Operations"),
        }
        for i in range(self.role_family.count()):
            self.role_family.setItemText(i, families[self.role_family.itemData(i)])
        levels = {
            "any": self.tr("Any level"),
            "junior": self.tr("Junior"),
            "mid": self.tr("Mid-level"),
            "senior": self.tr("Senior"),
        }
        for i in range(self.seniority.count()):
            self.seniority.setItemText(i, levels[self.seniority.itemData(i)])
        kinds = {"behavioural": self.tr("Behavioural"), "technical": self.tr("Technical"), "mixed": self.tr("Mixed")}
        for i in range(self.kind.count()):
            self.kind.setItemText(i, kinds[self.kind.itemData(i)])
        self.posting_box.setTitle(self.tr("Job posting (optional)"))
        self.resume_box.setTitle(self.tr("Résumé (optional)"))
        self.posting.setPlaceholderText(self.tr("Paste the job posting here, or open a .txt, .md or .pdf file."))
        self.resume.setPlaceholderText(self.tr("Paste your résumé here, or open a .txt, .md or .pdf file."))
        self.posting_button.setText(self.tr("Open file…"))
        self.resume_button.setText(self.tr("Open file…"))
        self.start_button.setText(self.tr("Start interview"))
        self.hint.setText(self.tr("Answer out loud as you would in the room. Press Space to finish an answer."))
        self.options.retranslate()

    # -- documents ----------------------------------------------------------------------------------
    def _choose_file(self, which: str) -> None:
        # open(), not exec(): no nested event loop inside the asyncio loop.
        dialog = QFileDialog(self, self.tr("Open a document"))
        dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
        dialog.setNameFilter(self.tr("Documents") + " (" + " ".join(f"*{s}" for s in SUFFIXES) + ")")
        dialog.fileSelected.connect(lambda path: self.load_file(which, Path(path)))
        dialog.open()

    def load_file(self, which: str, path: Path) -> None:
        self.ctx.tasks.spawn(self._load(which, path), f"read-{which}")

    async def _load(self, which: str, path: Path) -> None:
        text = await asyncio.to_thread(read_document, path)  # DocumentError is shown by the task owner
        (self.posting if which == "posting" else self.resume).setPlainText(text)
        self.documentLoaded.emit(which)

    # -- start --------------------------------------------------------------------------------------
    def config(self) -> InterviewConfig:
        return self.options.applied(self._basics())

    def _basics(self) -> InterviewConfig:
        return InterviewConfig(
            language=self.interview_language.currentData(),
            kind=InterviewKind(self.kind.currentData()),
            question_count=self.count.value(),
            role=self.role.text().strip(),
            role_family=self.role_family.currentData(),
            seniority=self.seniority.currentData(),
            company=self.company.text().strip(),
            job_posting=self.posting.toPlainText().strip(),
            resume=self.resume.toPlainText().strip(),
            blind_check=self.ctx.preferences.blind_check,
        )

    def _start(self, config: InterviewConfig | None = None) -> None:
        self._settled.stop()  # a set-up reading due now would cut the interview's own reading short
        self.ctx.stop_reading_ahead()
        self.startRequested.emit(config or self.config())
