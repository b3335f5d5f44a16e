"""Forms: task evidence and evaluation periods in the admin, the two surveys on the public site."""

import re

from django import forms
from django.core.exceptions import ValidationError
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm

from evaluation import questionnaires
from evaluation.linkables import linkables
from evaluation.models import EvaluationPeriod, EvidenceFile, TaskEvidence
from evaluation.uploads import EvidenceFilesField
from participation.selectors import communities_for_user

MAX_VALUE_ROWS = 20
_VALUE_LINE = re.compile(r"^\s*(?P<name>[^=:：]{1,40}?)\s*[=:：]\s*(?P<value>.{1,40}?)\s*$")


def parse_measured_values(text: str) -> dict[str, str]:
    """ "参与人数 = 36" lines (or 参与人数：36) → {"参与人数": "36"}; ValidationError in Chinese otherwise."""
    values: dict[str, str] = {}
    for number, line in enumerate((text or "").splitlines(), start=1):
        if not line.strip():
            continue
        match = _VALUE_LINE.match(line)
        if match is None:
            raise ValidationError(
                _("Line %(number)s is not “name = value” (each at most 40 characters)."),
                code="bad_line",
                params={"number": number},
            )
        values[match["name"]] = match["value"]
    if len(values) > MAX_VALUE_ROWS:
        raise ValidationError(
            _("At most %(count)s measured values."), code="too_many", params={"count": MAX_VALUE_ROWS}
        )
    return values


def format_measured_values(values: dict) -> str:
    return "\n".join(f"{name} = {value}" for name, value in (values or {}).items())


class TaskEvidenceForm(WagtailAdminModelForm):
    """Saved by evaluation.services (create_evidence / update_evidence), not by form.save()."""

    measured_values_text = forms.CharField(
        label=_("Measured values"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Optional, one per line: name = value, e.g. “参与人数 = 36”."),
    )
    new_files = EvidenceFilesField()
    remove_files = forms.ModelMultipleChoiceField(
        label=_("Remove files"),
        queryset=EvidenceFile.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    class Meta:
        model = TaskEvidence
        fields = ["community", "task", "title", "description", "start_date", "end_date"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        user = getattr(self, "for_user", None)
        if self.instance.pk:
            self.fields["remove_files"].queryset = self.instance.files.all()
            self.initial.setdefault(
                "measured_values_text", format_measured_values(self.instance.measured_values)
            )
        else:
            del self.fields["remove_files"]
        communities = list(communities_for_user(user=user)) if user is not None else []
        self._link_fields = {}
        current = (
            {(link.content_type_id, link.object_id) for link in self.instance.links.all()}
            if self.instance.pk
            else set()
        )
        from django.contrib.contenttypes.models import ContentType

        for index, (_label_lower, linkable) in enumerate(linkables().items()):
            queryset = linkable.model._default_manager.none()
            for community in communities:
                queryset = queryset | linkable.records_for(community=community)
            name = f"links_{index}"
            content_type = ContentType.objects.get_for_model(linkable.model)
            self.fields[name] = forms.ModelMultipleChoiceField(
                label=_("Linked records: %(kind)s") % {"kind": linkable.label},
                queryset=queryset.distinct(),
                required=False,
                help_text=_("The records this evidence is about, so an assessor can check them."),
            )
            self.initial.setdefault(name, [pk for ct, pk in current if ct == content_type.pk])
            self._link_fields[name] = linkable

    def clean_measured_values_text(self):
        return parse_measured_values(self.cleaned_data.get("measured_values_text", ""))

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("start_date"), cleaned.get("end_date")
        if start and end and end < start:
            self.add_error("end_date", _("The end date cannot be before the start date."))
        community = cleaned.get("community")
        for name, linkable in self._link_fields.items():
            chosen = cleaned.get(name) or []
            if community is not None and chosen:
                allowed = linkable.records_for(community=community).filter(pk__in=[obj.pk for obj in chosen])
                if allowed.count() != len(chosen):
                    self.add_error(name, _("Link only records of the evidence's own community."))
        return cleaned

    def linked_records(self) -> list:
        return [obj for name in self._link_fields for obj in self.cleaned_data.get(name) or []]

    def service_kwargs(self) -> dict:
        data = self.cleaned_data
        return {
            "task": data["task"],
            "title": data["title"],
            "description": data.get("description", ""),
            "start_date": data["start_date"],
            "end_date": data.get("end_date"),
            "measured_values": data.get("measured_values_text") or {},
            "files": data.get("new_files") or [],
            "links": self.linked_records(),
        }


class EvaluationPeriodForm(WagtailAdminModelForm):
    class Meta:
        model = EvaluationPeriod
        fields = ["community", "name", "start", "end"]

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("start"), cleaned.get("end")
        if start and end and end < start:
            self.add_error("end", _("The end date cannot be before the start date."))
        community, name = cleaned.get("community"), cleaned.get("name")
        if community and name:
            clash = EvaluationPeriod.objects.filter(Q(community=community) & Q(name=name))
            if self.instance.pk:
                clash = clash.exclude(pk=self.instance.pk)
            if clash.exists():
                self.add_error("name", _("This community already has a period with this name."))
        return cleaned


# --- public surveys ----------------------------------------------------------------------------------------


class AwarenessQuizForm(forms.Form):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for number, question in enumerate(questionnaires.AWARENESS_QUESTIONS, start=1):
            self.fields[question["key"]] = forms.ChoiceField(
                label=f"{number}. {question['text']}",
                choices=question["choices"],
                widget=forms.RadioSelect,
                error_messages={"required": _("Please choose an answer.")},
            )

    def answers(self) -> dict[str, str]:
        return {
            question["key"]: self.cleaned_data[question["key"]]
            for question in questionnaires.AWARENESS_QUESTIONS
        }


class SatisfactionForm(forms.Form):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        questions = [
            (
                questionnaires.OVERALL_KEY,
                _("Overall, how satisfied are you with the community's services to residents?"),
            )
        ]
        questions += list(questionnaires.SATISFACTION_QUESTIONS)
        for key, label in questions:
            self.fields[key] = forms.TypedChoiceField(
                label=label,
                choices=questionnaires.RATING_CHOICES,
                coerce=int,
                widget=forms.RadioSelect,
                error_messages={"required": _("Please choose a rating.")},
            )

    def answers(self) -> dict[str, int]:
        return dict(self.cleaned_data)
