"""`main.py feedback`: a written answer's feedback as text or JSON, and a JSONL batch in input order."""

from __future__ import annotations

import json
from pathlib import Path

from tests.cli_support import cli

STRONG = (
    "At my last job our checkout took four seconds. My task was to get it under one second before the sale. "
    "I profiled the page, I found two slow queries and I added an index and a cache. As a result checkout "
    "took 0.8 seconds and conversion rose by 6 percent."
)


def test_one_answer_as_text_says_the_score_its_parts_and_their_evidence(data_dir: Path) -> None:
    result = cli(
        data_dir, "feedback", "--lang", "en", "--question", "Tell me about a time you made something faster.",
        "--answer", STRONG,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("Content ") and "(past experience question)" in result.stdout
    assert "Your actions:" in result.stdout and "“I profiled the page, I found two slow queries" in result.stdout
    korean = cli(
        data_dir, "--ui-lang", "ko", "feedback", "--lang", "ko", "--question", "지원 동기를 말씀해 주세요.",
        "--answer", "그냥 공고가 떠서 지원했습니다.",
    )  # fmt: skip
    assert korean.returncode == 0, korean.stderr
    assert korean.stdout.startswith("내용 ") and "지원 동기·적합성" in korean.stdout


def test_one_answer_as_json_from_a_file_with_a_given_type(data_dir: Path, tmp_path: Path) -> None:
    answer = tmp_path / "answer.txt"
    answer.write_text(STRONG, encoding="utf-8")
    result = cli(
        data_dir, "feedback", "--lang", "en", "--question", "Why this role?", "--answer-file", str(answer),
        "--type", "behavioural", "--json",
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    view = json.loads(result.stdout)
    assert view["question_type"] == "behavioural" and 0 <= view["score"] <= 100
    assert {p["criterion"] for p in view["parts"]} >= {"situation", "task", "action", "result"}
    assert all(e["quote"] in STRONG for p in view["parts"] for e in p["evidence"])
    assert sum(p["points"] for p in view["parts"]) - view["vague_penalty"] - view["score"] in range(-7, 8)


def test_a_batch_gives_one_json_object_a_line_in_input_order_and_marks_bad_lines(
    data_dir: Path, tmp_path: Path
) -> None:
    batch = tmp_path / "answers.jsonl"
    lines = [
        {"lang": "en", "question": "Tell me about a time you made something faster.", "answer": STRONG},
        {"lang": "en", "question": "Why do you want to work here?", "answer": "Um, uh, you know."},
        "this is not JSON",
        {"lang": "fr", "question": "Q", "answer": "A"},
        {"lang": "ko", "question": "자기소개 부탁드립니다.", "answer": "파이썬, 자바, 협업, 리더십, 열정."},
    ]
    text = "\n".join(line if isinstance(line, str) else json.dumps(line, ensure_ascii=False) for line in lines)
    batch.write_text(text + "\n\n", encoding="utf-8")
    result = cli(data_dir, "feedback", "--batch", str(batch))
    assert result.returncode == 1  # some lines were bad: said, and the rest still scored
    out = [json.loads(line) for line in result.stdout.splitlines()]
    assert [o["line"] for o in out] == [1, 2, 3, 4, 5]
    assert isinstance(out[0]["score"], int) and out[0]["score"] > out[1]["score"] and out[1]["flag"] == "fillers"
    assert out[2]["score"] is None and "line 3" in out[2]["error"] and "line 3" in result.stderr
    assert out[3]["score"] is None and '"lang" must be "en" or "ko"' in out[3]["error"]
    assert out[4]["flag"] == "keywords" and out[4]["score"] <= 5


def test_bad_input_says_what_to_do(data_dir: Path, tmp_path: Path) -> None:
    no_lang = cli(data_dir, "feedback", "--question", "Q", "--answer", "A")
    assert no_lang.returncode == 2 and "--lang en or --lang ko" in no_lang.stderr
    no_answer = cli(data_dir, "feedback", "--lang", "en", "--question", "Q")
    assert no_answer.returncode == 2 and "--answer TEXT or --answer-file FILE" in no_answer.stderr
    binary = tmp_path / "answer.bin"
    binary.write_bytes(b"\xff\xfe\x00bad")
    unreadable = cli(data_dir, "feedback", "--lang", "en", "--answer-file", str(binary))
    assert unreadable.returncode == 2 and "cannot be read" in unreadable.stderr and "UTF-8" in unreadable.stderr
