"""Silero voice-activity detection, run incrementally on a stream.

faster-whisper ships the Silero v6 ONNX model (faster_whisper/assets/silero_vad_v6.onnx). Its own wrapper
runs a whole file at once; this one keeps the LSTM state (h, c) and the 64-sample context between calls, so
the probabilities for a stream fed in pieces equal those of the whole file. Blocking: call it off the loop.
"""

from __future__ import annotations

import os

import numpy as np
import numpy.typing as npt
import onnxruntime
from faster_whisper.utils import get_assets_path

WINDOW = 512  # samples per probability at 16 kHz (32 ms), fixed by the model
CONTEXT = 64


def model_path() -> str:
    return os.path.join(get_assets_path(), "silero_vad_v6.onnx")


def _session() -> onnxruntime.InferenceSession:
    opts = onnxruntime.SessionOptions()
    opts.inter_op_num_threads = 1
    opts.intra_op_num_threads = 1
    opts.log_severity_level = 4
    return onnxruntime.InferenceSession(model_path(), providers=["CPUExecutionProvider"], sess_options=opts)


class StreamingVad:
    def __init__(self) -> None:
        self._session = _session()
        self._h = np.zeros((1, 1, 128), dtype=np.float32)
        self._c = np.zeros((1, 1, 128), dtype=np.float32)
        self._context = np.zeros(CONTEXT, dtype=np.float32)
        self._rest = np.zeros(0, dtype=np.float32)

    def process(self, samples: npt.NDArray[np.int16]) -> npt.NDArray[np.float32]:
        """Speech probabilities for each complete 32 ms window the new samples finish."""
        audio = np.concatenate([self._rest, samples.astype(np.float32) / 32768.0])
        count = len(audio) // WINDOW
        self._rest = audio[count * WINDOW :]
        if count == 0:
            return np.zeros(0, dtype=np.float32)
        windows = audio[: count * WINDOW].reshape(count, WINDOW)
        contexts = np.empty((count, CONTEXT), dtype=np.float32)
        contexts[0] = self._context
        contexts[1:] = windows[:-1, -CONTEXT:]
        self._context = windows[-1, -CONTEXT:].copy()
        batch = np.concatenate([contexts, windows], axis=1)
        output, self._h, self._c = self._session.run(None, {"input": batch, "h": self._h, "c": self._c})
        return np.asarray(output, dtype=np.float32).reshape(-1)
