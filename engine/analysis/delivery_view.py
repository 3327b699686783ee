"""One answer's delivery figures as one line, in the user's language, for the CLI, the review screen and
the PDF alike: the pace unit rule (syllables a minute for Korean, words otherwise) lives here, and a rate
a minute is shown only when there was enough speech to support it; under that, counts."""

from __future__ import annotations

from engine import messages
from engine.analysis.metrics import AnswerMetrics
from engine.analysis.thresholds import EN_WPM_BAND, KO_SPM_BAND

# Under this much speech a figure "a minute" is an extrapolation (one filler in 7 s is "8.6 a minute"):
# counts are shown instead, and pace is not judged.
RATE_MIN_S = 20.0


def shown(value: float) -> int:
    """A figure as the whole number shown, halves rounded up (Python's round() sends 2.5 to 2)."""
    return int(value + 0.5)


def pace(metrics: AnswerMetrics) -> tuple[int, str, tuple[float, float]]:
    """The pace as shown, its unit's message key and the target band: syllables for Korean, words else."""
    if metrics.language == "ko":
        return shown(metrics.syllables_per_minute), "delivery.rate_spm", KO_SPM_BAND
    return shown(metrics.words_per_minute), "delivery.rate_wpm", EN_WPM_BAND


def rates_supported(metrics: AnswerMetrics) -> bool:
    """Decided on the seconds as shown, so "19.6 s" never reads "20 s of speech" beside "pace needs 20 s"."""
    return shown(metrics.speaking_s) >= RATE_MIN_S


def delivery_line(metrics: AnswerMetrics, lang: str) -> str:
    t = messages.text
    # A Korean answer's units are eojeol and syllables, whatever the interface language; others', words.
    parts = [t("delivery.eojeol" if metrics.language == "ko" else "delivery.words", lang, count=metrics.word_count)]
    if rates_supported(metrics):
        rate, unit, _ = pace(metrics)
        parts.append(t(unit, lang, rate=rate))
        per_minute = f"{metrics.fillers_per_minute:.1f}"
        count = metrics.filler_count
        parts.append(
            t("delivery.fillers_rate" if count else "delivery.fillers", lang, count=count, per_minute=per_minute)
        )
    else:
        parts.append(t("delivery.rate_needs_more", lang, seconds=shown(RATE_MIN_S)))
        parts.append(t("delivery.fillers", lang, count=metrics.filler_count))
    if metrics.pause_count:
        parts.append(t("delivery.pauses", lang, count=metrics.pause_count, longest=f"{metrics.longest_pause_s:.1f}"))
    else:
        parts.append(t("delivery.no_pauses", lang))
    parts.append(t("delivery.speaking", lang, seconds=shown(metrics.speaking_s)))
    return " · ".join(parts)
