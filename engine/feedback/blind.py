"""The blind-hiring check (블라인드 채용): personal details an answer should not give, quoted.

Korean public employers, and many private ones, judge candidates blind: an answer that names a parent's job,
a hometown, a school, an age, a marital status or a physical trait puts the candidate at risk, and in some
processes breaks the rules. Each finding quotes the sentence it was found in.

Precision matters more than recall here: a false alarm teaches a candidate to distrust the check, so every
pattern needs the candidate's own voice around it ("my father is…", "아버지께서 … 하십니다"), not a bare word
(a school as a customer, the age of a product's users, 키 as a database key are work, not personal detail).
Tuned on tests/data/blind/dev.jsonl only; bench/blind_check.py prints both splits.
"""

from __future__ import annotations

import enum
import re
from dataclasses import dataclass

from engine.feedback.text import is_korean, sentences


class DetailKind(enum.StrEnum):
    FAMILY = "family"  # a family member and their job or standing
    HOMETOWN = "hometown"
    SCHOOL = "school"  # a named school or university
    AGE = "age"
    MARITAL = "marital"  # marital status, a spouse, children
    PHYSICAL = "physical"  # height, weight, looks


@dataclass(frozen=True, slots=True)
class PersonalDetail:
    kind: DetailKind
    quote: str  # the sentence it was found in, as said
    start: int  # where that sentence is in the answer
    end: int


_I = re.IGNORECASE
_KIN_EN = r"(?:father|dad|mother|mom|mum|parents|brother|sister|uncle|aunt|grand(?:father|mother|parents|pa|ma))"
_SCHOOL_NAMES_EN = (
    r"(?:MIT|KAIST|POSTECH|UNIST|SNU|Stanford|Harvard|Oxford|Cambridge|Berkeley|Yale|Princeton|Caltech|Yonsei|"
    r"Korea University|Sogang|Hanyang|Sungkyunkwan|Ewha)"
)
_NUMBER_WORDS_EN = r"(?:\d{2}|twenty|thirty|forty|fifty|sixty)(?:[- ](?:one|two|three|four|five|six|seven|eight|nine))?"

_EN: tuple[tuple[DetailKind, re.Pattern[str]], ...] = (
    (
        DetailKind.FAMILY,
        re.compile(
            rf"\b(?:both )?my (?:older |younger |elder |little |big )?{_KIN_EN}\b(?:\s+[\w']+){{0,2}}?\s+"
            r"(?:is|was|are|were|runs?|ran|works?|worked|owns?|owned|teach(?:es)?|taught|manages?|managed)\b",
            _I,
        ),
    ),
    (
        DetailKind.HOMETOWN,
        re.compile(
            r"\b(?:born and raised in|grew up in|I was born in|my home ?town)\b(?!\s+\d)|"
            r"\bI(?:'m| am) (?:originally )?from (?-i:[A-Z])",
            _I,
        ),
    ),
    (
        DetailKind.SCHOOL,
        re.compile(
            rf"\b(?:graduated from|graduate of|studied at|degree from|when I was at|I went to|I attended|at|from) "
            rf"(?:the )?(?-i:(?:{_SCHOOL_NAMES_EN}|[A-Z][\w.]*(?: [A-Z][\w.]*)* (?:University|College|Institute|"
            r"High School)|University of [A-Z]\w+))",
            _I,
        ),
    ),
    (
        DetailKind.AGE,
        re.compile(
            rf"\bI(?:'m| am) {_NUMBER_WORDS_EN}(?: years old)?\b(?!\s*(?:%|percent|per|times|hours|minutes|people))|"
            rf"\bas an? {_NUMBER_WORDS_EN}[- ]years?[- ]old\b|\bI was born in (?:19|20)\d\d\b|\bmy age\b",
            _I,
        ),
    ),
    (
        DetailKind.MARITAL,
        re.compile(
            r"\bI(?:'m| am) (?:married|single|divorced|engaged|a (?:single )?(?:mother|father|parent))\b|"
            r"\bmy (?:wife|husband|fianc[ée]e?|spouse|girlfriend|boyfriend|kids|children|son|daughter)\b|"
            r"\b(?:have|with) (?:a|one|two|three|\d) (?:kids?|children|child|sons?|daughters?)\b",
            _I,
        ),
    ),
    (
        DetailKind.PHYSICAL,
        re.compile(
            r"\bI(?:'m| am) (?:\d+(?:\.\d+)? ?(?:cm|centimet(?:er|re)s)|\w+ (?:feet|foot)(?: \w+)?) tall\b|"
            r"\bI weigh\b|\bmy (?:height|weight|looks|appearance)\b|"
            r"\bI(?:'m| am) (?:very |quite |rather )?"
            r"(?:tall|short|overweight|slim|skinny|good-looking|handsome|pretty)\b",
            _I,
        ),
    ),
)

_KIN_KO = (
    r"(?:아버지|아버님|아빠|어머니|어머님|엄마|부모님|형|누나|오빠|언니|남동생|여동생|동생|"
    r"할아버지|할머니|삼촌|이모|고모|외삼촌)"
)
_JOBS_KO = (
    r"(?:공무원|교사|선생님|의사|변호사|판사|검사|간호사|교수|군인|경찰|사업|자영업|회사원|대표|사장|임원|농사|"
    r"목사|식당|가게|은행|기자|약사|엔지니어|일하|근무|운영|종사|다니)"
)
_GENERIC_KO = r"(?:지방|명문|일반|우리|모|같은|다른|여러|해당|국립|사립|상위|연령|세)"
_STUDY_KO = r"(?:졸업|나왔|나와|나온|다녔|다니|재학|입학|석사|학사|박사|전공|출신|에서 공부)"
_TENS_KO = r"(?:\d{2}|스물|서른|마흔|쉰)"

_KO: tuple[tuple[DetailKind, re.Pattern[str]], ...] = (
    (DetailKind.FAMILY, re.compile(rf"(?<![가-힣]){_KIN_KO}(?:께서|가|이|는|은|도)\s?[^.?!]{{0,14}}?{_JOBS_KO}")),
    (
        DetailKind.HOMETOWN,
        re.compile(
            r"(?:제|저의|내) 고향|고향(?:은|이|인|에서)|(?<![가-힣])[가-힣]{2,4}(?:에서|서) 나고 자|"
            r"(?:저는|제가|저도) (?:[^.?!]{0,10} )?[가-힣]{2,4}(?:에서|서) (?:태어나|태어났|자랐)|"
            r"(?<![가-힣])(?![가-힣]*(?:대|대학|대학교|학교|고|전공|공대))[가-힣]{2,4} "
            r"출신(?:으로|이라|입니다|이고|이며|인)"
        ),
    ),
    (
        DetailKind.SCHOOL,
        re.compile(
            rf"(?:(?<![가-힣])(?!{_GENERIC_KO})[가-힣]{{2,5}}(?:대학교|대학원|대학|대|고등학교|과학고|외고|여고)|"
            rf"카이스트|포스텍|유니스트|KAIST|POSTECH|UNIST)[^.?!]{{0,16}}?{_STUDY_KO}"
        ),
    ),
    (
        DetailKind.AGE,
        re.compile(
            rf"(?<![가-힣\d]){_TENS_KO}[가-힣]{{0,2}}\s?살(?:입니다|이고|이며|이라|로|에|인|이에요|이예요)|"
            r"(?<!\d)\d{2}년생|(?:19|20)\d{2}년에 태어|(?:제|저의) 나이"
        ),
    ),
    (
        DetailKind.MARITAL,
        re.compile(
            r"결혼(?:했|해서|하여|을 했|한 지|생활|을 앞두)|기혼|미혼|"
            r"(?<![가-힣])(?:아내|남편|와이프|배우자|약혼자)(?:와|과|가|는|도|이|의)|"
            r"(?:아이|자녀|아들|딸)(?:가|이|는)?\s?(?:둘|하나|한 명|두 명|세 명|있)"
        ),
    ),
    (
        DetailKind.PHYSICAL,
        re.compile(r"키(?:가|는)\s?\d|신장|\d{3}\s?(?:센티|cm|㎝)|몸무게|체중(?:이|은|도)|외모|체격(?:이|은|도)"),
    ),
)


def personal_details(answer: str, language: str) -> tuple[PersonalDetail, ...]:
    """Personal details in an answer, one per kind and sentence, in order of the answer."""
    patterns = _KO if is_korean(language) else _EN
    found: list[PersonalDetail] = []
    for sentence in sentences(answer):
        for kind, pattern in patterns:
            if pattern.search(sentence.text):
                found.append(PersonalDetail(kind, sentence.text, sentence.start, sentence.end))
    return tuple(found)
