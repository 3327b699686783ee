"""Light or dark: follows the system unless the user picked one.

Qt 6.8's colour-scheme hint is honoured only where the platform theme supports it (Windows, macOS, some
Linux desktops; not the offscreen platform), so an explicit choice also sets a Fusion palette of that
scheme: "Dark" is dark everywhere.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication

from engine.config.preferences import Theme

_SCHEMES = {
    Theme.SYSTEM: Qt.ColorScheme.Unknown,  # Unknown = "no override": the platform's own scheme
    Theme.LIGHT: Qt.ColorScheme.Light,
    Theme.DARK: Qt.ColorScheme.Dark,
}


def _dark_palette() -> QPalette:
    palette = QPalette()
    role = QPalette.ColorRole
    colours = {
        role.Window: "#2b2b2e",
        role.WindowText: "#e8e8ea",
        role.Base: "#1f1f22",
        role.AlternateBase: "#2b2b2e",
        role.Text: "#e8e8ea",
        role.Button: "#35353a",
        role.ButtonText: "#e8e8ea",
        role.Highlight: "#3d7bd9",
        role.HighlightedText: "#ffffff",
        role.ToolTipBase: "#35353a",
        role.ToolTipText: "#e8e8ea",
        role.PlaceholderText: "#8d8d93",
        role.Link: "#6ea8ff",
        role.Mid: "#4a4a50",
        role.Light: "#4a4a50",
        role.Dark: "#18181a",
    }
    for colour_role, colour in colours.items():
        palette.setColor(colour_role, QColor(colour))
    for colour_role in (role.WindowText, role.Text, role.ButtonText):
        palette.setColor(QPalette.ColorGroup.Disabled, colour_role, QColor("#77777d"))
    return palette


def apply_theme(app: QApplication, theme: Theme) -> None:
    # Fusion honours palettes and the colour scheme on every OS (the native Windows style ignores dark mode).
    if app.style().name().lower() != "fusion":
        app.setStyle("Fusion")
    app.styleHints().setColorScheme(_SCHEMES[theme])
    if theme is Theme.DARK:
        app.setPalette(_dark_palette())
    else:
        # Light, or the system's: Fusion's standard palette, which follows the platform's scheme.
        app.setPalette(app.style().standardPalette())


def is_dark(app: QApplication) -> bool:
    return app.palette().window().color().lightness() < 128
