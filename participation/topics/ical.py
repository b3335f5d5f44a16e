"""The community's 议事会 as an iCalendar feed (RFC 5545), written by hand: it is a small text format.

Lines end in CRLF; text values escape backslash, semicolon, comma and newlines; lines longer than 75
octets are folded (CRLF and one space), never inside a UTF-8 character; times are UTC with a Z."""

from datetime import timedelta, timezone as dt_timezone
from urllib.parse import urljoin

from django.utils import timezone
from django.utils.translation import gettext as _

from participation.models import MeetingStatus

CRLF = "\r\n"
MAX_OCTETS = 75
DEFAULT_DURATION = timedelta(hours=2)


def escape_text(value) -> str:
    """A TEXT value (RFC 5545 3.3.11)."""
    value = str(value).replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
    return value.replace("\r\n", "\\n").replace("\r", "\\n").replace("\n", "\\n")


def fold(line: str) -> str:
    """Fold one content line into chunks of at most 75 octets (the continuation's leading space counts)."""
    chunks, current, size, limit = [], [], 0, MAX_OCTETS
    for char in line:
        width = len(char.encode("utf-8"))
        if size + width > limit:
            chunks.append("".join(current))
            current, size, limit = [], 0, MAX_OCTETS - 1
        current.append(char)
        size += width
    chunks.append("".join(current))
    return (CRLF + " ").join(chunks)


def utc_stamp(moment) -> str:
    return moment.astimezone(dt_timezone.utc).strftime("%Y%m%dT%H%M%SZ")


def _event(meeting, *, host: str, base_url: str, stamp: str) -> list[str]:
    ends_at = meeting.ends_at or meeting.starts_at + DEFAULT_DURATION
    agenda = [item.topic.title for item in meeting.agenda_items.all()]
    description = "\n".join(f"{number}. {title}" for number, title in enumerate(agenda, start=1))
    status = "CANCELLED" if meeting.status == MeetingStatus.CANCELLED else "CONFIRMED"
    lines = [
        "BEGIN:VEVENT",
        f"UID:meeting-{meeting.pk}@{host}",
        f"DTSTAMP:{stamp}",
        f"DTSTART:{utc_stamp(meeting.starts_at)}",
        f"DTEND:{utc_stamp(ends_at)}",
        f"SUMMARY:{escape_text(meeting.title)}",
        f"LOCATION:{escape_text(meeting.place)}",
        f"STATUS:{status}",
        f"URL:{urljoin(base_url, meeting.get_absolute_url())}",
    ]
    if description:
        lines.append(f"DESCRIPTION:{escape_text(description)}")
    lines.append("END:VEVENT")
    return lines


def calendar(*, community, meetings, host: str, base_url: str, now=None) -> str:
    stamp = utc_stamp(now or timezone.now())
    host = host.split(":")[0] or "localhost"
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//renren-cms//deliberation meetings//ZH",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        f"X-WR-CALNAME:{escape_text(community.name + ' · ' + _('Deliberation meetings'))}",
    ]
    for meeting in meetings:
        lines.extend(_event(meeting, host=host, base_url=base_url, stamp=stamp))
    lines.append("END:VCALENDAR")
    return "".join(fold(line) + CRLF for line in lines)
