"""History: stored interviews, full-text search over questions and answers, the trend, delete."""

from __future__ import annotations

import asyncio
from typing import Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.context import AppContext
from desktop.pages.base import Page, heading
from desktop.widgets.drill_queue import DrillQueuePanel
from desktop.widgets.trend_chart import TrendChart
from engine import messages
from engine.interview.state import SessionState
from engine.practice.asking import drill_queue
from engine.storage.records import SearchHit, SessionRow

SEARCH_DELAY_MS = 250  # search as the user types, once they pause


class HistoryPage(Page):
    openSession = Signal(int)
    refreshed = Signal(str, int)  # the list now answers this search, with this many rows
    deleted = Signal(int)
    drillRequested = Signal()

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.setObjectName("historyPage")
        self.sessions: list[SessionRow] = []
        self.hits: dict[int, SearchHit] | None = None  # None: not searching
        self._loading: asyncio.Task[Any] | None = None
        self.confirm_box: QMessageBox | None = None
        self.title = heading()
        self.search = QLineEdit(objectName="searchEdit")
        self.search.setClearButtonEnabled(True)
        self._search_timer = QTimer(self, singleShot=True, interval=SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self.refresh)
        self.search.textChanged.connect(self._search_timer.start)
        self.list = QListWidget(objectName="sessionList")
        self.list.itemActivated.connect(self._open_item)
        self.list.currentItemChanged.connect(self._update_buttons)
        self.open_button = QPushButton(objectName="openButton")
        self.delete_button = QPushButton(objectName="deleteButton")
        self.open_button.clicked.connect(lambda: self._open_item(self.list.currentItem()))
        self.delete_button.clicked.connect(self._ask_delete)
        self.chart = TrendChart()
        self.chart_language = QComboBox(objectName="chartLanguageBox")
        self.chart_language.addItem("English", "en")
        self.chart_language.addItem("한국어", "ko")
        self._chart_language_chosen = False  # until the user picks, the chart shows the newest session's language
        self.chart_language.activated.connect(self._chart_language_picked)
        self.chart_title = QLabel()
        self.drill = DrillQueuePanel()
        self.drill.drillRequested.connect(self.drillRequested)
        self.empty = QLabel(objectName="historyEmpty", wordWrap=True)
        self.empty.setTextFormat(Qt.TextFormat.PlainText)  # it repeats what was typed in the search

        chart_top = QHBoxLayout()
        chart_top.addWidget(self.chart_title, 1)
        chart_top.addWidget(self.chart_language)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.delete_button)
        buttons.addWidget(self.open_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(32, 20, 32, 20)
        layout.addWidget(self.title)
        layout.addLayout(chart_top)
        layout.addWidget(self.chart, 2)
        layout.addWidget(self.drill)
        layout.addWidget(self.search)
        layout.addWidget(self.empty)
        layout.addWidget(self.list, 3)
        layout.addLayout(buttons)
        ctx.historyChanged.connect(self.refresh)
        self.retranslate()
        self._update_buttons()

    def retranslate(self) -> None:
        self.title.setText(self.tr("History"))
        self.search.setPlaceholderText(self.tr("Search questions and answers…"))
        self.open_button.setText(self.tr("Open review"))
        self.delete_button.setText(self.tr("Delete…"))
        self.chart_title.setText(self.tr("Your progress over sessions"))
        self._fill()

    # -- data ---------------------------------------------------------------------------------------
    def refresh(self) -> None:
        if self._loading is not None:
            self._loading.cancel()  # the user typed on: the earlier search stops, on the database thread too
        self._loading = self.ctx.tasks.spawn(self._load(), "history-refresh")

    async def _load(self) -> None:
        query = self.search.text().strip()
        self.sessions = await self.ctx.store.list_sessions()
        if query:
            self.hits = {hit.session_id: hit for hit in await self.ctx.store.search(query)}
        else:
            self.hits = None
        await self._load_trend()
        self.drill.show_queue(await drill_queue(self.ctx.store), self.language)
        self._fill()
        self.refreshed.emit(query, self.list.count())

    def _chart_language_picked(self) -> None:
        self._chart_language_chosen = True
        self.ctx.tasks.spawn(self._load_trend(), "trend")

    async def _load_trend(self) -> None:
        if not self._chart_language_chosen and self.sessions:
            self.chart_language.setCurrentIndex(max(0, self.chart_language.findData(self.sessions[0].language)))
        rows = await self.ctx.store.trend()
        self.chart.set_rows(rows, self.chart_language.currentData())

    def _fill(self) -> None:
        current = self.list.currentItem()
        keep = current.data(Qt.ItemDataRole.UserRole) if current else None
        self.list.clear()
        for row in self.sessions:
            if self.hits is not None and row.id not in self.hits:
                continue
            item = QListWidgetItem(self._describe(row))
            item.setData(Qt.ItemDataRole.UserRole, row.id)
            self.list.addItem(item)
            if row.id == keep:
                self.list.setCurrentItem(item)
        if self.hits is not None and not self.list.count():
            self.empty.setText(self.tr("No interview matches “{query}”.").replace("{query}", self.search.text()))
        elif not self.sessions:
            self.empty.setText(self.tr("No interviews yet. Your practice sessions will appear here."))
        else:
            self.empty.setText("")
        self.empty.setVisible(bool(self.empty.text()))
        self._update_buttons()

    def _describe(self, row: SessionRow) -> str:
        korean = row.language == "ko"
        unit = self.tr("syllables/min") if korean else self.tr("words/min")
        parts = [
            f"#{row.id}",
            row.when,
            messages.text("language.ko" if korean else "language.en", self.language),
            row.role or self.tr("(no role)"),
            messages.text(f"state.{row.status}", self.language),
            self.tr("{answers}/{questions} answered")
            .replace("{answers}", str(row.answers))
            .replace("{questions}", str(row.questions)),
        ]
        if row.pace is not None:
            parts.append(f"{row.pace:.0f} {unit}")
        text = "  ·  ".join(parts)
        hit = (self.hits or {}).get(row.id)
        if hit is not None:
            text += "\n    " + hit.snippet.replace("\n", " ")
        return text

    def _update_buttons(self) -> None:
        selected = self.list.currentItem() is not None
        self.open_button.setEnabled(selected)
        self.delete_button.setEnabled(selected and not self._is_running(self._selected_id()))

    def _selected_id(self) -> int | None:
        item = self.list.currentItem()
        return int(item.data(Qt.ItemDataRole.UserRole)) if item else None

    def _is_running(self, session_id: int | None) -> bool:
        active = {s.value for s in SessionState if not s.is_terminal}
        return any(row.id == session_id and row.status in active for row in self.sessions)

    def select(self, session_id: int) -> None:
        for i in range(self.list.count()):
            if self.list.item(i).data(Qt.ItemDataRole.UserRole) == session_id:
                self.list.setCurrentRow(i)

    # -- actions ------------------------------------------------------------------------------------
    def _open_item(self, item: QListWidgetItem | None) -> None:
        if item is not None:
            self.openSession.emit(int(item.data(Qt.ItemDataRole.UserRole)))

    def _ask_delete(self) -> None:
        session_id = self._selected_id()
        if session_id is None:
            return
        box = QMessageBox(
            QMessageBox.Icon.Question,
            self.tr("Delete interview?"),
            self.tr("Delete interview #{id} with its transcripts and recordings? This cannot be undone.").replace(
                "{id}", str(session_id)
            ),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            self,
        )
        box.setObjectName("confirmDelete")
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        # A message box finishes with the standard button's value, not QDialog.Accepted.
        box.finished.connect(lambda result: self._confirmed(session_id, result))
        self.confirm_box = box
        box.open()  # not exec(): no nested event loop inside the asyncio loop

    def _confirmed(self, session_id: int, result: int) -> None:
        if result == QMessageBox.StandardButton.Yes.value:
            self.ctx.tasks.spawn(self._delete(session_id), f"delete-{session_id}")

    async def _delete(self, session_id: int) -> None:
        await self.ctx.store.delete_session(session_id)
        self.deleted.emit(session_id)
        self.ctx.historyChanged.emit()
