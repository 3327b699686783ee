"""How well the model-free feedback ranks answers, on labelled answers written apart from its rules.

Reads tests/data/feedback/{dev,test}.jsonl (788 answers, ko/en, every question type; strong, weak and nine
kinds of junk, each with its reason; split before any tuning, see feedback_split.py). Prints per split and
language, beside answer length alone (the baseline to beat):
- ROC AUC of the score, strong above weak (the chance a random strong answer outscores a random weak one);
- junk answers scoring at or above the weakest strong answer;
- STAR sentence tagging precision and recall (baseline: every sentence tagged "action", the commonest part);
- how often the question's type is read right from its wording.
The rules are tuned on dev only; test is the figure that counts. Targets on test: AUC >= 0.9, no junk at or
above the weakest strong answer, STAR precision >= 0.9.

    uv run python bench/feedback_quality.py [--split dev|test] [--show]
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from engine.feedback.assess import Assessment, assess  # noqa: E402 - after the path insert above
from engine.feedback.cues import classify  # noqa: E402
from engine.feedback.question_type import QuestionType  # noqa: E402

DATA = ROOT / "tests" / "data" / "feedback"


def load(split: str) -> list[dict[str, Any]]:
    return [json.loads(line) for line in (DATA / f"{split}.jsonl").read_text("utf-8").splitlines()]


def roc_auc(high: list[float], low: list[float]) -> float:
    pairs = [(h > w) + 0.5 * (h == w) for h in high for w in low]
    return sum(pairs) / len(pairs) if pairs else float("nan")


def length(row: dict[str, Any]) -> float:
    text = row["answer"]
    return float(sum(1 for ch in text if "\uac00" <= ch <= "\ud7a3") if row["lang"] == "ko" else len(text.split()))


Row = dict[str, Any]


# The STAR criteria whose quotes are shown as evidence, and the part each quote must be to be right.
EVIDENCE_PARTS = {"situation": "situation", "task": "task", "action": "action", "result": "result",
                  "plan": "action", "outcome": "result"}  # fmt: skip


def evidence_precision(rows: list[Row], assessed: dict[str, Assessment]) -> tuple[int, int]:
    """Of the quotes shown as evidence for a STAR criterion, how many are a sentence of that part."""
    shown = right = 0
    for row in rows:
        gold: dict[int, str] = {}
        at = 0
        for sentence in row.get("sentences") or []:
            at = row["answer"].find(sentence["text"], at)
            gold[at] = sentence["star"]
            at += len(sentence["text"])
        if not gold:
            continue
        for criterion in assessed[row["id"]].criteria:
            want = EVIDENCE_PARTS.get(criterion.name)
            for quote in criterion.quotes if want and criterion.points > 0 else ():
                shown += 1
                right += gold.get(quote.start) == want
    return right, shown


@dataclass
class Figures:
    auc: float
    junk_above: int
    junk: int
    weakest_strong: float
    precision: float
    recall: float


def star_figures(rows: list[dict[str, Any]], tagger: Callable[[dict[str, Any]], list[str]]) -> tuple[float, float]:
    """Precision: of the sentences given a part, how many have that part; recall: of the sentences that
    have a part, how many are given it."""
    given = right = gold_parts = 0
    for row in rows:
        gold = [s["star"] for s in row.get("sentences") or []]
        if not gold:
            continue
        tags = tagger(row)
        if len(tags) != len(gold):  # the sentence splitter disagreed: align by position anyway, count as is
            tags = (tags + [""] * len(gold))[: len(gold)]
        for tag, truth in zip(tags, gold, strict=True):
            given += bool(tag)
            gold_parts += truth != "none"
            right += bool(tag) and tag == truth
    return (right / given if given else 0.0), (right / gold_parts if gold_parts else 0.0)


def figures(
    rows: list[dict[str, Any]], score: Callable[[dict[str, Any]], float], tagger: Callable[[dict[str, Any]], list[str]]
) -> Figures:
    values = {row["id"]: score(row) for row in rows}
    strong = [values[r["id"]] for r in rows if r["label"] == "strong"]
    weak = [values[r["id"]] for r in rows if r["label"] == "weak"]
    junk = [values[r["id"]] for r in rows if r["label"] == "junk"]
    floor = min(strong)
    precision, recall = star_figures(rows, tagger)
    return Figures(roc_auc(strong, weak), sum(1 for j in junk if j >= floor), len(junk), floor, precision, recall)


def tags_of(assessment: Assessment, row: dict[str, Any]) -> list[str]:
    """The tagger's part for each labelled sentence: the tag of the sentence that starts where it starts."""
    by_start = {t.sentence.start: t.part for t in assessment.star if t.sure}  # shown as evidence: sure tags only
    out, at = [], 0
    for sentence in row.get("sentences") or []:
        at = row["answer"].find(sentence["text"], at)
        out.append(by_start.get(at, ""))
        at += len(sentence["text"])
    return out


def report(split: str, language: str, part: list[Row], show: bool) -> None:
    assessed = {r["id"]: assess(r["question"], r["answer"], language) for r in part}
    ours = figures(part, lambda r: assessed[r["id"]].score, lambda r: tags_of(assessed[r["id"]], r))
    base = figures(part, length, lambda r: ["action"] * len(r.get("sentences") or []))
    typed = sum(1 for r in part if classify(r["question"], language) == QuestionType(r["type"])) / len(part)
    flagged = sum(1 for r in part if r["label"] == "junk" and assessed[r["id"]].junk is not None)
    false = sum(1 for r in part if r["label"] != "junk" and assessed[r["id"]].junk is not None)
    strong = [assessed[r["id"]].score for r in part if r["label"] == "strong"]
    right, shown = evidence_precision(part, assessed)
    print(
        f"{split} {language}: {len(part)} answers | AUC {ours.auc:.3f} (length {base.auc:.3f}) | "
        f"junk >= weakest strong {ours.junk_above}/{ours.junk} (length {base.junk_above}/{base.junk}) | "
        f"STAR evidence shown right {right}/{shown} = {right / max(1, shown):.2f} | "
        f"STAR sentence tags precision {ours.precision:.2f} recall {ours.recall:.2f} "
        f"(all-action {base.precision:.2f}/{base.recall:.2f}) | type read right {typed:.0%} | "
        f"junk flagged {flagged}/{ours.junk}, real answers flagged {false} | "
        f"strong median {statistics.median(strong):.1f} (spread {min(strong):.0f}-{max(strong):.0f})"
    )
    if not show:
        return
    order = {"strong": 0, "weak": 1, "junk": 2}
    for r in sorted(part, key=lambda r: (order[r["label"]], assessed[r["id"]].score)):
        a = assessed[r["id"]]
        kinds = f"{r['junk_kind'] or ''}->{a.junk or ''}"
        print(
            f"   {a.score:5.1f} {r['label']:<6} {r['type'][:10]:<10}>{a.question_type[:10]:<10} {kinds:<28} "
            f"rel {a.relevance.score:.2f} {r['id']} {r['answer'][:50]!r}"
        )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--split", choices=("dev", "test"), action="append", help="default: both")
    parser.add_argument("--show", action="store_true", help="print every answer's score, lowest strong first")
    args = parser.parse_args()
    for split in args.split or ("dev", "test"):
        rows = load(split)
        for language in ("en", "ko"):
            report(split, language, [r for r in rows if r["lang"] == language], args.show)
    return 0


if __name__ == "__main__":
    sys.exit(main())
