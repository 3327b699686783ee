"""The child side of the native probe: load a library, run it once, print a marker, exit.

    python -m engine.native.probe_child llama MODEL.gguf
    python -m engine.native.probe_child speech WHISPER_FOLDER/model.bin int8@cpu
    python -m engine.native.probe_child vad SILERO.onnx

Exit 0 with the marker: it ran. Exit 64: an ordinary Python error (a damaged file, a missing package) that
the app's own loading will report. Death by a signal: the library faulted, which is what the probe is for.
faulthandler prints the native stack to stderr, which the parent copies into the log.
"""

from __future__ import annotations

import faulthandler
import os
import signal
import sys
from pathlib import Path

from engine.native.probe import FAULT_ENV, PROBE_OK, PYTHON_ERROR_EXIT, Library


def _inject_fault(library: Library) -> None:
    """Tests (and a curious user) make the child fault as a broken build would: a real signal, a real death."""
    wanted, _, name = os.environ.get(FAULT_ENV, "").partition(":")
    if wanted == library.value:
        signal.signal(getattr(signal, name or "SIGILL"), signal.SIG_DFL)
        os.kill(os.getpid(), getattr(signal, name or "SIGILL"))


def _run_llama(model: Path, option: str) -> None:
    from llama_cpp import Llama, llama_supports_gpu_offload

    # The same layers on the GPU as the app will put there ("gpu=auto": all of them where a GPU backend exists).
    wanted = option.removeprefix("gpu=") or "auto"
    gpu_layers = (-1 if llama_supports_gpu_offload() else 0) if wanted == "auto" else int(wanted)
    llm = Llama(model_path=str(model), n_ctx=256, n_batch=64, n_gpu_layers=gpu_layers, verbose=False)
    llm.create_completion("Hello", max_tokens=2, temperature=0.0)


def _run_vad() -> None:
    import numpy as np

    from engine.stt.vad import StreamingVad

    StreamingVad().process(np.zeros(2_048, dtype=np.int16))


def _run_speech(model_file: Path, option: str) -> None:
    import numpy as np
    from faster_whisper import WhisperModel

    from engine.stt.whisper_decode import WhisperDecoder

    compute_type, _, device = (option or "int8@cpu").partition("@")
    folder = model_file.parent if model_file.is_file() else model_file
    model = WhisperModel(str(folder), device=device or "cpu", compute_type=compute_type, cpu_threads=1)
    WhisperDecoder(model).decode(np.zeros(16_000, dtype=np.float32), "en")
    _run_vad()


def main(argv: list[str]) -> int:
    if sys.stderr is not None:  # a windowed app's child has no stderr; the exit code still tells
        faulthandler.enable(all_threads=True)
    library, target, option = Library(argv[0]), Path(argv[1]), (argv[2] if len(argv) > 2 else "")
    _inject_fault(library)
    try:
        if library is Library.LLAMA:
            _run_llama(target, option)
        elif library is Library.VAD:
            _run_vad()
        else:
            _run_speech(target, option)
    except Exception as error:  # noqa: BLE001 - any Python-level failure is "no verdict", reported as such
        if sys.stderr is not None:
            print(f"{type(error).__name__}: {error}", file=sys.stderr)
        return PYTHON_ERROR_EXIT
    os.write(1, f"{PROBE_OK}\n".encode())  # the descriptor, not sys.stdout: a windowed app's child may have none
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
