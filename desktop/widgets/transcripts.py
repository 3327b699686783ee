"""Transcript views: the live one (final text plain, the partial in grey italics) and the stored one with
filler words highlighted. User text is always escaped: a transcript saying "<b>" shows "<b>"."""

from __future__ import annotations

import html
from collections.abc import Collection, Iterable

from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QTextBrowser, QWidget

from engine.stt.contract import TranscriptEvent


class LiveTranscript(QTextBrowser):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("liveTranscript")
        self.setOpenLinks(False)
        self.finals: dict[int, str] = {}
        self.partial: tuple[int, str] | None = None

    def clear_answer(self) -> None:
        self.finals.clear()
        self.partial = None
        self._render()

    def add_event(self, event: TranscriptEvent) -> None:
        if event.is_final:
            if event.text:
                self.finals[event.utterance_id] = event.text
            else:
                self.finals.pop(event.utterance_id, None)  # an empty final retracts its partials
            if self.partial is not None and self.partial[0] == event.utterance_id:
                self.partial = None
        else:
            self.partial = (event.utterance_id, event.text)
        self._render()

    @property
    def final_text(self) -> str:
        return " ".join(self.finals[k] for k in sorted(self.finals))

    @property
    def partial_text(self) -> str:
        return self.partial[1] if self.partial else ""

    def _render(self) -> None:
        parts = [html.escape(self.final_text)]
        if self.partial_text:
            colour = self.palette().placeholderText().color().name()
            parts.append(f'<i style="color:{colour}">{html.escape(self.partial_text)}</i>')
        self.setHtml(f'<p style="font-size:15pt; line-height:140%">{" ".join(p for p in parts if p)}</p>')
        self.moveCursor(QTextCursor.MoveOperation.End)


def highlighted_html(
    words: Iterable[tuple[str, bool]], filler_colour: str = "#f4c542", evidence: Collection[int] = ()
) -> str:
    """Words joined by spaces, fillers on a highlighter background, the score's evidence underlined."""
    out = []
    for index, (word, is_filler) in enumerate(words):
        text = f"<u>{html.escape(word)}</u>" if index in evidence else html.escape(word)
        out.append(f'<span style="background-color:{filler_colour}; color:#000">{text}</span>' if is_filler else text)
    return " ".join(out)
