"""An int8 copy of a Whisper model, kept beside the models, so that start-up loads weights ready to use.

The embedded model ships its weights as float16. On a CPU, CTranslate2 converts them to int8 at every load:
most of the 0.4 s its load takes on two cores (docs/ARCHITECTURE.md). The copy holds the weights already
converted, the way CTranslate2 converts them, and loads in a tenth of that.

The file layout is CTranslate2's model.bin (version 6), as its `ctranslate2.specs.model_spec.ModelSpec._serialize`
writes it: the library has no public call that saves a converted model, only its converters from the
training frameworks' checkpoints, which the app does not ship. The quantisation is CTranslate2's own: each
row of a weight matrix scaled by 127 over its largest magnitude and rounded, the scale kept as
`<name>_scale`; convolutions and everything else stay float (float16 read as float32, as the CPU runs
them). Beam-5 transcripts of every shared clip are identical from the copy and from the original.

A marker records the source file's size and mtime and the copy's own: a changed source or a damaged copy is
not used, and the copy is made again. Writing is to a temporary folder renamed into place, so a crash mid-way
never leaves a plausible copy.
"""

from __future__ import annotations

import json
import logging
import os
import shutil
import struct
import tempfile
from dataclasses import dataclass
from pathlib import Path

import numpy as np

log = logging.getLogger(__name__)

COPIES = ".int8"  # under the models folder: one copy per model folder, named like it
MARKER = ".int8.json"
SIDE_FILES = ("config.json", "tokenizer.json", "vocabulary.txt", "preprocessor_config.json")
FORMAT_VERSION = 6  # CTranslate2's binary version this reads and writes
DTYPES = ("float32", "int8", "int16", "int32", "float16", "bfloat16")  # CTranslate2's DataType ids, in order
_NUMPY = {"float32": np.float32, "float16": np.float16, "int8": np.int8, "int16": np.int16, "int32": np.int32}


@dataclass(frozen=True, slots=True)
class Variable:
    name: str
    shape: tuple[int, ...]
    dtype: str
    data: bytes


def copy_folder(models_dir: Path, source: Path) -> Path:
    return models_dir / COPIES / source.name


def usable_copy(models_dir: Path, source: Path) -> Path | None:
    """The int8 copy of the model in `source`, if one was made from the file there now and is intact."""
    copy = copy_folder(models_dir, source)
    try:
        recorded = json.loads((copy / MARKER).read_text("utf-8"))
        return copy if isinstance(recorded, dict) and recorded == _identity(source, copy) else None
    except (OSError, ValueError):
        return None


def discard_copy(models_dir: Path, source: Path) -> None:
    shutil.rmtree(copy_folder(models_dir, source), ignore_errors=True)


def make_copy(models_dir: Path, source: Path) -> Path:
    """Write the int8 copy of the model in `source` (blocking: about a second for base on two cores)."""
    copy = copy_folder(models_dir, source)
    copy.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f"{source.name}.", suffix=".partial", dir=copy.parent))
    try:
        header, variables, aliases = read_model(source / "model.bin")
        write_model(staging / "model.bin", header, [q for v in variables for q in quantised(v)], aliases)
        for name in SIDE_FILES:
            if (source / name).is_file():
                shutil.copyfile(source / name, staging / name)
        shutil.rmtree(copy, ignore_errors=True)
        os.replace(staging, copy)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    (copy / MARKER).write_text(json.dumps(_identity(source, copy)), "utf-8")
    log.info("wrote the int8 copy of %s in %s", source, copy)
    return copy


def _identity(source: Path, copy: Path) -> dict[str, list[int]]:
    identity = {}
    for key, path in (("source", source / "model.bin"), ("copy", copy / "model.bin")):
        stat = path.stat()
        identity[key] = [stat.st_size, stat.st_mtime_ns]
    return identity


@dataclass(frozen=True, slots=True)
class Header:
    spec: str
    revision: int


def read_model(path: Path) -> tuple[Header, list[Variable], list[tuple[str, str]]]:
    buffer = memoryview(path.read_bytes())
    offset = 0

    def unpack(fmt: str) -> int:
        nonlocal offset
        (value,) = struct.unpack_from(fmt, buffer, offset)
        offset += struct.calcsize(fmt)
        return int(value)

    def string() -> str:
        nonlocal offset
        length = unpack("H")  # with its terminating NUL
        text = bytes(buffer[offset : offset + length - 1]).decode("utf-8")
        offset += length
        return text

    version = unpack("I")
    if version != FORMAT_VERSION:
        raise ValueError(f"model.bin version {version}; the int8 copy reads version {FORMAT_VERSION}")
    header = Header(string(), unpack("I"))
    variables = []
    for _ in range(unpack("I")):
        name = string()
        shape = tuple(unpack("I") for _ in range(unpack("B")))
        dtype = DTYPES[unpack("B")]
        size = unpack("I")
        variables.append(Variable(name, shape, dtype, bytes(buffer[offset : offset + size])))
        offset += size
    aliases = [(string(), string()) for _ in range(unpack("I"))]
    if offset != len(buffer):
        raise ValueError(f"model.bin has {len(buffer) - offset} bytes after its last alias")
    return header, variables, aliases


def quantised(variable: Variable) -> list[Variable]:
    """The variable as CTranslate2 holds it in int8 on a CPU (WhisperModel::is_quantizable: weights, not
    convolutions): an int8 matrix and its per-row scale, or the float value as float32."""
    if variable.dtype not in ("float16", "float32"):
        return [variable]
    values = np.frombuffer(variable.data, dtype=_NUMPY[variable.dtype]).astype(np.float32)
    if not (variable.name.endswith("weight") and "conv" not in variable.name):
        return [Variable(variable.name, variable.shape, "float32", values.tobytes())]
    rows = values.reshape(variable.shape[0], -1)
    largest = np.abs(rows).max(axis=1)
    largest[largest == 0] = 127.0
    scale = (127.0 / largest).astype(np.float32)
    matrix = np.rint(rows * scale[:, None]).astype(np.int8)
    return [
        Variable(variable.name, variable.shape, "int8", matrix.tobytes()),
        Variable(f"{variable.name}_scale", (len(scale),), "float32", scale.tobytes()),
    ]


def write_model(path: Path, header: Header, variables: list[Variable], aliases: list[tuple[str, str]]) -> None:
    with path.open("wb") as out:

        def string(text: str) -> None:
            encoded = text.encode("utf-8")
            out.write(struct.pack("H", len(encoded) + 1) + encoded + b"\0")

        out.write(struct.pack("I", FORMAT_VERSION))
        string(header.spec)
        out.write(struct.pack("=II", header.revision, len(variables)))
        for variable in variables:
            string(variable.name)
            out.write(struct.pack("B", len(variable.shape)))
            out.write(b"".join(struct.pack("I", dim) for dim in variable.shape))
            out.write(struct.pack("=BI", DTYPES.index(variable.dtype), len(variable.data)))
            out.write(variable.data)
        out.write(struct.pack("I", len(aliases)))
        for alias, target in aliases:
            string(alias)
            string(target)
        out.flush()
        os.fsync(out.fileno())
