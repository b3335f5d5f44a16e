"""The community's 议事会 as an iCalendar feed, written with the shared writer (participation/ical.py)."""

from datetime import timedelta
from urllib.parse import urljoin

from django.utils.translation import gettext as _

from participation.ical import Event, escape_text, fold  # noqa: F401  (escape_text, fold: used by callers)
from participation.ical import calendar as write_calendar
from participation.topics.models import MeetingStatus

DEFAULT_DURATION = timedelta(hours=2)


def _event(meeting, *, host: str, base_url: str) -> Event:
    agenda = [item.topic.title for item in meeting.agenda_items.all()]
    return Event(
        uid=f"meeting-{meeting.pk}@{host}",
        start=meeting.starts_at,
        end=meeting.ends_at or meeting.starts_at + DEFAULT_DURATION,
        summary=meeting.title,
        location=meeting.place,
        description="\n".join(f"{number}. {title}" for number, title in enumerate(agenda, start=1)),
        url=urljoin(base_url, meeting.get_absolute_url()),
        status="CANCELLED" if meeting.status == MeetingStatus.CANCELLED else "CONFIRMED",
    )


def calendar(*, community, meetings, host: str, base_url: str, now=None) -> str:
    host = host.split(":")[0] or "localhost"
    return write_calendar(
        [_event(meeting, host=host, base_url=base_url) for meeting in meetings],
        name=f"{community.name} · {_('Deliberation meetings')}",
        now=now,
    )
