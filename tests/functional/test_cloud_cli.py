"""`main.py practice --stt google|rtzr`, end to end in a real process, against loopback servers."""

from __future__ import annotations

import json
from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from tests.cli_support import cli_async as cli
from tests.cli_support import closed_port
from tests.conftest import speech_file
from tests.loopback.google_server import FakeGoogleSpeech, GoogleBehaviour
from tests.loopback.rtzr_server import CLIENT_ID


@pytest.fixture
async def google() -> AsyncIterator[FakeGoogleSpeech]:
    server = FakeGoogleSpeech(GoogleBehaviour(real_speech=True, words_per_final=10))
    await server.start()
    yield server
    await server.stop()


async def test_practice_on_google_streams_the_answer_to_the_endpoint_from_the_environment(
    data_dir: Path, google: FakeGoogleSpeech
) -> None:
    clip = speech_file("en/jfk.flac")
    code, out, err = await cli(
        data_dir,
        {"INTERVIEW_COACH_GOOGLE_ENDPOINT": google.endpoint},
        "practice",
        "--lang",
        "en",
        "--stt",
        "google",
        "--answers",
        str(clip),
        "--json",
    )
    assert code == 0, err
    document = json.loads(out)
    assert document["stt_backend"] == "google"
    words = document["answers"][0]["transcript"].split()
    # The loopback server "hears" one word per 100 ms: all of the 11 s clip arrived, in order, once.
    assert words == [f"t{k}" for k in range(len(words))] and len(words) >= 100
    assert google.stats.configs[0].config.language_code == "en-US"  # type: ignore[attr-defined]


async def test_rtzr_unreachable_goes_on_locally_says_so_and_never_logs_the_secret(data_dir: Path) -> None:
    clip = speech_file("ko/deeply_AirbnbStudio_sub100101a00047.wav")
    port = closed_port()  # nothing listens: the network is "gone"
    secret = "very-secret-value-42"
    code, out, err = await cli(
        data_dir,
        {
            "INTERVIEW_COACH_RTZR_AUTH_URL": f"http://127.0.0.1:{port}/v1/authenticate",
            "INTERVIEW_COACH_RTZR_STREAM_URL": f"ws://127.0.0.1:{port}/v1/transcribe:streaming",
            "INTERVIEW_COACH_RTZR_CLIENT_ID": CLIENT_ID,
            "INTERVIEW_COACH_RTZR_CLIENT_SECRET": secret,
        },
        "--verbose",
        "practice",
        "--lang",
        "ko",
        "--stt",
        "rtzr",
        "--answers",
        str(clip),
    )
    assert code == 0, err
    assert "이 컴퓨터에서 계속 인식합니다" in err or "recognition on your computer" in err
    assert "→" in out and ("words" in out or "단어 " in out)  # the local transcript's figures were printed
    assert secret not in out + err
