"""Evaluation's part of 下载我的数据: the user's own survey answers (公约知晓测试, 满意度问卷)."""

from evaluation.models import SurveyResponse
from participation.account_registry import local_iso


def collect(*, user) -> list[dict]:
    return [
        {
            "survey": str(response.get_kind_display()),
            "community": response.community.name,
            "year": response.year,
            "answers": response.answers,
            "submitted_at": local_iso(response.submitted_at),
        }
        for response in SurveyResponse.objects.filter(respondent=user).select_related("community")
    ]
