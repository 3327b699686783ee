"""Streaming recognition figures on the English clips of ../shared/speech, fed at real time.

Prints: real-time factor; latency from a word's end (one-shot word timings) to its first appearance in
the streamed text (median, p90); latency from the end of speech (the end of the last one-shot word inside
a final's span) to that final (median, p90); how many finals were revised (a short one read again with the
next, engine/stt/finals.py; a revision takes the revised final's place, timed when that final came); the
streamed finals' WER (CER for Korean) and the stored
transcript's (each answer's whole audio read again, engine/stt/reread.py) over that of one-shot
faster-whisper (default options, same model) on the same files; the re-read's cost in seconds per minute of
answer, how long after an answer's end its stored transcript is ready (median, p90) (`--reread-model`: read
by another installed model, against base's one-shot); then a 2-minute answer
made of the clips one after another, streamed live `--long-runs` times each way, alternating which goes
first: read again once it has ended, and read ahead while it is given on a low-priority copy of the model
(engine/stt/read_ahead.py), as the app does on Linux. For each: when its stored transcript is ready, its
error ratio to one-shot, and the live partial and final latencies (what the reading ahead costs them).
Targets on 2 cores, base int8: partial median <= 1.0 s, final <= 0.5 s, live ratio <= 1.05 (English) and
<= 1.15 (Korean), stored ratio <= 1.02, a 2-minute answer's stored transcript within 15 s of its end.

    uv run python bench/stt_streaming.py [--lang en|ko] [--repeat N] [--long-runs N] [--long-only] [--trace]

The clips hold about ten ends of speech; --repeat N streams them N times over, for steadier medians.
"""

from __future__ import annotations

import argparse
import asyncio
import difflib
import logging
import statistics
import sys
import tempfile
import time
from dataclasses import dataclass, replace
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import engine  # noqa: F401 - first, as in the app: it sets numpy's threads before numpy loads (engine/__init__.py)

# isort: split
import numpy as np

from bench.long_answer import load_samples, long_answer
from bench.wer import error_counts, normalise_words
from engine.audio.generator_source import ArraySource
from engine.config.settings import AppPaths, SpeechSettings
from engine.feedback.posting import posting_keywords
from engine.interview.stored_transcript import READING_THREADS, hotwords
from engine.stt.local_session import LocalWhisperSession
from engine.stt.read_ahead import Part, ReadAhead
from engine.stt.reread import reread
from engine.stt.speech_model import SpeechModel
from engine.stt.whisper_decode import WhisperDecoder

log = logging.getLogger(__name__)
SPEECH = Path(__file__).resolve().parent.parent.parent / "shared" / "speech"
POSTING = ("Kubernetes", "파이썬", "데이터", "파이프라인", "React", "토스", "결제", "클라우드", "TypeScript")


@dataclass(frozen=True, slots=True)
class FileRun:
    """One clip streamed in real time, then read again whole."""

    file: str
    duration: float
    busy: float  # seconds in Whisper
    partial: list[float]  # latencies, seconds
    final: list[float]
    finals: int
    revisions: int  # finals revised by the next utterance's pass
    stream_errors: int
    oneshot_errors: int
    stored_errors: int
    total: int  # reference words (characters for Korean)
    reread_s: float
    hints: int  # hotwords given, and how many of them each transcript holds
    hints_live: int
    hints_stored: int
    hints_oneshot: int


def pct(values: list[float], q: float) -> float:
    return float(np.percentile(values, q)) if values else float("nan")


def match(stream_words: list[str], oneshot_words: list[str]) -> dict[int, int]:
    """Map positions in the streamed words to equal one-shot words (difflib's longest matching blocks)."""
    matcher = difflib.SequenceMatcher(a=stream_words, b=oneshot_words, autojunk=False)
    mapping: dict[int, int] = {}
    for block in matcher.get_matching_blocks():
        for k in range(block.size):
            mapping[block.a + k] = block.b + k
    return mapping


def posting_terms(reference: str, language: str) -> tuple[str, ...]:
    """What a posting that names some of the clip's terms would give as hotwords: three of the clip's key terms
    (posting_keywords of its reference) among a posting's own, through the app's own hotwords()."""
    return hotwords(" ".join(POSTING + posting_keywords(reference, language)[:3]), "", language)


def found(terms: tuple[str, ...], text: str) -> int:
    return sum(term.lower() in text.lower() for term in terms)


async def run_file(
    model: SpeechModel,
    decoder: WhisperDecoder,
    path: Path,
    language: str,
    with_hotwords: bool,
    reading_with: WhisperDecoder | None = None,
) -> FileRun:
    samples = await load_samples(path)
    reference = path.with_suffix(".txt").read_text("utf-8")
    hints = posting_terms(reference, language) if with_hotwords else ()
    return await run_answer(model, decoder, path.name, samples, reference, language, hints, reading_with=reading_with)


async def run_answer(
    model: SpeechModel,
    decoder: WhisperDecoder,
    name: str,
    samples: np.ndarray,
    reference: str,
    language: str,
    hints: tuple[str, ...] = (),
    ahead_with: WhisperDecoder | None = None,
    *,
    reading_with: WhisperDecoder | None = None,
) -> FileRun:
    """One answer streamed live in real time, then read again whole as the app stores it. `ahead_with`: a
    low-priority copy of the model that reads the answer ahead while it is streamed (engine/stt/read_ahead.py),
    as the app does; the stored transcript is then timed from the last frame of audio. `reading_with`: another
    model that reads the answer again once it has ended (--reread-model); by default the live one."""
    duration = len(samples) / 16000
    # One-shot baseline: faster-whisper's own transcribe, default options, same loaded model.
    segments, _ = decoder.model.transcribe(
        samples.astype(np.float32) / 32768.0, language=language, word_timestamps=True
    )
    oneshot_timed = [w for s in segments for w in (s.words or [])]
    oneshot_words_timed = [(w.word, w.end) for w in oneshot_timed]
    oneshot_text = " ".join(w for w, _ in oneshot_words_timed)
    oneshot_norm: list[str] = []
    oneshot_ends: list[float] = []
    for word, end in oneshot_words_timed:
        for piece in normalise_words(word):
            oneshot_norm.append(piece)
            oneshot_ends.append(end)

    session = LocalWhisperSession(model, language, hotwords=hints)
    lags: list[float] = []  # how far behind the audio each part was read (s)
    began = time.perf_counter()

    def read_ahead(part: Part) -> None:
        lags.append(time.perf_counter() - began - part.end_sample / 16000)

    reader = ReadAhead(ahead_with, language, hints, on_part=read_ahead) if ahead_with is not None else None
    ended = 0.0
    await session.start()
    loop = asyncio.get_running_loop()
    started = loop.time()
    finals: dict[int, str] = {}  # by utterance: a revised final replaces the text it revises
    revisions = 0
    first_seen: dict[int, float] = {}
    final_latencies: list[float] = []

    async def feed() -> None:
        nonlocal ended
        # A microphone keeps sending room silence after the last word; a clip that stops dead would
        # make every final wait for the end of input instead of for the silence.
        live = np.concatenate([samples, np.zeros(16000, dtype=np.int16)])
        async for frame in ArraySource(live, realtime=True).frames():
            session.accept_audio(frame)
            if reader is not None:
                reader.add(frame.samples)
        ended = time.perf_counter()
        await session.finish()

    async def read() -> None:
        nonlocal revisions
        async for event in session.events():
            now = loop.time() - started
            showing = {**finals, event.utterance_id: event.text}
            shown = normalise_words(" ".join(showing[k] for k in sorted(showing)))
            mapping = match(shown, oneshot_norm)
            for index in mapping.values():
                first_seen.setdefault(index, now)
            if event.is_final and event.text and event.utterance_id in finals:
                revisions += 1  # timed when it first came, not now
                finals[event.utterance_id] = event.text
            elif event.is_final and event.text:
                finals[event.utterance_id] = event.text
                # The end of speech: where the last word spoken inside the final's span ends, by the
                # one-shot timings; so a final that misheard its last word is still timed from its end.
                spoken = [w.end for w in oneshot_timed if event.start <= (w.start + w.end) / 2 <= event.end]
                if spoken:
                    final_latencies.append(now - max(spoken))
                    log.debug("final, speech ended %.2f s, %.2f s late: %s", max(spoken), now - max(spoken), event.text)

    await asyncio.gather(feed(), read())
    await session.close()
    # The stored transcript: the whole answer read again once it has ended (the clip is the answer).
    live_text = " ".join(finals[k] for k in sorted(finals))
    if reader is None:
        reading_decoder = reading_with or decoder
        reading = await asyncio.to_thread(reread, reading_decoder, samples, language, hints, live=live_text)
        ready = reading.seconds
    else:
        assert ahead_with is not None
        ahead = await asyncio.to_thread(reader.finish)
        audio = np.concatenate([samples, np.zeros(16000, dtype=np.int16)])  # what the recording holds
        reading = await asyncio.to_thread(reread, ahead_with, audio, language, hints, live=live_text, ahead=ahead)
        ready = time.perf_counter() - ended
        parts = ahead.parts if ahead else ()
        covered = parts[-1].end_sample / 16000 if parts else 0.0
        print(
            f"    read ahead: {len(parts)} parts, {covered:.1f} s of {duration:.1f} s; each read "
            f"{', '.join(f'{lag:.1f}' for lag in lags)} s after its audio"
        )
    stream_errors, total = error_counts(reference, live_text, language)
    oneshot_errors, _ = error_counts(reference, oneshot_text, language)
    stored_errors, _ = error_counts(reference, reading.text, language)
    partial_latencies = [first_seen[i] - oneshot_ends[i] for i in first_seen]
    return FileRun(
        file=name,
        duration=duration,
        busy=session.busy_seconds,
        partial=partial_latencies,
        final=final_latencies,
        finals=len(finals),
        revisions=revisions,
        stream_errors=stream_errors,
        oneshot_errors=oneshot_errors,
        stored_errors=stored_errors,
        total=total,
        reread_s=ready,
        hints=len(hints),
        hints_live=found(hints, live_text),
        hints_stored=found(hints, reading.text),
        hints_oneshot=found(hints, oneshot_text),
    )


async def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--lang", default="en", choices=["en", "ko"])
    parser.add_argument("--data-dir", type=Path, default=None)
    parser.add_argument("--limit", type=int, default=0, help="use only the first N clips")
    parser.add_argument("--repeat", type=int, default=1, help="stream every clip this many times")
    parser.add_argument("--silence-ms", type=int, default=SpeechSettings().utterance_silence_ms)
    parser.add_argument("--hotwords", action="store_true", help="bias both passes with each clip's key terms")
    parser.add_argument("--long-runs", type=int, default=2, help="2-minute answers streamed each way")
    parser.add_argument("--long-only", action="store_true", help="only the 2-minute answer")
    parser.add_argument("--trace", action="store_true", help="log each pass and final (where the time goes)")
    parser.add_argument("--reread-model", default="", help="an installed model (name or folder) for the re-read")
    args = parser.parse_args()
    if args.trace:
        logging.basicConfig(format="%(relativeCreated)8.0f %(name)s: %(message)s")
        for name in (__name__, "engine.stt.local_session"):
            logging.getLogger(name).setLevel(logging.DEBUG)
    data_dir = args.data_dir or Path(tempfile.gettempdir()) / "interview-coach-bench"
    model = SpeechModel(SpeechSettings(utterance_silence_ms=args.silence_ms), AppPaths(data_dir).models)
    began = time.perf_counter()
    decoder = await model.get()
    assert isinstance(decoder, WhisperDecoder)
    print(
        f"model ready in {time.perf_counter() - began:.2f} s (base, int8, {model.settings.cpu_threads} threads, "
        f"utterances close after {args.silence_ms} ms of silence)"
    )
    files = sorted(p for p in (SPEECH / args.lang).iterdir() if p.suffix in {".wav", ".flac"})
    if args.limit:
        files = files[: args.limit]
    reading_with = None
    if args.reread_model:  # what a larger model's stored transcript gains, and costs, against base's one-shot
        reading_with = await SpeechModel(replace(model.settings, model=args.reread_model), model.models_dir).get()
        print(f"the stored transcript is read by {args.reread_model}; one-shot is still base's")
    if args.long_only:
        await long_runs(model, decoder, files, args.lang, args.long_runs, args.reread_model, reading_with)
        return
    results = [
        await run_file(model, decoder, path, args.lang, args.hotwords, reading_with)
        for _ in range(args.repeat)
        for path in files
    ]
    unit = "WER" if args.lang == "en" else "CER"
    for r in results:
        print(
            f"  {r.file}: {r.duration:.1f} s audio, stream {unit} {r.stream_errors}/{r.total}, "
            f"stored {r.stored_errors}/{r.total}, one-shot {r.oneshot_errors}/{r.total}"
        )
    partial = [x for r in results for x in r.partial]
    final = [x for r in results for x in r.final]
    audio = sum(r.duration for r in results)
    busy = sum(r.busy for r in results)
    stream_errors = sum(r.stream_errors for r in results)
    oneshot_errors = sum(r.oneshot_errors for r in results)
    total = sum(r.total for r in results)
    print(f"real-time factor (Whisper busy / audio): {busy / audio:.2f}  ({busy:.1f} s over {audio:.1f} s)")
    print(
        f"word end -> first in a partial: median {statistics.median(partial):.2f} s, p10 {pct(partial, 10):.2f}, "
        f"p90 {pct(partial, 90):.2f} (n={len(partial)})"
    )
    print(
        f"end of speech -> final:        median {statistics.median(final):.2f} s, p10 {pct(final, 10):.2f}, "
        f"p90 {pct(final, 90):.2f} (n={len(final)})"
    )
    revised = sum(r.revisions for r in results)
    print(f"finals revised (a short one read again with the next): {revised} of {sum(r.finals for r in results)}")
    stored_errors = sum(r.stored_errors for r in results)
    oneshot_rate = oneshot_errors / total
    print(
        f"{unit}: streamed {stream_errors / total:.3%}, stored {stored_errors / total:.3%}, "
        f"one-shot {oneshot_rate:.3%}; ratio to one-shot: streamed {ratio(stream_errors, oneshot_errors):.2f}, "
        f"stored {ratio(stored_errors, oneshot_errors):.2f}"
    )
    if args.hotwords:
        hints = [
            sum(r.hints for r in results),
            sum(r.hints_live for r in results),
            sum(r.hints_stored for r in results),
            sum(r.hints_oneshot for r in results),
        ]
        print(
            f"hotwords (a posting's terms with three of the clip's, {hints[0]}): found live {hints[1]}, "
            f"stored {hints[2]}, one-shot without them {hints[3]}"
        )
    reread_s = [r.reread_s for r in results]
    print(
        f"re-read: {sum(reread_s) / audio * 60:.1f} s per minute of answer; stored transcript ready after the "
        f"answer's end: median {statistics.median(reread_s):.2f} s, p90 {pct(reread_s, 90):.2f} (n={len(reread_s)})"
    )
    if not args.long_runs:
        return
    await long_runs(model, decoder, files, args.lang, args.long_runs, args.reread_model, reading_with)


async def long_runs(
    model: SpeechModel,
    decoder: WhisperDecoder,
    files: list[Path],
    language: str,
    runs: int,
    reading_name: str,
    once_with: WhisperDecoder | None,
) -> None:
    """The 2-minute answer streamed live `runs` times each way, alternating which goes first: read again once
    it has ended (as before), and read ahead while it is given on a low-priority copy of the model (or of
    `reading_name`'s, read once ended at normal priority in the other arm)."""
    reading = replace(model.settings, model=reading_name or model.settings.model, cpu_threads=READING_THREADS)
    ahead_with = await SpeechModel(reading, model.models_dir, low_priority=True).get()  # as the app's keeper
    samples, reference = await long_answer(files, language)
    arms: dict[str, list[FileRun]] = {"read once ended": [], "read ahead": []}
    for run in range(runs):
        for arm in sorted(arms, reverse=bool(run % 2)):
            with_reader = ahead_with if arm == "read ahead" else None
            result = await run_answer(
                model, decoder, "long", samples, reference, language, (), with_reader, reading_with=once_with
            )
            arms[arm].append(result)
            print(f"  {arm}: stored transcript ready {result.reread_s:.1f} s after the answer's end")
    unit = "WER" if language == "en" else "CER"
    for arm, results in arms.items():
        took = [r.reread_s for r in results]
        final = [x for r in results for x in r.final]
        partial = [x for r in results for x in r.partial]
        stored, oneshot = sum(r.stored_errors for r in results), sum(r.oneshot_errors for r in results)
        print(
            f"a {len(samples) / 16000:.0f} s answer (the clips, then bank questions in espeak-ng's voice), {arm}: "
            f"stored transcript ready {statistics.median(took):.1f} s after its end (median of {len(took)}, spread "
            f"{min(took):.1f}-{max(took):.1f}); stored {unit} {stored}/{sum(r.total for r in results)}, one-shot "
            f"{oneshot} (ratio {ratio(stored, oneshot):.2f}); live partial median {statistics.median(partial):.2f} s, "
            f"final median {statistics.median(final):.2f} s, p90 {pct(final, 90):.2f}"
        )
    ahead, once = (statistics.median(r.reread_s for r in arms[arm]) for arm in ("read ahead", "read once ended"))
    print(f"ready after the end, read ahead against read once ended: {ahead / once:.2f}")


def ratio(errors: int, baseline: int) -> float:
    return errors / baseline if baseline else (1.0 if not errors else float("inf"))


if __name__ == "__main__":
    asyncio.run(main())
