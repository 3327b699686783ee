"""One Whisper pass over one utterance, with the encoder window sized to the audio.

faster-whisper always pads audio to Whisper's 30 s window; on 2 CPU cores that fixes every pass at about
0.45 s of encoder time however short the utterance. CTranslate2 accepts shorter encoder inputs, so this
module calls it directly: a 5 s utterance encodes in about 40 ms, which is what makes live partials and
quick finals possible. Feature extraction, the tokenizer, suppressed tokens, word alignment and the
punctuation merge are faster-whisper's own. On the project's speech clips this matches one-shot
faster-whisper's accuracy (bench/stt_streaming.py measures the ratio). Blocking: call it off the loop.
"""

from __future__ import annotations

import math
import zlib
from dataclasses import dataclass

import ctranslate2
import numpy as np
import numpy.typing as npt
from faster_whisper import WhisperModel
from faster_whisper.tokenizer import Tokenizer
from faster_whisper.transcribe import get_suppressed_tokens, merge_punctuations

from engine.audio.frames import SAMPLE_RATE
from engine.stt.contract import Word

FRAMES_PER_SECOND = 100  # Whisper's log-mel hop is 10 ms
MAX_FRAMES = 3000  # Whisper's 30 s window
# Silence appended after the speech. Whisper was trained on 30 s windows; in a window barely longer than
# the speech it tends to write the utterance twice ("and so my fellow Americans. And so my fellow
# Americans." on jfk.flac's first 2.3 s with 1 s of padding); 3 s of padding stopped that on every clip
# of ../shared/speech and costs about 10 ms of encoder time.
TAIL_PAD_S = 3.0
CONTEXT_TOKENS = 448  # Whisper's text window: prompt, start tokens, forced prefix and new tokens together
# The previous finals given as context (Whisper's own limit is half its 448-token window).
MAX_PROMPT_TOKENS = 223
# The posting's and résumé's terms given as hotwords: they share the prompt's half of the 448-token window.
MAX_HOTWORDS = 40
# faster-whisper's defaults for dropping hallucinated text in silence.
NO_SPEECH_THRESHOLD = 0.6
LOG_PROB_THRESHOLD = -1.0
# faster-whisper's compression_ratio_threshold: above it the text is a repetition loop, not speech.
COMPRESSION_RATIO_THRESHOLD = 2.4
# A phrase of one to three words said this many times in a row is read again (Hypothesis.loops_on_a_phrase).
PHRASE_LOOP_RUN = 3
# Whisper writes at most about this many tokens per second of speech (Korean, byte-level BPE, is the
# densest: ~7 syllables/s at up to 3 tokens each; 15 cut Korean finals short once the cap took effect, see
# max_length below); the cap stops runaway loops on short audio.
MAX_TOKENS_PER_SECOND = 25
PREPEND_PUNCTUATIONS = "\"'“¿([{-"
APPEND_PUNCTUATIONS = "\"'.。,，!！?？:：”)]}、"


@dataclass(frozen=True, slots=True)
class Hypothesis:
    words: tuple[str, ...]  # the words after the forced prefix, with leading spaces; "".join() is the text
    timed_words: tuple[Word, ...]  # only with word timings: text as Whisper writes it, times in the pass's audio
    avg_logprob: float
    no_speech_prob: float
    compression_ratio: float

    @property
    def text(self) -> str:
        return "".join(self.words).strip()

    @property
    def is_silence(self) -> bool:
        return self.no_speech_prob > NO_SPEECH_THRESHOLD and self.avg_logprob < LOG_PROB_THRESHOLD

    @property
    def is_repetition(self) -> bool:
        return self.compression_ratio > COMPRESSION_RATIO_THRESHOLD or _repeats_itself(self.words)

    @property
    def loops_on_a_phrase(self) -> bool:
        """The same one to three words PHRASE_LOOP_RUN times in a row: worth reading again.

        Greedy decoding can loop on a phrase inside a sentence that is otherwise right ("상자 보기보다 무섭다
        무섭다 무섭다. 조심하세요" for "상자가 보기보다 무거우니까 조심하세요", the previous sentence forced as
        context), too short a loop for the compression ratio to catch. People repeat themselves too ("no,
        no, no"), so this only asks for a second reading, not for the text to be dropped.
        """
        norm = [
            n for n in (w.strip().strip(APPEND_PUNCTUATIONS + PREPEND_PUNCTUATIONS).lower() for w in self.words) if n
        ]
        return any(run_length(norm, i, size) >= PHRASE_LOOP_RUN for size in (1, 2, 3) for i in range(len(norm)))


def max_length(prompt: int, new: int) -> int:
    """CTranslate2's max_length for a prompt of `prompt` tokens (context, start tokens, forced prefix) and up
    to `new` more. It counts the prompt and then generates max_length - prompt + 1 tokens, so the last one
    sits at position max_length: that must stay inside Whisper's 448 positions (0-447), or a pass that runs
    to the cap (a repetition loop) reads past the model's position table. A cap of `new` alone fell under
    the prompt's length and failed the pass ("maximum decoding length must be > 0")."""
    return min(CONTEXT_TOKENS - 1, prompt + new - 1)


class WhisperDecoder:
    def __init__(self, model: WhisperModel) -> None:
        self.model = model  # the loaded faster-whisper model (its one-shot transcribe: reread.py, benchmarks)
        self._tokenizers: dict[str, Tokenizer] = {}

    def _tokenizer(self, language: str) -> Tokenizer:
        if language not in self._tokenizers:
            self._tokenizers[language] = Tokenizer(
                self.model.hf_tokenizer, self.model.model.is_multilingual, task="transcribe", language=language
            )
        return self._tokenizers[language]

    def decode(
        self,
        audio: npt.NDArray[np.float32],
        language: str,
        *,
        prompt: str = "",
        hotwords: str = "",
        prefix: str = "",
        beam_size: int = 1,
        word_timestamps: bool = False,
    ) -> Hypothesis:
        tokenizer = self._tokenizer(language)
        speech_frames = len(audio) * FRAMES_PER_SECOND // SAMPLE_RATE
        window = min(MAX_FRAMES, math.ceil((speech_frames + TAIL_PAD_S * FRAMES_PER_SECOND) / 100) * 100)
        padded = np.zeros(window * SAMPLE_RATE // FRAMES_PER_SECOND + 400, dtype=np.float32)
        padded[: min(len(audio), len(padded))] = audio[: len(padded)]
        features = self.model.feature_extractor(padded)[:, :window]
        encoder_output = self.model.model.encode(
            ctranslate2.StorageView.from_array(np.ascontiguousarray(features[None])), to_cpu=False
        )
        # The prefix is forced on the decoder and left out of the result (context, or settled words).
        prefix_tokens = tokenizer.encode(" " + prefix.strip()) if prefix.strip() else []
        start = list(tokenizer.sot_sequence) + [tokenizer.no_timestamps]
        new = 10 + int(MAX_TOKENS_PER_SECOND * len(audio) / SAMPLE_RATE)
        # Whisper's window is 448 tokens in all: what the prompt may use is what the rest leaves of its half.
        room = max(0, min(MAX_PROMPT_TOKENS, CONTEXT_TOKENS - 1 - len(start) - len(prefix_tokens) - new))
        tokens: list[int] = []
        if (prompt or hotwords) and room:
            # Hotwords first, then the latest of the prompt, as faster-whisper's own transcribe places them; a
            # long prompt loses its oldest words, never the hotwords.
            hot = tokenizer.encode(" " + hotwords.strip())[: room // 2] if hotwords.strip() else []
            recent = tokenizer.encode(" " + prompt.strip())[-(room - len(hot)) :] if prompt and room > len(hot) else []
            tokens = [tokenizer.sot_prev] + hot + recent
        tokens += start
        result = self.model.model.generate(
            encoder_output,
            [tokens + prefix_tokens],
            beam_size=beam_size,
            max_length=max_length(len(tokens) + len(prefix_tokens), new),
            return_scores=True,
            return_no_speech_prob=True,
            suppress_blank=not prefix_tokens,
            suppress_tokens=list(get_suppressed_tokens(tokenizer, [-1])),
        )[0]
        # CTranslate2 returns the forced prefix as part of the sequence; callers get only what follows it.
        text_tokens = [t for t in result.sequences_ids[0] if t < tokenizer.eot]
        new_tokens = text_tokens[len(prefix_tokens) :]
        avg_logprob = float(result.scores[0]) / (max(1, len(new_tokens)) if beam_size == 1 else 1)
        ratio = _compression_ratio(tokenizer.decode(new_tokens))
        no_speech = float(result.no_speech_prob)
        if not word_timestamps:
            words, _ = tokenizer.split_to_word_tokens(new_tokens + [tokenizer.eot])
            return Hypothesis(tuple(w for w in words if w), (), avg_logprob, no_speech, ratio)
        aligned = self.model.find_alignment(tokenizer, [text_tokens], encoder_output, speech_frames)[0]
        # Skip the words of the forced prefix (counted in tokens, before punctuation is merged).
        skipped = 0
        while aligned and skipped < len(prefix_tokens):
            skipped += len(aligned.pop(0)["tokens"])
        while prefix_tokens and aligned and closes_previous_sentence(aligned[0]["word"]):
            aligned.pop(0)
        merge_punctuations(aligned, PREPEND_PUNCTUATIONS, APPEND_PUNCTUATIONS)
        limit = len(audio) / SAMPLE_RATE
        timed = tuple(
            Word(w["word"], min(float(w["start"]), limit), min(float(w["end"]), limit), float(w["probability"]))
            for w in aligned
            if w["word"]
        )
        return Hypothesis(tuple(w.text for w in timed), timed, avg_logprob, no_speech, ratio)


def run_length(norms: list[str], i: int, size: int) -> int:
    """How many times the phrase of `size` words at `i` is said in a row from there."""
    phrase = norms[i : i + size]
    if len(phrase) < size or not all(phrase):
        return 0
    count = 1
    while norms[i + count * size : i + (count + 1) * size] == phrase:
        count += 1
    return count


def closes_previous_sentence(word: str) -> bool:
    # After a forced prefix that does not end in punctuation (the previous utterance's text), Whisper's first
    # word is often the full stop ending that sentence: it belongs to the previous utterance, not this one.
    return bool(word.strip()) and all(c in APPEND_PUNCTUATIONS for c in word.strip())


def _repeats_itself(words: tuple[str, ...]) -> bool:
    """The whole text said twice in a row: a loop too short for the compression ratio to catch."""
    norm = [w.strip(" .,!?").lower() for w in words]
    half = len(norm) // 2
    return len(norm) >= 4 and len(norm) % 2 == 0 and norm[:half] == norm[half:]


def _compression_ratio(text: str) -> float:
    # faster-whisper's definition: raw bytes over zlib-compressed bytes.
    raw = text.encode("utf-8")
    return len(raw) / len(zlib.compress(raw)) if raw else 0.0
