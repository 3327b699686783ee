"""History's table of stored interviews: one row each, with headers, sortable by any column; while searching,
a last column shows where the words were found."""

from __future__ import annotations

import html
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableWidget, QTableWidgetItem, QWidget

from desktop.widgets.history_dates import date_and_time
from engine import messages
from engine.storage.records import SearchHit, SessionRow

NUMBER, DATE, LANGUAGE, ROLE, STATUS, ANSWERED, PACE, FOUND = range(8)
ID_ROLE = Qt.ItemDataRole.UserRole  # the session id, on every cell of its row
LEAD = 24  # characters of a snippet shown before the match; the cell's tooltip has it all


def near_match(snippet: str) -> str:
    """The snippet from a little before its [match], so a narrow cell still shows the words found."""
    start = snippet.find("[")
    return snippet if start <= LEAD else "…" + snippet[start - LEAD :].lstrip()


class SortItem(QTableWidgetItem):
    """A read-only cell that sorts by its key (a number, a time, a tuple), not by the text shown."""

    def __init__(self, text: str, key: Any, session_id: int) -> None:
        super().__init__(text)
        self.key = key
        self.setData(ID_ROLE, session_id)
        self.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)

    def __lt__(self, other: QTableWidgetItem) -> bool:
        if isinstance(other, SortItem):
            return bool(self.key < other.key)
        return super().__lt__(other)


class HistoryTable(QTableWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(0, FOUND + 1, parent)
        self.setObjectName("sessionTable")
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setAlternatingRowColors(True)
        self.setShowGrid(False)
        self.setWordWrap(False)
        self.verticalHeader().hide()
        header = self.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(ROLE, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(FOUND, QHeaderView.ResizeMode.Stretch)
        header.setHighlightSections(False)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        self.setSortingEnabled(True)
        self.sortByColumn(NUMBER, Qt.SortOrder.DescendingOrder)  # newest first, until the user sorts
        self.setColumnHidden(FOUND, True)
        self.retranslate()

    def retranslate(self) -> None:
        self.setHorizontalHeaderLabels(
            [
                "#",
                self.tr("Date"),
                self.tr("Language"),
                self.tr("Role"),
                self.tr("Status"),
                self.tr("Answered"),
                self.tr("Pace"),
                self.tr("Found"),
            ]
        )
        self.horizontalHeaderItem(ANSWERED).setToolTip(self.tr("Questions answered, of those asked"))
        self.horizontalHeaderItem(PACE).setToolTip(
            self.tr("Average speaking pace: words a minute in English, syllables a minute in Korean")
        )

    def show_rows(self, rows: list[SessionRow], hits: dict[int, SearchHit] | None, language: str) -> None:
        """Show `rows` (only the search's hits while searching), keeping the selected interview selected."""
        keep = self.selected_id()
        self.setSortingEnabled(False)  # filling a sorting table moves rows under the loop's feet
        self.clearSelection()
        shown = [row for row in rows if hits is None or row.id in hits]
        self.setRowCount(len(shown))
        for index, row in enumerate(shown):
            hit = hits.get(row.id) if hits is not None else None
            for column, item in enumerate(self._cells(row, hit, language)):
                self.setItem(index, column, item)
        self.setColumnHidden(FOUND, hits is None)
        # While searching, the words found take the room a role would.
        role_width = QHeaderView.ResizeMode.Stretch if hits is None else QHeaderView.ResizeMode.ResizeToContents
        self.horizontalHeader().setSectionResizeMode(ROLE, role_width)
        self.setSortingEnabled(True)  # sorts again by the column and order the user chose
        if keep is not None:
            self.select(keep)

    def _cells(self, row: SessionRow, hit: SearchHit | None, language: str) -> list[SortItem]:
        korean = row.language == "ko"
        unit = self.tr("syllables/min") if korean else self.tr("words/min")
        pace = f"{row.pace:.0f} {unit}" if row.pace is not None else "—"
        answered = self.tr("{answers} of {questions}").replace("{answers}", str(row.answers))
        language_name = messages.text("language.ko" if korean else "language.en", language)
        status = messages.text(f"state.{row.status}", language)
        snippet = hit.snippet.replace("\n", " ") if hit is not None else ""
        cells = [
            SortItem(f"#{row.id}", row.id, row.id),
            SortItem(date_and_time(row.created_at), (row.created_at, row.id), row.id),
            SortItem(language_name, language_name, row.id),
            SortItem(row.role, (row.role.casefold(), row.id), row.id),
            SortItem(status, status, row.id),
            SortItem(answered.replace("{questions}", str(row.questions)), (row.answers, row.questions), row.id),
            SortItem(pace, row.pace if row.pace is not None else -1.0, row.id),
            SortItem(snippet, hit.matches if hit is not None else 0, row.id),
        ]
        cells[PACE].setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        cells[ROLE].setToolTip(html.escape(row.role))  # a tooltip reads markup: the text as typed
        cells[FOUND].setText(near_match(snippet))
        cells[FOUND].setToolTip(html.escape(snippet))
        return cells

    # -- selection ----------------------------------------------------------------------------------
    def selected_id(self) -> int | None:
        rows = self.selectionModel().selectedRows()
        return self.session_id(rows[0].row()) if rows else None

    def session_id(self, row: int) -> int | None:
        item = self.item(row, NUMBER)
        return int(item.data(ID_ROLE)) if item is not None else None

    def select(self, session_id: int) -> None:
        for row in range(self.rowCount()):
            if self.session_id(row) == session_id:
                self.selectRow(row)
                return

    def row_text(self, row: int) -> str:
        """The row's visible cells, as one line (tests, and what a screen reader would say)."""
        cells = (self.item(row, c) for c in range(self.columnCount()) if not self.isColumnHidden(c))
        return "  ·  ".join(item.text() for item in cells if item is not None and item.text())
