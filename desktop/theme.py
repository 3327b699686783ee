"""Light or dark: follows the system unless the user picked one (Qt 6.8's colour-scheme hint)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from engine.preferences import Theme

_SCHEMES = {
    Theme.SYSTEM: Qt.ColorScheme.Unknown,  # Unknown = "no override": the platform's own scheme
    Theme.LIGHT: Qt.ColorScheme.Light,
    Theme.DARK: Qt.ColorScheme.Dark,
}


def apply_theme(app: QApplication, theme: Theme) -> None:
    # Fusion honours the colour scheme on every OS (the native Windows style ignores dark mode).
    if app.style().name().lower() != "fusion":
        app.setStyle("Fusion")
    app.styleHints().setColorScheme(_SCHEMES[theme])


def is_dark(app: QApplication) -> bool:
    return app.palette().window().color().lightness() < 128
