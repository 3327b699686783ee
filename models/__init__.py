"""Model files: the catalogue, the embedded Whisper's assembly and its int8 copy, downloads."""

import os

os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")  # before numpy: see engine/__init__.py
