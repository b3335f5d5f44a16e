"""Admin views of the one-step conversion of a 民情日记 concern (confirm form → created), and the links a diary
entry shows to what was made of it."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.html import format_html
from django.utils.text import capfirst
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import FormView
from wagtail.admin.admin_url_finder import AdminURLFinder
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from participation.grids import conversion
from participation.grids.conversion_forms import HelpFromDiaryForm, TopicFromDiaryForm
from participation.grids.models import DiaryEntry
from participation.help.models import HelpRequest
from participation.topics.models import ConsultationTopic

KIND_LABELS = {"help": gettext_lazy("help request"), "topic": gettext_lazy("consultation topic")}


def created_items(*, entry: DiaryEntry, user) -> list[dict]:
    """What was made of the entry, each with its admin link when the user may open it there."""
    finder = AdminURLFinder(user)
    items = []
    for kind, queryset in (
        ("help", HelpRequest.objects.filter(source_diary_entry=entry)),
        ("topic", ConsultationTopic.objects.filter(source_diary_entry=entry)),
    ):
        for item in queryset.order_by("pk"):
            items.append(
                {
                    "kind": KIND_LABELS[kind],
                    "object": item,
                    "state": item.get_state_display(),
                    "url": finder.get_edit_url(item) or "",
                }
            )
    return items


def _item_link(item, user) -> str:
    url = AdminURLFinder(user).get_edit_url(item)
    return format_html('<a href="{}">{}</a>', url, item) if url else format_html("{}", item)


class ConvertDiaryEntryView(WagtailAdminTemplateMixin, FormView):
    """GET: the confirmation form, pre-filled from the entry. POST: create the request or topic, once."""

    kind = "help"
    template_name = "grids/admin/convert.html"
    header_icon = "doc-full"
    edit_url_name = "diary:edit"

    def dispatch(self, request, *args, **kwargs):
        self.entry = get_object_or_404(
            DiaryEntry.objects.select_related("household__grid", "community", "grid"), pk=kwargs["pk"]
        )
        if not conversion.may_convert(user=request.user, entry=self.entry):
            raise PermissionDenied
        existing = self.existing()
        if existing is not None:
            return self.already_converted(existing)
        return super().dispatch(request, *args, **kwargs)

    # --- the two kinds ---------------------------------------------------------------------------------

    def existing(self):
        model = HelpRequest if self.kind == "help" else ConsultationTopic
        return model.objects.filter(source_diary_entry=self.entry).first()

    def get_form_class(self):
        return HelpFromDiaryForm if self.kind == "help" else TopicFromDiaryForm

    def convert(self, data):
        if self.kind == "help":
            return conversion.convert_to_help_request(
                entry=self.entry,
                actor=self.request.user,
                category=data["category"],
                summary=data["summary"],
                description=data["description"],
                resident=data["resident"],
                name=data.get("name", ""),
                phone=data.get("phone", ""),
                is_public=data["is_public"],
                is_sensitive=data["is_sensitive"],
            )
        topic = conversion.convert_to_topic(
            entry=self.entry,
            actor=self.request.user,
            category=data["category"],
            title=data["title"],
            description=data["description"],
            resident=data["resident"],
        )
        return topic, None

    # --- the view --------------------------------------------------------------------------------------

    def get_page_title(self):
        if self.kind == "help":
            return _("Turn the concern into a help request")
        return _("Turn the concern into a consultation topic")

    def get_page_subtitle(self):
        return str(self.entry)

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [
            {"url": reverse("diary:index"), "label": capfirst(DiaryEntry._meta.verbose_name_plural)},
            {"url": self.entry_url(), "label": str(self.entry)},
            {"url": "", "label": self.get_page_title()},
        ]

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "entry": self.entry}

    def entry_url(self):
        return reverse(self.edit_url_name, args=[self.entry.pk])

    def already_converted(self, existing):
        messages.warning(
            self.request,
            format_html(
                "{} {}",
                _("This diary entry has already been turned into a %(kind)s; nothing new was created:")
                % {"kind": KIND_LABELS[self.kind]},
                _item_link(existing, self.request.user),
            ),
        )
        return redirect(self.entry_url())

    def form_valid(self, form):
        try:
            created, token = self.convert(form.cleaned_data)
        except conversion.AlreadyConverted as error:
            return self.already_converted(error.existing)
        except ValidationError as error:
            for message in error.messages:
                form.add_error(None, message)
            return self.form_invalid(form)
        messages.success(
            self.request,
            format_html("{} {}", _("Created from the diary entry:"), _item_link(created, self.request.user)),
        )
        if token:
            link = self.request.build_absolute_uri(reverse("help:track", args=[token]))
            messages.warning(
                self.request,
                _("Give the requester this private tracking link now; it is shown only once: %(link)s")
                % {"link": link},
            )
        return redirect(self.entry_url())

    def get_context_data(self, **kwargs):
        return {
            **super().get_context_data(**kwargs),
            "entry": self.entry,
            "cancel_url": self.entry_url(),
            "kind": self.kind,
        }
