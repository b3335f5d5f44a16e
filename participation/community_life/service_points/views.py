"""The public 便民服务圈 page. Thin."""

from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, render

from participation.community_life.service_points import selectors
from participation.community_life.service_points.forms import CategoryFilterForm
from participation.models import Community

PER_PAGE = 20


def service_circle(request, slug):
    community = get_object_or_404(Community, slug=slug)
    filter_form = CategoryFilterForm(request.GET or None)
    points = selectors.service_directory(community=community, category=filter_form.selected_category())
    page_obj = Paginator(points, PER_PAGE).get_page(request.GET.get("page"))
    context = {"community": community, "filter_form": filter_form, "page_obj": page_obj}
    return render(request, "community_life/service_points/service_circle.html", context)
