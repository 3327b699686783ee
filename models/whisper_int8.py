"""An int8 copy of the embedded Whisper model, kept beside it, so that start-up loads weights ready to use.

The embedded model ships its weights as float16. On a CPU, CTranslate2 converts them to int8 at every load:
0.42-0.46 s of its load on two cores, against 0.16 s for the copy, most of that the tokenizer
(docs/ARCHITECTURE.md).

The file layout is CTranslate2's model.bin (version 6), as its `ctranslate2.specs.model_spec.ModelSpec._serialize`
writes it: the library has no public call that saves a converted model, only its converters from the
training frameworks' checkpoints, which the app does not ship. The quantisation is CTranslate2's own: each
row of a weight matrix scaled by 127 over its largest magnitude and rounded, the scale kept as
`<name>_scale`; convolutions and everything else stay float (float16 read as float32, as the CPU runs
them). Beam-5 transcripts of every shared clip are identical from the copy and from the original.

A marker records the size and mtime of every file of the source and of the copy: a changed source or a
damaged copy is not used, and the copy is made again. It is written variable by variable from the mapped
source into a staging folder renamed into place, so memory holds about one variable's floats at a time and a
crash never leaves a plausible copy.
"""

from __future__ import annotations

import json
import logging
import mmap
import os
import shutil
import struct
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

import numpy as np

log = logging.getLogger(__name__)

COPIES = ".int8"  # under the models folder: one copy per model folder, named like it
MARKER = ".int8.json"
STAGING = ".partial"
FORMAT_VERSION = 6  # CTranslate2's binary version this reads and writes
DTYPES = ("float32", "int8", "int16", "int32", "float16", "bfloat16")  # CTranslate2's DataType ids, in order
_FLOATS = {"float32": np.float32, "float16": np.float16}


@dataclass(frozen=True, slots=True)
class Variable:
    name: str
    shape: tuple[int, ...]
    dtype: str
    data: memoryview  # a view into the file's bytes, or the converted values' bytes


@dataclass(frozen=True, slots=True)
class ModelFile:
    spec: str  # "WhisperSpec"
    revision: int
    variables: tuple[Variable, ...]
    aliases: tuple[tuple[str, str], ...]  # (alias, the variable it names)


def copy_folder(models_dir: Path, source: Path) -> Path:
    return models_dir / COPIES / source.name


def usable_copy(models_dir: Path, source: Path) -> Path | None:
    """The int8 copy of the model in `source`, if one was made from the files there now and is intact."""
    copy = copy_folder(models_dir, source)
    try:
        recorded = json.loads((copy / MARKER).read_text("utf-8"))
        return copy if isinstance(recorded, dict) and recorded == _identity(source, copy) else None
    except (OSError, ValueError):
        return None


def discard_copy(models_dir: Path, source: Path) -> None:
    shutil.rmtree(copy_folder(models_dir, source), ignore_errors=True)


def make_copy(models_dir: Path, source: Path) -> Path:
    """Write the int8 copy of the model in `source` (blocking: about 1.4 s and 200 MB for base on two cores).
    Raises ValueError for a model.bin this cannot read, OSError for the disk."""
    copy = copy_folder(models_dir, source)
    copy.parent.mkdir(parents=True, exist_ok=True)
    for stale in copy.parent.glob(f"{source.name}.*{STAGING}"):  # left by a killed run
        shutil.rmtree(stale, ignore_errors=True)
    staging = copy.parent / f"{source.name}.{uuid.uuid4().hex}{STAGING}"
    staging.mkdir()  # the umask's mode, as the models folder has, not mkdtemp's private 0700
    try:
        # Mapped, not read: the variables are views into the file's pages, which the system can drop again.
        # The map is unmapped when the last view goes (closing it by hand while an error's traceback still
        # holds a view would raise BufferError in the error's place).
        with (source / "model.bin").open("rb") as handle:
            mapped = mmap.mmap(handle.fileno(), 0, access=mmap.ACCESS_READ)
        with (staging / "model.bin").open("wb") as out:
            write_model(out, read_model(memoryview(mapped)))
        for path in source.iterdir():  # the tokenizer, the vocabulary, the configs, whatever the model has
            if path.is_file() and path.name != "model.bin" and not path.name.startswith("."):
                shutil.copyfile(path, staging / path.name)
                _sync(staging / path.name)
        _sync(staging)
        shutil.rmtree(copy, ignore_errors=True)
        os.replace(staging, copy)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    marker = copy / MARKER
    marker.write_text(json.dumps(_identity(source, copy)), "utf-8")
    _sync(marker)
    _sync(copy)
    log.info("wrote the int8 copy of %s in %s", source, copy)
    return copy


def _sync(path: Path) -> None:
    """On disk before the marker vouches for it: a power cut must not leave a marker over empty files."""
    descriptor = os.open(path, os.O_RDONLY)
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)


def _identity(source: Path, copy: Path) -> dict[str, list[list[object]]]:
    """Every file's name, size and mtime, of the source and of the copy (not the markers)."""

    def files(folder: Path) -> list[list[object]]:
        found = sorted(p for p in folder.iterdir() if p.is_file() and not p.name.startswith("."))
        return [[p.name, p.stat().st_size, p.stat().st_mtime_ns] for p in found]

    return {"source": files(source), "copy": files(copy)}


def read_model(buffer: memoryview) -> ModelFile:
    """model.bin's header, variables and aliases, each variable a view into `buffer` (nothing is copied)."""
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

    def variable() -> Variable:
        nonlocal offset
        name = string()
        shape = tuple(unpack("I") for _ in range(unpack("B")))
        dtype = DTYPES[unpack("B")]
        size = unpack("I")
        if offset + size > len(buffer):
            raise ValueError(f"model.bin ends inside {name}")
        offset += size
        return Variable(name, shape, dtype, buffer[offset - size : offset])

    try:
        version = unpack("I")
        if version != FORMAT_VERSION:
            raise ValueError(f"model.bin version {version}; the int8 copy reads version {FORMAT_VERSION}")
        spec, revision = string(), unpack("I")
        variables = tuple(variable() for _ in range(unpack("I")))
        aliases = tuple((string(), string()) for _ in range(unpack("I")))
    except (struct.error, IndexError, UnicodeDecodeError) as error:  # cut short, or a type id past the list
        raise ValueError(f"model.bin is not a CTranslate2 model this can read: {error}") from error
    if offset != len(buffer):
        raise ValueError(f"model.bin has {len(buffer) - offset} bytes after its last alias")
    return ModelFile(spec, revision, variables, aliases)


def quantised(variable: Variable) -> Iterator[Variable]:
    """The variable as CTranslate2 holds it in int8 on a CPU (WhisperModel::is_quantizable: weights, not
    convolutions): an int8 matrix and its per-row scale, or the float value as float32."""
    if variable.dtype not in _FLOATS:
        yield variable
        return
    values = np.frombuffer(variable.data, dtype=_FLOATS[variable.dtype]).astype(np.float32)
    if not _quantisable(variable):
        yield Variable(variable.name, variable.shape, "float32", _bytes_of(values))
        return
    rows = values.reshape(variable.shape[0], -1)  # worked on in place: one float32 copy of the variable at most
    largest = np.maximum(rows.max(axis=1), -rows.min(axis=1))
    largest[largest == 0] = 127.0  # a row of zeros gets scale 1, as CTranslate2 gives it
    # A float32 row this small would overflow the scale to inf (CTranslate2's converter has the same guard).
    largest = np.maximum(largest, np.float32(127) / np.finfo(np.float32).max)
    scale = (127.0 / largest).astype(np.float32)
    rows *= scale[:, None]
    np.rint(rows, out=rows)
    yield Variable(variable.name, variable.shape, "int8", _bytes_of(rows.astype(np.int8)))
    yield Variable(f"{variable.name}_scale", (len(scale),), "float32", _bytes_of(scale))


def _bytes_of(array: np.ndarray) -> memoryview:
    return np.ascontiguousarray(array).data.cast("B")


def _quantisable(variable: Variable) -> bool:
    return (
        variable.dtype in _FLOATS
        and variable.name.endswith("weight")
        and "conv" not in variable.name
        and bool(variable.shape)
    )


def write_model(out: BinaryIO, model: ModelFile) -> None:
    """The int8 model.bin, one variable converted and written at a time."""

    def string(text: str) -> None:
        encoded = text.encode("utf-8")
        out.write(struct.pack("H", len(encoded) + 1) + encoded + b"\0")

    count = sum(2 if _quantisable(v) else 1 for v in model.variables)
    out.write(struct.pack("I", FORMAT_VERSION))
    string(model.spec)
    out.write(struct.pack("=II", model.revision, count))
    for original in model.variables:
        for variable in quantised(original):
            string(variable.name)
            out.write(struct.pack("B", len(variable.shape)))
            out.write(b"".join(struct.pack("I", dim) for dim in variable.shape))
            out.write(struct.pack("=BI", DTYPES.index(variable.dtype), len(variable.data)))
            out.write(variable.data)
    out.write(struct.pack("I", len(model.aliases)))
    for alias, target in model.aliases:
        string(alias)
        string(target)
    out.flush()
    os.fsync(out.fileno())
