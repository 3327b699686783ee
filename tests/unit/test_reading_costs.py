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
    assert (base.readings, base.timed) == (3, 2)
    assert base.per_minute_s == pytest.approx(60 * 51 / 210)  # compute seconds over the answers' minutes
    assert (base.ready_median_s, base.ready_p90_s) == (4.0, 5.0)
    assert (small.readings, small.per_minute_s, small.ready_median_s, small.ready_p90_s) == (1, 40.0, 12.0, 12.0)


@pytest.mark.parametrize(("count", "p90"), [(1, 1.0), (9, 9.0), (10, 9.0), (11, 10.0), (20, 18.0)])
def test_nine_in_ten_were_ready_within_the_p90(tmp_path: Path, count: int, p90: float) -> None:
    db = _database(tmp_path)
    for ready in range(count, 0, -1):  # 1 s, 2 s, ... in any order
        reading_costs.record(db, ReadingCost("base", 60.0, 10.0, float(ready)))
    found = reading_costs.summaries(db)["base"]
    assert found.ready_p90_s == p90  # the nearest rank: at least 9 in 10 within it, and no more than needed
    assert sum(r <= p90 for r in range(1, count + 1)) >= 0.9 * count


def test_only_the_latest_readings_count_and_catch_ups_alone_have_no_wait(tmp_path: Path) -> None:
    db = _database(tmp_path)
    for _ in range(reading_costs.RECENT):
        reading_costs.record(db, ReadingCost("medium", 60.0, 10.0, None))
    reading_costs.record(db, ReadingCost("medium", 60.0, 10.0 + 60 * reading_costs.RECENT, None))  # the newest
    medium = reading_costs.summaries(db)["medium"]
    assert (medium.readings, medium.timed) == (reading_costs.RECENT, 0)  # the oldest fell out
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
