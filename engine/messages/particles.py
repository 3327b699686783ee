"""Korean particles chosen by the sound they follow (을/를, 이/가, 은/는, 과/와, 으로/로), so a message reads
"면접 4가" and "면접 1이" rather than "면접 4이(가)". A message is written with the paired form ("{path}을(를)")
and the pair is settled once the value is in.

After a Hangul syllable, its final consonant decides; after a digit, how it is read (1 일, 2 이, 3 삼...);
after a Latin letter, how the letter is named (L 엘, M 엠, N 엔, R 알 end in a consonant; the rest do not),
which is how Korean speakers read file names and model names aloud. Quotes and brackets are looked past.
"""

from __future__ import annotations

import re

# (with a final consonant, without one) for each paired form
_PAIRS = {"이(가)": ("이", "가"), "을(를)": ("을", "를"), "은(는)": ("은", "는"), "과(와)": ("과", "와")}
_PAIRED = re.compile(r"(이\(가\)|을\(를\)|은\(는\)|과\(와\)|\(으\)로)")
_DIGIT_FINAL = {"0": 4, "1": 8, "2": 0, "3": 16, "4": 0, "5": 0, "6": 1, "7": 8, "8": 8, "9": 0}  # jongseong index
_LETTER_FINAL = {"l": 8, "m": 16, "n": 4, "r": 8}  # 엘 엠 엔 알
_LOOK_PAST = "'\"’”)]}>»」』 "
_RIEUL = 8


def _final(text: str) -> int | None:
    """The final consonant (jongseong index, 0 for none) of how `text` ends when read; None if unknown."""
    stripped = text.rstrip(_LOOK_PAST)
    if not stripped:
        return None
    last = stripped[-1]
    if "\uac00" <= last <= "\ud7a3":
        return (ord(last) - 0xAC00) % 28
    if last in _DIGIT_FINAL:
        return _DIGIT_FINAL[last]
    if last.isascii() and last.isalpha():
        return _LETTER_FINAL.get(last.lower(), 0)
    return None


def settle(text: str) -> str:
    """Every paired particle in `text` replaced by the one its preceding word takes."""

    def choose(match: re.Match[str]) -> str:
        final = _final(text[: match.start()])
        pair = match.group(0)
        if final is None:
            return pair  # nothing to go by (a symbol): the paired form is still correct Korean
        if pair == "(으)로":
            return "로" if final in (0, _RIEUL) else "으로"
        with_final, without = _PAIRS[pair]
        return with_final if final else without

    return _PAIRED.sub(choose, text)
