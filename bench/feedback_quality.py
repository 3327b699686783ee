"""How well the model-free content scorer ranks strong answers above weak ones, per language.

Reads the labelled answers in tests/data/feedback_labelled.json (written for this project: strong and weak,
each with a reason) and prints, per language, the ROC AUC of the content score (the chance that a random
strong answer scores above a random weak one; ties count half), and the scores of each group.
Target: AUC >= 0.9 in each language.

    uv run python bench/feedback_quality.py [--show]
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from engine.analysis.content import read_content  # noqa: E402 - after the path insert above

LABELLED = ROOT / "tests" / "data" / "feedback_labelled.json"


def roc_auc(strong: list[float], weak: list[float]) -> float:
    pairs = [(s > w) + 0.5 * (s == w) for s in strong for w in weak]
    return sum(pairs) / len(pairs)


def scores(language: str) -> tuple[list[float], list[float], list[tuple[str, float, str]]]:
    answers = [a for a in json.loads(LABELLED.read_text("utf-8"))["answers"] if a["language"] == language]
    rows = [(a["label"], read_content(a["answer"], language).score, a["answer"][:60]) for a in answers]
    return [s for label, s, _ in rows if label == "strong"], [s for label, s, _ in rows if label == "weak"], rows


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--show", action="store_true", help="print every answer's score")
    args = parser.parse_args()
    for language in ("en", "ko"):
        strong, weak, rows = scores(language)
        auc = roc_auc(strong, weak)
        print(
            f"{language}: {len(strong)} strong, {len(weak)} weak  ROC AUC {auc:.3f}  "
            f"(target >= 0.9: {'met' if auc >= 0.9 else 'MISSED'})  "
            f"strong median {statistics.median(strong):.1f} (min {min(strong):.1f}), "
            f"weak median {statistics.median(weak):.1f} (max {max(weak):.1f})"
        )
        if args.show:
            for label, score, text in sorted(rows, key=lambda r: -r[1]):
                print(f"   {score:5.1f}  {label:<6} {text}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
