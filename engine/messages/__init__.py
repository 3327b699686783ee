"""The engine's message catalogue: every user-visible string of the headless side, in Korean and English.

Qt's own `tr` covers the desktop; the engine cannot import Qt, so it keeps this small catalogue. Keys are
dotted names; each entry has both languages (a test checks that none is missing).
"""

from __future__ import annotations

from typing import Any, Final

from engine.messages.cli_help import CLI_HELP_MESSAGES
from engine.messages.cloud import CLOUD_MESSAGES
from engine.messages.feedback import FEEDBACK_MESSAGES
from engine.messages.llm import LLM_MESSAGES
from engine.messages.native import NATIVE_MESSAGES
from engine.messages.particles import settle
from engine.messages.practice import PRACTICE_MESSAGES
from engine.messages.report import REPORT_MESSAGES
from engine.messages.speech import SPEECH_MESSAGES

LANGUAGES: Final = ("en", "ko")

_GENERAL: Final[dict[str, dict[str, str]]] = {
    # Error titles
    "error.title.generic": {"en": "Something went wrong", "ko": "문제가 발생했습니다"},
    "error.title.model": {"en": "Speech model problem", "ko": "음성 모델 문제"},
    "error.title.audio_file": {"en": "Audio file problem", "ko": "오디오 파일 문제"},
    "error.title.microphone": {"en": "Microphone problem", "ko": "마이크 문제"},
    "error.title.storage": {"en": "Storage problem", "ko": "저장소 문제"},
    "error.title.config": {"en": "Settings problem", "ko": "설정 문제"},
    "error.title.missing_package": {"en": "Missing component", "ko": "구성 요소 없음"},
    # Storage
    "storage.open_failed": {
        "en": "The practice history at {path} could not be opened ({detail}). Check that the folder is "
        "writable, or choose another data folder with --data-dir.",
        "ko": "{path}의 연습 기록을 열 수 없습니다({detail}). 폴더에 쓰기 권한이 있는지 확인하거나 "
        "--data-dir로 다른 데이터 폴더를 지정하세요.",
    },
    "storage.recovered": {
        "en": "The practice history at {path} was damaged ({detail}). The damaged file is kept at {copy}; a new "
        "history was started, and {sessions} interviews were read back from the old one. Recordings are "
        "untouched.",
        "ko": "{path}의 연습 기록이 손상되어 있었습니다({detail}). 손상된 파일은 {copy}에 보관했고, 새 기록을 "
        "시작하면서 이전 파일에서 면접 {sessions}건을 읽어 왔습니다. 녹음 파일은 그대로입니다.",
    },
    "storage.recovered_backup": {
        "en": "{count} more came from the backup of {date}; what was practised after it and could not be read is lost.",
        "ko": "{date}에 만든 백업에서 면접 {count}건을 더 가져왔습니다. 그 뒤의 연습 중 읽지 못한 내용은 잃었습니다.",
    },
    "storage.newer_schema": {
        "en": "The practice history at {path} was written by a newer version of Interview Coach "
        "(schema {found}, this version knows {known}). Update the app to open it.",
        "ko": "{path}의 연습 기록은 더 새로운 버전의 Interview Coach로 저장되었습니다(스키마 {found}, "
        "이 버전은 {known}까지 지원). 앱을 업데이트하세요.",
    },
    "document.pasted_capped": {
        "en": "The job posting or résumé you pasted is longer than 20,000 characters: the interview uses its "
        "first 20,000, as it does for an opened file.",
        "ko": "붙여 넣은 채용 공고나 이력서가 20,000자를 넘습니다. 파일을 열 때와 같이 앞의 20,000자만 "
        "면접에 사용합니다.",
    },
    "storage.recording_unwritable": {
        "en": "The answer's recording could not be written to {path} ({detail}). The transcript is kept. Check "
        "that the data folder's recordings folder is a folder you can write to.",
        "ko": "답변 녹음을 {path}에 저장하지 못했습니다({detail}). 전사 내용은 보존됩니다. 데이터 폴더 안의 "
        "recordings가 쓰기 가능한 폴더인지 확인하세요.",
    },
    "storage.disk_full": {
        "en": "The disk holding {path} is full. What was recorded so far is kept; free some space to "
        "continue practising.",
        "ko": "{path}이(가) 있는 디스크가 가득 찼습니다. 지금까지 기록된 내용은 보존됩니다. 연습을 "
        "계속하려면 공간을 확보하세요.",
    },
    "storage.session_missing": {
        "en": "There is no stored session with id {session_id}. Run `sessions` to list them.",
        "ko": "ID {session_id}인 저장된 면접이 없습니다. `sessions`로 목록을 확인하세요.",
    },
    # Configuration / CLI
    "config.too_many_answers": {
        "en": "{answers} answer files were given but the interview has only {questions} questions.",
        "ko": "답변 파일은 {answers}개인데 면접 질문은 {questions}개뿐입니다.",
    },
    "config.no_questions": {
        "en": "The question bank has no questions for language '{lang}' and kind '{kind}'.",
        "ko": "기본 질문 목록에 언어 '{lang}', 유형 '{kind}'에 해당하는 질문이 없습니다.",
    },
    "missing.package": {
        "en": "The {feature} needs the Python package '{package}', which is not installed. Run "
        "`uv sync` in the app's folder.",
        "ko": "{feature} 기능에는 Python 패키지 '{package}'이(가) 필요하지만 설치되어 있지 않습니다. "
        "앱 폴더에서 `uv sync`를 실행하세요.",
    },
    # CLI output
    "cli.question": {"en": "Question {number}", "ko": "질문 {number}"},
    "cli.no_speech": {"en": "(no speech heard)", "ko": "(인식된 말이 없습니다)"},
    # An answer's error stored before errors were kept as message keys: its English message, as written.
    "answer.error_as_stored": {"en": "{text}", "ko": "{text}"},
    # One answer's delivery figures (engine/analysis/delivery_view.py), for the CLI, the review and the PDF.
    "delivery.words": {"en": "{count} words", "en_one": "1 word", "ko": "{count}단어"},
    "delivery.eojeol": {"en": "{count} words", "en_one": "1 word", "ko": "단어 {count}개"},  # a Korean answer's
    "delivery.rate_wpm": {"en": "{rate} words/min", "ko": "분당 {rate}단어"},
    "delivery.rate_spm": {"en": "{rate} syllables/min", "ko": "분당 {rate}음절"},
    "delivery.fillers": {"en": "{count} fillers", "en_one": "1 filler", "ko": "군말 {count}회"},
    "delivery.fillers_rate": {
        "en": "{count} fillers ({per_minute} a minute)",
        "en_one": "1 filler ({per_minute} a minute)",
        "ko": "군말 {count}회(분당 {per_minute}회)",
    },
    "delivery.no_pauses": {"en": "no pauses over 0.2 s", "ko": "0.2초 넘는 쉼 없음"},
    "delivery.pauses": {
        "en": "{count} pauses, the longest {longest} s",
        "en_one": "1 pause of {longest} s",
        "ko": "쉼 {count}회(최장 {longest}초)",
    },
    "delivery.speaking": {"en": "{seconds} s of speech", "ko": "말한 시간 {seconds}초"},
    "delivery.rate_needs_more": {
        "en": "pace needs {seconds} s of speech",
        "ko": "속도는 {seconds}초 이상 말해야 잴 수 있습니다",
    },
    "cli.stored": {
        "en": "Session {session_id} stored in {path}",
        "ko": "{session_id}번 면접을 {path}에 저장했습니다",
    },
    "cli.skipped": {"en": "(no answer given: skipped)", "ko": "(답변 없음: 건너뜀)"},
    "cli.interrupted_found": {
        "en": "Session {session_id} was cut off last time (the app closed mid-answer); it is kept as "
        "interrupted with everything it had.",
        "ko": "면접 {session_id}이(가) 지난번 답변 도중 종료되었습니다. 기록된 내용은 모두 '중단됨' 상태로 보존됩니다.",
    },
    "cli.no_sessions": {"en": "No sessions stored yet.", "ko": "저장된 면접이 아직 없습니다."},
    # Session states, for listings
    # Desktop, preferences and documents
    "error.title.document": {"en": "Document problem", "ko": "문서 문제"},
    "error.title.playback": {"en": "Playback problem", "ko": "재생 문제"},
    "error.unexpected": {
        "en": "Something unexpected went wrong ({detail}). What you recorded is kept. If it happens again, "
        "restart Interview Coach and send us the log ({log}); the button below copies its end.",
        "ko": "예상하지 못한 문제가 발생했습니다({detail}). 녹음한 내용은 보존되었습니다. 다시 발생하면 "
        "Interview Coach를 다시 시작하고 로그({log})를 보내 주세요. 아래 버튼을 누르면 로그의 끝부분이 "
        "복사됩니다.",
    },
    "prefs.save_failed": {
        "en": "Your settings could not be saved to {path} ({detail}). Check that the folder is writable and "
        "the disk is not full.",
        "ko": "설정을 {path}에 저장하지 못했습니다({detail}). 폴더에 쓰기 권한이 있는지, 디스크가 가득 차지 "
        "않았는지 확인하세요.",
    },
    "prefs.unreadable": {
        "en": "Your settings file could not be read, so the defaults are in use. The old file was kept as {path}.",
        "ko": "설정 파일을 읽을 수 없어 기본 설정을 사용합니다. 이전 파일은 {path}(으)로 보관했습니다.",
    },
    "document.unsupported": {
        "en": "{name} is not a document Interview Coach can read. Open a .txt, .md or .pdf file, or paste the text.",
        "ko": "{name}은(는) 읽을 수 없는 형식입니다. .txt, .md 또는 .pdf 파일을 열거나 텍스트를 붙여 넣으세요.",
    },
    "document.unreadable": {
        "en": "{name} could not be read ({detail}). Check the file, or paste its text instead.",
        "ko": "{name}을(를) 읽지 못했습니다({detail}). 파일을 확인하거나 텍스트를 붙여 넣으세요.",
    },
    "document.too_large": {
        "en": "{name} is larger than {megabytes} MB, which is more than a posting or résumé. Choose the right "
        "file, or paste the text.",
        "ko": "{name}은(는) {megabytes}MB보다 커서 채용 공고나 이력서로 보기 어렵습니다. 올바른 파일을 고르거나 "
        "텍스트를 붙여 넣으세요.",
    },
    "document.empty": {
        "en": "No text was found in {name}. If it is a scanned PDF, paste the text instead.",
        "ko": "{name}에서 텍스트를 찾지 못했습니다. 스캔한 PDF라면 텍스트를 직접 붙여 넣으세요.",
    },
    "document.encoding": {
        "en": "{name} is not in a text encoding Interview Coach knows (UTF-8 or CP949). Save it as UTF-8, "
        "or paste the text.",
        "ko": "{name}의 문자 인코딩을 알 수 없습니다(UTF-8 또는 CP949만 지원). UTF-8로 저장하거나 텍스트를 "
        "붙여 넣으세요.",
    },
    "document.encrypted": {
        "en": "{name} is password-protected. Save an unprotected copy, or paste the text.",
        "ko": "{name}은(는) 암호로 보호되어 있습니다. 보호되지 않은 사본을 저장하거나 텍스트를 붙여 넣으세요.",
    },
    "playback.failed": {
        "en": "Sound could not be played ({detail}). Check that speakers or headphones are connected.",
        "ko": "소리를 재생하지 못했습니다({detail}). 스피커나 헤드폰이 연결되어 있는지 확인하세요.",
    },
    "storage.recording_missing": {
        "en": "The recording {path} is no longer there, so it cannot be replayed. The transcript is kept.",
        "ko": "녹음 파일 {path}이(가) 없어 재생할 수 없습니다. 녹취록은 보존되어 있습니다.",
    },
    # The interviewer's voice
    "error.title.tts": {"en": "Interviewer voice problem", "ko": "면접관 음성 문제"},
    "tts.unavailable": {
        "en": "No voice is available to speak the questions. Install espeak-ng (on Debian/Ubuntu: sudo apt-get "
        "install espeak-ng), or turn spoken questions off in Settings; the questions still show on screen.",
        "ko": "질문을 읽어 줄 음성이 없습니다. espeak-ng를 설치하거나(Debian/Ubuntu: sudo apt-get install "
        "espeak-ng) 설정에서 질문 읽기를 끄세요. 질문은 화면에 계속 표시됩니다.",
    },
    "tts.failed": {
        "en": "The question could not be spoken ({detail}). It is shown on screen; you can answer as usual.",
        "ko": "질문을 읽어 주지 못했습니다({detail}). 질문은 화면에 표시되어 있으니 평소처럼 답하시면 됩니다.",
    },
    "report.content_score": {"en": "Content score", "ko": "내용 점수"},
    "report.fillers_per_minute": {"en": "Fillers per minute", "ko": "분당 군말"},
    "report.title": {"en": "Interview practice report", "ko": "면접 연습 보고서"},
    "report.trend_chart": {"en": "Pace over your sessions", "ko": "면접별 말하기 속도"},
    "report.pace_chart": {"en": "Pace through the answer", "ko": "답변 중 말하기 속도"},
    "report.unit_spm": {"en": "syllables/min", "ko": "음절/분"},
    "report.unit_wpm": {"en": "words/min", "ko": "단어/분"},
    "report.interview": {"en": "Interview", "ko": "면접"},
    "report.no_speech": {"en": "No speech was recognised.", "ko": "인식된 말이 없습니다."},
    "report.question": {"en": "Question {n}", "ko": "질문 {n}"},
    "report.since_previous": {"en": "Since your previous session", "ko": "지난 면접와 비교"},
    "report.skipped": {"en": "Skipped", "ko": "건너뜀"},
    "report.work_on": {"en": "Three things to work on", "ko": "개선할 점 세 가지"},
    "report.trend": {"en": "Trend", "ko": "추이"},
    "report.strengths": {"en": "What went well", "ko": "잘한 점"},
    "report.in_answers": {"en": "in {count} answers", "en_one": "in 1 answer", "ko": "답변 {count}개 해당"},
    "report.answers_analysed": {
        "en": "{count} answers analysed",
        "en_one": "1 answer analysed",
        "ko": "분석한 답변 {count}개",
    },
    "language.en": {"en": "English", "ko": "영어"},
    "language.ko": {"en": "Korean", "ko": "한국어"},
    "report.fillers_note": {
        "en": "Fillers are counted from what the speech recogniser wrote; it leaves some out, so counts are a "
        "lower bound.",
        "ko": "군말은 음성 인식기가 받아 적은 내용으로 셉니다. 인식기가 일부를 빠뜨리므로 실제보다 적게 "
        "셀 수 있습니다.",
    },
    "report.per_question": {"en": "Question by question", "ko": "질문별"},
    "report.write_failed": {
        "en": "The report could not be written to {path} ({detail}). Choose another folder, or free some space.",
        "ko": "보고서를 {path}에 저장하지 못했습니다({detail}). 다른 폴더를 고르거나 공간을 확보하세요.",
    },
    "report.saved": {"en": "Report saved: {path}", "ko": "보고서를 저장했습니다: {path}"},
    # Question categories
    "category.behavioural": {"en": "Behavioural", "ko": "행동 질문"},
    "category.situational": {"en": "Situational", "ko": "상황 질문"},
    "category.motivation": {"en": "Motivation", "ko": "지원 동기"},
    "category.culture_fit": {"en": "Culture fit", "ko": "조직 적합성"},
    "category.technical": {"en": "Technical", "ko": "기술 질문"},
    "category.closing": {"en": "Closing", "ko": "마지막 질문"},
    # Model-free advice on an answer (engine/analysis/advice.py)
    "advice.unit_wpm": {"en": "words per minute", "ko": "단어/분"},
    "advice.unit_spm": {"en": "syllables per minute", "ko": "음절/분"},
    "advice.too_short": {
        "en": "Too little speech to judge pace or fillers: aim for one to two minutes per answer.",
        "ko": "말한 분량이 적어 속도나 군말을 판단하기 어렵습니다. 답변당 1~2분을 목표로 하세요.",
    },
    "advice.pace_slow": {
        "en": "Pace {rate} {unit}, below the {low}–{high} that listeners find easy: speak a little more "
        "briskly, and keep pauses for emphasis.",
        "ko": "말하기 속도 {rate} {unit}: 듣기 편한 {low}–{high}보다 느립니다. 조금 더 힘 있게 말하고, "
        "쉼은 강조할 때만 두세요.",
    },
    "advice.pace_fast": {
        "en": "Pace {rate} {unit}, above the {low}–{high} that listeners find easy: slow down and pause "
        "after key points.",
        "ko": "말하기 속도 {rate} {unit}: 듣기 편한 {low}–{high}보다 빠릅니다. 속도를 늦추고 핵심 뒤에 잠시 쉬세요.",
    },
    "advice.pace_good": {
        "en": "Pace {rate} {unit}, within the {low}–{high} band: easy to follow.",
        "ko": "말하기 속도 {rate} {unit}: {low}–{high} 범위로 알아듣기 좋습니다.",
    },
    "advice.fillers_fluent": {
        "en": "Fillers: {count}, which sounds fluent.",
        "en_one": "Fillers: 1, which sounds fluent.",
        "ko": "군말 {count}회: 유창하게 들립니다.",
    },
    "advice.fillers_some": {
        "en": "Fillers: {count} ({per_minute} a minute). Try a silent pause where a filler comes.",
        "ko": "군말 {count}회(분당 {per_minute}회). 군말이 나올 때 잠깐 침묵으로 바꿔 보세요.",
    },
    "advice.fillers_many": {
        "en": "Fillers: {count} ({per_minute} a minute), enough to sound hesitant. Pause silently instead, "
        "and rehearse the opening of your answer.",
        "ko": "군말 {count}회(분당 {per_minute}회)로 망설이는 인상을 줍니다. 대신 조용히 쉬고, 답변의 첫 "
        "부분을 연습해 두세요.",
    },
    "advice.monotone": {
        "en": "Your pitch hardly moved ({spread} semitones of spread): vary it to mark what matters, as you would "
        "telling a friend.",
        "ko": "목소리 높낮이 변화가 거의 없습니다(변화 폭 {spread}반음). 친구에게 이야기하듯 중요한 부분에서 "
        "억양을 살려 보세요.",
    },
    "advice.lively": {
        "en": "Your voice varied in pitch ({spread} semitones of spread): it sounds engaged.",
        "ko": "목소리에 높낮이 변화가 있습니다(변화 폭 {spread}반음). 생동감 있게 들립니다.",
    },
    "advice.quiet": {
        "en": "Your voice came through quietly ({level} dBFS): speak up a little, or check the microphone's level "
        "in the system settings.",
        "ko": "목소리가 작게 들어왔습니다({level} dBFS). 조금 더 크게 말하거나 시스템 설정에서 마이크 입력 "
        "음량을 확인하세요.",
    },
    "advice.long_pauses": {
        # Any question's answer: STAR is advice for stories only (the content feedback gives it there).
        "en": "{count} long pauses, the longest {longest} s. Before you start, pick your two or three points, "
        "then take them in order.",
        "en_one": "1 long pause of {longest} s. Before you start, pick your two or three points, then take them "
        "in order.",
        "ko": "긴 침묵 {count}회, 가장 긴 것은 {longest}초입니다. 답변하기 전에 핵심 두세 가지를 정하고, 그 순서대로 "
        "말해 보세요.",
    },
    "cli.score": {
        "en": "with the interviewer model's verified evidence: content {score}/100",
        "ko": "면접관 모델이 찾은 근거를 확인해 반영한 내용 점수: {score}/100",
    },
    "cli.revised": {
        "en": "heard again with what followed",
        "ko": "뒤에 이어진 말과 함께 다시 들음",
    },
    "cli.stored_transcript": {
        "en": "read again in full, as stored",
        "ko": "전체를 다시 들어 저장한 답변",
    },
    "state.setting_up": {"en": "setting up", "ko": "준비 중"},
    "state.asking": {"en": "asking", "ko": "질문 중"},
    "state.listening": {"en": "listening", "ko": "듣는 중"},
    "state.thinking": {"en": "thinking", "ko": "분석 중"},
    "state.feedback": {"en": "feedback", "ko": "피드백"},
    "state.complete": {"en": "complete", "ko": "완료"},
    "state.interrupted": {"en": "interrupted", "ko": "중단됨"},
    "state.failed": {"en": "failed", "ko": "실패"},
}

CATALOGUE: Final[dict[str, dict[str, str]]] = {
    **_GENERAL,
    **SPEECH_MESSAGES,
    **LLM_MESSAGES,
    **CLOUD_MESSAGES,
    **NATIVE_MESSAGES,
    **FEEDBACK_MESSAGES,
    **PRACTICE_MESSAGES,
    **CLI_HELP_MESSAGES,
    **REPORT_MESSAGES,
}


def text(key: str, lang: str = "en", /, **params: Any) -> str:
    """The catalogue entry `key` in `lang` (English where the language is unknown), formatted. An entry may
    have an "en_one" form, used when the parameter `count` is 1 ("1 pause", "2 pauses"); Korean needs none."""
    entry = CATALOGUE[key]
    template = entry.get(lang) or entry["en"]
    if params.get("count") == 1 and f"{lang}_one" in entry:
        template = entry[f"{lang}_one"]
    found = template.format(**params) if params else template
    return settle(found) if lang == "ko" else found
