"""How well the blind-hiring check (engine/feedback/blind.py) finds personal details, on labelled sentences.

Reads tests/data/blind/{dev,test}.jsonl: one sentence a line, {"lang", "text", "kinds"} (kinds empty for a
sentence that gives nothing away; most are work talk that a bare keyword would mistake: a school as a
customer, users' ages, 키 as a key). dev was written with the rules and tuned on; test was written apart,
by another hand, and never tuned on. Prints per split and language: precision and recall of a sentence
flagged (any kind), the kinds right on the flagged ones, and a bare-keyword baseline the rules must beat.
Precision matters more than recall: a false alarm teaches a candidate to ignore the check.

    uv run python bench/blind_check.py [--split dev|test] [--show]
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from engine.feedback.blind import personal_details  # noqa: E402 - after the path insert above

DATA = ROOT / "tests" / "data" / "blind"

# The baseline: any sentence holding one of these words is flagged (what a naive check would do).
_KEYWORDS = {
    "en": r"\b(father|mother|dad|mom|parents|born|grew up|from|university|college|school|years old|age|married|"
    r"wife|husband|kids|tall|weigh\w*)\b",
    "ko": r"아버지|어머니|부모|고향|출신|대학|학교|살|나이|결혼|아내|남편|아이|키|체중|몸무게",
}


def load(split: str) -> list[dict[str, Any]]:
    return [json.loads(line) for line in (DATA / f"{split}.jsonl").read_text("utf-8").splitlines() if line.strip()]


def rules(text: str, lang: str) -> set[str]:
    return {d.kind.value for d in personal_details(text, lang)}


def keywords(text: str, lang: str) -> set[str]:
    return {"any"} if re.search(_KEYWORDS[lang], text, re.IGNORECASE) else set()


def figures(rows: list[dict[str, Any]], check: Callable[[str, str], set[str]]) -> tuple[float, float, float, int]:
    """(precision, recall, kind accuracy on true hits, sentences)."""
    tp = fp = fn = kinds_right = 0
    for row in rows:
        found, truth = check(row["text"], row["lang"]), set(row["kinds"])
        if found and truth:
            tp += 1
            kinds_right += bool(found & truth) or "any" in found
        elif found:
            fp += 1
        elif truth:
            fn += 1
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    return precision, recall, kinds_right / tp if tp else 1.0, len(rows)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--split", choices=["dev", "test"], action="append")
    parser.add_argument("--show", action="store_true", help="print each sentence the rules got wrong")
    args = parser.parse_args()
    for split in args.split or ["dev", "test"]:
        rows = load(split)
        for lang in ("en", "ko"):
            mine = [r for r in rows if r["lang"] == lang]
            p, r, k, n = figures(mine, rules)
            bp, br, _, _ = figures(mine, keywords)
            print(
                f"{split:4} {lang}: n={n:3}  precision {p:.2f}  recall {r:.2f}  kind right {k:.2f}"
                f"  | keyword baseline precision {bp:.2f} recall {br:.2f}"
            )
            if args.show:
                for row in mine:
                    found = rules(row["text"], lang)
                    if bool(found) != bool(row["kinds"]) or (found and not found & set(row["kinds"])):
                        print(f"    got {sorted(found)} want {row['kinds']}: {row['text']}")


if __name__ == "__main__":
    main()
