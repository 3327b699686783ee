"""Installing a larger Whisper model for the re-read, against a real HTTP server on 127.0.0.1 playing the hub
(never the hub itself): every file, model.bin verified by the hub's sha256 and last, a stop that keeps what
came, a damaged or missing file said with what to do, and the installed folder loads and reads.

The server serves base's own files under small's name: no larger model reaches this machine."""

from __future__ import annotations

import asyncio
import hashlib
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt

from desktop.main_window import Screen
from engine.audio.file_source import read_samples
from engine.config.preferences import Preferences
from engine.config.settings import SpeechSettings
from engine.errors import ModelError
from engine.stt.speech_model import SpeechModel
from engine.stt.whisper_install import MIRROR_ENV, install_whisper
from models.catalogue import installed_whisper
from models.download import part_path
from tests.conftest import speech_file
from tests.desktop_harness import open_desktop
from tests.fake_sounddevice import FakeSoundDevice


@dataclass
class Hub:
    files: dict[str, bytes]  # what /<folder>/<name> serves; anything else is 404
    folder: str = "whisper-small"
    etag: str | None = None  # model.bin's sha256, as X-Linked-Etag (the hub's LFS checksum)
    hold_after: int | None = None  # model.bin stops after this many bytes until `release` is set
    release: threading.Event = field(default_factory=threading.Event)
    asked: list[tuple[str, str]] = field(default_factory=list)  # (file, Range header)


@pytest.fixture
def hub(models_dir: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Hub]:
    base = models_dir / "whisper-base"
    files = {name: (base / name).read_bytes() for name in ("config.json", "tokenizer.json", "vocabulary.txt")}
    files["model.bin"] = (base / "model.bin").read_bytes()
    state = Hub(files, etag=hashlib.sha256(files["model.bin"]).hexdigest())

    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *args: object) -> None:
            return

        def do_GET(self) -> None:
            folder, _, name = self.path.strip("/").partition("/")
            requested = self.headers.get("Range", "")
            state.asked.append((name, requested))
            body = state.files.get(name) if folder == state.folder else None
            if body is None:
                self.send_response(404)
                self.end_headers()
                return
            start = int(requested.removeprefix("bytes=").rstrip("-")) if requested else 0
            self.send_response(206 if start else 200)
            self.send_header("Content-Length", str(len(body) - start))
            if name == "model.bin" and state.etag:
                self.send_header("X-Linked-Etag", f'"{state.etag}"')
            self.end_headers()
            body = body[start:]
            try:
                if name == "model.bin" and state.hold_after is not None and not start:
                    self.wfile.write(body[: state.hold_after])
                    self.wfile.flush()
                    state.release.wait(30)
                    body = body[state.hold_after :]
                self.wfile.write(body)
            except (BrokenPipeError, ConnectionResetError):  # the installer refused it from the headers
                return

    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    monkeypatch.setenv(MIRROR_ENV, f"http://127.0.0.1:{httpd.server_address[1]}")
    yield state
    state.release.set()
    httpd.shutdown()
    httpd.server_close()


async def test_an_installed_model_has_every_file_model_bin_last_and_loads_and_reads(hub: Hub, tmp_path: Path) -> None:
    models = tmp_path / "models"
    seen: list[tuple[int, int | None]] = []
    folder = await install_whisper("small", models, lambda done, total: seen.append((done, total)))
    assert folder == models / "whisper-small" and installed_whisper(models) == ("base", "small")
    assert [name for name, _ in hub.asked][-1] == "model.bin"  # the folder is complete only once it is in
    assert "vocabulary.json" not in [name for name, _ in hub.asked]  # the .txt came: the .json is not asked
    assert seen[-1] == (len(hub.files["model.bin"]),) * 2  # progress in model.bin's bytes, to the end
    decoder = await SpeechModel(SpeechSettings(model="small"), models).get()  # a real, loadable model
    reading = decoder.model.transcribe(read_samples(speech_file("en/jfk.flac")).astype("float32") / 32768.0)
    assert "country" in " ".join(s.text for s in reading[0])


async def test_damaged_bytes_are_refused_and_the_folder_is_not_offered(hub: Hub, tmp_path: Path) -> None:
    hub.etag = "0" * 64  # the hub's checksum does not match what came
    with pytest.raises(ModelError) as failed:
        await install_whisper("small", tmp_path / "models", lambda _done, _total: None)
    assert failed.value.key == "model.download_checksum" and "Install it again" in failed.value.message("en")
    assert installed_whisper(tmp_path / "models") == ("base",)


async def test_a_model_bin_nothing_can_check_is_not_installed(hub: Hub, tmp_path: Path) -> None:
    hub.etag = None  # a mirror that sends no checksum: the file cannot be told from a wrong one
    fetched: list[int] = []
    with pytest.raises(ModelError) as failed:
        await install_whisper("small", tmp_path / "models", lambda done, _total: fetched.append(done))
    assert failed.value.key == "model.download_checksum" and "no checksum" in failed.value.message("en")
    assert not any(fetched)  # refused from the headers, before any of model.bin's bytes were fetched
    assert installed_whisper(tmp_path / "models") == ("base",)
    assert not (tmp_path / "models" / "whisper-small" / "model.bin.part").exists()  # nothing unverified kept


async def test_a_layout_with_a_json_vocabulary_and_a_preprocessor_config_is_installed_whole(
    hub: Hub, tmp_path: Path
) -> None:
    hub.folder = "whisper-large-v3-turbo"  # large-v3's layout: vocabulary.json, and 128 mel bins said in a file
    hub.files["vocabulary.json"] = b'{"<|endoftext|>": 50257}'
    hub.files["preprocessor_config.json"] = b'{"feature_size": 128}'
    del hub.files["vocabulary.txt"]
    folder = await install_whisper("large-v3-turbo", tmp_path / "models", lambda _done, _total: None)
    assert sorted(p.name for p in folder.iterdir()) == sorted(hub.files)
    assert [name for name, _ in hub.asked][-1] == "model.bin"
    assert installed_whisper(tmp_path / "models") == ("base", "large-v3-turbo")
    del hub.files["vocabulary.json"]  # a repository with no vocabulary at all is refused, with what to do
    with pytest.raises(ModelError) as failed:
        await install_whisper("large-v3-turbo", tmp_path / "other", lambda _done, _total: None)
    assert failed.value.key == "model.download_http" and "whisper-large-v3-turbo" in failed.value.message("en")


async def test_a_missing_file_is_said_and_nothing_is_offered(hub: Hub, tmp_path: Path) -> None:
    del hub.files["tokenizer.json"]  # without it faster-whisper would go to the hub: required
    with pytest.raises(ModelError) as failed:
        await install_whisper("small", tmp_path / "models", lambda _done, _total: None)
    assert failed.value.key == "model.download_http" and "404" in failed.value.message("en")
    assert installed_whisper(tmp_path / "models") == ("base",)


async def test_a_stopped_install_keeps_what_came_and_the_next_resumes(hub: Hub, tmp_path: Path) -> None:
    models = tmp_path / "models"
    hub.hold_after = 5 << 20
    held = asyncio.Event()

    def progress(done: int, _total: int | None) -> None:
        if done >= (hub.hold_after or 0):
            held.set()  # the server holds the rest back: the candidate presses Stop here

    task = asyncio.create_task(install_whisper("small", models, progress))
    await asyncio.wait_for(held.wait(), timeout=60)
    task.cancel()
    hub.release.set()  # the thread wakes at its next chunk, sees the stop and keeps the part
    with pytest.raises(asyncio.CancelledError):
        await task
    part = part_path(models / "whisper-small" / "model.bin")
    had = part.stat().st_size
    assert had >= hub.hold_after and installed_whisper(models) == ("base",)
    hub.hold_after = None
    await install_whisper("small", models, lambda _done, _total: None)
    assert ("model.bin", f"bytes={had}-") in hub.asked  # resumed where it stopped, not started again
    assert [name for name, _ in hub.asked].count("config.json") == 1  # what came was not asked again
    assert installed_whisper(models) == ("base", "small")


def test_settings_install_a_model_with_progress_and_choose_it(
    qtbot: Any, qloop: Any, tmp_path: Path, data_dir: Path, hub: Hub
) -> None:
    prefs = Preferences(data_dir=str(tmp_path / "data"), models_dir=str(tmp_path / "models"), first_run_done=True)
    with open_desktop(qtbot, tmp_path, sd=FakeSoundDevice(None), preferences=prefs) as desktop:
        desktop.window.show_screen(Screen.SETTINGS)
        group = desktop.window.settings.reread
        installer = group.installer
        offered = [installer.choice.itemData(i) for i in range(installer.choice.count())]
        assert offered == ["small", "medium", "large-v3-turbo"]
        assert group.model.isVisible() and installer.isVisible() and group.about.isVisible()  # laid out, shown
        assert "0.5 GB" in installer.choice.itemText(0)  # its size, before anything is downloaded
        with qtbot.waitSignal(installer.finished, timeout=120_000):
            qtbot.mouseClick(installer.button, Qt.MouseButton.LeftButton)
        assert "small is installed" in installer.status.text(), installer.status.text()
        assert group.model.currentData() == "small"  # chosen; Save keeps it
        assert [installer.choice.itemData(i) for i in range(installer.choice.count())] == ["medium", "large-v3-turbo"]
        desktop.shoot("settings-whisper-installed")
        qtbot.mouseClick(desktop.window.settings.save_button, Qt.MouseButton.LeftButton)
        assert desktop.ctx.preferences.reread_model == "small"


def test_settings_stop_an_install_and_keep_what_came(
    qtbot: Any, qloop: Any, tmp_path: Path, data_dir: Path, hub: Hub
) -> None:
    hub.hold_after = 5 << 20
    prefs = Preferences(data_dir=str(tmp_path / "data"), models_dir=str(tmp_path / "models"), first_run_done=True)
    with open_desktop(qtbot, tmp_path, sd=FakeSoundDevice(None), preferences=prefs) as desktop:
        desktop.window.show_screen(Screen.SETTINGS)
        installer = desktop.window.settings.reread.installer
        qtbot.mouseClick(installer.button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: installer.bar.maximum() == 1000 and installer.bar.value() > 0, timeout=60_000)
        assert installer.button.text() == "Stop" and not installer.choice.isEnabled()
        desktop.shoot("settings-whisper-installing")
        with qtbot.waitSignal(installer.finished, timeout=60_000):
            qtbot.mouseClick(installer.button, Qt.MouseButton.LeftButton)
            assert not installer.button.isEnabled()  # a second Stop cannot start a second download meanwhile
            hub.release.set()  # the held bytes come; the download's thread sees the stop at that chunk
        assert "Stopped" in installer.status.text() and installer.button.text() == "Install"
        assert installer.button.isEnabled() and installer.choice.isEnabled()
        assert (tmp_path / "models" / "whisper-small" / "model.bin.part").stat().st_size >= 1 << 20  # kept
        assert installed_whisper(tmp_path / "models") == ("base",)
