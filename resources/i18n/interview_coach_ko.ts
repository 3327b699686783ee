<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="ko_KR">
<context>
    <name>CloudSpeechSettings</name>
    <message>
        <source>Cloud speech recognition</source>
        <translation>클라우드 음성 인식</translation>
    </message>
    <message>
        <source>Google key file</source>
        <translation>Google 키 파일</translation>
    </message>
    <message>
        <source>Google endpoint</source>
        <translation>Google 주소</translation>
    </message>
    <message>
        <source>RTZR client ID</source>
        <translation>RTZR 클라이언트 ID</translation>
    </message>
    <message>
        <source>RTZR client secret</source>
        <translation>RTZR 클라이언트 시크릿</translation>
    </message>
    <message>
        <source>RTZR sign-in address</source>
        <translation>RTZR 인증 주소</translation>
    </message>
    <message>
        <source>RTZR streaming address</source>
        <translation>RTZR 스트리밍 주소</translation>
    </message>
    <message>
        <source>Diagnostics</source>
        <translation>진단</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>고르기…</translation>
    </message>
    <message>
        <source>empty: application-default credentials</source>
        <translation>비워 두면 애플리케이션 기본 자격 증명</translation>
    </message>
    <message>
        <source>kept in the system keyring</source>
        <translation>시스템 키링에 보관됩니다</translation>
    </message>
    <message>
        <source>kept in the system keyring; type to replace</source>
        <translation>시스템 키링에 보관됩니다. 바꾸려면 입력하세요</translation>
    </message>
    <message>
        <source>Choose the service-account key (JSON)</source>
        <translation>서비스 계정 키(JSON) 고르기</translation>
    </message>
    <message>
        <source>Service-account key (*.json)</source>
        <translation>서비스 계정 키 (*.json)</translation>
    </message>
    <message>
        <source>No cloud recognition used since the app started.</source>
        <translation>앱을 시작한 뒤 클라우드 인식을 쓰지 않았습니다.</translation>
    </message>
    <message>
        <source>{name}: connect {median} (p90 {p90}) · success {rate} · {reconnects} reconnects/hour · {fallbacks} answers went on locally</source>
        <translation>{name}: 연결 {median} (p90 {p90}) · 성공률 {rate} · 시간당 재연결 {reconnects}회 · 이 컴퓨터로 이어 간 답변 {fallbacks}개</translation>
    </message>
    <message>
        <source>Last problem: {message}</source>
        <translation>마지막 문제: {message}</translation>
    </message>
</context>
<context>
    <name>DrillQueuePanel</name>
    <message>
        <source>Weak-spot drill</source>
        <translation>약점 집중 연습</translation>
    </message>
    <message>
        <source>Questions you answer weakly come back here, spaced out until you answer them well.</source>
        <translation>답변이 약했던 질문이 여기에 모이고, 잘 답할 때까지 간격을 두고 다시 나옵니다.</translation>
    </message>
    <message>
        <source>In the queue: {queued} · due now: {due}</source>
        <translation>대기 중인 질문 {queued}개 · 지금 연습할 질문 {due}개</translation>
    </message>
    <message>
        <source>Drill my weak spots</source>
        <translation>약점 집중 연습 시작</translation>
    </message>
    <message>
        <source>Nothing is due yet: come back when a question is due.</source>
        <translation>아직 연습할 질문이 없습니다. 연습할 질문이 생기면 다시 확인하세요.</translation>
    </message>
</context>
<context>
    <name>ErrorPresenter</name>
    <message>
        <source>Copy the log's end</source>
        <translation>로그 끝부분 복사</translation>
    </message>
</context>
<context>
    <name>FirstRunPage</name>
    <message>
        <source>Welcome to Interview Coach</source>
        <translation>Interview Coach에 오신 것을 환영합니다</translation>
    </message>
    <message>
        <source>Practise interviews out loud, privately: everything stays on this computer. Three quick checks and you are ready.</source>
        <translation>소리 내어, 혼자서 면접을 연습하세요. 모든 내용은 이 컴퓨터에만 남습니다. 간단한 확인 세 가지면 준비가 끝납니다.</translation>
    </message>
    <message>
        <source>Interface language</source>
        <translation>화면 언어</translation>
    </message>
    <message>
        <source>Microphone</source>
        <translation>마이크</translation>
    </message>
    <message>
        <source>Speech model</source>
        <translation>음성 모델</translation>
    </message>
    <message>
        <source>Test: record 3 s and play back</source>
        <translation>테스트: 3초 녹음 후 재생</translation>
    </message>
    <message>
        <source>Continue</source>
        <translation>계속</translation>
    </message>
    <message>
        <source>Set up later</source>
        <translation>나중에 설정하기</translation>
    </message>
    <message>
        <source>Go on without these checks: you can practise in writing meanwhile.</source>
        <translation>확인 없이 넘어갑니다. 그동안 글로 답하기 연습을 할 수 있습니다.</translation>
    </message>
    <message>
        <source>System default</source>
        <translation>시스템 기본값</translation>
    </message>
    <message>
        <source>Speak and watch the level move. Then try the test recording.</source>
        <translation>말하면서 입력 막대가 움직이는지 확인한 뒤 테스트 녹음을 해 보세요.</translation>
    </message>
    <message>
        <source>No interviewer model installed yet: questions come from the built-in question bank.</source>
        <translation>아직 면접관 모델이 설치되지 않았습니다. 질문은 앱에 들어 있는 기본 질문 목록에서 나옵니다.</translation>
    </message>
    <message>
        <source>Preparing the embedded speech model…</source>
        <translation>내장 음성 모델을 준비하는 중…</translation>
    </message>
    <message>
        <source>Loading the speech model…</source>
        <translation>음성 모델을 불러오는 중…</translation>
    </message>
    <message>
        <source>Speech model ready (Whisper {name}, on this computer).</source>
        <translation>음성 모델 준비 완료 (Whisper {name}, 이 컴퓨터에서 실행).</translation>
    </message>
    <message>
        <source>The speech model could not be loaded. See the message shown, or Settings.</source>
        <translation>음성 모델을 불러오지 못했습니다. 표시된 안내나 설정을 확인하세요.</translation>
    </message>
    <message>
        <source>Input level</source>
        <translation>입력 음량</translation>
    </message>
    <message>
        <source>Interviewer (optional)</source>
        <translation>면접관 모델 (선택)</translation>
    </message>
    <message>
        <source>a microphone that hears you (speak and watch the level)</source>
        <translation>목소리가 잡히는 마이크 (말하면서 음량 막대를 확인하세요)</translation>
    </message>
    <message>
        <source>the speech model ({percent}% ready)</source>
        <translation>음성 모델 ({percent}% 준비됨)</translation>
    </message>
    <message>
        <source>Continue once these are done: {missing}.</source>
        <translation>다음이 끝나면 계속할 수 있습니다: {missing}.</translation>
    </message>
    <message>
        <source>Recording… say a sentence now.</source>
        <translation>녹음 중… 지금 한 문장을 말해 보세요.</translation>
    </message>
    <message>
        <source>Playing back what was recorded…</source>
        <translation>녹음한 소리를 재생하는 중…</translation>
    </message>
    <message>
        <source>Did you hear yourself clearly? If not, choose another microphone and test again.</source>
        <translation>목소리가 또렷하게 들렸나요? 아니라면 다른 마이크를 골라 다시 테스트하세요.</translation>
    </message>
</context>
<context>
    <name>HistoryPage</name>
    <message>
        <source>History</source>
        <translation>기록</translation>
    </message>
    <message>
        <source>Search questions and answers…</source>
        <translation>질문과 답변 검색…</translation>
    </message>
    <message>
        <source>Open review</source>
        <translation>리뷰 열기</translation>
    </message>
    <message>
        <source>Delete…</source>
        <translation>삭제…</translation>
    </message>
    <message>
        <source>Your progress over sessions</source>
        <translation>면접별 변화</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>언어</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>보기</translation>
    </message>
    <message>
        <source>All languages</source>
        <translation>모든 언어</translation>
    </message>
    <message>
        <source>No interview matches “{query}”.</source>
        <translation>“{query}”에 맞는 면접이 없습니다.</translation>
    </message>
    <message>
        <source>Delete interview?</source>
        <translation>면접을 삭제할까요?</translation>
    </message>
    <message>
        <source>Delete interview #{id} with its transcripts and recordings? This cannot be undone.</source>
        <translation>면접 #{id}의 녹취록과 녹음을 모두 삭제할까요? 되돌릴 수 없습니다.</translation>
    </message>
</context>
<context>
    <name>HistoryTable</name>
    <message>
        <source>Date</source>
        <translation>날짜</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>언어</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>직무</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>상태</translation>
    </message>
    <message>
        <source>Answered</source>
        <translation>답변</translation>
    </message>
    <message>
        <source>Pace</source>
        <translation>말하기 속도</translation>
    </message>
    <message>
        <source>Found</source>
        <translation>찾은 내용</translation>
    </message>
    <message>
        <source>Questions answered, of those asked</source>
        <translation>받은 질문 중 답한 질문 수</translation>
    </message>
    <message>
        <source>Average speaking pace: words a minute in English, syllables a minute in Korean</source>
        <translation>평균 말하기 속도: 영어는 분당 단어 수, 한국어는 분당 음절 수</translation>
    </message>
    <message>
        <source>syllables/min</source>
        <translation>음절/분</translation>
    </message>
    <message>
        <source>words/min</source>
        <translation>단어/분</translation>
    </message>
    <message>
        <source>{answers} of {questions}</source>
        <translation>{questions}개 중 {answers}개</translation>
    </message>
</context>
<context>
    <name>HistoryWelcome</name>
    <message>
        <source>No interviews yet</source>
        <translation>아직 면접 기록이 없습니다</translation>
    </message>
    <message>
        <source>Each practice interview you do is kept here: your answers to read again, and charts of your pace, filler words and content score, so you can see yourself improve.</source>
        <translation>연습한 면접은 모두 여기에 남습니다. 답변을 다시 읽어 보고, 말하기 속도·군말·내용 점수의 변화를 차트로 보며 나아지는 모습을 확인할 수 있습니다.</translation>
    </message>
    <message>
        <source>Start your first interview</source>
        <translation>첫 면접 시작하기</translation>
    </message>
</context>
<context>
    <name>InterviewerSettings</name>
    <message>
        <source>Interviewer</source>
        <translation>면접관</translation>
    </message>
    <message>
        <source>Questions and scores by</source>
        <translation>질문과 채점</translation>
    </message>
    <message>
        <source>Download a model</source>
        <translation>모델 내려받기</translation>
    </message>
    <message>
        <source>Server address</source>
        <translation>서버 주소</translation>
    </message>
    <message>
        <source>Model name</source>
        <translation>모델 이름</translation>
    </message>
    <message>
        <source>API key</source>
        <translation>API 키</translation>
    </message>
    <message>
        <source>Follow-ups</source>
        <translation>꼬리 질문</translation>
    </message>
    <message>
        <source>Blind hiring</source>
        <translation>블라인드 채용</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>상태</translation>
    </message>
    <message>
        <source>No model: questions from the bank, the app's own feedback</source>
        <translation>모델 없음: 기본 질문 목록의 질문과 앱 자체 피드백</translation>
    </message>
    <message>
        <source>Model file</source>
        <translation>모델 파일</translation>
    </message>
    <message>
        <source>A model file on this computer (.gguf)</source>
        <translation>이 컴퓨터의 모델 파일(.gguf)</translation>
    </message>
    <message>
        <source>A model server (OpenAI-compatible: llama-server, vLLM, Ollama)</source>
        <translation>모델 서버(OpenAI 호환: llama-server, vLLM, Ollama)</translation>
    </message>
    <message>
        <source>installed</source>
        <translation>설치됨</translation>
    </message>
    <message>
        <source>recommended for this computer</source>
        <translation>이 컴퓨터에 추천</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>고르기…</translation>
    </message>
    <message>
        <source>Download</source>
        <translation>내려받기</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>멈추기</translation>
    </message>
    <message>
        <source>the server's default</source>
        <translation>서버 기본값</translation>
    </message>
    <message>
        <source>kept in the system keyring; empty: none</source>
        <translation>시스템 키링에 보관, 비워 두면 없음</translation>
    </message>
    <message>
        <source>Ask a follow-up about a substantial answer</source>
        <translation>충분히 긴 답변에는 꼬리 질문하기</translation>
    </message>
    <message>
        <source>Point out personal details in my answers (family, hometown, school, age, marriage, looks)</source>
        <translation>답변 속 개인 정보 알려 주기(가족, 출신 지역, 학교, 나이, 결혼 여부, 외모)</translation>
    </message>
    <message>
        <source>No model in use.</source>
        <translation>사용 중인 모델이 없습니다.</translation>
    </message>
    <message>
        <source>Loading the model in the background…</source>
        <translation>모델을 백그라운드에서 불러오는 중…</translation>
    </message>
    <message>
        <source>Ready: {name}</source>
        <translation>준비 완료: {name}</translation>
    </message>
    <message>
        <source>Choose a GGUF model file</source>
        <translation>GGUF 모델 파일 선택</translation>
    </message>
    <message>
        <source>GGUF models (*.gguf)</source>
        <translation>GGUF 모델 (*.gguf)</translation>
    </message>
    <message>
        <source>EXAONE licence</source>
        <translation>EXAONE 라이선스</translation>
    </message>
    <message>
        <source>Accept and download</source>
        <translation>동의하고 내려받기</translation>
    </message>
    <message>
        <source>Decline</source>
        <translation>거부</translation>
    </message>
    <message>
        <source>Download stopped. Download again to resume where it stopped.</source>
        <translation>내려받기를 멈췄습니다. 다시 내려받으면 멈춘 곳부터 이어받습니다.</translation>
    </message>
    <message>
        <source>Downloaded and verified. Save to use it.</source>
        <translation>내려받아 검증했습니다. 저장하면 사용합니다.</translation>
    </message>
</context>
<context>
    <name>LevelMeter</name>
    <message>
        <source>Microphone level</source>
        <translation>마이크 입력 음량</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Write an answer</source>
        <translation>글로 답하기</translation>
    </message>
    <message>
        <source>Interview Coach</source>
        <translation>Interview Coach</translation>
    </message>
    <message>
        <source>Report saved: {path}</source>
        <translation>보고서를 저장했습니다: {path}</translation>
    </message>
    <message>
        <source>Practice</source>
        <translation>연습</translation>
    </message>
    <message>
        <source>History</source>
        <translation>기록</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>설정</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>도움말(&amp;H)</translation>
    </message>
    <message>
        <source>Open log folder</source>
        <translation>로그 폴더 열기</translation>
    </message>
    <message>
        <source>Speech model: preparing</source>
        <translation>음성 모델: 준비 중</translation>
    </message>
    <message>
        <source>Speech model: loading</source>
        <translation>음성 모델: 불러오는 중</translation>
    </message>
    <message>
        <source>Speech model: ready</source>
        <translation>음성 모델: 준비 완료</translation>
    </message>
    <message>
        <source>Speech model: failed (see Settings)</source>
        <translation>음성 모델: 실패 (설정 확인)</translation>
    </message>
    <message>
        <source>Interrupted interview found</source>
        <translation>중단된 면접이 있습니다</translation>
    </message>
    <message>
        <source>Interview {ids} stopped unexpectedly last time. Everything said before it stopped is kept: open it from History.</source>
        <translation>지난번 면접({ids})이 예기치 않게 중단되었습니다. 중단 전까지 말한 내용은 모두 보존되어 있습니다. 기록에서 열어 보세요.</translation>
    </message>
</context>
<context>
    <name>PracticeOptions</name>
    <message>
        <source>How to practise</source>
        <translation>연습 방식</translation>
    </message>
    <message>
        <source>Mode</source>
        <translation>모드</translation>
    </message>
    <message>
        <source>Format</source>
        <translation>형식</translation>
    </message>
    <message>
        <source>Seconds</source>
        <translation>시간(초)</translation>
    </message>
    <message>
        <source>Interviewer</source>
        <translation>면접관</translation>
    </message>
    <message>
        <source>Practice</source>
        <translation>연습</translation>
    </message>
    <message>
        <source>Real interview</source>
        <translation>실전</translation>
    </message>
    <message>
        <source>AI interview: 30 s to prepare, 50 s to answer</source>
        <translation>AI 면접: 준비 30초, 답변 50초</translation>
    </message>
    <message>
        <source>AI interview: 30 s to prepare, 1 min 30 s to answer</source>
        <translation>AI 면접: 준비 30초, 답변 1분 30초</translation>
    </message>
    <message>
        <source>Phone screen: 5 s to prepare, 2 min to answer</source>
        <translation>전화 면접: 준비 5초, 답변 2분</translation>
    </message>
    <message>
        <source>My own timing</source>
        <translation>직접 정하기</translation>
    </message>
    <message>
        <source>prepare </source>
        <translation>준비 </translation>
    </message>
    <message>
        <source> s</source>
        <translation>초</translation>
    </message>
    <message>
        <source>answer </source>
        <translation>답변 </translation>
    </message>
    <message>
        <source>Friendly: encouraging, asks for more when an answer is short</source>
        <translation>친절함: 격려하며, 답변이 짧으면 더 말해 달라고 합니다</translation>
    </message>
    <message>
        <source>Neutral: asks the questions as they are</source>
        <translation>중립: 질문을 그대로 묻습니다</translation>
    </message>
    <message>
        <source>Pressure: presses on vague answers</source>
        <translation>압박: 모호한 답변을 파고듭니다</translation>
    </message>
    <message>
        <source>End with "Do you have any questions for us?"</source>
        <translation>마지막에 "저희에게 궁금한 점이 있으신가요?" 묻기</translation>
    </message>
    <message>
        <source>No hints. Each question gives you time to prepare, then the answer starts on its own and ends at its time limit (what you said is kept); the next question follows.</source>
        <translation>힌트가 없습니다. 질문마다 준비 시간이 주어지고, 이어서 답변이 자동으로 시작되어 제한 시간에 끝납니다(말한 내용은 저장됩니다). 그다음 질문이 이어집니다.</translation>
    </message>
    <message>
        <source>Hints show what each answer is judged on. No time limit; the interview waits for you between questions.</source>
        <translation>답변을 어떤 기준으로 평가하는지 힌트로 보여 줍니다. 시간 제한이 없고, 질문 사이에 원하는 만큼 쉴 수 있습니다.</translation>
    </message>
    <message>
        <source>Drill my weak spots ({due} due)</source>
        <translation>약점 집중 연습 (지금 {due}개)</translation>
    </message>
    <message>
        <source>Drill my weak spots (none due yet)</source>
        <translation>약점 집중 연습 (아직 연습할 질문 없음)</translation>
    </message>
</context>
<context>
    <name>PracticePage</name>
    <message>
        <source>Start answer</source>
        <translation>답변 시작</translation>
    </message>
    <message>
        <source>Finish answer (Space)</source>
        <translation>답변 마치기 (Space)</translation>
    </message>
    <message>
        <source>Skip question</source>
        <translation>질문 건너뛰기</translation>
    </message>
    <message>
        <source>End interview</source>
        <translation>면접 종료</translation>
    </message>
    <message>
        <source>Microphone</source>
        <translation>마이크</translation>
    </message>
    <message>
        <source>Your words appear here as you speak.</source>
        <translation>말하는 내용이 여기에 실시간으로 나타납니다.</translation>
    </message>
    <message>
        <source>Speech: {backend}</source>
        <translation>음성 인식: {backend}</translation>
    </message>
    <message>
        <source>Question {n} of {total}</source>
        <translation>질문 {n} / {total}</translation>
    </message>
    <message>
        <source> · follow-up</source>
        <translation> · 꼬리 질문</translation>
    </message>
    <message>
        <source>Preparing questions…</source>
        <translation>질문을 준비하는 중…</translation>
    </message>
    <message>
        <source>Whisper {model} on this computer</source>
        <translation>이 컴퓨터의 Whisper {model}</translation>
    </message>
    <message>
        <source>connecting…</source>
        <translation>연결 중…</translation>
    </message>
    <message>
        <source>connected</source>
        <translation>연결됨</translation>
    </message>
    <message>
        <source>reconnecting…</source>
        <translation>다시 연결 중…</translation>
    </message>
    <message>
        <source>on this computer for now</source>
        <translation>지금은 이 컴퓨터에서 인식</translation>
    </message>
    <message>
        <source>The interviewer is thinking…</source>
        <translation>면접관이 질문을 생각하는 중…</translation>
    </message>
    <message>
        <source>Follow-up</source>
        <translation>꼬리 질문</translation>
    </message>
    <message>
        <source>With the interviewer's verified evidence, your answer's content scores {score}/100 (details in the review)</source>
        <translation>면접관 모델이 찾은 근거를 확인해 반영하면 이번 답변의 내용 점수는 {score}/100입니다(자세한 내용은 리뷰에서)</translation>
    </message>
    <message>
        <source>{n} syllables/min</source>
        <translation>분당 {n}음절</translation>
    </message>
    <message>
        <source>{n} words/min</source>
        <translation>분당 {n}단어</translation>
    </message>
    <message>
        <source>Last answer: {rate} · {fillers} fillers · longest pause {pause} s</source>
        <translation>직전 답변: {rate} · 군말 {fillers}회 · 가장 긴 침묵 {pause}초</translation>
    </message>
    <message>
        <source>Silence: ending your answer in {s} s. Keep talking to go on.</source>
        <translation>침묵: {s}초 후 답변을 마칩니다. 계속하려면 이어서 말씀하세요.</translation>
    </message>
    <message>
        <source>syllables/min</source>
        <translation>음절/분</translation>
    </message>
    <message>
        <source>words/min</source>
        <translation>단어/분</translation>
    </message>
    <message>
        <source>Pace (target {low}–{high} {unit})</source>
        <translation>말하기 속도 (목표 {low}–{high} {unit})</translation>
    </message>
    <message>
        <source>a little slow</source>
        <translation>조금 느림</translation>
    </message>
    <message>
        <source>good</source>
        <translation>좋음</translation>
    </message>
    <message>
        <source>a little fast</source>
        <translation>조금 빠름</translation>
    </message>
    <message>
        <source>Pace {rate} {unit}: {verdict} (target {low}–{high})</source>
        <translation>말하기 속도 {rate} {unit}: {verdict} (목표 {low}–{high})</translation>
    </message>
    <message>
        <source>The speech model is still loading ({percent}%). Keep talking: your answer is being recorded and will be transcribed as soon as the model is ready.</source>
        <translation>음성 모델을 아직 불러오는 중입니다({percent}%). 계속 말씀하세요. 답변은 녹음되고 있으며 모델이 준비되는 대로 받아쓰기됩니다.</translation>
    </message>
    <message>
        <source>🔊 The interviewer is speaking</source>
        <translation>🔊 면접관이 질문하는 중입니다</translation>
    </message>
    <message>
        <source>Your turn: press Start answer (or Space) when ready</source>
        <translation>답변 차례: 준비되면 '답변 시작'(또는 Space)을 누르세요</translation>
    </message>
    <message>
        <source>Setting up</source>
        <translation>준비 중</translation>
    </message>
    <message>
        <source>The interviewer is asking…</source>
        <translation>면접관이 질문하는 중…</translation>
    </message>
    <message>
        <source>● Your turn: speak now</source>
        <translation>● 답변 차례: 지금 말하세요</translation>
    </message>
    <message>
        <source>Thinking…</source>
        <translation>답변을 분석하는 중…</translation>
    </message>
    <message>
        <source>Complete</source>
        <translation>완료</translation>
    </message>
    <message>
        <source>Ended early</source>
        <translation>일찍 종료됨</translation>
    </message>
    <message>
        <source>Stopped by an error</source>
        <translation>오류로 중단됨</translation>
    </message>
    <message>
        <source>No interview is running: start one from the Practice set-up.</source>
        <translation>진행 중인 면접이 없습니다. 연습 화면의 면접 설정에서 시작하세요.</translation>
    </message>
    <message>
        <source>The questions are being prepared.</source>
        <translation>질문을 준비하고 있습니다.</translation>
    </message>
    <message>
        <source>You are answering now: Finish answer (Space) ends it.</source>
        <translation>지금 답변 중입니다. '답변 마치기'(Space)를 누르면 끝납니다.</translation>
    </message>
    <message>
        <source>Your answer is being saved; the next question follows.</source>
        <translation>답변을 저장하고 있습니다. 곧 다음 질문이 이어집니다.</translation>
    </message>
    <message>
        <source>Wait until the question has been asked.</source>
        <translation>질문이 끝날 때까지 기다려 주세요.</translation>
    </message>
    <message>
        <source>Finish answer works while you are answering.</source>
        <translation>'답변 마치기'는 답변하는 동안에만 쓸 수 있습니다.</translation>
    </message>
    <message>
        <source>No interview is running.</source>
        <translation>진행 중인 면접이 없습니다.</translation>
    </message>
</context>
<context>
    <name>RereadSettings</name>
    <message>
        <source>The stored transcript</source>
        <translation>저장되는 답변 기록</translation>
    </message>
    <message>
        <source>Read again by</source>
        <translation>다시 읽는 모델</translation>
    </message>
    <message>
        <source>Add a model</source>
        <translation>모델 추가</translation>
    </message>
    <message>
        <source>Time it on my last answer</source>
        <translation>마지막 답변으로 시간 재기</translation>
    </message>
    <message>
        <source>Reads your last recorded answer with the chosen model and shows what it cost. Nothing is changed.</source>
        <translation>고른 모델로 마지막으로 녹음한 답변을 읽고 걸린 시간을 보여 줍니다. 저장된 내용은 바뀌지 않습니다.</translation>
    </message>
    <message>
        <source>The live model ({model})</source>
        <translation>실시간 인식과 같은 모델({model})</translation>
    </message>
    <message>
        <source>While you answer, the text you see comes from the live speech model ({model}). Each answer is then read again in one pass, and that reading is what your feedback, scores, history and PDF report use. A larger model (small, medium, large-v3-turbo) reads more accurately, above all in Korean, but takes longer and needs more memory. It reads in the background and gives way to the live text; a review opened right after an answer may wait longer for it.</source>
        <translation>답변하는 동안 화면에 보이는 글은 실시간 음성 인식 모델({model})이 만듭니다. 답변이 끝나면 녹음 전체를 한 번에 다시 읽으며, 피드백과 점수, 기록, PDF 보고서에는 모두 이렇게 다시 읽은 기록이 쓰입니다. 더 큰 모델(small, medium, large-v3-turbo)은 특히 한국어를 더 정확하게 읽지만, 시간이 더 걸리고 메모리도 더 필요합니다. 다시 읽기는 뒤에서 진행되며 실시간 인식이 우선입니다. 다만 답변 직후에 검토를 열면 조금 더 기다릴 수 있습니다.</translation>
    </message>
    <message>
        <source>Or add one yourself: put its CTranslate2 files (model.bin, config.json, tokenizer.json and the vocabulary), such as Systran's faster-whisper-small, in a folder like {folder}, then open Settings again.</source>
        <translation>직접 추가할 수도 있습니다. Systran의 faster-whisper-small 같은 CTranslate2 모델 파일(model.bin, config.json, tokenizer.json, vocabulary 파일)을 {folder} 같은 폴더에 넣은 뒤 설정을 다시 여세요.</translation>
    </message>
    <message>
        <source>{model} is not in {folder} any more: put its folder back there, or choose another model.</source>
        <translation>{model} 모델이 더 이상 {folder}에 없습니다. 모델 폴더를 다시 넣거나 다른 모델을 고르세요.</translation>
    </message>
    <message>
        <source>On this computer, {model} took {cost} s per minute of answer, in its one reading so far.</source>
        <translation>이 컴퓨터에서 {model} 모델은 지금까지 한 번 읽었고, 답변 1분당 {cost}초가 걸렸습니다.</translation>
    </message>
    <message>
        <source>On this computer, {model} took {cost} s per minute of answer, over its last {n} readings.</source>
        <translation>이 컴퓨터에서 {model} 모델은 최근 {n}번 읽는 동안 답변 1분당 {cost}초가 걸렸습니다.</translation>
    </message>
    <message>
        <source>Once, timed from the end of an answer: its transcript was ready {median} s later.</source>
        <translation>답변이 끝난 시점부터 잰 1회에서는 {median}초 뒤에 기록이 준비되었습니다.</translation>
    </message>
    <message>
        <source>After an answer ended, its transcript was usually ready {median} s later (9 in 10 within {p90} s).</source>
        <translation>답변이 끝난 뒤 기록은 보통 {median}초 만에 준비되었습니다(10번 중 9번은 {p90}초 이내).</translation>
    </message>
    <message>
        <source>{model} has not read an answer on this computer yet: what it costs shows here after your next answer, or time it now on your last one.</source>
        <translation>{model} 모델은 아직 이 컴퓨터에서 답변을 읽은 적이 없습니다. 다음 답변을 마치거나, 지금 마지막 답변으로 시간을 재면 걸린 시간이 여기에 표시됩니다.</translation>
    </message>
    <message>
        <source>Reading your last recorded answer with {model}…</source>
        <translation>{model} 모델로 마지막으로 녹음한 답변을 읽는 중…</translation>
    </message>
    <message>
        <source>{model} could not read your last answer: {error}</source>
        <translation>{model} 모델로 마지막 답변을 읽지 못했습니다: {error}</translation>
    </message>
    <message>
        <source>Practise one answer first: the timing reads your last recorded answer.</source>
        <translation>먼저 답변을 하나 연습하세요. 시간 재기는 마지막으로 녹음한 답변을 읽습니다.</translation>
    </message>
    <message>
        <source>{model} read your last answer ({audio} s) in {cost} s: {per} s per minute of answer, after {load} s to load.</source>
        <translation>{model} 모델이 마지막 답변({audio}초)을 {cost}초 만에 읽었습니다. 답변 1분당 {per}초이며, 모델을 불러오는 데 {load}초가 걸렸습니다.</translation>
    </message>
</context>
<context>
    <name>ReviewPage</name>
    <message>
        <source>Practise again</source>
        <translation>다시 연습하기</translation>
    </message>
    <message>
        <source>Export PDF report…</source>
        <translation>PDF 보고서 내보내기…</translation>
    </message>
    <message>
        <source>Review</source>
        <translation>리뷰</translation>
    </message>
    <message>
        <source>Finish an interview, or pick one in History, to review it here.</source>
        <translation>면접을 마치거나 기록에서 하나를 고르면 여기에서 리뷰할 수 있습니다.</translation>
    </message>
    <message>
        <source>Review of interview #{id}</source>
        <translation>면접 #{id} 리뷰</translation>
    </message>
    <message>
        <source> (follow-up)</source>
        <translation> (꼬리 질문)</translation>
    </message>
    <message>
        <source>Question {n}</source>
        <translation>질문 {n}</translation>
    </message>
    <message>
        <source>Retry this question</source>
        <translation>이 질문 다시 답하기</translation>
    </message>
    <message>
        <source>Skipped</source>
        <translation>건너뜀</translation>
    </message>
    <message>
        <source>Click a word to replay your answer from there. Underlined: the words your score rests on.</source>
        <translation>단어를 누르면 그 부분부터 답변을 다시 들려줍니다. 밑줄 친 부분은 점수의 근거가 된 말입니다.</translation>
    </message>
    <message>
        <source>Not answered</source>
        <translation>답변하지 않음</translation>
    </message>
    <message>
        <source>Answer this question again; your attempts are compared side by side.</source>
        <translation>이 질문에 다시 답합니다. 답변들을 나란히 비교해 보여 줍니다.</translation>
    </message>
    <message>
        <source>No speech was recognised.</source>
        <translation>인식된 말이 없습니다.</translation>
    </message>
    <message>
        <source>This is the live transcript. The whole answer is being read again for an accurate one, which replaces it here, with its figures, when it is done.</source>
        <translation>지금 보이는 것은 실시간 기록입니다. 더 정확한 기록을 위해 답변 전체를 다시 듣고 있으며, 끝나면 이 기록과 수치가 여기에서 바뀝니다.</translation>
    </message>
    <message>
        <source>This answer was cut short; what was said before is kept.</source>
        <translation>이 답변은 도중에 끊겼습니다. 그 전까지 말한 내용은 보존되었습니다.</translation>
    </message>
    <message>
        <source>▶ Replay answer</source>
        <translation>▶ 답변 다시 듣기</translation>
    </message>
    <message>
        <source>Save the report</source>
        <translation>보고서 저장</translation>
    </message>
    <message>
        <source>PDF report</source>
        <translation>PDF 보고서</translation>
    </message>
    <message>
        <source>Reading the answers again…</source>
        <translation>답변을 다시 듣는 중…</translation>
    </message>
    <message>
        <source>■ Stop</source>
        <translation>■ 정지</translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <source>Settings</source>
        <translation>설정</translation>
    </message>
    <message>
        <source>Microphone</source>
        <translation>마이크</translation>
    </message>
    <message>
        <source>Speech recognition</source>
        <translation>음성 인식</translation>
    </message>
    <message>
        <source>Interface language</source>
        <translation>화면 언어</translation>
    </message>
    <message>
        <source>Appearance</source>
        <translation>화면 테마</translation>
    </message>
    <message>
        <source>Voice</source>
        <translation>목소리</translation>
    </message>
    <message>
        <source>The interviewer's voice</source>
        <translation>면접관 음성</translation>
    </message>
    <message>
        <source>Data</source>
        <translation>데이터</translation>
    </message>
    <message>
        <source>Headset</source>
        <translation>헤드셋</translation>
    </message>
    <message>
        <source>End an answer after</source>
        <translation>답변 자동 종료</translation>
    </message>
    <message>
        <source>Recognised by</source>
        <translation>인식 방식</translation>
    </message>
    <message>
        <source>Model size</source>
        <translation>모델 크기</translation>
    </message>
    <message>
        <source>Number format</source>
        <translation>연산 정밀도</translation>
    </message>
    <message>
        <source>Read aloud</source>
        <translation>질문 읽어 주기</translation>
    </message>
    <message>
        <source>Speaking speed</source>
        <translation>말하는 속도</translation>
    </message>
    <message>
        <source>Light or dark</source>
        <translation>화면 테마</translation>
    </message>
    <message>
        <source>Data folder</source>
        <translation>데이터 폴더</translation>
    </message>
    <message>
        <source>Models folder</source>
        <translation>모델 폴더</translation>
    </message>
    <message>
        <source>Show advanced settings (model size, number format)</source>
        <translation>고급 설정 보기 (모델 크기, 연산 정밀도)</translation>
    </message>
    <message>
        <source>A larger speech model is more accurate and slower: base is built in.</source>
        <translation>음성 모델이 클수록 정확하지만 느립니다. base는 앱에 들어 있습니다.</translation>
    </message>
    <message>
        <source>int8 is fastest; float32 is the most exact and the slowest.</source>
        <translation>int8이 가장 빠르고, float32가 가장 정밀하지만 가장 느립니다.</translation>
    </message>
    <message>
        <source>On this computer (Whisper)</source>
        <translation>이 컴퓨터에서 (Whisper)</translation>
    </message>
    <message>
        <source>Google Cloud (streaming; this computer takes over offline)</source>
        <translation>Google Cloud (스트리밍, 오프라인이면 이 컴퓨터가 이어 받음)</translation>
    </message>
    <message>
        <source>RTZR, Korean (streaming; this computer takes over offline)</source>
        <translation>RTZR, 한국어 (스트리밍, 오프라인이면 이 컴퓨터가 이어 받음)</translation>
    </message>
    <message>
        <source>Follow the system</source>
        <translation>시스템 설정 따르기</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>밝게</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>어둡게</translation>
    </message>
    <message>
        <source>System default</source>
        <translation>시스템 기본값</translation>
    </message>
    <message>
        <source>&lt;data folder&gt;/models</source>
        <translation>&lt;데이터 폴더&gt;/models</translation>
    </message>
    <message>
        <source>Read each question aloud</source>
        <translation>질문을 소리 내어 읽기</translation>
    </message>
    <message>
        <source>Automatic (the system's voice for the interview language)</source>
        <translation>자동 (면접 언어에 맞는 시스템 음성)</translation>
    </message>
    <message>
        <source>words/min (the interviewer's voice)</source>
        <translation>단어/분 (면접관 음성)</translation>
    </message>
    <message>
        <source>I use headphones: keep the microphone on while the interviewer speaks</source>
        <translation>헤드폰 사용: 면접관이 말하는 동안에도 마이크를 켜 둡니다</translation>
    </message>
    <message>
        <source>s of silence</source>
        <translation>초 침묵 후</translation>
    </message>
    <message>
        <source>never (button or Space only)</source>
        <translation>사용 안 함 (버튼 또는 Space로만)</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>고르기…</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>저장</translation>
    </message>
    <message>
        <source>Folder and speech-model changes apply the next time the app starts.</source>
        <translation>폴더와 음성 모델 변경은 앱을 다시 시작할 때 적용됩니다.</translation>
    </message>
    <message>
        <source>Choose a folder</source>
        <translation>폴더 선택</translation>
    </message>
    <message>
        <source>Saved. Restart Interview Coach to use the new folders or speech model.</source>
        <translation>저장했습니다. 새 폴더나 음성 모델을 쓰려면 Interview Coach를 다시 시작하세요.</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>저장했습니다.</translation>
    </message>
</context>
<context>
    <name>SetupPage</name>
    <message>
        <source>Set up an interview</source>
        <translation>면접 설정</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>직무</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>분야</translation>
    </message>
    <message>
        <source>Seniority</source>
        <translation>경력 수준</translation>
    </message>
    <message>
        <source>Company</source>
        <translation>회사</translation>
    </message>
    <message>
        <source>Interview kind</source>
        <translation>면접 유형</translation>
    </message>
    <message>
        <source>Questions</source>
        <translation>질문 수</translation>
    </message>
    <message>
        <source>Interview language</source>
        <translation>면접 언어</translation>
    </message>
    <message>
        <source>e.g. Backend engineer</source>
        <translation>예: 백엔드 개발자</translation>
    </message>
    <message>
        <source>optional</source>
        <translation>선택 사항</translation>
    </message>
    <message>
        <source>Any field</source>
        <translation>모든 분야</translation>
    </message>
    <message>
        <source>Software</source>
        <translation>소프트웨어</translation>
    </message>
    <message>
        <source>Data</source>
        <translation>데이터</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>프로덕트</translation>
    </message>
    <message>
        <source>Design</source>
        <translation>디자인</translation>
    </message>
    <message>
        <source>Marketing</source>
        <translation>마케팅</translation>
    </message>
    <message>
        <source>Sales</source>
        <translation>영업</translation>
    </message>
    <message>
        <source>Operations</source>
        <translation>운영</translation>
    </message>
    <message>
        <source>Any level</source>
        <translation>모든 수준</translation>
    </message>
    <message>
        <source>Junior</source>
        <translation>신입·주니어</translation>
    </message>
    <message>
        <source>Mid-level</source>
        <translation>중간 경력</translation>
    </message>
    <message>
        <source>Senior</source>
        <translation>시니어</translation>
    </message>
    <message>
        <source>Behavioural</source>
        <translation>행동 면접</translation>
    </message>
    <message>
        <source>Technical</source>
        <translation>기술 면접</translation>
    </message>
    <message>
        <source>Mixed</source>
        <translation>혼합</translation>
    </message>
    <message>
        <source>Job posting (optional)</source>
        <translation>채용 공고 (선택)</translation>
    </message>
    <message>
        <source>Résumé (optional)</source>
        <translation>이력서 (선택)</translation>
    </message>
    <message>
        <source>Paste the job posting here, or open a .txt, .md or .pdf file.</source>
        <translation>채용 공고를 붙여 넣거나 .txt, .md, .pdf 파일을 여세요.</translation>
    </message>
    <message>
        <source>Paste your résumé here, or open a .txt, .md or .pdf file.</source>
        <translation>이력서를 붙여 넣거나 .txt, .md, .pdf 파일을 여세요.</translation>
    </message>
    <message>
        <source>Open file…</source>
        <translation>파일 열기…</translation>
    </message>
    <message>
        <source>Start interview</source>
        <translation>면접 시작</translation>
    </message>
    <message>
        <source>Answer out loud as you would in the room. Press Space to finish an answer.</source>
        <translation>실제 면접장에서처럼 소리 내어 답하세요. Space 키로 답변을 마칩니다.</translation>
    </message>
    <message>
        <source>Open a document</source>
        <translation>문서 열기</translation>
    </message>
    <message>
        <source>Documents</source>
        <translation>문서</translation>
    </message>
</context>
<context>
    <name>StartWindow</name>
    <message>
        <source>Getting ready…</source>
        <translation>준비하고 있습니다…</translation>
    </message>
    <message>
        <source>Opening your practice history…</source>
        <translation>연습 기록을 여는 중…</translation>
    </message>
    <message>
        <source>Loading the speech engine…</source>
        <translation>음성 엔진을 불러오는 중…</translation>
    </message>
    <message>
        <source>Preparing the screens…</source>
        <translation>화면을 준비하는 중…</translation>
    </message>
</context>
<context>
    <name>TrendChart</name>
    <message>
        <source>Pace</source>
        <translation>말하기 속도</translation>
    </message>
    <message>
        <source>syllables/min</source>
        <translation>음절/분</translation>
    </message>
    <message>
        <source>words/min</source>
        <translation>단어/분</translation>
    </message>
    <message>
        <source>target range</source>
        <translation>목표 범위</translation>
    </message>
    <message>
        <source>Shown once an answer has 20 s of speech</source>
        <translation>답변 하나가 20초 이상이 되면 표시됩니다</translation>
    </message>
    <message>
        <source>Fillers per minute</source>
        <translation>분당 군말</translation>
    </message>
    <message>
        <source>fillers/min</source>
        <translation>군말/분</translation>
    </message>
    <message>
        <source>Content score</source>
        <translation>내용 점수</translation>
    </message>
    <message>
        <source>score (0–100)</source>
        <translation>점수 (0–100)</translation>
    </message>
    <message>
        <source>Interview and date</source>
        <translation>면접 번호와 날짜</translation>
    </message>
    <message>
        <source>MMM d</source>
        <translation>M월 d일</translation>
    </message>
    <message>
        <source>No interview in this language has been analysed yet.</source>
        <translation>이 언어로 분석된 면접이 아직 없습니다.</translation>
    </message>
</context>
<context>
    <name>WhisperInstaller</name>
    <message>
        <source>{model} (about {size} GB to download)</source>
        <translation>{model}(내려받기 약 {size}GB)</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>멈추기</translation>
    </message>
    <message>
        <source>Install</source>
        <translation>설치</translation>
    </message>
    <message>
        <source>Downloading {model}…</source>
        <translation>{model} 모델을 내려받는 중…</translation>
    </message>
    <message>
        <source>Stopped. What was downloaded is kept; Install resumes from there.</source>
        <translation>멈췄습니다. 내려받은 부분은 남아 있어 다시 설치하면 그 뒤부터 이어받습니다.</translation>
    </message>
    <message>
        <source>{model} is installed. Time it on your last answer, then Save to have it read your answers.</source>
        <translation>{model} 모델을 설치했습니다. 마지막 답변으로 시간을 재 본 뒤, 저장하면 이 모델이 답변을 다시 읽습니다.</translation>
    </message>
</context>
<context>
    <name>WritePage</name>
    <message>
        <source>Practise in writing</source>
        <translation>글로 답하며 연습하기</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>언어</translation>
    </message>
    <message>
        <source>Question type</source>
        <translation>질문 유형</translation>
    </message>
    <message>
        <source>Question</source>
        <translation>질문</translation>
    </message>
    <message>
        <source>Read from the question</source>
        <translation>질문에서 자동으로 판단</translation>
    </message>
    <message>
        <source>Past experience</source>
        <translation>경험 질문</translation>
    </message>
    <message>
        <source>Hypothetical situation</source>
        <translation>상황 질문</translation>
    </message>
    <message>
        <source>Motivation and fit</source>
        <translation>지원 동기·적합성</translation>
    </message>
    <message>
        <source>Self-introduction</source>
        <translation>자기소개</translation>
    </message>
    <message>
        <source>Strengths and weaknesses</source>
        <translation>장단점</translation>
    </message>
    <message>
        <source>Knowledge</source>
        <translation>직무 지식</translation>
    </message>
    <message>
        <source>Closing question</source>
        <translation>마지막 질문</translation>
    </message>
    <message>
        <source>Another question</source>
        <translation>다른 질문</translation>
    </message>
    <message>
        <source>Write your answer as you would say it. The feedback quotes your own words for every point.</source>
        <translation>말하듯이 답변을 써 보세요. 피드백은 점수마다 본인이 쓴 문장을 근거로 인용합니다.</translation>
    </message>
    <message>
        <source>Get feedback</source>
        <translation>피드백 받기</translation>
    </message>
    <message>
        <source>Your feedback appears here.</source>
        <translation>여기에 피드백이 표시됩니다.</translation>
    </message>
    <message>
        <source>Write your answer first: the feedback needs something to read.</source>
        <translation>먼저 답변을 써 주세요. 읽을 내용이 있어야 피드백을 드릴 수 있습니다.</translation>
    </message>
    <message>
        <source>This answer is longer than five minutes of speech; the first {n} characters are read.</source>
        <translation>이 답변은 5분 넘게 말할 분량이라 앞의 {n}자만 읽었습니다.</translation>
    </message>
</context>
</TS>