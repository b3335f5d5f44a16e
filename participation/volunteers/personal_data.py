"""Volunteering's part of 下载我的数据: the registration and the hours."""

from participation.account_registry import local_iso
from participation.volunteers.models import Volunteer, VolunteerHours


def collect(*, user) -> dict:
    return {
        "registrations": [
            {
                "community": volunteer.community.name,
                "skills": volunteer.skills,
                "availability": volunteer.availability,
                "is_active": volunteer.is_active,
                "registered_at": local_iso(volunteer.registered_at),
            }
            for volunteer in Volunteer.objects.filter(resident=user).select_related("community")
        ],
        "hours": [
            {
                "date": local_iso(hours.date),
                "hours": str(hours.hours),
                "description": hours.description,
                "state": str(hours.get_state_display()),
            }
            for hours in VolunteerHours.objects.filter(author=user)
        ],
    }
