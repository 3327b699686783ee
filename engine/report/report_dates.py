"""Stored times (ISO 8601, UTC) as the report prints them: in the computer's own time zone, year first, so a
report's dates match the ones History shows for the same sessions (desktop/widgets/history_dates.py)."""

from __future__ import annotations

from datetime import UTC, datetime


def _local(created_at: str) -> datetime | None:
    try:
        moment = datetime.fromisoformat(created_at)
    except ValueError:
        return None
    if moment.tzinfo is None:  # stored without an offset: the store writes UTC
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone()


def local_date(created_at: str) -> str:
    """YYYY-MM-DD; the stored text's own date when it is not ISO 8601."""
    moment = _local(created_at)
    return moment.strftime("%Y-%m-%d") if moment else created_at[:10]


def local_when(created_at: str) -> str:
    """YYYY-MM-DD HH:MM."""
    moment = _local(created_at)
    return moment.strftime("%Y-%m-%d %H:%M") if moment else created_at[:16].replace("T", " ")
