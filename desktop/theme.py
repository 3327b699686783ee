"""The design system, applied in one place: colour tokens for light and dark, a type scale, spacing, and the
style sheet that gives buttons (primary and secondary), cards, headings and muted text their look.

Light or dark follows the system unless the user picked one. Qt 6.8's colour-scheme hint is honoured only
where the platform theme supports it (Windows, macOS, some Linux desktops; not the offscreen platform), so
the scheme's palette is also set on Fusion, which honours palettes on every OS: "Dark" is dark everywhere.
Every text colour meets WCAG AA (4.5:1) on the surfaces it is used on; tests check the pairs.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QIcon, QPalette
from PySide6.QtWidgets import QApplication, QPushButton, QStyle, QWidget

from engine.config.preferences import Theme

_SCHEMES = {
    Theme.SYSTEM: Qt.ColorScheme.Unknown,  # Unknown = "no override": the platform's own scheme
    Theme.LIGHT: Qt.ColorScheme.Light,
    Theme.DARK: Qt.ColorScheme.Dark,
}

# Type scale: points added to the system font (which follows the user's accessibility setting).
TITLE, HEADING, SUBHEADING, BODY, SMALL = 8, 4, 2, 0, -1
# Spacing, in pixels: the only gaps the layouts use.
SPACE_XS, SPACE_S, SPACE_M, SPACE_L, SPACE_XL = 4, 8, 16, 24, 32


@dataclass(frozen=True, slots=True)
class Tokens:
    window: str  # the page behind everything
    card: str  # raised surfaces: question and answer cards, group boxes
    border: str
    text: str
    muted: str  # secondary text (captions, dates): still AA on window and card
    accent: str  # primary buttons, links, the current navigation item
    on_accent: str  # text on the accent
    good: str  # text that says something went well
    warn: str  # text that asks for attention
    bad: str
    notice_bg: str  # a notice banner
    notice_text: str
    filler: str  # the highlight behind a filler word
    playing: str  # the highlight behind the word being replayed


LIGHT = Tokens(
    window="#f5f6f8",
    card="#ffffff",
    border="#d5d8de",
    text="#1c1f24",
    muted="#596070",
    accent="#1f5fbf",
    on_accent="#ffffff",
    good="#1d7a45",
    warn="#9a4a00",
    bad="#b3261e",
    notice_bg="#fff4ce",
    notice_text="#4a3b00",
    filler="#f8d66d",
    playing="#b9d4ff",
)
DARK = Tokens(
    window="#232427",
    card="#2d2f33",
    border="#45484f",
    text="#ececef",
    muted="#b0b4bd",
    accent="#5b9bff",
    on_accent="#0d1b2e",
    good="#6fd39a",
    warn="#f0b25a",
    bad="#ff8a80",
    notice_bg="#4a3b00",
    notice_text="#fff4ce",
    filler="#7a6414",
    playing="#24508f",
)


def tokens(app: QApplication | None = None) -> Tokens:
    """The tokens of the scheme on screen."""
    found = app or QApplication.instance()
    return DARK if isinstance(found, QApplication) and is_dark(found) else LIGHT


def _luminance(colour: str) -> float:
    def channel(c: float) -> float:
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    q = QColor(colour)
    return 0.2126 * channel(q.redF()) + 0.7152 * channel(q.greenF()) + 0.0722 * channel(q.blueF())


def contrast(foreground: str, background: str) -> float:
    """WCAG 2 contrast ratio of two colours (1 to 21); AA asks 4.5 for body text, 3 for large text."""
    a, b = sorted((_luminance(foreground), _luminance(background)), reverse=True)
    return (a + 0.05) / (b + 0.05)


def _palette(t: Tokens, base: QPalette) -> QPalette:
    palette = QPalette(base)
    role = QPalette.ColorRole
    colours = {
        role.Window: t.window,
        role.WindowText: t.text,
        role.Base: t.card,
        role.AlternateBase: t.window,
        role.Text: t.text,
        role.Button: t.card,
        role.ButtonText: t.text,
        role.Highlight: t.accent,
        role.HighlightedText: t.on_accent,
        role.ToolTipBase: t.card,
        role.ToolTipText: t.text,
        role.PlaceholderText: t.muted,
        role.Link: t.accent,
        role.Mid: t.border,
    }
    for colour_role, colour in colours.items():
        palette.setColor(colour_role, QColor(colour))
    for colour_role in (role.WindowText, role.Text, role.ButtonText):
        palette.setColor(QPalette.ColorGroup.Disabled, colour_role, QColor(t.muted))
    return palette


def style_sheet(t: Tokens) -> str:
    """Buttons, cards, headings and muted text; everything else is Fusion's, on the tokens' palette."""
    return f"""
QPushButton {{ min-height: 20px; padding: 5px 14px; border: 1px solid {t.border}; border-radius: 6px;
  background: {t.card}; color: {t.text}; }}
QPushButton:hover {{ border-color: {t.accent}; }}
QPushButton:disabled {{ color: {t.muted}; background: {t.window}; }}
QPushButton[role="primary"] {{ background: {t.accent}; color: {t.on_accent}; border: 1px solid {t.accent};
  font-weight: bold; min-height: 24px; padding: 7px 22px; }}
QPushButton[role="primary"]:disabled {{ background: {t.border}; color: {t.muted}; border-color: {t.border}; }}
QFrame#questionCard, QFrame#answerCard, QFrame#summaryCard {{ background: {t.card}; border: 1px solid {t.border};
  border-radius: 10px; }}
QGroupBox {{ background: {t.card}; border: 1px solid {t.border}; border-radius: 8px; margin-top: 22px;
  padding: 10px; }}
QGroupBox::title {{ subcontrol-origin: margin; left: 4px; padding: 0 4px; font-weight: bold; }}
QLabel[role="muted"] {{ color: {t.muted}; }}
QLabel[role="state"] {{ color: {t.accent}; font-weight: bold; }}
QLabel[role="reason"] {{ color: {t.muted}; font-style: italic; }}
QLabel#noticeBanner {{ background: {t.notice_bg}; color: {t.notice_text}; padding: 8px; border-radius: 6px; }}
QLabel#countdownLabel, QLabel#turnClock {{ color: {t.warn}; font-weight: bold; }}
QListWidget#navigation {{ border: none; padding-top: 16px; background: {t.card}; font-size: 11pt; }}
QListWidget#navigation::item {{ padding: 10px 18px; }}
QListWidget#navigation::item:selected {{ background: {t.accent}; color: {t.on_accent}; }}
"""


def mark(widget: QWidget, role: str) -> QWidget:
    """Give a widget a role of the style sheet ("primary", "muted", "state", "reason"), restyled now."""
    widget.setProperty("role", role)
    widget.style().unpolish(widget)
    widget.style().polish(widget)
    return widget


def primary(button: QPushButton) -> QPushButton:
    mark(button, "primary")
    return button


# The icons: the style's own standard pixmaps, drawn for every platform and scheme by Fusion itself, so they
# match the theme without image files of our own.
ICONS = {
    "practice": QStyle.StandardPixmap.SP_MediaPlay,
    "write": QStyle.StandardPixmap.SP_FileDialogContentsView,
    "history": QStyle.StandardPixmap.SP_FileDialogDetailedView,
    "settings": QStyle.StandardPixmap.SP_FileDialogInfoView,
    "start": QStyle.StandardPixmap.SP_MediaPlay,
    "finish": QStyle.StandardPixmap.SP_MediaStop,
    "skip": QStyle.StandardPixmap.SP_MediaSkipForward,
    "end": QStyle.StandardPixmap.SP_DialogCloseButton,
    "retry": QStyle.StandardPixmap.SP_BrowserReload,
    "export": QStyle.StandardPixmap.SP_DialogSaveButton,
    "replay": QStyle.StandardPixmap.SP_MediaVolume,
}


def icon(name: str) -> QIcon:
    found = QApplication.instance()
    style = found.style() if isinstance(found, QApplication) else None
    return style.standardIcon(ICONS[name]) if style is not None else QIcon()


def apply_theme(app: QApplication, theme: Theme) -> None:
    # Fusion honours palettes and the colour scheme on every OS (the native Windows style ignores dark mode).
    if app.style().name().lower() != "fusion":
        app.setStyle("Fusion")
    app.styleHints().setColorScheme(_SCHEMES[theme])
    standard = app.style().standardPalette()
    # The system's scheme, where the platform tells it; otherwise light.
    dark = theme is Theme.DARK or (theme is Theme.SYSTEM and app.styleHints().colorScheme() == Qt.ColorScheme.Dark)
    chosen = DARK if dark else LIGHT
    app.setPalette(_palette(chosen, standard))
    app.setStyleSheet(style_sheet(chosen))


def is_dark(app: QApplication) -> bool:
    return app.palette().window().color().lightness() < 128
