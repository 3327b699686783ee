"""The interviewer model's part of the engine's message catalogue (merged into engine.messages.CATALOGUE)."""

from __future__ import annotations

from typing import Final

LLM_MESSAGES: Final[dict[str, dict[str, str]]] = {
    "error.title.llm": {"en": "Interviewer model problem", "ko": "면접관 모델 문제"},
    "llm.question_not_ready": {
        "en": "The interviewer is still reading the posting and your answers, so this question is from the "
        "question bank. It joins in as soon as it is ready.",
        "ko": "면접관이 아직 공고와 답변을 읽는 중이라 이번 질문은 질문 목록에서 가져왔습니다. 준비되는 대로 "
        "면접관이 이어서 질문합니다.",
    },
    "llm.question_slow": {
        "en": "The interviewer model wrote no question within {seconds} s, so this one comes from the question "
        "bank. The model is tried again for the next.",
        "ko": "면접관 모델이 {seconds}초 안에 질문을 쓰지 못해 이번 질문은 질문 목록에서 가져왔습니다. 다음 "
        "질문에서 모델을 다시 시도합니다.",
    },
    "llm.question_slow_gave_up": {
        "en": "The interviewer model again wrote no question within {seconds} s: the rest of this interview comes "
        "from the question bank. Check that the model server answers, or choose a smaller model.",
        "ko": "면접관 모델이 이번에도 {seconds}초 안에 질문을 쓰지 못했습니다. 이 면접의 나머지 질문은 질문 "
        "목록에서 나옵니다. 모델 서버가 응답하는지 확인하거나 더 작은 모델을 고르세요.",
    },
    "llm.file_missing": {
        "en": "The interviewer model file {path} does not exist. Choose another file or download a model in "
        "Settings → Interviewer.",
        "ko": "면접관 모델 파일 {path}이(가) 없습니다. 설정 → 면접관에서 다른 파일을 고르거나 모델을 내려받으세요.",
    },
    "llm.file_unreadable": {
        "en": "The interviewer model file {path} cannot be read ({detail}). Check its permissions.",
        "ko": "면접관 모델 파일 {path}을(를) 읽을 수 없습니다({detail}). 파일 권한을 확인하세요.",
    },
    "llm.file_not_gguf": {
        "en": "{path} is not a GGUF model file. Choose a .gguf file (for example EXAONE in Q4_K_M).",
        "ko": "{path}은(는) GGUF 모델 파일이 아닙니다. .gguf 파일(예: EXAONE Q4_K_M)을 고르세요.",
    },
    "llm.file_damaged": {
        "en": "The interviewer model file {path} is damaged or incomplete ({detail}). Download it again, or "
        "choose another file. The interview goes on with questions from the bank.",
        "ko": "면접관 모델 파일 {path}이(가) 손상되었거나 불완전합니다({detail}). 다시 내려받거나 다른 파일을 "
        "고르세요. 면접은 기본 질문 목록의 질문으로 계속됩니다.",
    },
    "llm.no_chat_template_error": {
        "en": "{path} carries no chat template, so it cannot hold a conversation. Choose an instruction-tuned "
        "model (EXAONE Instruct).",
        "ko": "{path}에는 대화 템플릿이 없어 대화할 수 없습니다. 지시 학습된 모델(EXAONE Instruct)을 고르세요.",
    },
    "llm.no_chat_template": {
        "en": "This model file has no chat template; answers may be poor.",
        "ko": "이 모델 파일에는 대화 템플릿이 없어 답변 품질이 낮을 수 있습니다.",
    },
    "llm.context_lowered": {
        "en": "Not enough free memory for a 32,768-token context: the interviewer uses a shorter one, and very "
        "long interviews will forget their start. Close other programs or choose a smaller model.",
        "ko": "32,768 토큰 문맥에 필요한 메모리가 부족해 더 짧은 문맥을 씁니다. 아주 긴 면접에서는 앞부분을 "
        "잊을 수 있습니다. 다른 프로그램을 닫거나 더 작은 모델을 고르세요.",
    },
    "llm.context_full": {
        "en": "The interview no longer fits the model's context ({tokens} of {context} tokens).",
        "ko": "면접 내용이 모델의 문맥 길이를 넘었습니다({context} 토큰 중 {tokens}).",
    },
    "llm.generation_failed": {
        "en": "The interviewer model stopped with an error ({detail}).",
        "ko": "면접관 모델이 오류로 멈췄습니다({detail}).",
    },
    "llm.remote_unreachable": {
        "en": "The model server at {url} does not answer ({detail}). Check the address and that the server runs; "
        "the interview goes on with questions from the bank.",
        "ko": "{url}의 모델 서버가 응답하지 않습니다({detail}). 주소와 서버 실행 여부를 확인하세요. 면접은 질문 "
        "은행의 질문으로 계속됩니다.",
    },
    "llm.remote_auth": {
        "en": "The model server at {url} refused the API key. Enter the right key in Settings → Interviewer.",
        "ko": "{url}의 모델 서버가 API 키를 거부했습니다. 설정 → 면접관에서 올바른 키를 입력하세요.",
    },
    "llm.remote_refused": {
        "en": "The model server at {url} refused the request (HTTP {status}): {detail}",
        "ko": "{url}의 모델 서버가 요청을 거부했습니다(HTTP {status}): {detail}",
    },
    "llm.remote_model_unknown": {
        "en": "The server has no model named '{model}'. It offers: {models}.",
        "ko": "서버에 '{model}' 모델이 없습니다. 사용할 수 있는 모델: {models}.",
    },
    "llm.remote_no_schema": {
        "en": "The model server at {url} supports no structured (JSON schema) output, so answers cannot be scored.",
        "ko": "{url}의 모델 서버가 구조화된(JSON 스키마) 출력을 지원하지 않아 답변을 채점할 수 없습니다.",
    },
    "llm.remote_slow": {
        "en": "The model server at {url} sent nothing for {seconds} s, so this request was given up.",
        "ko": "{url}의 모델 서버가 {seconds}초 동안 아무것도 보내지 않아 이 요청을 중단했습니다.",
    },
    "llm.remote_malformed": {
        "en": "The model server sent something that is not a valid reply: {detail}",
        "ko": "모델 서버가 올바르지 않은 응답을 보냈습니다: {detail}",
    },
    "llm.question_unusable": {
        "en": "The interviewer model wrote no usable question; this one comes from the question bank.",
        "ko": "면접관 모델이 쓸 만한 질문을 만들지 못해 기본 질문 목록의 질문을 드립니다.",
    },
    "llm.question_fallback": {
        "en": "The interviewer model is unavailable ({detail}); questions come from the bank.",
        "ko": "면접관 모델을 쓸 수 없어({detail}) 기본 질문 목록의 질문을 드립니다.",
    },
    "llm.judge_unusable": {
        "en": "The model's evidence for this answer could not be read ({detail}); the feedback shown is the "
        "app's own analysis.",
        "ko": "이 답변에 대한 모델의 근거를 읽을 수 없어({detail}) 앱 자체 분석 결과만 보여 드립니다.",
    },
    "llm.review_timeout": {
        "en": "The interviewer model had not reviewed this answer after {seconds} s, so it was left; the feedback "
        "shown is the app's own analysis.",
        "ko": "면접관 모델이 {seconds}초가 지나도 이 답변을 검토하지 못해 건너뛰었습니다. 보이는 피드백은 앱 자체 분석 "
        "결과입니다.",
    },
    "llm.score_fallback": {
        "en": "The model's scores for this answer could not be read ({detail}), even on a second try; the "
        "feedback shown is the app's own analysis.",
        "ko": "이 답변에 대한 모델 점수를 다시 시도해도 읽을 수 없어({detail}) 앱 자체 분석 결과만 보여 드립니다.",
    },
    "llm.download_network": {
        "en": "The download stopped: the network connection was lost ({detail}). Start it again to resume "
        "where it stopped.",
        "ko": "네트워크 연결이 끊겨 내려받기가 멈췄습니다({detail}). 다시 시작하면 멈춘 곳부터 이어받습니다.",
    },
    "llm.download_http": {
        "en": "The server refused the download ({detail}). Try again later, or use a GGUF file you already have.",
        "ko": "서버가 내려받기를 거부했습니다({detail}). 나중에 다시 시도하거나 가지고 있는 GGUF 파일을 쓰세요.",
    },
    "llm.download_checksum": {
        "en": "The downloaded file was damaged (its checksum does not match) and was removed. Start the "
        "download again.",
        "ko": "내려받은 파일이 손상되어(체크섬 불일치) 삭제했습니다. 다시 내려받으세요.",
    },
    "llm.download_disk": {
        "en": "The model could not be saved in {folder} ({detail}). Free some disk space ({megabytes} MB are "
        "needed) or choose another models folder in Settings.",
        "ko": "{folder}에 모델을 저장할 수 없습니다({detail}). 디스크 공간을 확보하거나({megabytes}MB 필요) "
        "설정에서 다른 모델 폴더를 고르세요.",
    },
    "llm.licence_needed": {
        "en": "Accept the EXAONE licence before downloading an EXAONE model.",
        "ko": "EXAONE 모델을 내려받기 전에 EXAONE 라이선스에 동의하세요.",
    },
    "llm.keyring_unavailable": {
        "en": "No system keyring is available to keep the API key ({detail}). Set INTERVIEW_COACH_LLM_API_KEY "
        "in the environment instead, or install a keyring service.",
        "ko": "API 키를 보관할 시스템 키링을 쓸 수 없습니다({detail}). 대신 환경 변수 "
        "INTERVIEW_COACH_LLM_API_KEY를 설정하거나 키링 서비스를 설치하세요.",
    },
    "review.model_title": {
        "en": "The interviewer's advice ({model}); its quotes count in the score above only where they are in "
        "your answer",
        "ko": "면접관 모델의 조언({model}). 모델이 인용한 근거는 답변에 실제로 있을 때만 위 점수에 반영됩니다",
    },
    "review.example_title": {"en": "An improved example answer", "ko": "개선한 모범 답변"},
    "rubric.writing": {
        "en": "The interviewer model is still writing its review of this answer; it appears here when it is done.",
        "ko": "면접관 모델이 아직 이 답변의 검토를 쓰고 있습니다. 다 쓰면 여기에 나타납니다.",
    },
    "rubric.unavailable": {
        "en": "The interviewer model has not reviewed this answer; the feedback above is the app's own analysis.",
        "ko": "면접관 모델이 이 답변을 검토하지 못했습니다. 위의 피드백은 앱 자체 분석입니다.",
    },
}
