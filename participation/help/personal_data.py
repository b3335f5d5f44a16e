"""The 解忧铺's part of 下载我的数据: the user's own requests (never staff-only fields such as the grid or
internal notes)."""

from participation.account_registry import local_iso
from participation.help.models import HelpRequest


def collect(*, user) -> list[dict]:
    return [
        {
            "number": request.pk,
            "community": request.community.name,
            "category": request.category.name if request.category_id else None,
            "summary": request.summary,
            "description": request.description,
            "state": str(request.get_state_display()),
            "created_at": local_iso(request.created_at),
            "resolved_at": local_iso(request.resolved_at),
            "closed_at": local_iso(request.closed_at),
            "rating": request.rating,
        }
        for request in HelpRequest.objects.filter(author=user).select_related("community", "category")
    ]
