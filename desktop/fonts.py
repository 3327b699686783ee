"""Fonts bundled in resources/fonts, so Korean renders on every machine (NanumSquare, SIL OFL 1.1)."""

from __future__ import annotations

import logging

from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication

from engine.runtime.resources import resource_path

log = logging.getLogger(__name__)

BUNDLED = ("NanumSquareR.ttf", "NanumSquareB.ttf")


def install_fonts(app: QApplication) -> list[str]:
    """Register the bundled fonts and put them after the system font as a fallback for Hangul."""
    families: list[str] = []
    for name in BUNDLED:
        font_id = QFontDatabase.addApplicationFont(str(resource_path("fonts", name)))
        if font_id < 0:
            log.warning("bundled font %s could not be loaded", name)
            continue
        families.extend(f for f in QFontDatabase.applicationFontFamilies(font_id) if f not in families)
    font = QFont(app.font())
    # The system's own UI font first (it may well cover Hangul); the bundled font catches what it lacks.
    font.setFamilies([app.font().family(), *families])
    app.setFont(font)
    return families
