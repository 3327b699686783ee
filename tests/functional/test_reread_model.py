"""A model of its own for the re-read: the chosen installed model reads each answer again while base streams,
what each reading cost is kept for Settings, and a chosen model that cannot load leaves the live one reading.

No larger Whisper model reaches this machine (DESIGN.md: the registry's small packages are incomplete), so the
"other" model here is base's own files in a folder of their own: a real second model, loaded and read apart
from the live one; what differs for a larger model is only its weights."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

from engine.audio.file_source import read_samples
from engine.config.settings import AppPaths, SpeechSettings
from engine.storage.store import Store
from engine.stt.speech_model import SpeechModel
from tests.cli_support import cli
from tests.conftest import speech_file
from tests.storage_support import owed_answer

KO_CLIP = "ko/deeply_DanceStudio_sub100112a00045.wav"


def installed_copy(models_dir: Path, folder: Path) -> Path:
    """Base's model files in `folder`, as a user's other installed model would lie (hard links: no copy)."""
    folder.mkdir(parents=True)
    for file in (models_dir / "whisper-base").iterdir():
        if file.is_file():
            try:
                os.link(file, folder / file.name)
            except OSError:  # another file system
                shutil.copy2(file, folder / file.name)
    return folder


async def test_the_chosen_model_reads_each_answer_again_and_its_cost_is_kept(
    data_dir: Path, models_dir: Path, tmp_path: Path
) -> None:
    from engine.interview.stored_transcript import TranscriptKeeper

    other = installed_copy(models_dir, tmp_path / "models" / "whisper-other")
    paths = AppPaths(data_dir)
    store = await Store.open(paths.database)
    try:
        answer = await owed_answer(store, paths, speech_file(KO_CLIP), "라이브 답변")
        live = SpeechModel(SpeechSettings(), models_dir)
        keeper = TranscriptKeeper(store, live, reading=SpeechSettings(model=str(other)))
        assert keeper.reading_model == str(other)
        (owed,) = await store.owed_rereads()
        stored = await keeper.reread(owed)  # as an interview hands an answer over at its end
        assert stored is not None and stored.answer_id == answer and "상자" in stored.transcript
        assert keeper.failure is None and keeper.reading_model == str(other)
        assert keeper._model.loaded_from is not None and keeper._model.loaded_from.name == "whisper-other"
        assert live.loaded_from is not None and live.loaded_from.name == "whisper-base"  # base streams, apart
        costs = await store.reread_costs()
        assert list(costs) == [str(other)]  # the cost is the model's that read
        measured = costs[str(other)]
        assert (measured.readings, measured.timed) == (1, 1) and measured.per_minute_s > 0
        # Timed from the hand-over: at least the reading's own compute time.
        assert measured.ready_median_s is not None and measured.ready_median_s >= stored.seconds
        await keeper.close()
        await live.close()
    finally:
        await store.close()


def test_the_cli_says_at_once_when_the_reading_model_is_not_installed(data_dir: Path) -> None:
    answer = str(speech_file(KO_CLIP))
    result = cli(data_dir, "practice", "--lang", "ko", "--answers", answer, "--reread-model", "medium", "--json")
    assert result.returncode != 0 and not result.stdout  # before anything is asked, as for --model
    assert "'medium'" in result.stderr and "--reread-model" in result.stderr and "whisper-medium" in result.stderr


def test_a_chosen_model_that_cannot_load_leaves_the_live_model_reading_and_says_so(
    data_dir: Path, models_dir: Path, tmp_path: Path
) -> None:
    broken = installed_copy(models_dir, tmp_path / "models" / "whisper-broken")
    (broken / "model.bin").unlink()
    (broken / "model.bin").write_bytes(b"not a CTranslate2 model" * 1000)  # a download cut and padded, say
    answer = str(speech_file(KO_CLIP))
    result = cli(data_dir, "practice", "--lang", "ko", "--answers", answer, "--reread-model", str(broken), "--json")
    assert result.returncode == 0, result.stderr
    document = json.loads(result.stdout)
    assert document["reread_model"] == "base"  # nothing owed for want of it: base read the answer
    assert document["answers"][0]["transcript_source"] == "reread"
    said = result.stderr
    assert f"'{broken}'" in said and "--reread-model" in said and "'base'" in said, said  # which, and who read
    assert "weak for Korean" in said  # base read them after all


async def test_a_model_is_timed_on_the_last_recorded_answer_and_nothing_of_it_changes(
    data_dir: Path, models_dir: Path, tmp_path: Path
) -> None:
    from engine.interview.reading_trial import time_a_reading

    other = installed_copy(models_dir, tmp_path / "models" / "whisper-other")
    paths = AppPaths(data_dir)
    store = await Store.open(paths.database)
    try:
        reading = SpeechSettings(model=str(other))
        assert await time_a_reading(store, reading, models_dir) is None  # no answer recorded yet: nothing to time
        answer = await owed_answer(store, paths, speech_file(KO_CLIP), "라이브 답변")
        trial = await time_a_reading(store, reading, models_dir)
        assert trial is not None and trial.model == str(other)
        assert abs(trial.audio_s - len(read_samples(speech_file(KO_CLIP))) / 16000) < 0.1
        assert trial.cost_s > 0 and trial.load_s > 0 and trial.per_minute_s == 60 * trial.cost_s / trial.audio_s
        measured = (await store.reread_costs())[str(other)]
        assert (measured.readings, measured.timed) == (1, 0)  # a trial waits for no answer's end
        assert measured.ready_median_s is None
        assert await store.reread_owed(answer)  # its live transcript is still what it was, still owed its reading
        kept = store.db.execute("select transcript, transcript_source from answers where id = ?", [answer]).fetchone()
        assert tuple(kept) == ("라이브 답변", "live")
    finally:
        await store.close()


async def test_where_threads_cannot_be_lowered_the_chosen_model_waits_while_an_answer_is_live(
    data_dir: Path, models_dir: Path, tmp_path: Path
) -> None:
    import asyncio

    from engine.interview.stored_transcript import TranscriptKeeper

    other = installed_copy(models_dir, tmp_path / "models" / "whisper-other")
    paths = AppPaths(data_dir)
    store = await Store.open(paths.database)
    try:
        answer = await owed_answer(store, paths, speech_file(KO_CLIP), "라이브 답변")
        live = SpeechModel(SpeechSettings(), models_dir)
        # As on macOS and Windows: the chosen model is loaded apart, at normal priority, and reads nothing ahead.
        keeper = TranscriptKeeper(store, live, own_model=False, reading=SpeechSettings(model=str(other)))
        await live.get()
        assert keeper.read_ahead("ko", ()) is None
        keeper.hold()  # a live answer is under way
        reading = asyncio.create_task(keeper.reread(owed := (await store.owed_rereads())[0]))
        finished, _ = await asyncio.wait({reading}, timeout=15)
        assert not finished and owed.answer_id == answer  # it waits between Whisper's windows
        keeper.release()
        stored = await asyncio.wait_for(reading, timeout=120)
        assert stored is not None and keeper.reading_model == str(other)
        measured = (await store.reread_costs())[str(other)]
        assert measured.ready_median_s is not None and measured.ready_median_s >= 15  # the candidate waited
        # But the wait is not the model's cost: the load and the first window took a few seconds of the 15.
        cost_s = measured.per_minute_s * len(read_samples(speech_file(KO_CLIP))) / 16000 / 60
        assert cost_s < measured.ready_median_s - 5, (cost_s, measured.ready_median_s)
        await keeper.close()
    finally:
        await store.close()
