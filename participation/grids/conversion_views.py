"""Admin views of the one-step conversion of a 民情日记 concern (confirm form → created), and the links a diary
entry shows to what was made of it. Generic over the registered converters (grids/conversion.py)."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.html import format_html
from django.utils.text import capfirst
from django.utils.translation import gettext as _
from django.views.generic import FormView
from wagtail.admin.admin_url_finder import AdminURLFinder
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from participation.grids import conversion
from participation.grids.models import DiaryEntry
from workflows.refusals import show_refusal


def created_items(*, entry: DiaryEntry, user) -> list[dict]:
    """What was made of the entry, each with its admin link when the user may open it there."""
    finder = AdminURLFinder(user)
    items = []
    for converter in conversion.diary_converters():
        for item in converter.model._default_manager.filter(source_diary_entry=entry).order_by("pk"):
            items.append(
                {
                    "kind": converter.label,
                    "converter": converter,
                    "object": item,
                    "state": item.get_state_display(),
                    "url": finder.get_edit_url(item) or "",
                }
            )
    return items


def convert_links(*, entry: DiaryEntry, user, made: list[dict]) -> list[dict]:
    """The conversions still open to `user` for the entry (one item of each kind per entry)."""
    if not conversion.may_convert(user=user, entry=entry):
        return []
    done = {item["converter"].kind for item in made}
    return [
        {"label": converter.button_label, "url": reverse(f"diary:convert_{converter.kind}", args=[entry.pk])}
        for converter in conversion.diary_converters()
        if converter.kind not in done
    ]


def _item_link(item, user) -> str:
    url = AdminURLFinder(user).get_edit_url(item)
    return format_html('<a href="{}">{}</a>', url, item) if url else format_html("{}", item)


class ConvertDiaryEntryView(WagtailAdminTemplateMixin, FormView):
    """GET: the confirmation form, pre-filled from the entry. POST: create the item, once."""

    kind = ""
    template_name = "grids/admin/convert.html"
    header_icon = "doc-full"
    edit_url_name = "diary:edit"

    def dispatch(self, request, *args, **kwargs):
        self.converter = conversion.converter(self.kind)
        if self.converter is None:
            raise Http404
        self.entry = get_object_or_404(
            DiaryEntry.objects.select_related("household__grid", "community", "grid"), pk=kwargs["pk"]
        )
        if not conversion.may_convert(user=request.user, entry=self.entry):
            raise PermissionDenied
        existing = conversion.existing_item(entry=self.entry, converter=self.converter)
        if existing is not None:
            return self.already_converted(existing)
        return super().dispatch(request, *args, **kwargs)

    def get_form_class(self):
        return self.converter.form_class

    def get_page_title(self):
        return self.converter.page_title

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
                % {"kind": self.converter.label},
                _item_link(existing, self.request.user),
            ),
        )
        return redirect(self.entry_url())

    def form_valid(self, form):
        try:
            created, token = self.converter.convert(
                entry=self.entry, actor=self.request.user, data=form.cleaned_data
            )
        except conversion.AlreadyConverted as error:
            return self.already_converted(error.existing)
        except ValidationError as error:
            show_refusal(self.request, error, form=form)
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
            "explanation": self.converter.explanation,
        }
