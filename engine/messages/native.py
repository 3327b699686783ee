"""Native libraries, logs and crashes: this part of the engine's message catalogue (merged into
engine.messages.CATALOGUE)."""

from __future__ import annotations

from typing import Final

NATIVE_MESSAGES: Final[dict[str, dict[str, str]]] = {
    "native.signal.SIGILL": {
        "en": "an instruction this processor does not support",
        "ko": "이 프로세서가 지원하지 않는 명령어",
    },
    "native.signal.SIGSEGV": {"en": "an invalid memory access", "ko": "잘못된 메모리 접근"},
    "native.signal.SIGBUS": {"en": "an invalid memory access", "ko": "잘못된 메모리 접근"},
    "native.signal.SIGABRT": {"en": "the library aborted", "ko": "라이브러리가 스스로 중단됨"},
    "native.signal.SIGFPE": {"en": "an arithmetic fault", "ko": "연산 오류"},
    "native.signal.other": {"en": "exit code {code}", "ko": "종료 코드 {code}"},
    "native.llm_crashed": {
        "en": "The interviewer model's engine (llama.cpp) crashed when it was tried on this computer "
        "({reason}), so the model on this computer is switched off: questions come from the question bank. "
        "To have the model interview you, choose a model server in Settings → Interviewer, or reinstall "
        "Interview Coach (README: Set-up). The details are in the log: {log}",
        "ko": "면접관 모델 엔진(llama.cpp)을 이 컴퓨터에서 시험 실행하다가 비정상 종료되었습니다({reason}). "
        "그래서 이 컴퓨터의 모델은 꺼 두었고, 질문은 질문 목록에서 나옵니다. 모델이 면접을 하게 하려면 "
        "설정 → 면접관에서 모델 서버를 고르거나 Interview Coach를 다시 설치하세요(README의 설치 안내). "
        "자세한 내용은 로그에 있습니다: {log}",
    },
    "native.speech_crashed": {
        "en": "Local speech recognition (CTranslate2 or ONNX Runtime) crashed when it was tried on this "
        "computer ({reason}), so it is switched off. Choose Google or RTZR in Settings → Speech to practise "
        "with cloud recognition, or reinstall Interview Coach (README: Set-up). The details are in the "
        "log: {log}",
        "ko": "로컬 음성 인식(CTranslate2 또는 ONNX Runtime)을 이 컴퓨터에서 시험 실행하다가 비정상 "
        "종료되었습니다({reason}). 그래서 로컬 음성 인식을 꺼 두었습니다. 설정 → 음성에서 Google이나 RTZR을 "
        "골라 클라우드 인식으로 연습하거나 Interview Coach를 다시 설치하세요(README의 설치 안내). "
        "자세한 내용은 로그에 있습니다: {log}",
    },
    "native.vad_crashed": {
        "en": "The voice detector (ONNX Runtime) crashed when it was tried on this computer ({reason}), so an "
        "answer no longer ends by itself after a silence: end it with the button or Space. Reinstalling "
        "Interview Coach (README: Set-up) may help. The details are in the log: {log}",
        "ko": "음성 감지기(ONNX Runtime)를 이 컴퓨터에서 시험 실행하다가 비정상 종료되었습니다({reason}). "
        "그래서 침묵이 이어져도 답변이 저절로 끝나지 않습니다. 버튼이나 Space 키로 답변을 마치세요. "
        "Interview Coach를 다시 설치하면 나아질 수 있습니다(README의 설치 안내). 자세한 내용은 로그에 "
        "있습니다: {log}",
    },
    "log.previous_crash": {
        "en": "The app stopped unexpectedly last time. What it wrote as it stopped is in the log: {log}",
        "ko": "지난번에 앱이 예기치 않게 종료되었습니다. 종료될 때 남긴 내용은 로그에 있습니다: {log}",
    },
}
