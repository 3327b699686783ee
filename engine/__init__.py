"""Interview Coach's engine: everything but the screens (docs/ARCHITECTURE.md)."""

import os

# numpy's OpenBLAS runs each matrix product on threads of its own. The app's workers (the live decoder, the
# re-read, the feedback) call it at the same moment at an answer's end, and two such calls were once found
# waiting on each other's lock for minutes (numpy/numpy#17752); its products here (a mel spectrogram, a few
# small models) gain nothing from more threads on a laptop. Set before numpy is first imported.
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
