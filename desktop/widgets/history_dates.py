"""Stored times (ISO 8601 in UTC) as the candidate reads them in History: in their own time zone."""

from __future__ import annotations

from PySide6.QtCore import QDateTime, QLocale, Qt

from engine.storage.records import when


def local_time(created_at: str) -> QDateTime:
    """The stored moment in the computer's time zone; invalid when the text is not ISO 8601."""
    moment = QDateTime.fromString(created_at, Qt.DateFormat.ISODateWithMs)
    if not moment.isValid():
        moment = QDateTime.fromString(created_at, Qt.DateFormat.ISODate)
    return moment.toLocalTime() if moment.isValid() else moment


def date_and_time(created_at: str) -> str:
    """Year first, so the table's date column reads (and sorts) the same in every language."""
    moment = local_time(created_at)
    return moment.toString("yyyy-MM-dd HH:mm") if moment.isValid() else when(created_at)


def short_date(created_at: str, pattern: str) -> str:
    """A chart label: `pattern` is a Qt date format chosen by the translation ("MMM d", "M월 d일")."""
    moment = local_time(created_at)
    return QLocale().toString(moment.date(), pattern) if moment.isValid() else created_at[5:10]
