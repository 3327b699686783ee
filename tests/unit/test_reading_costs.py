"""What re-reads cost on this machine, per speech model (kept in a real SQLite file), and which speech models a
models folder holds for the reading."""

from __future__ import annotations

from pathlib import Path

import pytest
import sqlite_utils

from engine.storage import reading_costs
from engine.storage.migrations import migrate
from engine.storage.reading_costs import ReadingCost
from models.catalogue import installed_whisper


def _database(tmp_path: Path) -> sqlite_utils.Database:
    db = sqlite_utils.Database(tmp_path / "history.sqlite3")
    migrate(db)
    return db


def test_each_models_readings_are_summed_up_per_minute_of_answer_with_the_wait_after_its_end(tmp_path: Path) -> None:
    db = _database(tmp_path)
    for cost in (
        ReadingCost("base", 60.0, 15.0, 3.0),
        ReadingCost("base", 120.0, 30.0, 5.0),
        ReadingCost("base", 30.0, 6.0, None),  # a catch-up at start: no answer's end to wait from
        ReadingCost("small", 60.0, 40.0, 12.0),
    ):
        reading_costs.record(db, cost)
    found = reading_costs.summaries(db)
    base, small = found["base"], found["small"]
    assert base.answers == 3
    assert base.per_minute_s == pytest.approx(60 * 51 / 210)  # compute seconds over the answers' minutes
    assert (base.ready_median_s, base.ready_p90_s) == (4.0, 5.0)
    assert (small.answers, small.per_minute_s, small.ready_median_s, small.ready_p90_s) == (1, 40.0, 12.0, 12.0)


def test_only_the_latest_readings_count_and_catch_ups_alone_have_no_wait(tmp_path: Path) -> None:
    db = _database(tmp_path)
    for _ in range(reading_costs.RECENT):
        reading_costs.record(db, ReadingCost("medium", 60.0, 10.0, None))
    reading_costs.record(db, ReadingCost("medium", 60.0, 10.0 + 60 * reading_costs.RECENT, None))  # the newest
    medium = reading_costs.summaries(db)["medium"]
    assert medium.answers == reading_costs.RECENT  # the oldest fell out
    assert medium.per_minute_s == pytest.approx(10.0 + 60.0)  # the newest's 3,010 s in, one 10 s reading out
    assert medium.ready_median_s is None and medium.ready_p90_s is None


def _model_folder(folder: Path, *files: str) -> None:
    folder.mkdir(parents=True)
    for name in files:
        (folder / name).write_bytes(b"x")


def test_the_models_folder_offers_base_then_every_complete_whisper_folder(tmp_path: Path) -> None:
    full = ("model.bin", "config.json", "tokenizer.json", "vocabulary.txt")
    _model_folder(tmp_path / "whisper-base", *full)
    _model_folder(tmp_path / "whisper-medium", *full)
    _model_folder(tmp_path / "whisper-small", *full)
    _model_folder(tmp_path / "whisper-large-v3-turbo", "model.bin", "config.json", "tokenizer.json", "vocabulary.json")
    _model_folder(tmp_path / "whisper-ko-tuned", *full)
    _model_folder(tmp_path / "whisper-no-tokenizer", "model.bin", "config.json", "vocabulary.txt")  # would go online
    _model_folder(tmp_path / "whisper-no-vocabulary", "model.bin", "config.json", "tokenizer.json")
    _model_folder(tmp_path / "llm", "model.gguf")
    (tmp_path / "whisper-file").write_bytes(b"x")
    assert installed_whisper(tmp_path) == ("base", "small", "medium", "large-v3-turbo", "ko-tuned")
    assert installed_whisper(tmp_path / "absent") == ("base",)  # base is built in: assembled on first use
