"""The 议事厅's part of 下载我的数据: the user's topics, comments, supports and follows, and their reports."""

from participation.account_registry import local_iso
from participation.topics.models import (
    ConsultationTopic,
    TopicComment,
    TopicFollow,
    TopicReport,
    TopicSupport,
)


def collect(*, user) -> dict:
    return {
        "topics": [
            {
                "title": topic.title,
                "description": topic.description,
                "community": topic.community.name,
                "category": topic.category.name if topic.category_id else None,
                "state": str(topic.get_state_display()),
                "created_at": local_iso(topic.created_at),
                "resolution": topic.resolution,
            }
            for topic in ConsultationTopic.objects.filter(author=user).select_related("community", "category")
        ],
        "comments": [
            {"topic": comment.topic.title, "body": comment.body, "created_at": local_iso(comment.created_at)}
            for comment in TopicComment.objects.filter(author=user).select_related("topic")
        ],
        "supports": [
            {"topic": support.topic.title, "created_at": local_iso(support.created_at)}
            for support in TopicSupport.objects.filter(resident=user).select_related("topic")
        ],
        "follows": [
            {"topic": follow.topic.title, "created_at": local_iso(follow.created_at)}
            for follow in TopicFollow.objects.filter(user=user).select_related("topic")
        ],
        "reports": [
            {
                "reason": str(report.get_reason_display()),
                "details": report.details,
                "created_at": local_iso(report.created_at),
            }
            for report in TopicReport.objects.filter(reporter=user)
        ],
    }
