"""The command line's help: what each command and option does, with examples, and the `sessions` table's
headers. This part of the engine's message catalogue (merged into engine.messages.CATALOGUE, read through
engine.messages.text like the rest).

Epilogs and descriptions are printed as written (argparse's RawDescriptionHelpFormatter): keep their line
breaks and indentation. No help text may hold a bare "%": argparse formats help with it.
"""

from __future__ import annotations

from typing import Final

_TERMINAL_NOTE_EN = "Runs in the terminal and opens no window (run interview-coach with no command for the app)."
_TERMINAL_NOTE_KO = "터미널에서만 실행되며 창을 열지 않습니다(앱을 열려면 명령 없이 interview-coach를 실행하세요)."

_GENERAL: Final[dict[str, dict[str, str]]] = {
    # argparse's own words
    "help.usage": {"en": "usage: ", "ko": "사용법: "},
    "help.options": {"en": "options", "ko": "옵션"},
    "help.positionals": {"en": "arguments", "ko": "인수"},
    "help.commands": {"en": "commands", "ko": "명령"},
    "help.command": {
        "en": "what to run in the terminal, one of these (with none, the desktop app opens):",
        "ko": "터미널에서 실행할 명령. 아래 중 하나입니다(명령이 없으면 데스크톱 앱이 열립니다):",
    },
    "help.help": {"en": "show this help and exit", "ko": "이 도움말을 보여 주고 끝냅니다"},
    # The program
    "help.description": {
        "en": "Rehearse job interviews out loud, offline.\n\n"
        "Run with no command to open the desktop app. The commands below run in the terminal and open no "
        "window: practise from audio files, list and show stored sessions, export PDF reports, and get "
        "feedback on written answers.",
        "ko": "면접을 소리 내어 연습하는 오프라인 면접 코치입니다.\n\n"
        "명령 없이 실행하면 데스크톱 앱이 열립니다. 아래 명령은 모두 터미널에서 실행되며 창을 열지 "
        "않습니다. 오디오 파일로 면접을 연습하고, 저장된 면접을 보고, PDF 보고서를 만들고, 글로 쓴 "
        "답변에 피드백을 받을 수 있습니다.",
    },
    "help.epilog": {
        "en": "examples:\n"
        "  interview-coach                               open the desktop app\n"
        "  interview-coach --ui-lang ko                  open the desktop app in Korean\n"
        "  interview-coach practice --lang en --answers answer1.wav answer2.m4a\n"
        "  interview-coach sessions                      list your sessions\n"
        "  interview-coach show 3                        session 3's answers and feedback\n"
        "  interview-coach report 3 --out report.pdf     session 3 as a PDF report\n"
        '  interview-coach feedback --lang en --question "Why us?" --answer "..."\n'
        "  interview-coach practice --help               a command's options, with examples\n\n"
        "From the source folder, run `uv run main.py` in place of `interview-coach`.",
        "ko": "예시:\n"
        "  interview-coach                               데스크톱 앱 열기\n"
        "  interview-coach --ui-lang ko                  데스크톱 앱을 한국어로 열기\n"
        "  interview-coach practice --lang ko --answers 답변1.wav 답변2.m4a\n"
        "  interview-coach sessions                      면접 목록 보기\n"
        "  interview-coach show 3                        3번 면접의 답변과 피드백 보기\n"
        "  interview-coach report 3 --out report.pdf     3번 면접을 PDF 보고서로 저장\n"
        '  interview-coach feedback --lang ko --question "지원 동기는?" --answer "..."\n'
        "  interview-coach practice --help               명령별 옵션과 예시 보기\n\n"
        "소스 폴더에서는 `interview-coach` 대신 `uv run main.py`로 실행하세요.",
    },
    # Options every command takes
    "help.data_dir": {
        "en": "data folder (default: ${env}, or the system's per-user data folder)",
        "ko": "데이터 폴더(기본값: ${env} 환경 변수, 없으면 운영체제의 사용자별 데이터 폴더)",
    },
    "help.ui_lang": {
        "en": "language of messages and help: en or ko (default: the system's language)",
        "ko": "메시지와 도움말의 언어: en(영어) 또는 ko(한국어). 기본값은 시스템 언어입니다",
    },
    "help.verbose": {
        "en": "log progress to the terminal, and debugging detail to the log file",
        "ko": "진행 상황을 터미널에, 디버깅용 세부 내용을 로그 파일에 기록합니다",
    },
    # The desktop app's options
    "help.version": {"en": "print the version and exit", "ko": "버전을 출력하고 끝냅니다"},
    "help.screenshot": {
        "en": "render one screen of the app to this PNG file and exit (no window is shown)",
        "ko": "앱 화면 하나를 이 PNG 파일로 그리고 끝냅니다(창은 뜨지 않습니다)",
    },
    "help.screen": {
        "en": "the screen --screenshot renders (default: setup)",
        "ko": "--screenshot으로 그릴 화면(기본값: setup)",
    },
}

_PRACTICE: Final[dict[str, dict[str, str]]] = {
    "help.practice.summary": {
        "en": "run an interview answered by audio files",
        "ko": "오디오 파일로 답하는 면접을 진행합니다",
    },
    "help.practice.description": {
        "en": "Run an interview with audio files as your answers: file N answers question N. Each answer is "
        "transcribed, analysed and stored with its feedback.\n\n" + _TERMINAL_NOTE_EN,
        "ko": "오디오 파일을 답변으로 삼아 면접을 진행합니다. N번째 파일이 N번 질문의 답변입니다. 답변마다 "
        "받아 적고 분석해 피드백과 함께 저장합니다.\n\n" + _TERMINAL_NOTE_KO,
    },
    "help.practice.epilog": {
        "en": "examples:\n"
        "  interview-coach practice --lang en --answers answer1.flac answer2.m4a\n"
        "  interview-coach practice --lang ko --answers a.wav --kind behavioural --role-family software\n"
        "  interview-coach practice --lang en --answers a.wav b.wav --mode real --persona pressure\n"
        "  interview-coach practice --redo 12:3 --answers again.wav     ask session 12's question 3 again\n"
        "  interview-coach practice --lang en --drill --answers a.wav   the weak-spot drill's questions\n"
        "  interview-coach practice --lang en --answers a.wav --json    one JSON document instead of text",
        "ko": "예시:\n"
        "  interview-coach practice --lang ko --answers 답변1.flac 답변2.m4a\n"
        "  interview-coach practice --lang ko --answers a.wav --kind behavioural --role-family software\n"
        "  interview-coach practice --lang ko --answers a.wav b.wav --mode real --persona pressure\n"
        "  interview-coach practice --redo 12:3 --answers again.wav     12번 면접의 3번 질문 다시 답하기\n"
        "  interview-coach practice --lang ko --drill --answers a.wav   약점 집중 연습 질문으로 면접 보기\n"
        "  interview-coach practice --lang ko --answers a.wav --json    결과를 JSON 문서 하나로 출력",
    },
    "help.practice.lang": {
        "en": "interview language: en or ko (a --redo takes its session's)",
        "ko": "면접 언어: en(영어) 또는 ko(한국어). --redo는 원래 면접의 언어를 따릅니다",
    },
    "help.practice.answers": {
        "en": "answer audio files, any format FFmpeg reads (WAV, FLAC, MP3, M4A…): file N answers question N",
        "ko": "답변 오디오 파일(WAV, FLAC, MP3, M4A 등 FFmpeg가 읽는 형식): N번째 파일이 N번 질문의 답변입니다",
    },
    "help.practice.questions": {
        "en": "number of questions (default: one per answer file; questions without a file are skipped)",
        "ko": "질문 수(기본값: 답변 파일 수만큼. 파일이 없는 질문은 건너뜁니다)",
    },
    "help.practice.kind": {
        "en": "kind of interview: behavioural, technical or mixed (default: mixed)",
        "ko": "면접 유형: behavioural(행동 면접), technical(기술 면접), mixed(혼합). 기본값은 mixed입니다",
    },
    "help.practice.role": {
        "en": "the role you are applying for, e.g. 'Backend engineer'",
        "ko": "지원하는 직무, 예: '백엔드 개발자'",
    },
    "help.practice.role_family": {
        "en": "the role's field, which chooses the technical questions (default: any)",
        "ko": "직무 분야. 기술 질문을 고르는 기준이 됩니다. 기본값은 any(분야 무관)입니다",
    },
    "help.practice.seniority": {
        "en": "your level, which chooses the questions (default: any)",
        "ko": "경력 수준. 질문을 고르는 기준이 됩니다. 기본값은 any(수준 무관)입니다",
    },
    "help.practice.company": {
        "en": "the company you are applying to (told to the interviewer model, when one is used)",
        "ko": "지원하는 회사(면접관 모델을 쓰면 모델에 알려 줍니다)",
    },
    "help.practice.model": {
        "en": "speech model: 'base' (built in), or the name or folder of a larger one you installed",
        "ko": "음성 인식 모델: 'base'(내장) 또는 직접 설치한 더 큰 모델의 이름이나 폴더",
    },
    "help.practice.reread_model": {
        "en": "the speech model that reads each answer again for its stored transcript (default: --model); a "
        "larger one is more accurate, above all in Korean, and slower",
        "ko": "저장할 답변 기록을 만들려고 답변을 다시 읽는 음성 인식 모델(기본값: --model). 더 큰 모델일수록 "
        "특히 한국어에서 더 정확하지만 더 느립니다",
    },
    "help.practice.compute_type": {
        "en": "the speech model's number format: int8 (default, fastest), int8_float32 or float32",
        "ko": "음성 인식 모델의 연산 형식: int8(기본값, 가장 빠름), int8_float32, float32",
    },
    "help.practice.stt": {
        "en": "speech recognition: local (Whisper on this computer), google or rtzr (endpoints and credentials "
        "from the environment or the keyring; local Whisper takes over if the network goes)",
        "ko": "음성 인식 방식: local(이 컴퓨터의 Whisper), google, rtzr(주소와 인증 정보는 환경 변수나 "
        "키링에서 읽습니다. 네트워크가 끊기면 local Whisper가 이어받습니다)",
    },
    "help.practice.llm": {
        "en": "interviewer model: a GGUF file (e.g. EXAONE); without one, questions come from the question bank",
        "ko": "면접관 모델: GGUF 파일(예: EXAONE). 지정하지 않으면 질문 목록에서 질문합니다",
    },
    "help.practice.llm_url": {
        "en": "interviewer model: an OpenAI-compatible server's /v1 URL",
        "ko": "면접관 모델: OpenAI 호환 서버의 /v1 주소",
    },
    "help.practice.llm_model": {
        "en": "the model name to ask the --llm-url server for",
        "ko": "--llm-url 서버에 요청할 모델 이름",
    },
    "help.practice.llm_context": {
        "en": "context length of a local model, in tokens (default: {default})",
        "ko": "로컬 모델의 문맥 길이(토큰 수, 기본값: {default})",
    },
    "help.practice.llm_seed": {
        "en": "fix the interviewer model's sampling seed to N, so that a run can be repeated (default: a new seed "
        "each run; a --llm-url server may ignore it)",
        "ko": "면접관 모델의 샘플링 시드를 N으로 고정해 같은 결과를 재현할 수 있게 합니다(기본값: 실행할 때마다 "
        "새로 정함. --llm-url 서버는 따르지 않을 수 있음)",
    },
    "help.practice.no_follow_ups": {
        "en": "ask no follow-up questions from the interviewer model",
        "ko": "면접관 모델의 꼬리 질문을 하지 않습니다",
    },
    "help.practice.realtime": {
        "en": "feed the files at real time, as a microphone would (a model that has not begun the next question "
        "within a second then gives way to the question bank, as in the app)",
        "ko": "파일을 마이크처럼 실제 속도로 들려줍니다(앱에서처럼, 1초 안에 다음 질문을 시작하지 못한 모델 "
        "대신 질문 목록에서 질문합니다)",
    },
    "help.practice.json": {
        "en": "print one JSON document instead of text",
        "ko": "텍스트 대신 JSON 문서 하나를 출력합니다",
    },
    "help.practice.redo": {
        "en": "ask session SESSION's question N again (see `show SESSION`)",
        "ko": "SESSION번 면접의 N번 질문을 다시 합니다(`show SESSION`으로 확인)",
    },
    "help.practice.drill": {
        "en": "ask the weak-spot drill's questions that are due, weakest first",
        "ko": "약점 집중 연습에서 지금 연습할 질문을 약한 것부터 묻습니다",
    },
    "help.practice.mode": {
        "en": "practice: hints and no time limit; real: preparation time, then an answer time limit "
        "(default: practice)",
        "ko": "practice(연습): 힌트를 주고 시간 제한이 없습니다. real(실전): 준비 시간 뒤 답변 시간을 "
        "제한합니다. 기본값은 practice입니다",
    },
    "help.practice.prep_seconds": {
        "en": "real mode: seconds to prepare (default: {seconds})",
        "ko": "실전 모드: 준비 시간(초, 기본값: {seconds})",
    },
    "help.practice.answer_seconds": {
        "en": "real mode: seconds to answer (default: {seconds})",
        "ko": "실전 모드: 답변 제한 시간(초, 기본값: {seconds})",
    },
    "help.practice.persona": {
        "en": "the interviewer: friendly, neutral or pressure (presses on vague answers) (default: neutral)",
        "ko": "면접관 성향: friendly(친절), neutral(중립), pressure(압박: 모호한 답변을 파고듭니다). "
        "기본값은 neutral입니다",
    },
    "help.practice.closing": {
        "en": 'end with "Do you have any questions for us?", judged on your questions',
        "ko": '마지막에 "궁금한 점 있으신가요?"를 묻고, 지원자가 한 질문을 평가합니다',
    },
    "help.practice.no_blind_check": {
        "en": "do not flag personal details (family, hometown, school, age, marriage, looks) in answers",
        "ko": "답변 속 개인 정보(가족, 출신 지역, 학교, 나이, 결혼, 외모) 점검을 끕니다",
    },
}

_OTHER_COMMANDS: Final[dict[str, dict[str, str]]] = {
    "help.sessions.summary": {"en": "list stored sessions", "ko": "저장된 면접 목록을 보여 줍니다"},
    "help.sessions.description": {
        "en": "List stored sessions, newest first: date, language, status, questions answered and the mean "
        "pace (syllables a minute for Korean, words a minute for English).\n\n" + _TERMINAL_NOTE_EN,
        "ko": "저장된 면접을 최신순으로 보여 줍니다: 날짜, 언어, 상태, 답변한 질문 수, 평균 말하기 속도"
        "(한국어는 분당 음절 수, 영어는 분당 단어 수).\n\n" + _TERMINAL_NOTE_KO,
    },
    "help.sessions.epilog": {
        "en": "examples:\n"
        "  interview-coach sessions\n"
        "  interview-coach sessions --json                the same list as JSON\n"
        "  interview-coach --ui-lang ko sessions          the list in Korean",
        "ko": "예시:\n"
        "  interview-coach sessions\n"
        "  interview-coach sessions --json                같은 목록을 JSON으로 출력\n"
        "  interview-coach --ui-lang en sessions          목록을 영어로 출력",
    },
    "help.sessions.json": {
        "en": "print the list as JSON instead of a table",
        "ko": "표 대신 JSON으로 출력합니다",
    },
    "help.show.summary": {"en": "print one stored session", "ko": "저장된 면접 하나를 보여 줍니다"},
    "help.show.description": {
        "en": "Print one stored session: each question, your answer's transcript, its delivery figures and "
        "feedback.\n\n" + _TERMINAL_NOTE_EN,
        "ko": "저장된 면접 하나를 보여 줍니다: 질문마다 답변을 받아 적은 내용, 말하기 수치, 피드백.\n\n"
        + _TERMINAL_NOTE_KO,
    },
    "help.show.epilog": {
        "en": "examples:\n"
        "  interview-coach show 3\n"
        "  interview-coach show 3 --json                  the stored records as JSON",
        "ko": "예시:\n"
        "  interview-coach show 3\n"
        "  interview-coach show 3 --json                  저장된 기록을 JSON으로 출력",
    },
    "help.show.session_id": {
        "en": "the session's number, as `sessions` lists it",
        "ko": "면접 번호(`sessions` 목록의 # 열)",
    },
    "help.show.json": {
        "en": "print the stored records as JSON instead of text",
        "ko": "텍스트 대신 저장된 기록을 JSON으로 출력합니다",
    },
    "help.report.summary": {
        "en": "export one stored session as a PDF report",
        "ko": "저장된 면접 하나를 PDF 보고서로 저장합니다",
    },
    "help.report.description": {
        "en": "Export one stored session as a PDF report: a summary, what to work on, and each answer with "
        "its feedback.\n\n" + _TERMINAL_NOTE_EN,
        "ko": "저장된 면접 하나를 PDF 보고서로 저장합니다: 요약, 개선할 점, 답변별 피드백.\n\n" + _TERMINAL_NOTE_KO,
    },
    "help.report.epilog": {
        "en": "examples:\n"
        "  interview-coach report 3 --out report.pdf\n"
        "  interview-coach report 3 --out report.pdf --page-size letter\n"
        "  interview-coach --ui-lang ko report 3 --out report-ko.pdf   the report in Korean",
        "ko": "예시:\n"
        "  interview-coach report 3 --out 보고서.pdf\n"
        "  interview-coach report 3 --out 보고서.pdf --page-size letter\n"
        "  interview-coach --ui-lang en report 3 --out report.pdf     보고서를 영어로 저장",
    },
    "help.report.session_id": {
        "en": "the session's number, as `sessions` lists it",
        "ko": "면접 번호(`sessions` 목록의 # 열)",
    },
    "help.report.out": {"en": "the PDF file to write", "ko": "저장할 PDF 파일"},
    "help.report.page_size": {
        "en": "paper size: a4 or letter (default: a4)",
        "ko": "용지 크기: a4 또는 letter. 기본값은 a4입니다",
    },
    "help.drill.summary": {
        "en": "list the weak-spot drill's queue",
        "ko": "약점 집중 연습에서 연습할 질문 목록을 보여 줍니다",
    },
    "help.drill.description": {
        "en": "List the weak-spot drill's queue: questions you answered weakly, and when each is due again. "
        "Practise them with `practice --drill`.\n\n" + _TERMINAL_NOTE_EN,
        "ko": "약점 집중 연습 목록을 보여 줍니다: 답변이 약했던 질문과 각 질문을 다시 연습할 날짜. "
        "`practice --drill`로 연습하세요.\n\n" + _TERMINAL_NOTE_KO,
    },
    "help.drill.epilog": {
        "en": "examples:\n"
        "  interview-coach drill\n"
        "  interview-coach drill --lang ko                only Korean questions",
        "ko": "예시:\n  interview-coach drill\n  interview-coach drill --lang ko                한국어 질문만 보기",
    },
    "help.drill.lang": {
        "en": "only this language's questions: en or ko",
        "ko": "이 언어의 질문만 보여 줍니다: en(영어) 또는 ko(한국어)",
    },
    "help.feedback.summary": {"en": "feedback on a written answer", "ko": "글로 쓴 답변에 피드백을 줍니다"},
    "help.feedback.description": {
        "en": "Feedback on a written answer, as practice gives on a spoken one: its structure, evidence and "
        "what to improve. Give the answer as text, as a file, or many at once with --batch.\n\n" + _TERMINAL_NOTE_EN,
        "ko": "글로 쓴 답변에 연습 모드와 같은 피드백을 줍니다: 구성, 근거, 개선할 점. 답변은 텍스트나 "
        "파일로 주거나, --batch로 여러 개를 한꺼번에 줄 수 있습니다.\n\n" + _TERMINAL_NOTE_KO,
    },
    "help.feedback.epilog": {
        "en": "examples:\n"
        '  interview-coach feedback --lang en --question "Why us?" --answer "I have used your app..."\n'
        '  interview-coach feedback --lang en --question "Why us?" --answer-file answer.txt --json\n'
        "  interview-coach feedback --batch answers.jsonl    one JSON object a line in, one a line out",
        "ko": "예시:\n"
        '  interview-coach feedback --lang ko --question "지원 동기는?" --answer "저는..."\n'
        '  interview-coach feedback --lang ko --question "지원 동기는?" --answer-file 답변.txt --json\n'
        "  interview-coach feedback --batch answers.jsonl    한 줄에 JSON 하나씩 읽고 한 줄씩 출력",
    },
    "help.feedback.lang": {
        "en": "the answer's language: en or ko",
        "ko": "답변의 언어: en(영어) 또는 ko(한국어)",
    },
    "help.feedback.question": {"en": "the interview question", "ko": "면접 질문"},
    "help.feedback.answer": {"en": "the answer, as text", "ko": "답변 텍스트"},
    "help.feedback.answer_file": {
        "en": "a UTF-8 text file holding the answer",
        "ko": "답변이 담긴 UTF-8 텍스트 파일",
    },
    "help.feedback.batch": {
        "en": 'a JSONL file (or - for standard input): {"lang", "question", "answer"} a line',
        "ko": 'JSONL 파일(표준 입력은 -): 한 줄에 {"lang", "question", "answer"} 하나',
    },
    "help.feedback.type": {
        "en": "the question type (default: worked out from the question)",
        "ko": "질문 유형(기본값: 질문을 보고 판단합니다)",
    },
    "help.feedback.llm": {
        "en": "also ask this GGUF model for evidence",
        "ko": "이 GGUF 모델에도 근거를 찾도록 요청합니다",
    },
    "help.feedback.llm_url": {
        "en": "also ask this OpenAI-compatible server (/v1 URL)",
        "ko": "이 OpenAI 호환 서버(/v1 주소)에도 요청합니다",
    },
    "help.feedback.llm_model": {
        "en": "the model name to ask the --llm-url server for",
        "ko": "--llm-url 서버에 요청할 모델 이름",
    },
    "help.feedback.json": {"en": "print JSON instead of text", "ko": "텍스트 대신 JSON으로 출력합니다"},
}

# The `sessions` table
_SESSIONS_TABLE: Final[dict[str, dict[str, str]]] = {
    "sessions.col.number": {"en": "#", "ko": "#"},
    "sessions.col.date": {"en": "date", "ko": "날짜"},
    "sessions.col.language": {"en": "language", "ko": "언어"},
    "sessions.col.status": {"en": "status", "ko": "상태"},
    "sessions.col.answered": {"en": "answered", "ko": "답변"},
    "sessions.col.pace": {"en": "pace", "ko": "말하기 속도"},
}

CLI_HELP_MESSAGES: Final[dict[str, dict[str, str]]] = {
    **_GENERAL,
    **_PRACTICE,
    **_OTHER_COMMANDS,
    **_SESSIONS_TABLE,
}
