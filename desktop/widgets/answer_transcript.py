"""A stored answer's transcript in review: fillers highlighted, every word a link that replays the answer
from it, and the word being played marked as it plays. The user's words are always escaped."""

from __future__ import annotations

import html
from collections.abc import Collection, Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLabel, QWidget

from desktop.theme import tokens


class AnswerTranscript(QLabel):
    wordClicked = Signal(int)  # the index of the word clicked, in the answer's timed words

    def __init__(
        self, marked: Sequence[tuple[str, bool]], evidence: Collection[int] = (), parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("answerTranscript")
        self.setWordWrap(True)
        self.setTextFormat(Qt.TextFormat.RichText)
        flag = Qt.TextInteractionFlag
        self.setTextInteractionFlags(
            flag.LinksAccessibleByMouse | flag.LinksAccessibleByKeyboard | flag.TextSelectableByMouse
        )
        self.linkActivated.connect(self._clicked)
        self.marked = tuple(marked)
        self.evidence = frozenset(evidence)  # words quoted as the score's evidence: underlined in the accent
        self.playing: int | None = None
        self._render()

    def set_playing(self, index: int | None) -> None:
        if index != self.playing:
            self.playing = index
            self._render()

    def _clicked(self, link: str) -> None:
        kind, _, number = link.partition(":")
        if kind == "word" and number.isdigit():
            self.wordClicked.emit(int(number))

    def _render(self) -> None:
        t = tokens()
        out = []
        for index, (word, is_filler) in enumerate(self.marked):
            style = f"color:{t.text}; text-decoration:none;"
            if index in self.evidence:
                style = f"color:{t.text}; text-decoration:underline; text-decoration-color:{t.accent};"
            if index == self.playing:
                style += f" background-color:{t.playing};"
            elif is_filler:
                style += f" background-color:{t.filler};"
            out.append(f'<a href="word:{index}" style="{style}">{html.escape(word)}</a>')
        self.setText(" ".join(out))
