"""History: stored interviews in a sortable table, full-text search over questions and answers, the trend
as one small chart per metric, the weak-spot drill, delete; before the first interview, a way to start one."""

from __future__ import annotations

import asyncio
from typing import Any

from PySide6.QtCore import QModelIndex, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from desktop.context import AppContext
from desktop.pages.base import Page, heading
from desktop.theme import SPACE_M, SPACE_S, SUBHEADING
from desktop.widgets.drill_queue import DrillQueuePanel
from desktop.widgets.history_table import HistoryTable
from desktop.widgets.history_welcome import HistoryWelcome
from desktop.widgets.trend_chart import TrendChart
from engine.interview.state import SessionState
from engine.practice.asking import drill_queue
from engine.storage.records import SearchHit, SessionRow

SEARCH_DELAY_MS = 250  # search as the user types, once they pause
DRILL_ROWS = 4  # the drill's list shows this many rows at most; it scrolls for more


class HistoryPage(Page):
    openSession = Signal(int)
    refreshed = Signal(str, int)  # the table now answers this search, with this many rows
    deleted = Signal(int)
    drillRequested = Signal(str)  # the language of the queue shown: its questions due are drilled
    startRequested = Signal()  # from the empty state: set up a first interview

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
        self.table = HistoryTable()
        self.table.activated.connect(self._open_index)  # double-click or Enter
        self.table.itemSelectionChanged.connect(self._update_buttons)
        self.open_button = QPushButton(objectName="openButton")
        self.delete_button = QPushButton(objectName="deleteButton")
        self.open_button.clicked.connect(self._open_selected)
        self.delete_button.clicked.connect(self._ask_delete)
        self.chart = TrendChart()
        self.chart_language = QComboBox(objectName="chartLanguageBox")
        self.chart_language.addItem("English", "en")
        self.chart_language.addItem("한국어", "ko")
        self._chart_language_chosen = False  # until the user picks, the chart shows the newest session's language
        self.chart_language.activated.connect(self._chart_language_picked)
        self.chart_language_label = QLabel(objectName="chartLanguageLabel")
        self.chart_language_label.setBuddy(self.chart_language)
        self.chart_title = heading(SUBHEADING)
        self.drill = DrillQueuePanel()
        self.drill.drillRequested.connect(lambda: self.drillRequested.emit(self.chart_language.currentData()))
        self.drill.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        self.empty = QLabel(objectName="historyEmpty", wordWrap=True)
        self.empty.setTextFormat(Qt.TextFormat.PlainText)  # it repeats what was typed in the search
        self.welcome = HistoryWelcome()
        self.list_language = QComboBox(objectName="listLanguageBox")  # the table's own filter: all by default
        self.list_language.addItem("", "")
        self.list_language.addItem("English", "en")
        self.list_language.addItem("한국어", "ko")
        self.list_language.currentIndexChanged.connect(self._fill)
        self.list_language_label = QLabel(objectName="listLanguageLabel")
        self.list_language_label.setBuddy(self.list_language)
        self.welcome.startRequested.connect(self.startRequested)

        self.trend = QWidget(objectName="trendSection")
        chart_top = QHBoxLayout()
        chart_top.addWidget(self.chart_title, 1)
        chart_top.addWidget(self.chart_language_label)
        chart_top.addWidget(self.chart_language)
        trend = QVBoxLayout(self.trend)
        trend.setContentsMargins(0, 0, 0, 0)
        trend.setSpacing(SPACE_S)
        trend.addLayout(chart_top)
        trend.addWidget(self.chart, 1)
        self.listing = QWidget(objectName="sessionsSection")
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.delete_button)
        buttons.addWidget(self.open_button)
        listing = QVBoxLayout(self.listing)
        listing.setContentsMargins(0, 0, 0, 0)
        listing.setSpacing(SPACE_S)
        search_row = QHBoxLayout()
        search_row.addWidget(self.search, 1)
        search_row.addWidget(self.list_language_label)
        search_row.addWidget(self.list_language)
        listing.addLayout(search_row)
        listing.addWidget(self.empty)
        listing.addWidget(self.table, 1)
        listing.addLayout(buttons)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(32, 20, 32, 20)
        layout.setSpacing(SPACE_M)
        layout.addWidget(self.title)
        layout.addWidget(self.welcome, 1)
        layout.addWidget(self.trend, 3)
        layout.addWidget(self.drill)
        layout.addWidget(self.listing, 4)
        ctx.historyChanged.connect(self.refresh)
        self.retranslate()
        self._update_buttons()

    def retranslate(self) -> None:
        self.title.setText(self.tr("History"))
        self.search.setPlaceholderText(self.tr("Search questions and answers…"))
        self.open_button.setText(self.tr("Open review"))
        self.delete_button.setText(self.tr("Delete…"))
        self.chart_title.setText(self.tr("Your progress over sessions"))
        self.chart_language_label.setText(self.tr("Language"))
        self.list_language_label.setText(self.tr("Show"))
        self.list_language.setItemText(0, self.tr("All languages"))
        self.table.retranslate()
        self.welcome.retranslate()
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
        self._fill()
        self.refreshed.emit(query, self.table.rowCount())

    def _chart_language_picked(self) -> None:
        self._chart_language_chosen = True
        self.ctx.tasks.spawn(self._load_trend(), "trend")

    async def _load_trend(self) -> None:
        if not self._chart_language_chosen and self.sessions:
            self.chart_language.setCurrentIndex(max(0, self.chart_language.findData(self.sessions[0].language)))
        rows = await self.ctx.store.trend()
        language = self.chart_language.currentData()
        self.chart.set_rows(rows, language)
        # The drill's queue of the language shown: its button drills that language's questions.
        self.drill.show_queue(await drill_queue(self.ctx.store, language), self.language)
        self.drill.setVisible(bool(self.sessions))

    def _fill(self) -> None:
        shown = self.list_language.currentData()
        rows = [row for row in self.sessions if not shown or row.language == shown]
        self.table.show_rows(rows, self.hits, self.language)
        first_time = not self.sessions  # nothing stored yet: no axes, no empty table, a way to start
        self.welcome.setVisible(first_time)
        self.trend.setVisible(not first_time)
        self.listing.setVisible(not first_time)
        self.drill.setVisible(not first_time or bool(self.drill.items))
        self._fit_drill_list()
        if self.hits is not None and not self.table.rowCount():
            self.empty.setText(self.tr("No interview matches “{query}”.").replace("{query}", self.search.text()))
        else:
            self.empty.setText("")
        self.empty.setVisible(bool(self.empty.text()))
        self._update_buttons()

    def _fit_drill_list(self) -> None:
        """The drill's list as tall as its rows (up to DRILL_ROWS), so the table below keeps the room."""
        shown = self.drill.list
        rows = min(shown.count(), DRILL_ROWS)
        if rows:
            shown.setFixedHeight(shown.sizeHintForRow(0) * rows + 2 * shown.frameWidth() + 2)

    def _update_buttons(self) -> None:
        selected = self._selected_id()
        self.open_button.setEnabled(selected is not None)
        self.delete_button.setEnabled(selected is not None and not self._is_running(selected))

    def _selected_id(self) -> int | None:
        return self.table.selected_id()

    def _is_running(self, session_id: int | None) -> bool:
        active = {s.value for s in SessionState if not s.is_terminal}
        return any(row.id == session_id and row.status in active for row in self.sessions)

    def select(self, session_id: int) -> None:
        self.table.select(session_id)

    # -- actions ------------------------------------------------------------------------------------
    def _open_index(self, index: QModelIndex) -> None:
        session_id = self.table.session_id(index.row())
        if session_id is not None:
            self.openSession.emit(session_id)

    def _open_selected(self) -> None:
        session_id = self._selected_id()
        if session_id is not None:
            self.openSession.emit(session_id)

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
