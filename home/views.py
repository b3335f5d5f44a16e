import sys

from django.db import InterfaceError, OperationalError
from django.http import HttpResponse
from django.shortcuts import render
from django.template import loader
from django.utils.translation import gettext as _
from wagtail.models import Site

from home import selectors
from home.models.mixins import paginate

MAX_QUERY_LENGTH = 100


def search(request):
    query = request.GET.get("q", "").strip()[:MAX_QUERY_LENGTH]
    site = Site.find_for_request(request)
    results = None
    if query:
        matches = selectors.search_pages(query=query, site_root=site.root_page if site else None)
        results = paginate(request, matches, 10)
    return render(
        request,
        "home/search.html",
        {"search_query": query, "results": results, "page_title": _("Search")},
    )


def permission_denied(request, exception=None):
    return render(request, "403.html", status=403)


def page_not_found(request, exception=None):
    return render(request, "404.html", status=404)


def server_error(request):
    """500, or 503 with Retry-After when the database cannot be reached (a restart, a failover): residents
    are told to come back in a minute rather than that something broke.

    Rendered without the request, so without context processors: they may need the very database (the
    session, unread messages) whose failure brought us here."""
    if isinstance(sys.exc_info()[1], (OperationalError, InterfaceError)):
        response = HttpResponse(loader.render_to_string("503.html"), status=503)
        response["Retry-After"] = "60"
        return response
    return HttpResponse(loader.render_to_string("500.html"), status=500)
