"""The two surveys of 7.2: the convention-awareness quiz (on 附录A, with right answers) and the satisfaction
questionnaire, and how one response is scored.

The quiz is content from the standard's Appendix A (home/standard_content.py), so its questions are Chinese
data like the convention itself; the questionnaire's wording is UI text (gettext)."""

import math

from django.utils.translation import gettext_lazy as _

#: A respondent knows the convention when they answer at least this share of the questions right.
AWARE_SHARE = 0.8
#: Overall ratings that count as satisfied (满意, 非常满意), as for 解忧铺 ratings.
SATISFIED_MIN_RATING = 4

AWARENESS_QUESTIONS = (
    {
        "key": "idea",
        "text": "《“人人社区”公约》树立的建设理念是什么？",
        "choices": (
            ("a", "各家自扫门前雪，互不打扰"),
            ("b", "人人有责、人人尽责、我为人人、人人为我"),
            ("c", "社区的事由社区干部负责"),
        ),
        "answer": "b",
    },
    {
        "key": "sections",
        "text": "《“人人社区”公约》由哪四部分组成？",
        "choices": (
            ("a", "参与公约、互助公约、自律公约、成长公约"),
            ("b", "卫生公约、安全公约、交通公约、消防公约"),
            ("c", "物业公约、停车公约、养犬公约、装修公约"),
        ),
        "answer": "a",
    },
    {
        "key": "residents",
        "text": "公约要培养怎样的居民？",
        "choices": (
            ("a", "只关心自家事务的居民"),
            ("b", "等待社区安排的居民"),
            ("c", "权责自知、尽责自主、治理自觉的居民"),
        ),
        "answer": "c",
    },
    {
        "key": "participation",
        "text": "“参与公约”倡导怎样参与社区事务？",
        "choices": (
            ("a", "共商共治创格局，居民参与有渠道"),
            ("b", "少数人决定，多数人服从"),
            ("c", "有问题只向上级反映"),
        ),
        "answer": "a",
    },
    {
        "key": "mutual_aid",
        "text": "“互助公约”提倡邻里之间怎样相处？",
        "choices": (
            ("a", "各过各的，不必来往"),
            ("b", "邻里守望造氛围，志愿服务有热情"),
            ("c", "有偿帮忙，按次收费"),
        ),
        "answer": "b",
    },
    {
        "key": "self_discipline",
        "text": "“自律公约”强调的是什么？",
        "choices": (
            ("a", "靠罚款管住不文明行为"),
            ("b", "自律自管同监督，自我约束有机制"),
            ("c", "只要不违法，怎么做都可以"),
        ),
        "answer": "b",
    },
    {
        "key": "growth",
        "text": "“成长公约”倡导怎样的家风？",
        "choices": (
            ("a", "文明优良强家风，人人奉献有爱心"),
            ("b", "关起门来过日子"),
            ("c", "家务事与社区无关"),
        ),
        "answer": "a",
    },
)

RATING_CHOICES = (
    (5, _("Very satisfied")),
    (4, _("Satisfied")),
    (3, _("Neutral")),
    (2, _("Dissatisfied")),
    (1, _("Very dissatisfied")),
)

SATISFACTION_QUESTIONS = (
    ("services", _("Services at the community centre (one-stop window, help with errands)")),
    ("environment", _("Environment and facilities (cleanliness, waste sorting, activity rooms)")),
    ("activities", _("Activities and volunteer services")),
    ("deliberation", _("Deliberation and handling of residents' opinions (议事会, 解忧铺)")),
)
OVERALL_KEY = "overall"


def aware_min_correct() -> int:
    return math.ceil(len(AWARENESS_QUESTIONS) * AWARE_SHARE)


def score_awareness(answers: dict[str, str]) -> tuple[int, int, bool]:
    """(right answers, questions, passed)."""
    correct = sum(1 for question in AWARENESS_QUESTIONS if answers.get(question["key"]) == question["answer"])
    return correct, len(AWARENESS_QUESTIONS), correct >= aware_min_correct()


def score_satisfaction(answers: dict[str, int]) -> tuple[int, int, bool]:
    """(overall rating, 5, satisfied): the overall question decides, the others tell what to improve."""
    overall = int(answers[OVERALL_KEY])
    return overall, 5, overall >= SATISFIED_MIN_RATING
