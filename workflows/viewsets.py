"""Wagtail admin integration every flow reuses: `ReviewableViewSetMixin` for a ModelViewSet or SnippetViewSet.

It lists items by state and submission date, scopes every view to `filter_queryset_for_user`, adds the
current user's allowed transitions as header buttons on the edit and inspect views, a transition view at
`<pk>/transition/<name>/`, and the item's timeline on the inspect view."""

import django_filters
from django import forms
from django.contrib.admin.utils import quote
from django.core.exceptions import PermissionDenied
from django.urls import path, reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import DateRangePickerWidget, WagtailFilterSet
from wagtail.admin.widgets.button import HeaderButton

from workflows.registry import register_reviewable
from workflows.selectors import transition_logs_for
from workflows.views_admin import TransitionView

# Views that load one item by its primary key; each refuses items outside the user's scope.
_OBJECT_VIEWS = (
    "edit_view_class",
    "delete_view_class",
    "inspect_view_class",
    "history_view_class",
    "usage_view_class",
    "copy_view_class",
)


def reviewable_filterset_class(model):
    """Filters by state (the model's own states) and by submission date range."""
    attrs = {
        "state": django_filters.ChoiceFilter(
            label=_("State"),
            choices=model._meta.get_field("state").choices,
            widget=forms.RadioSelect,
            empty_label=_("All"),
        ),
        "submitted_at": django_filters.DateFromToRangeFilter(
            label=_("Submitted"), widget=DateRangePickerWidget
        ),
        "Meta": type("Meta", (), {"model": model, "fields": []}),
    }
    return type(f"{model.__name__}ReviewFilterSet", (WagtailFilterSet,), attrs)


def _scoped_object_view(view_class, viewset):
    class ScopedObjectView(view_class):
        def get_object(self, *args, **kwargs):
            obj = super().get_object(*args, **kwargs)
            if not viewset.user_may_access(self.request.user, obj):
                raise PermissionDenied
            return obj

    ScopedObjectView.__name__ = view_class.__name__
    return ScopedObjectView


def _scoped_index_view(view_class, viewset):
    class ScopedIndexView(view_class):
        def get_base_queryset(self):
            return viewset.filter_queryset_for_user(super().get_base_queryset(), self.request.user)

    ScopedIndexView.__name__ = view_class.__name__
    return ScopedIndexView


def _with_transition_buttons(view_class, viewset):
    class TransitionButtonsView(view_class):
        @cached_property
        def header_buttons(self):
            buttons = list(super().header_buttons)
            return buttons + viewset.transition_buttons(self.object, self.request.user)

    TransitionButtonsView.__name__ = view_class.__name__
    return TransitionButtonsView


def _with_timeline(view_class):
    base_template = view_class.template_name

    class TimelineInspectView(view_class):
        template_name = "workflows/admin/inspect.html"

        def get_context_data(self, **kwargs):
            context = super().get_context_data(**kwargs)
            context["workflows_base_template"] = base_template
            context["transition_logs"] = transition_logs_for(obj=self.object)
            return context

    TimelineInspectView.__name__ = view_class.__name__
    return TimelineInspectView


class ReviewableViewSetMixin:
    """Put it before the Wagtail viewset: `class TopicViewSet(ReviewableViewSetMixin, ModelViewSet)`."""

    transition_view_class = TransitionView
    inspect_view_enabled = True
    list_display = ["__str__", "state", "author", "submitted_at", "updated_at"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.index_view_class = _scoped_index_view(self.index_view_class, self)
        for name in _OBJECT_VIEWS:
            view_class = getattr(self, name, None)
            if view_class is not None:
                setattr(self, name, _scoped_object_view(view_class, self))
        self.edit_view_class = _with_transition_buttons(self.edit_view_class, self)
        self.inspect_view_class = _with_timeline(_with_transition_buttons(self.inspect_view_class, self))

    # --- hooks for concrete flows ------------------------------------------------------------------

    def filter_queryset_for_user(self, queryset, user):
        """The items `user` may see in the admin; override to restrict staff to their communities."""
        return queryset

    def user_may_access(self, user, obj) -> bool:
        queryset = type(obj)._default_manager.filter(pk=obj.pk)
        return self.filter_queryset_for_user(queryset, user).exists()

    # --- listing -----------------------------------------------------------------------------------

    @cached_property
    def filterset_class(self):
        # A flow that sets its own list_filter (or filterset_class) gets Wagtail's behaviour instead.
        if self.list_filter is not self.UNDEFINED:
            return self.UNDEFINED
        return reviewable_filterset_class(self.model)

    # --- transitions -------------------------------------------------------------------------------

    def get_transition_view_kwargs(self, **kwargs):
        common = self.get_common_view_kwargs()
        return {
            "viewset": self,
            "index_url_name": common.get("index_url_name"),
            "edit_url_name": common.get("edit_url_name"),
            "inspect_url_name": common.get("inspect_url_name"),
            "header_icon": self.icon,
            **kwargs,
        }

    @property
    def transition_view(self):
        return self.construct_view(self.transition_view_class, **self.get_transition_view_kwargs())

    def get_transition_url(self, obj, transition: str) -> str:
        return reverse(self.get_url_name("transition"), args=(quote(obj.pk), transition))

    def transition_buttons(self, obj, user) -> list[HeaderButton]:
        return [
            HeaderButton(spec.label, url=self.get_transition_url(obj, spec.name), icon_name="tasks")
            for spec in obj.available_transitions_for(user)
        ]

    def get_urlpatterns(self):
        return super().get_urlpatterns() + [
            path(
                f"<{self.pk_path_converter}:pk>/transition/<slug:transition>/",
                self.transition_view,
                name="transition",
            ),
        ]

    def on_register(self):
        super().on_register()
        register_reviewable(self.model, viewset=self)

    def get_item_admin_url(self, obj, user) -> str:
        """The item's page for the review queue: inspect (with timeline) if enabled, else edit."""
        if self.inspect_view_enabled:
            return reverse(self.get_url_name("inspect"), args=(quote(obj.pk),))
        return reverse(self.get_url_name("edit"), args=(quote(obj.pk),))

    def get_index_url(self) -> str | None:
        name = self.get_common_view_kwargs().get("index_url_name")
        return reverse(name) if name else None
