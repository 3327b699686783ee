"""The speech model's int8 copy: what CTranslate2 would convert at every load, written once, loaded after.

Real model, real clips: the copy must transcribe exactly as the original does, be used only when it was made
from the file there now and proven on this machine, and never cost a start when it is damaged.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from engine.config.settings import SpeechSettings
from engine.stt.speech_model import SpeechModel
from models import whisper_int8
from models.catalogue import WHISPER_BASE
from tests.conftest import speech_file

CLIPS = ("en/jfk.flac", "ko/deeply_AirbnbStudio_sub100101a00047.wav")


@pytest.fixture
def own_models(tmp_path: Path, models_dir: Path) -> Path:
    """A models folder of this test's own, holding the assembled base model (its marker still matches)."""
    shutil.copytree(models_dir / WHISPER_BASE.folder, tmp_path / WHISPER_BASE.folder)
    return tmp_path


def test_the_copy_holds_int8_weights_and_transcribes_exactly_as_the_original(tmp_path: Path, models_dir: Path) -> None:
    from faster_whisper import WhisperModel

    source = models_dir / WHISPER_BASE.folder
    copy = whisper_int8.make_copy(tmp_path, source)
    assert whisper_int8.usable_copy(tmp_path, source) == copy
    assert (copy / "model.bin").stat().st_size < 0.6 * (source / "model.bin").stat().st_size
    written = whisper_int8.read_model(memoryview((copy / "model.bin").read_bytes()))
    kinds = {variable.name: variable.dtype for variable in written.variables}
    assert kinds["decoder/embeddings/weight"] == "int8"
    assert kinds["encoder/layer_0/ffn/linear_0/weight"] == "int8"
    assert kinds["encoder/layer_0/ffn/linear_0/weight_scale"] == "float32"
    assert kinds["encoder/conv1/weight"] == "float32"  # convolutions stay float, as CTranslate2 keeps them
    original = WhisperModel(str(source), compute_type="int8", cpu_threads=2)
    converted = WhisperModel(str(copy), compute_type="int8", cpu_threads=2)
    for name in CLIPS:
        clip = speech_file(name)
        language = clip.parent.name
        expected = " ".join(s.text for s in original.transcribe(str(clip), language=language, beam_size=5)[0])
        got = " ".join(s.text for s in converted.transcribe(str(clip), language=language, beam_size=5)[0])
        assert got == expected and expected.strip(), clip.name


async def test_later_loads_take_the_proven_copy_and_never_a_damaged_one(own_models: Path) -> None:
    folder = own_models / WHISPER_BASE.folder
    first = SpeechModel(SpeechSettings(), own_models)
    await first.get()
    assert first.loaded_from == folder
    copy = first.keep_int8_copy()  # writes the copy and runs the native probe on it in a child
    assert copy is not None and whisper_int8.usable_copy(own_models, folder) == copy

    second = SpeechModel(SpeechSettings(), own_models)
    await second.get()
    assert second.loaded_from == copy
    assert second.keep_int8_copy() is None  # nothing more to do

    # A copy whose size or mtime changed is not used: the original loads.
    with (copy / "model.bin").open("ab") as handle:
        handle.write(b"\0")
    assert whisper_int8.usable_copy(own_models, folder) is None
    third = SpeechModel(SpeechSettings(), own_models)
    await third.get()
    assert third.loaded_from == folder


@pytest.mark.parametrize("damaged", ["model.bin", "tokenizer.json"])
async def test_a_copy_that_fails_to_load_is_discarded_and_the_original_loads(own_models: Path, damaged: str) -> None:
    folder = own_models / WHISPER_BASE.folder
    first = SpeechModel(SpeechSettings(), own_models)
    await first.get()
    copy = first.keep_int8_copy()
    assert copy is not None
    # Damaged in place with its size and mtime kept, so that the marker still matches: the load itself fails,
    # with CTranslate2's RuntimeError (an unknown binary version) or the tokenizer's plain Exception.
    path = copy / damaged
    stat = path.stat()
    with path.open("r+b") as handle:
        handle.write(b"\xff" * 16)
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns))
    assert whisper_int8.usable_copy(own_models, folder) == copy

    model = SpeechModel(SpeechSettings(), own_models)
    decoder = await model.get()
    assert model.loaded_from == folder and decoder is not None
    assert not whisper_int8.copy_folder(own_models, folder).exists()


def test_a_model_in_another_layout_is_refused_before_anything_is_written(tmp_path: Path) -> None:
    source = tmp_path / "odd"
    source.mkdir()
    (source / "model.bin").write_bytes((5).to_bytes(4, "little") + b"\0" * 64)
    with pytest.raises(ValueError, match="version 5"):
        whisper_int8.make_copy(tmp_path / "models", source)
    assert list((tmp_path / "models" / whisper_int8.COPIES).iterdir()) == []  # no partial copy left


def test_a_model_file_cut_short_is_refused_with_a_reason(tmp_path: Path, models_dir: Path) -> None:
    whole = (models_dir / WHISPER_BASE.folder / "model.bin").read_bytes()
    for length in (3, 40, 5_000_000):  # inside the version, the header, a variable's values
        with pytest.raises(ValueError, match=r"model\.bin"):
            whisper_int8.read_model(memoryview(whole[:length]))
