"""How tests/data/feedback/{dev,test}.jsonl were made, kept so the split can be checked: the four files
written independently of the scorer (one per language and half of the question types), split in half
within each language × type × label (junk by kind), by a hash of the id, before any tuning.

Sets written later by other hands for tuning only (ids en-c-…, ko-c-…, every question type and label;
ko-d-…, 70 strong and weak Korean answers; ko-e-… and ko-f-…, 88 more, each half strong and half weak,
every type, measured before anything was tuned on them) are all dev, as are the 140 extra questions of
questions_dev.jsonl (for reading a question's type).

    uv run python bench/feedback_split.py RAW_DIR   # writes dev.jsonl and test.jsonl
    uv run python bench/feedback_split.py           # checks that the files are that split of their union
"""

from __future__ import annotations

import hashlib
import json
import sys
from collections import defaultdict
from pathlib import Path

OUT = Path(__file__).resolve().parent.parent / "tests" / "data" / "feedback"


def stratum(row: dict[str, object]) -> tuple[object, ...]:
    return (row["lang"], row["type"], row["label"], row["junk_kind"])


def read(paths: list[Path]) -> list[dict[str, object]]:
    return [json.loads(line) for path in paths for line in path.read_text("utf-8").splitlines()]


def _extra(row: dict[str, object]) -> bool:
    return any(f"-{batch}-" in str(row["id"]) for batch in ("c", "d", "e", "f", "g"))


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


def main(args: list[str]) -> int:
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
