"""How tests/data/feedback/{dev,test}.jsonl were made, kept so the split can be checked: the four files
written independently of the scorer (one per language and half of the question types), split in half
within each language × type × label (junk by kind), by a hash of the id, before any tuning.

Sets written later by other hands for tuning only (ids en-c-…, ko-c-…, every question type and label;
ko-d-…, 70 strong and weak Korean answers; ko-e-… to ko-k-…, each half strong and
half weak, every type; en-d-…; each measured before anything was tuned on it) are all dev, as are the 140
extra questions of questions_dev.jsonl (for reading a question's type).

The feedback's two trained readers learn from dev only: `--training` writes their examples,
resources/feedback/star_sentences.jsonl (every tagged sentence of dev) and question_types.jsonl (dev's
questions and questions_dev.jsonl's).

    uv run python bench/feedback_split.py RAW_DIR     # writes dev.jsonl and test.jsonl
    uv run python bench/feedback_split.py --training  # writes the trained readers' examples from dev
    uv run python bench/feedback_split.py             # checks that the files are that split of their union
"""

from __future__ import annotations

import hashlib
import json
import sys
from collections import defaultdict
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "tests" / "data" / "feedback"
TRAINING = ROOT / "resources" / "feedback"
EXTRA_BATCHES = ("c", "d", "e", "f", "g", "h", "i", "j", "k")


def stratum(row: dict[str, object]) -> tuple[object, ...]:
    return (row["lang"], row["type"], row["label"], row["junk_kind"])


def read(paths: list[Path]) -> list[dict[str, Any]]:
    return [json.loads(line) for path in paths for line in path.read_text("utf-8").splitlines()]


def _extra(row: dict[str, object]) -> bool:
    return any(f"-{batch}-" in str(row["id"]) for batch in EXTRA_BATCHES)


def divide(rows: list[dict[str, object]]) -> dict[str, list[dict[str, object]]]:
    groups: dict[tuple[object, ...], list[dict[str, object]]] = defaultdict(list)
    for row in rows:
        if not _extra(row):
            groups[stratum(row)].append(row)
    split: dict[str, list[dict[str, object]]] = {"dev": [r for r in rows if _extra(r)], "test": []}
    turn = 0
    for key in sorted(groups, key=str):
        ordered = sorted(groups[key], key=lambda r: hashlib.sha256(str(r["id"]).encode()).hexdigest())
        for row in ordered:  # alternate, carrying the turn across strata so odd-sized ones even out
            split["dev" if turn % 2 == 0 else "test"].append(row)
            turn += 1
    return split


def training_examples(dev: list[dict[str, Any]], questions: list[dict[str, Any]]) -> dict[str, list[dict[str, Any]]]:
    """The trained readers' examples, from dev only: each tagged sentence with its place in the answer, and
    each question with its type (once)."""
    sentences = [
        {"lang": r["lang"], "part": s["star"], "index": i, "count": len(r["sentences"]), "sentence": s["text"]}
        for r in sorted(dev, key=lambda r: str(r["id"]))
        for i, s in enumerate(r.get("sentences") or [])
    ]
    typed: dict[tuple[str, str], dict[str, Any]] = {}
    for r in [*dev, *questions]:
        typed.setdefault((r["lang"], r["question"]), {"lang": r["lang"], "type": r["type"], "question": r["question"]})
    ordered = sorted(typed.values(), key=lambda r: (r["lang"], r["type"], r["question"]))
    return {"star_sentences": sentences, "question_types": ordered}


def write_training() -> int:
    dev = read([OUT / "dev.jsonl"])
    for name, rows in training_examples(dev, read([OUT / "questions_dev.jsonl"])).items():
        text = "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows)
        (TRAINING / f"{name}.jsonl").write_text(text, "utf-8")
        print(f"{name}: {len(rows)} examples")
    return 0


def main(args: list[str]) -> int:
    if args == ["--training"]:
        return write_training()
    if not args:
        current = {name: read([OUT / f"{name}.jsonl"]) for name in ("dev", "test")}
        again = divide(current["dev"] + current["test"])
        same = all({str(r["id"]) for r in again[n]} == {str(r["id"]) for r in current[n]} for n in current)
        print("the split is the hash rule's" if same else "the split differs from the hash rule")
        return 0 if same else 1
    split = divide(read(sorted(Path(args[0]).glob("*.jsonl"))))
    for name, part in split.items():
        text = "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in sorted(part, key=lambda r: str(r["id"])))
        (OUT / f"{name}.jsonl").write_text(text, "utf-8")
        print(f"{name}: {len(part)} answers")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
