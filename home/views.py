from django.shortcuts import render
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
    # No context processors beyond the basics: the failure may be in one of them.
    return render(request, "500.html", status=500)
