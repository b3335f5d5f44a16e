"""Wagtail admin: upload → dry-run preview with every row's errors → confirm → imported all-or-nothing;
and exports as CSV or XLSX. Between the preview and the confirmation the upload waits in the default
storage (shared by all app servers) under a signed, expiring token; uploads.py makes sure it does not wait
longer."""

import hashlib

from django import forms
from django.contrib import messages
from django.core import signing
from django.core.exceptions import PermissionDenied
from django.core.files.storage import default_storage
from django.http import HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from participation.dataio import services
from participation.dataio.files import MAX_ROWS, FileRefused
from participation.dataio.registry import kinds
from participation.dataio.uploads import TOKEN_MAX_AGE, discard_upload, store_upload
from participation.selectors import communities_for_user
from workflows.views_admin import TitledAdminViewMixin

TOKEN_SALT = "participation.dataio.upload"


def may_use_data(user) -> bool:
    return any(
        user.has_perm(perm)
        for perm in (
            "dataio.import_residents",
            "dataio.import_registries",
            "dataio.export_residents",
            "dataio.export_registries",
        )
    )


class _KindCommunityForm(forms.Form):
    kind = forms.ChoiceField(label=gettext_lazy("Data"))
    community = forms.ModelChoiceField(label=gettext_lazy("Community"), queryset=None, empty_label=None)

    def __init__(self, *args, user, perm_attr, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        self.perm_attr = perm_attr
        self.fields["kind"].choices = [
            (kind.name, kind.label) for kind in kinds().values() if user.has_perm(getattr(kind, perm_attr))
        ]
        self.fields["community"].queryset = communities_for_user(user=user).order_by("name")

    def clean(self):
        data = super().clean()
        kind, community = data.get("kind"), data.get("community")
        if kind and community and not self.user.has_perm(getattr(kinds()[kind], self.perm_attr), community):
            raise forms.ValidationError(_("You may not do this for this community."))
        return data


class UploadForm(_KindCommunityForm):
    file = forms.FileField(label=gettext_lazy("File (CSV or XLSX)"))


class ExportForm(_KindCommunityForm):
    file_format = forms.ChoiceField(label=gettext_lazy("Format"), choices=[("xlsx", "XLSX"), ("csv", "CSV")])


class _DataView(TitledAdminViewMixin, WagtailAdminTemplateMixin, TemplateView):
    header_icon = "download"
    page_title = gettext_lazy("Import and export")
    index_url_name = None
    import_url_name = None
    export_url_name = None

    def dispatch(self, request, *args, **kwargs):
        if not may_use_data(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(
            import_url=reverse(self.import_url_name),
            export_url=reverse(self.export_url_name),
            max_rows=f"{MAX_ROWS:,}",
        )
        return context


class ImportView(_DataView):
    template_name = "dataio/import.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.setdefault("form", UploadForm(user=self.request.user, perm_attr="import_perm"))
        context.setdefault("export_form", ExportForm(user=self.request.user, perm_attr="export_perm"))
        return context

    def post(self, request, *args, **kwargs):
        if "token" in request.POST:
            return self.confirm(request)
        form = UploadForm(request.POST, request.FILES, user=request.user, perm_attr="import_perm")
        if not form.is_valid():
            return self.render_to_response(self.get_context_data(form=form))
        data = form.cleaned_data["file"].read()
        kind, community = form.cleaned_data["kind"], form.cleaned_data["community"]
        context = {"form": form, "kind_label": kinds()[kind].label, "community": community}
        try:
            report = services.import_file(
                kind=kind,
                community=community,
                data=data,
                filename=form.cleaned_data["file"].name,
                dry_run=True,
                user=request.user,
            )
        except FileRefused as error:
            context["refused"] = error.message
        except services.ImportFailed as failure:
            context["report"] = failure.report
        else:
            context["report"] = report
            context["token"] = self._store(data, form.cleaned_data["file"].name, kind, community)
        return self.render_to_response(self.get_context_data(**context))

    def _store(self, data: bytes, filename: str, kind: str, community) -> str:
        name = store_upload(data=data, filename=filename)
        return signing.dumps(
            {
                "name": name,
                "kind": kind,
                "community": community.pk,
                "sha256": hashlib.sha256(data).hexdigest(),
                "user": self.request.user.pk,
            },
            salt=TOKEN_SALT,
        )

    def confirm(self, request):
        try:
            ticket = signing.loads(request.POST["token"], salt=TOKEN_SALT, max_age=TOKEN_MAX_AGE)
        except signing.SignatureExpired:
            # Ours, only too old: its upload cannot be confirmed any more, so it goes now.
            discard_upload(name=signing.loads(request.POST["token"], salt=TOKEN_SALT)["name"])
            messages.error(request, _("This preview has expired: upload the file again."))
            return redirect(request.path)
        except signing.BadSignature:
            messages.error(request, _("This preview has expired: upload the file again."))
            return redirect(request.path)
        if ticket["user"] != request.user.pk or not default_storage.exists(ticket["name"]):
            messages.error(request, _("This preview has expired: upload the file again."))
            return redirect(request.path)
        with default_storage.open(ticket["name"], "rb") as stored:
            data = stored.read()
        # Read once, whatever follows (a refusal, a failed import): the file is not needed again.
        discard_upload(name=ticket["name"])
        community = communities_for_user(user=request.user).filter(pk=ticket["community"]).first()
        if community is None or hashlib.sha256(data).hexdigest() != ticket["sha256"]:
            raise PermissionDenied
        try:
            report = services.import_file(
                kind=ticket["kind"],
                community=community,
                data=data,
                filename=ticket["name"],
                dry_run=False,
                user=request.user,
            )
        except (FileRefused, services.ImportFailed):
            # The data changed since the preview (someone else imported): show the new preview.
            messages.error(request, _("The import failed and nothing was saved: check the file again."))
            return redirect(request.path)
        messages.success(
            request,
            _("Imported: %(new)s new, %(updated)s updated.") % {"new": report.new, "updated": report.updated},
        )
        return redirect(request.path)


class ExportView(_DataView):
    def get(self, request, *args, **kwargs):
        form = ExportForm(request.GET, user=request.user, perm_attr="export_perm")
        if not form.is_valid():
            messages.error(request, _("Choose the data, the community and the format to export."))
            return redirect(reverse(self.import_url_name))
        content, content_type, filename = services.export_file(
            kind=form.cleaned_data["kind"],
            community=form.cleaned_data["community"],
            file_format=form.cleaned_data["file_format"],
            user=request.user,
        )
        response = HttpResponse(content, content_type=content_type)
        response["Content-Disposition"] = f'attachment; filename="{filename}"'
        return response
