"""Practice: the question, the live transcript, timer, level and pace, and the buttons to answer."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from desktop.context import AppContext
from desktop.pages.base import Page, heading
from desktop.pages.practice_labels import end_reason, finish_reason, start_reason, turn_text
from desktop.practice_runner import PracticeRunner
from desktop.theme import SUBHEADING, icon, mark, primary
from desktop.widgets.meters import LevelMeter, PaceMeter
from desktop.widgets.transcripts import LiveTranscript
from desktop.widgets.turn_guide import TurnGuide
from engine import messages
from engine.analysis.metrics import AnswerMetrics
from engine.analysis.pace import PaceVerdict, live_pace
from engine.audio.frames import AudioFrame
from engine.interview.config import InterviewConfig
from engine.interview.events import (
    ErrorRaised,
    FeedbackReady,
    InterviewEvent,
    Notice,
    QuestionAsked,
    QuestionText,
    RecognitionChanged,
    ScoreUpdated,
    SessionStarted,
    StateChanged,
    TranscriptStored,
    TranscriptUpdated,
)
from engine.interview.state import SessionState
from engine.stt.contract import Word
from engine.stt.speech_model import ModelProgress, ModelStage


class PracticePage(Page):
    sessionEnded = Signal(int)  # session id, to review

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.setObjectName("practicePage")
        self.runner = PracticeRunner(ctx)
        self.runner.engine_event.connect(self._on_event)
        self.runner.awaitingChoice.connect(self._on_awaiting)
        self.runner.frame.connect(self._on_frame)
        self.runner.ended.connect(self._on_ended)
        self.runner.countdown.connect(self._on_countdown)
        self.runner.voice.speaking.connect(self._on_speaking)
        ctx.modelProgress.connect(self._on_model)
        self.config: InterviewConfig | None = None
        self.state = SessionState.SETTING_UP
        self.total = 0  # main questions
        self.number = 0  # turns asked, follow-ups included
        self.main_number = 0
        self.follow_up = False
        self.words: dict[int, tuple[Word, ...]] = {}  # the finals' words by utterance (a revision replaces)
        self.partial_words: tuple[Word, ...] = ()
        self.audio_s = 0.0
        self.awaiting = False
        self.connection = ""  # the cloud recognition state of this answer, "" for local
        self.interviewer_speaking = False
        self._notices: list[Notice] = []

        self.progress_label = QLabel(objectName="progressLabel")
        self.state_label = mark(QLabel(objectName="stateLabel"), "state")
        font = self.state_label.font()
        font.setPointSize(font.pointSize() + SUBHEADING)
        self.state_label.setFont(font)
        self.backend_label = QLabel(objectName="backendLabel")
        self.question = heading(5, bold=True)
        self.question.setObjectName("questionText")
        self.category = QLabel(objectName="categoryLabel")
        card = QFrame(objectName="questionCard")
        card.setFrameShape(QFrame.Shape.StyledPanel)
        card_layout = QVBoxLayout(card)
        card_layout.setContentsMargins(20, 16, 20, 16)
        card_layout.addWidget(self.category)
        card_layout.addWidget(self.question)
        self.guide = TurnGuide(self.language)
        self.runner.questionPut.connect(self.guide.question_put)
        card_layout.addWidget(self.guide)
        self.banner = QLabel(objectName="noticeBanner", wordWrap=True)
        self.banner.hide()
        self.transcript = LiveTranscript()
        self.last_answer = QLabel(objectName="lastAnswerLabel", wordWrap=True)
        self.score_label = QLabel(objectName="scoreLabel", wordWrap=True)
        self._last_answer_id = 0
        # Model, server and candidate text: never read as markup (a model-sent <img> would be shown).
        for label in (self.banner, self.last_answer, self.score_label):
            label.setTextFormat(Qt.TextFormat.PlainText)
        self.countdown_label = QLabel(objectName="countdownLabel", wordWrap=True)
        self.countdown_label.hide()
        self.reason_label = mark(QLabel(objectName="controlsReason", wordWrap=True), "reason")
        self.timer_label = QLabel("0:00", objectName="timerLabel")
        font = self.timer_label.font()
        font.setPointSize(font.pointSize() + 8)
        self.timer_label.setFont(font)
        self.level = LevelMeter()
        self.pace = PaceMeter()
        self.pace_label = QLabel(objectName="paceLabel")
        self.answer_button = primary(QPushButton(objectName="answerButton"))
        self.finish_button = QPushButton(objectName="finishButton")
        self.skip_button = QPushButton(objectName="skipButton")
        self.end_button = QPushButton(objectName="endButton")
        self.answer_button.clicked.connect(self.runner.answer)
        self.finish_button.clicked.connect(self.runner.finish)
        self.skip_button.clicked.connect(self.runner.skip)
        self.end_button.clicked.connect(self.runner.end)
        for button, name in (
            (self.answer_button, "start"),
            (self.finish_button, "finish"),
            (self.skip_button, "skip"),
            (self.end_button, "end"),
        ):
            button.setIcon(icon(name))
        for button in (self.answer_button, self.finish_button, self.skip_button, self.end_button):
            button.setFocusPolicy(Qt.FocusPolicy.TabFocus)  # Space belongs to the shortcut below
        self.space = QShortcut(QKeySequence(Qt.Key.Key_Space), self, self._space)

        top = QHBoxLayout()
        top.addWidget(self.progress_label)
        top.addStretch(1)
        top.addWidget(self.state_label)
        top.addSpacing(16)
        top.addWidget(self.backend_label)
        meters = QHBoxLayout()
        meters.addWidget(self.timer_label)
        meters.addSpacing(16)
        level_box = QVBoxLayout()
        self.level_caption = QLabel()
        level_box.addWidget(self.level_caption)
        level_box.addWidget(self.level)
        pace_box = QVBoxLayout()
        pace_box.addWidget(self.pace_label)
        pace_box.addWidget(self.pace)
        meters.addLayout(level_box, 1)
        meters.addSpacing(16)
        meters.addLayout(pace_box, 1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.answer_button)
        buttons.addWidget(self.finish_button)
        buttons.addWidget(self.skip_button)
        buttons.addStretch(1)
        buttons.addWidget(self.end_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(32, 20, 32, 20)
        layout.addLayout(top)
        layout.addWidget(card)
        layout.addWidget(self.banner)
        layout.addWidget(self.transcript, 1)
        layout.addWidget(self.countdown_label)
        layout.addWidget(self.last_answer)
        layout.addWidget(self.score_label)
        layout.addLayout(meters)
        layout.addLayout(buttons)
        layout.addWidget(self.reason_label)
        self.retranslate()
        self._update_controls()

    # -- labels -------------------------------------------------------------------------------------
    def retranslate(self) -> None:
        self.answer_button.setText(self.tr("Start answer"))
        self.finish_button.setText(self.tr("Finish answer (Space)"))
        self.skip_button.setText(self.tr("Skip question"))
        self.end_button.setText(self.tr("End interview"))
        self.level_caption.setText(self.tr("Microphone"))
        self.transcript.setPlaceholderText(self.tr("Your words appear here as you speak."))
        self._update_controls()
        self.backend_label.setText(self.tr("Speech: {backend}").replace("{backend}", self._backend_name()))
        if self.number:
            progress = self.tr("Question {n} of {total}").replace("{n}", str(self.main_number))
            follow_up = self.tr(" · follow-up") if self.follow_up else ""
            self.progress_label.setText(progress.replace("{total}", str(self.total)) + follow_up)
        elif self.state is SessionState.SETTING_UP:
            self.progress_label.setText(self.tr("Preparing questions…"))
        self.state_label.setText(self._state_text())
        self._show_pace()
        self._show_notices()

    def _backend_name(self) -> str:
        backend = self.ctx.preferences.stt_backend
        if backend not in ("google", "rtzr"):
            return self.tr("Whisper {model} on this computer").replace("{model}", self.ctx.preferences.speech_model)
        name = "Google Cloud" if backend == "google" else "RTZR"
        states = {
            "connecting": self.tr("connecting…"),
            "connected": self.tr("connected"),
            "reconnecting": self.tr("reconnecting…"),
            "failed": self.tr("on this computer for now"),
        }
        state = states.get(self.connection, "")
        return f"{name} · {state}" if state else name

    def _state_text(self) -> str:
        return turn_text(self.state, self.awaiting, self.interviewer_speaking)

    # -- starting -----------------------------------------------------------------------------------
    def start(self, config: InterviewConfig) -> None:
        self.config = config
        self.state = SessionState.SETTING_UP
        self.total = self.number = self.main_number = 0
        self.follow_up = False
        self.score_label.setText("")
        self.question.setText("")
        self.category.setText("")
        self.last_answer.setText("")
        self._notices.clear()
        self.guide.language = self.language
        self.guide.reset()
        self._reset_answer()
        self.retranslate()
        self.runner.start(config)
        self._update_controls()

    def preview(self, text: str, category: str, total: int) -> None:
        """Show a question without running an interview (screenshots)."""
        self.total, self.number, self.main_number = total, 1, 1
        self.state = SessionState.ASKING
        self.question.setText(text)
        self.category.setText(messages.text(f"category.{category}", self.language))
        self.retranslate()

    def _reset_answer(self) -> None:
        self.words = {}
        self.partial_words = ()
        self.audio_s = 0.0
        self.transcript.clear_answer()
        self.timer_label.setText("0:00")
        self.level.reset()

    # -- engine events ------------------------------------------------------------------------------
    def _on_event(self, event: InterviewEvent) -> None:
        self.guide.on_event(event)
        if isinstance(event, SessionStarted):
            self.total = event.question_count
        elif isinstance(event, StateChanged):
            self.state = event.state
            self.countdown_label.hide()
            if event.state is SessionState.LISTENING:
                self._reset_answer()
                self._show_notices()
            else:
                self.level.reset()  # no microphone in use: the meter rests
            self.state_label.setText(self._state_text())
            self._update_controls()
        elif isinstance(event, QuestionText):  # the interviewer model writing it: shown as it comes
            self.question.setText(event.text.strip())
            self.category.setText(self.tr("The interviewer is thinking…"))
        elif isinstance(event, QuestionAsked):
            self.number = event.number
            self.follow_up = event.kind == "follow_up"
            self.main_number += 0 if self.follow_up else 1
            self.question.setText(f"{event.lead_in} {event.text}" if event.lead_in else event.text)
            category = messages.text(f"category.{event.category}", self.language)
            self.category.setText(self.tr("Follow-up") if self.follow_up else category)
            self.retranslate()
        elif isinstance(event, ScoreUpdated):
            self.score_label.setText(
                self.tr(
                    "With the interviewer's verified evidence, your answer's content scores {score}/100 "
                    "(details in the review)"
                ).replace("{score}", str(event.content.score))
            )
        elif isinstance(event, TranscriptUpdated):
            self.transcript.add_event(event.event)
            if event.event.is_final:
                self.words[event.event.utterance_id] = event.event.words
                self.partial_words = ()
            else:
                self.partial_words = event.event.words
            self._show_pace()
        elif isinstance(event, FeedbackReady):
            self._last_answer_id = event.answer_id
            self._show_last_answer(event.metrics)
        elif isinstance(event, TranscriptStored) and event.answer_id == self._last_answer_id and event.metrics:
            self._show_last_answer(event.metrics)  # the figures of the transcript as stored, read again in full
        elif isinstance(event, RecognitionChanged):
            self.connection = event.state
            self.retranslate()
        elif isinstance(event, Notice):
            self._notices.append(event)
            self._show_notices()
        elif isinstance(event, ErrorRaised):
            self.ctx.errors.show(event.error)

    def _show_last_answer(self, m: AnswerMetrics) -> None:
        rate = (self.tr("{n} syllables/min") if m.language == "ko" else self.tr("{n} words/min")).replace(
            "{n}", f"{m.syllables_per_minute if m.language == 'ko' else m.words_per_minute:.0f}"
        )
        self.last_answer.setText(
            self.tr("Last answer: {rate} · {fillers} fillers · longest pause {pause} s")
            .replace("{rate}", rate)
            .replace("{fillers}", str(m.filler_count))
            .replace("{pause}", f"{m.longest_pause_s:.1f}")
        )

    def _on_awaiting(self, awaiting: bool) -> None:
        self.awaiting = awaiting
        self.state_label.setText(self._state_text())
        self._update_controls()

    def _on_frame(self, frame: AudioFrame) -> None:
        self.audio_s = frame.end_s
        seconds = int(self.audio_s)
        self.timer_label.setText(f"{seconds // 60}:{seconds % 60:02d}")
        self.level.set_level(frame.level_dbfs())
        if int(frame.end_s * 10) % 5 == 0:  # twice a second is plenty for a pace figure
            self._show_pace()

    def _on_countdown(self, seconds: float | None) -> None:
        if seconds is None:
            self.countdown_label.hide()
            return
        self.countdown_label.setText(
            self.tr("Silence: ending your answer in {s} s. Keep talking to go on.").replace("{s}", f"{seconds:.0f}")
        )
        self.countdown_label.show()

    def _on_speaking(self, speaking: bool) -> None:
        self.interviewer_speaking = speaking
        self.state_label.setText(self._state_text())

    def _on_model(self, progress: ModelProgress) -> None:
        self._show_notices()

    def _on_ended(self, session_id: int, state: SessionState) -> None:
        self.state = state
        self.awaiting = False
        self._update_controls()
        if session_id:
            self.sessionEnded.emit(session_id)

    # -- display ------------------------------------------------------------------------------------
    def _show_pace(self) -> None:
        language = self.config.language if self.config else self.language  # before an interview: the UI's
        heard = [w for utterance in sorted(self.words) for w in self.words[utterance]]
        pace = live_pace([*heard, *self.partial_words], language, self.audio_s)
        self.pace.set_pace(pace)
        low, high = pace.band
        unit = self.tr("syllables/min") if pace.unit == "spm" else self.tr("words/min")
        if pace.verdict is PaceVerdict.UNKNOWN:
            text = self.tr("Pace (target {low}–{high} {unit})")
        else:
            verdicts = {
                PaceVerdict.SLOW: self.tr("a little slow"),
                PaceVerdict.GOOD: self.tr("good"),
                PaceVerdict.FAST: self.tr("a little fast"),
            }
            text = self.tr("Pace {rate} {unit}: {verdict} (target {low}–{high})")
            text = text.replace("{rate}", f"{pace.rate:.0f}").replace("{verdict}", verdicts[pace.verdict])
        self.pace_label.setText(
            text.replace("{low}", f"{low:.0f}").replace("{high}", f"{high:.0f}").replace("{unit}", unit)
        )

    def _show_notices(self) -> None:
        lines = [notice.message(self.language) for notice in self._notices]
        progress = self.ctx.model_progress
        if self.state is SessionState.LISTENING and progress.stage is not ModelStage.READY:
            lines.append(
                self.tr(
                    "The speech model is still loading ({percent}%). Keep talking: your answer is being "
                    "recorded and will be transcribed as soon as the model is ready."
                ).replace("{percent}", str(round(progress.fraction * 100)))
            )
        self.banner.setText("\n".join(lines))
        self.banner.setVisible(bool(lines))

    def _update_controls(self) -> None:
        running = self.runner.running
        reasons = {
            self.answer_button: start_reason(running, self.state, self.awaiting),
            self.skip_button: start_reason(running, self.state, self.awaiting),
            self.finish_button: finish_reason(running, self.state),
            self.end_button: end_reason(running),
        }
        for button, reason in reasons.items():
            button.setEnabled(not reason)
            button.setToolTip(reason)  # a control that is off says why
        # Under the buttons: why Start answer, the control the candidate looks for, is off.
        self.reason_label.setText(reasons[self.answer_button])

    def _space(self) -> None:
        if self.finish_button.isEnabled():
            self.runner.finish()
        elif self.answer_button.isEnabled():
            self.runner.answer()
