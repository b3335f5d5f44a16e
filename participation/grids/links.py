"""The staff-only link from a request or topic back to the diary entry it came from (admin inspect pages)."""

from django.utils.html import format_html
from django.utils.translation import gettext as _
from wagtail.admin.admin_url_finder import AdminURLFinder


def diary_entry_link(entry, user) -> str:
    """Only the date, no household: the item's admin page may be seen by staff who do not keep the diary."""
    if entry is None:
        return "-"
    label = _("Visit diary entry of %(date)s") % {"date": f"{entry.visited_on:%Y-%m-%d}"}
    url = AdminURLFinder(user).get_edit_url(entry)
    return format_html('<a href="{}">{}</a>', url, label) if url else label
