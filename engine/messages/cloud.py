"""Cloud speech recognition's part of the engine's message catalogue (merged into engine.messages.CATALOGUE)."""

from __future__ import annotations

from typing import Final

CLOUD_MESSAGES: Final[dict[str, dict[str, str]]] = {
    "error.title.cloud_speech": {"en": "Cloud speech recognition problem", "ko": "클라우드 음성 인식 문제"},
    "stt.cloud.stream_reset": {
        "en": "The speech stream was reset ({detail}); it reconnected and nothing was lost.",
        "ko": "음성 스트림이 재설정되었습니다({detail}). 다시 연결했고 잃은 내용은 없습니다.",
    },
    "stt.cloud.stream_limit": {
        "en": "The speech stream was renewed before the provider's length limit.",
        "ko": "제공자의 길이 제한 전에 음성 스트림을 새로 열었습니다.",
    },
    "stt.cloud.stream_ended": {
        "en": "The provider ended the speech stream early; it reconnected and nothing was lost.",
        "ko": "제공자가 음성 스트림을 일찍 끝냈습니다. 다시 연결했고 잃은 내용은 없습니다.",
    },
    "stt.cloud.unreachable": {
        "en": "{provider} cannot be reached. Check your internet connection; recognition goes on locally if it "
        "does not come back.",
        "ko": "{provider}에 연결할 수 없습니다. 인터넷 연결을 확인하세요. 연결이 돌아오지 않으면 이 컴퓨터에서 "
        "계속 인식합니다.",
    },
    "stt.cloud.rate_limited": {
        "en": "{provider} is limiting requests right now (too many at once, or the quota is used up). It will "
        "retry shortly; check your plan's limits if this keeps happening.",
        "ko": "{provider}가 지금 요청을 제한하고 있습니다(동시 요청 과다 또는 할당량 소진). 잠시 후 다시 "
        "시도합니다. 계속되면 요금제의 한도를 확인하세요.",
    },
    "stt.cloud.server_error": {
        "en": "{provider} reported a server error ({detail}). It will retry shortly.",
        "ko": "{provider}에서 서버 오류가 났습니다({detail}). 잠시 후 다시 시도합니다.",
    },
    "stt.cloud.invalid_request": {
        "en": "{provider} refused the request as invalid ({detail}). Check the speech settings (endpoint, "
        "language, model); this answer goes on with local recognition.",
        "ko": "{provider}가 요청을 잘못된 것으로 거부했습니다({detail}). 음성 설정(주소, 언어, 모델)을 "
        "확인하세요. 이 답변은 이 컴퓨터에서 계속 인식합니다.",
    },
    "stt.cloud.offline_fallback": {
        "en": "The connection to {provider} was lost, so this answer goes on with recognition on your computer. "
        "Nothing you said is lost.",
        "ko": "{provider} 연결이 끊겨 이 답변은 이 컴퓨터에서 계속 인식합니다. 말한 내용은 잃지 않았습니다.",
    },
    "stt.cloud.unreliable_fallback": {
        "en": "{provider} kept failing, so this answer goes on with recognition on your computer. Nothing you "
        "said is lost.",
        "ko": "{provider}가 계속 실패해 이 답변은 이 컴퓨터에서 계속 인식합니다. 말한 내용은 잃지 않았습니다.",
    },
    "stt.google.bad_credentials": {
        "en": "Google Cloud refused the credentials ({detail}). Choose a valid service-account key file in "
        "Settings → Speech, and check that the Speech-to-Text API is enabled for its project.",
        "ko": "Google Cloud가 자격 증명을 거부했습니다({detail}). 설정 → 음성에서 올바른 서비스 계정 키 "
        "파일을 고르고, 그 프로젝트에서 Speech-to-Text API가 켜져 있는지 확인하세요.",
    },
    "stt.google.credentials_missing": {
        "en": "The Google service-account key file {path} does not exist. Choose it again in Settings → Speech.",
        "ko": "Google 서비스 계정 키 파일 {path}이(가) 없습니다. 설정 → 음성에서 다시 고르세요.",
    },
    "stt.google.credentials_invalid": {
        "en": "{path} is not a Google service-account key file ({detail}). Download a JSON key for a service "
        "account in the Google Cloud console and choose it in Settings → Speech.",
        "ko": "{path}은(는) Google 서비스 계정 키 파일이 아닙니다({detail}). Google Cloud 콘솔에서 서비스 "
        "계정의 JSON 키를 받아 설정 → 음성에서 고르세요.",
    },
    "stt.google.env_credentials_missing": {
        "en": "GOOGLE_APPLICATION_CREDENTIALS names {path}, which does not exist. Correct or unset that "
        "variable (it wins over the key file chosen in Settings → Speech).",
        "ko": "GOOGLE_APPLICATION_CREDENTIALS가 가리키는 {path}이(가) 없습니다. 그 환경 변수를 고치거나 "
        "지우세요(설정 → 음성에서 고른 키 파일보다 우선합니다).",
    },
    "stt.google.env_credentials_invalid": {
        "en": "GOOGLE_APPLICATION_CREDENTIALS names {path}, which is not a Google service-account key file "
        "({detail}). Point it at a JSON key for a service account, or unset it.",
        "ko": "GOOGLE_APPLICATION_CREDENTIALS가 가리키는 {path}은(는) Google 서비스 계정 키 파일이 아닙니다"
        "({detail}). 서비스 계정의 JSON 키를 가리키게 하거나 그 환경 변수를 지우세요.",
    },
    "stt.google.no_credentials": {
        "en": "No Google Cloud credentials were found. Choose a service-account key file in Settings → Speech, "
        "or set GOOGLE_APPLICATION_CREDENTIALS.",
        "ko": "Google Cloud 자격 증명을 찾지 못했습니다. 설정 → 음성에서 서비스 계정 키 파일을 고르거나 "
        "GOOGLE_APPLICATION_CREDENTIALS를 설정하세요.",
    },
    "stt.rtzr.bad_credentials": {
        "en": "RTZR refused the client ID or secret. Enter them again in Settings → Speech (they are on the "
        "RTZR developers console).",
        "ko": "RTZR가 클라이언트 ID 또는 시크릿을 거부했습니다. 설정 → 음성에서 다시 입력하세요(RTZR 개발자 "
        "콘솔에 있습니다).",
    },
    "stt.rtzr.no_credentials": {
        "en": "No RTZR client ID and secret are set. Enter them in Settings → Speech, or set "
        "INTERVIEW_COACH_RTZR_CLIENT_ID and INTERVIEW_COACH_RTZR_CLIENT_SECRET.",
        "ko": "RTZR 클라이언트 ID와 시크릿이 없습니다. 설정 → 음성에서 입력하거나 "
        "INTERVIEW_COACH_RTZR_CLIENT_ID와 INTERVIEW_COACH_RTZR_CLIENT_SECRET을 설정하세요.",
    },
    "stt.rtzr.bad_reply": {
        "en": "RTZR sent a reply this app cannot read ({detail}). It will retry; if it keeps happening, check "
        "the RTZR addresses in Settings → Speech.",
        "ko": "RTZR가 이 앱이 읽을 수 없는 응답을 보냈습니다({detail}). 다시 시도합니다. 계속되면 설정 → "
        "음성의 RTZR 주소를 확인하세요.",
    },
    "stt.rtzr.korean_only": {
        "en": "RTZR streaming recognises Korean only, so English answers use recognition on your computer.",
        "ko": "RTZR 스트리밍은 한국어만 인식하므로 영어 답변은 이 컴퓨터에서 인식합니다.",
    },
    "stt.cloud.keyring_unavailable": {
        "en": "No keyring service is running, so credentials cannot be stored ({detail}). Install or unlock "
        "your system's keyring, or set the environment variables named in the README.",
        "ko": "키링 서비스가 없어 자격 증명을 저장할 수 없습니다({detail}). 시스템 키링을 설치하거나 잠금을 "
        "풀거나, README에 적힌 환경 변수를 설정하세요.",
    },
}
