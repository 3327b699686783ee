"""Fault injection, against the real CLI in child processes: the four faults of issue 19's suite, counted.

1. Google refusing the credentials: `practice --stt google` against the loopback StreamingRecognize server
   answering UNAUTHENTICATED, --google-runs times. Counted: crashes (a non-zero exit or a traceback), and
   runs whose answer was still transcribed locally and stored `complete` with its recording.
2. Kills at random moments: `practice --realtime` with three answers, SIGKILLed at a random moment (seeded).
   Counted: finals printed before the kill but not stored (must be 0), and the audio lost of the answer
   being spoken: seconds fed before the kill (from its question's line, so an over-estimate) minus the
   seconds in its FLAC after the next start salvaged it.
3. A corrupted database page: 40 stored sessions (and the daily backup a start makes), one random page
   overwritten, then `sessions --json`. Counted: a message and no traceback, the damaged file kept aside,
   the sessions back (read from the damaged file, or filled in from the backup).
4. A hanging model server (takes every request, never answers): `practice --llm-url` with two answers.
   Printed: the wait from answer 1's summary to question 2, and whether the notice said why.

    uv run python bench/fault_injection.py [--google-runs 100] [--kills 10] [--pages 5] [--seed 1]
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import signal
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Sequence
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

# After the path insert above:
from engine.audio.file_source import read_samples  # noqa: E402
from engine.storage import repair  # noqa: E402
from engine.storage.store import Store  # noqa: E402
from tests.loopback.google_server import FakeGoogleSpeech, GoogleBehaviour  # noqa: E402
from tests.storage_support import add_session  # noqa: E402

SPEECH = ROOT.parent / "shared" / "speech" / "en"
CLIPS = [SPEECH / "jfk.flac", SPEECH / "librispeech_2412-153948-0000.flac", SPEECH / "jfk.flac"]
ENV = {**os.environ, "PYTHONUNBUFFERED": "1"}


def spread(values: Sequence[float], unit: str) -> str:
    ordered = sorted(values)
    if not ordered:
        return "n/a"
    p90 = ordered[min(len(ordered) - 1, int(0.9 * len(ordered)))]
    return (
        f"median {statistics.median(ordered):.2f} {unit}, p90 {p90:.2f} {unit}, "
        f"min {ordered[0]:.2f}, max {ordered[-1]:.2f} {unit}"
    )


def main_py(data_dir: Path, *args: str) -> list[str]:
    return [sys.executable, "main.py", "--data-dir", str(data_dir), *args]


# -- 1. Google refusing ---------------------------------------------------------------------------------
async def google_refusals(runs: int) -> None:
    server = FakeGoogleSpeech(GoogleBehaviour(reject_credentials=True))
    await server.start()
    crashes = stored = 0
    try:
        for run in range(runs):
            data_dir = Path(tempfile.mkdtemp(prefix="fault-google-"))
            process = await asyncio.create_subprocess_exec(
                *main_py(data_dir, "practice", "--lang", "en", "--stt", "google", "--answers", str(CLIPS[0]), "--json"),
                cwd=ROOT,
                stdout=asyncio.subprocess.PIPE,
                stderr=asyncio.subprocess.PIPE,
                env={**ENV, "INTERVIEW_COACH_GOOGLE_ENDPOINT": server.endpoint},
            )
            out, err = await asyncio.wait_for(process.communicate(), 300)
            if process.returncode != 0 or b"Traceback" in err:
                crashes += 1
                print(f"  run {run + 1}: rc={process.returncode}\n{err.decode()[-800:]}", flush=True)
                continue
            answer = json.loads(out)["answers"][0]
            db = sqlite3.connect(data_dir / "interview-coach.sqlite3")
            (audio,) = db.execute("select audio_path from answers where id = ?", (answer["answer_id"],)).fetchone()
            db.close()
            recording = data_dir / audio
            if answer["status"] == "complete" and answer["transcript"] and recording.stat().st_size > 0:
                stored += 1
            if (run + 1) % 10 == 0:
                print(f"  {run + 1}/{runs} runs, {crashes} crashes", flush=True)
    finally:
        await server.stop()
    print(f"google refusal: {runs} runs, {crashes} crashes, {stored} answers transcribed locally and stored")


# -- 2. Kills at random moments -------------------------------------------------------------------------
def one_kill(moment_s: float) -> tuple[int, int, float | None]:
    """Kill `practice --realtime` `moment_s` after its first question; (finals shown, shown but not stored,
    seconds of the spoken answer lost or None when the kill fell outside an answer)."""
    data_dir = Path(tempfile.mkdtemp(prefix="fault-kill-"))
    args = main_py(data_dir, "practice", "--lang", "en", "--realtime", "--answers", *map(str, CLIPS))
    process = subprocess.Popen(args, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True, env=ENV)
    assert process.stdout is not None
    finals: list[str] = []
    asked_at: list[float] = []  # when each question line was printed
    answered = 0  # answers whose summary line was printed
    lock = threading.Lock()

    def read() -> None:
        nonlocal answered
        assert process.stdout is not None
        for line in process.stdout:  # a question, its finals (indented), then "  →" and the feedback lines
            with lock:
                if line.startswith("Question "):
                    asked_at.append(time.monotonic())
                elif line.startswith("  →"):
                    answered += 1
                elif line.startswith("  ↺") and finals:  # the latest final, revised: its row holds the revision
                    finals[-1] = line.split(") ", 1)[-1].strip()
                elif line.startswith(("  ✎", "  ★")):
                    continue  # an earlier answer's stored transcript or score, landing while this one is given
                elif line.startswith("  ") and len(asked_at) > answered:
                    finals.append(line.strip())

    reader = threading.Thread(target=read, daemon=True)
    reader.start()
    while not asked_at and process.poll() is None:
        time.sleep(0.01)
    first = asked_at[0]
    time.sleep(max(0.0, first + moment_s - time.monotonic()))
    process.send_signal(signal.SIGKILL)
    killed_at = time.monotonic()
    process.wait(30)
    reader.join(5)
    with lock:
        shown = list(finals)
        speaking = len(asked_at) > answered  # the kill fell inside an answer
        fed_s = killed_at - asked_at[-1] if speaking else 0.0
        current = len(asked_at)
    subprocess.run(main_py(data_dir, "sessions"), cwd=ROOT, capture_output=True, env=ENV, timeout=120)  # salvages
    db = sqlite3.connect(data_dir / "interview-coach.sqlite3")
    try:
        # An answer's live finals, or, once its re-read was stored (engine/storage/transcripts.py), where they moved.
        stored = [
            row[0]
            for table in ("transcript_segments", "live_segments")
            for row in db.execute(f"select text from {table} order by answer_id, start")
        ]
        audio = db.execute(
            "select a.audio_path from answers a join questions q on q.id = a.question_id where q.position = ?",
            (current,),
        ).fetchone()
    finally:
        db.close()
    missing = sum(1 for text in shown if text not in stored)
    lost: float | None = None
    if speaking and audio is not None:
        flac = data_dir / audio[0]
        kept_s = len(read_samples(flac)) / 16_000 if flac.is_file() and flac.stat().st_size else 0.0
        clip_s = len(read_samples(CLIPS[current - 1])) / 16_000
        lost = max(0.0, min(fed_s, clip_s) - kept_s)
    return len(shown), missing, lost


def kills(count: int, seed: int) -> None:
    rng = random.Random(seed)
    shown = missing = 0
    losses: list[float] = []
    for k in range(count):
        moment = rng.uniform(0.5, 36.0)
        finals, lost_finals, lost_audio = one_kill(moment)
        shown += finals
        missing += lost_finals
        where = f"{lost_audio:.2f} s of audio lost" if lost_audio is not None else "between answers"
        print(f"  kill {k + 1} at {moment:.1f} s: {finals} finals shown, {lost_finals} not stored, {where}", flush=True)
        if lost_audio is not None:
            losses.append(lost_audio)
    print(
        f"kills: {count} at random moments, finals shown {shown}, of them not stored {missing}; audio lost in the "
        f"answer being spoken ({len(losses)} kills): {spread(losses, 's')}"
    )


# -- 3. A corrupted database page -----------------------------------------------------------------------
async def forty_sessions(path: Path) -> None:
    """40 sessions, then the next day's start (which renews the daily backup), then a clean exit."""
    store = await Store.open(path)
    for n in range(40):
        await add_session(store, "en", f"Question {n} about deadlines?", "We shipped it early. " * 30, 140, None)
    await store.close()
    backup = repair.backup_path(path)
    day_old = backup.stat().st_mtime - repair.BACKUP_EVERY_S - 60
    os.utime(backup, (day_old, day_old))
    await (await Store.open(path)).close()
    with sqlite3.connect(path) as conn:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")  # every row in the main file, as after a clean exit


def corrupt_pages(count: int, seed: int) -> None:
    rng = random.Random(seed)
    messages = kept_aside = clean = 0
    sessions: list[float] = []
    for _ in range(count):
        data_dir = Path(tempfile.mkdtemp(prefix="fault-db-"))
        path = data_dir / "interview-coach.sqlite3"
        asyncio.run(forty_sessions(path))
        data = bytearray(path.read_bytes())
        page = rng.randrange(len(data) // 4096)
        data[page * 4096 : (page + 1) * 4096] = rng.randbytes(4096)
        path.write_bytes(bytes(data))
        result = subprocess.run(
            main_py(data_dir, "sessions", "--json"), cwd=ROOT, capture_output=True, text=True, env=ENV, timeout=120
        )
        said = "damaged" in result.stderr
        messages += said and result.returncode == 0 and "Traceback" not in result.stderr
        kept_aside += len(list(data_dir.glob("interview-coach.damaged-*.sqlite3"))) == 1
        back = len(json.loads(result.stdout)) if result.returncode == 0 else 0
        sessions.append(back)
        clean += not said and back == 40  # a page SQLite's check does not read (free or unused) needs no repair
        print(f"  page {page}: {'said so' if said else 'no damage found'}, {back} of 40 sessions back", flush=True)
    print(
        f"corrupted pages: {count}, damage found and said {messages}, damaged file kept aside {kept_aside}, "
        f"sound without repair {clean}; sessions back: {spread(sessions, 'of 40')}"
    )


# -- 4. A hanging model server --------------------------------------------------------------------------
class _Hanging(BaseHTTPRequestHandler):
    release = threading.Event()

    def log_message(self, *args: object) -> None:
        return

    def do_GET(self) -> None:
        self.release.wait(600)

    do_POST = do_GET


def hanging_server() -> None:
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Hanging)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    data_dir = Path(tempfile.mkdtemp(prefix="fault-hang-"))
    url = f"http://127.0.0.1:{server.server_address[1]}/v1"
    args = main_py(data_dir, "practice", "--lang", "en", "--llm-url", url, "--answers", *map(str, CLIPS[:2]))
    started = time.monotonic()
    process = subprocess.Popen(args, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=ENV)
    assert process.stdout is not None
    times: dict[str, float] = {}
    for line in process.stdout:
        if line.startswith("Question 1") and "q1" not in times:
            times["q1"] = time.monotonic()
        elif line.startswith("  →") and "a1" not in times:
            times["a1"] = time.monotonic()
        elif line.startswith("Question 2"):
            times["q2"] = time.monotonic()
    _, err = process.communicate(timeout=600)
    _Hanging.release.set()
    server.shutdown()
    first = times.get("q1", float("nan")) - started
    wait = times.get("q2", float("nan")) - times.get("a1", float("nan"))
    said = [line for line in err.splitlines() if "wrote no question" in line and " WARNING " not in line]
    notice = said[0] if said else "(no notice)"
    print(f"hanging server: question 1 after {first:.1f} s, question 2 {wait:.1f} s after answer 1; said: {notice}")
    print(f"  exit {process.returncode}, traceback {'yes' if 'Traceback' in err else 'no'}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--google-runs", type=int, default=100)
    parser.add_argument("--kills", type=int, default=10)
    parser.add_argument("--pages", type=int, default=5)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--only", choices=["google", "kills", "pages", "hang"], default=None)
    args = parser.parse_args()
    if args.only in (None, "hang"):
        hanging_server()
    if args.only in (None, "pages"):
        corrupt_pages(args.pages, args.seed)
    if args.only in (None, "kills"):
        kills(args.kills, args.seed)
    if args.only in (None, "google"):
        asyncio.run(google_refusals(args.google_runs))


if __name__ == "__main__":
    main()
