"""Activities' part of 下载我的数据: the user's sign-ups."""

from participation.account_registry import local_iso
from participation.activities.models import ActivitySignup


def collect(*, user) -> list[dict]:
    return [
        {
            "activity": signup.activity.title,
            "status": str(signup.get_status_display()),
            "created_at": local_iso(signup.created_at),
            "cancelled_at": local_iso(signup.cancelled_at),
            "attended_at": local_iso(signup.attended_at),
        }
        for signup in ActivitySignup.objects.filter(resident=user).select_related("activity")
    ]
