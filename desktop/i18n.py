"""The interface language: Qt's translation system, with the .ts sources in resources/i18n.

The .qm files Qt loads are built from the .ts sources by Qt's own lrelease (shipped in the PySide6 wheel)
the first time they are needed, and cached by content hash in the user's cache folder: no manual step,
and an edited .ts is picked up on the next start.
"""

from __future__ import annotations

import hashlib
import logging
import subprocess
import sys
from pathlib import Path

import platformdirs
from PySide6.QtCore import QLibraryInfo, QLocale, QTranslator
from PySide6.QtWidgets import QApplication

from engine.config.settings import APP_NAME
from engine.runtime.resources import resource_path

log = logging.getLogger(__name__)

LANGUAGES = ("en", "ko")
SOURCE_LANGUAGE = "en"  # the strings in the code are English; ko has a .ts file


def system_language() -> str:
    """Korean when the system locale is Korean, English otherwise."""
    return "ko" if QLocale.system().language() == QLocale.Language.Korean else "en"


def ts_path(language: str) -> Path:
    return resource_path("i18n", f"interview_coach_{language}.ts")


def lrelease_path() -> Path:
    from PySide6 import QtCore  # the PySide6 package folder, where the wheel puts Qt's tools

    name = "lrelease.exe" if sys.platform == "win32" else "lrelease"
    return Path(QtCore.__file__).parent / name


def compiled_qm(language: str, cache_dir: Path | None = None) -> Path | None:
    """The .qm for `language`, built from its .ts if the cache lacks this version; None if it can't be."""
    source = ts_path(language)
    prebuilt = source.with_suffix(".qm")
    if prebuilt.is_file():  # a built app ships the .qm compiled at build time (tools/build_app.py), not lrelease
        return prebuilt
    if not source.is_file():
        log.warning("no translation source %s", source)
        return None
    digest = hashlib.sha256(source.read_bytes()).hexdigest()[:16]
    folder = cache_dir or Path(platformdirs.user_cache_dir(APP_NAME, appauthor=False)) / "i18n"
    target = folder / f"interview_coach_{language}-{digest}.qm"
    if target.is_file():
        return target
    try:
        folder.mkdir(parents=True, exist_ok=True)
        result = subprocess.run(
            [str(lrelease_path()), "-silent", str(source), "-qm", str(target)],
            capture_output=True,
            text=True,
            timeout=60,
            check=False,
        )
    except OSError as error:
        log.warning("could not build translations with lrelease: %s", error)
        return None
    if result.returncode != 0 or not target.is_file():
        log.warning("lrelease failed (%s): %s", result.returncode, result.stderr.strip())
        return None
    return target


class Translations:
    """Installs the app's and Qt's own translators; switching language re-installs them live."""

    def __init__(self, app: QApplication, cache_dir: Path | None = None) -> None:
        self._app = app
        self._cache_dir = cache_dir
        self._installed: list[QTranslator] = []
        self.language = SOURCE_LANGUAGE

    def apply(self, language: str) -> None:
        for translator in self._installed:
            self._app.removeTranslator(translator)
        self._installed.clear()
        self.language = language if language in LANGUAGES else SOURCE_LANGUAGE
        if self.language != SOURCE_LANGUAGE:
            qm = compiled_qm(self.language, self._cache_dir)
            ours = QTranslator(self._app)
            if qm is not None and ours.load(str(qm)):
                self._installed.append(ours)
            # Qt's own strings (standard buttons, file dialogs) from the translations the wheel ships.
            qt = QTranslator(self._app)
            if qt.load(
                QLocale(self.language), "qtbase", "_", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
            ):
                self._installed.append(qt)
        for translator in self._installed:
            self._app.installTranslator(translator)
        # Installing a translator sends LanguageChange to every widget; removing the last one does too.
        QLocale.setDefault(QLocale(self.language))
