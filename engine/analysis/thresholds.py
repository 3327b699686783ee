"""Every threshold the model-free analysis uses, in one place, each with its source."""

from __future__ import annotations

from typing import Final

# A gap between words counts as a pause from 200 ms; gaps under 80 ms are articulation, not pauses, and
# a pause of 1 s or more is long. Source: PREINTER, an open-source Korean interview coach (its pause
# detection uses these bounds); also in line with fluency research that counts silent pauses from 200-250 ms
# (Goldman-Eisler 1968; de Jong & Bosker 2013).
PAUSE_MIN_S: Final = 0.2
PAUSE_IGNORE_BELOW_S: Final = 0.08
LONG_PAUSE_S: Final = 1.0

# A "like"/"그"/"저" counts as a filler when set off by a pause at least this long (the same 200 ms bound).
FILLER_PAUSE_S: Final = PAUSE_MIN_S

# Target pace bands, for the summary line and later feedback.
# English 130-160 words per minute (InterviewVoice; Read.ai gives 130-175).
EN_WPM_BAND: Final = (130.0, 160.0)
# Korean articulation about 5.5 +/- 0.5 syllables per second, i.e. 300-360 syllables per minute (PREINTER).
KO_SPM_BAND: Final = (300.0, 360.0)

# Fillers per minute: about 1.2 reads as fluent and 4.8 as hesitant (InterviewVoice, citing Götz 2013 and
# Corley & Stewart 2008).
FILLERS_PER_MIN_FLUENT: Final = 1.2
FILLERS_PER_MIN_HESITANT: Final = 4.8
