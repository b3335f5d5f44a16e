"""Widgets for Chinese spreadsheets: choice labels (服务类), 是/否, dates as Excel writes them, mobiles.
Every error message is Chinese (gettext) so the preview can show it as it is."""

import datetime
from decimal import Decimal, InvalidOperation

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from import_export import widgets

from participation.mobile import mask_mobile, normalize_mobile
from participation.plaintext import strip_bidi_controls

_TRUE = {"是", "有", "y", "yes", "true", "1", "√", "✓"}
_FALSE = {"否", "无", "n", "no", "false", "0", "×", ""}


def _text(value) -> str:
    return "" if value is None else str(value).strip()


class TextWidget(widgets.Widget):
    def clean(self, value, row=None, **kwargs):
        # Names and places shown to others: no bidi overrides, as in the public forms (participation.plaintext).
        return strip_bidi_controls(_text(value))

    def render(self, value, obj=None, **kwargs):
        return "" if value is None else str(value)


class ChoiceLabelWidget(widgets.Widget):
    """Accepts the Chinese label or the stored value; exports the label."""

    def __init__(self, choices, **kwargs):
        super().__init__(**kwargs)
        self.choices = list(choices)

    def clean(self, value, row=None, **kwargs):
        text = _text(value)
        for stored, label in self.choices:
            if text in (str(label), stored):
                return stored
        raise ValueError(
            _("“%(value)s” is not one of: %(choices)s")
            % {"value": text, "choices": "、".join(str(label) for _stored, label in self.choices)}
        )

    def render(self, value, obj=None, **kwargs):
        return str(dict(self.choices).get(value, value or ""))


class YesNoWidget(widgets.Widget):
    def __init__(self, default=False, **kwargs):
        super().__init__(**kwargs)
        self.default = default

    def clean(self, value, row=None, **kwargs):
        if value is None or _text(value) == "":
            return self.default
        if isinstance(value, bool):
            return value
        text = _text(value).lower()
        if text in _TRUE:
            return True
        if text in _FALSE:
            return False
        raise ValueError(_("Enter 是 or 否, not “%(value)s”.") % {"value": _text(value)})

    def render(self, value, obj=None, **kwargs):
        return _("Yes") if value else _("No")


class DateWidget(widgets.Widget):
    FORMATS = ("%Y-%m-%d", "%Y/%m/%d", "%Y.%m.%d", "%Y年%m月%d日")

    def clean(self, value, row=None, **kwargs):
        if isinstance(value, datetime.datetime):
            return value.date()
        if isinstance(value, datetime.date):
            return value
        text = _text(value)
        if not text:
            return None
        for fmt in self.FORMATS:
            try:
                return datetime.datetime.strptime(text, fmt).date()
            except ValueError:
                continue
        raise ValueError(_("Enter a date like 2024-03-01, not “%(value)s”.") % {"value": text})

    def render(self, value, obj=None, **kwargs):
        return value.isoformat() if value else ""


class NumberWidget(widgets.Widget):
    def __init__(self, integer=False, **kwargs):
        super().__init__(**kwargs)
        self.integer = integer

    def clean(self, value, row=None, **kwargs):
        text = _text(value)
        if not text:
            return None
        try:
            number = Decimal(text.replace(",", ""))
        except InvalidOperation:
            raise ValueError(_("Enter a number, not “%(value)s”.") % {"value": text}) from None
        if self.integer:
            if number != number.to_integral_value():
                raise ValueError(_("Enter a whole number, not “%(value)s”.") % {"value": text})
            return int(number)
        return number

    def render(self, value, obj=None, **kwargs):
        return value  # a number stays a number in the spreadsheet


class MobileWidget(widgets.Widget):
    """Normalises 全角数字, spaces and +86; exports masked (138****5678) unless `reveal` is set."""

    def __init__(self, reveal=True, **kwargs):
        super().__init__(**kwargs)
        self.reveal = reveal

    def clean(self, value, row=None, **kwargs):
        text = _text(value)
        if not text:
            return ""
        try:
            return normalize_mobile(text)
        except ValidationError as error:
            raise ValueError(error.messages[0]) from None

    def render(self, value, obj=None, **kwargs):
        if not value:
            return ""
        return value if self.reveal else mask_mobile(value)


class ResidentByMobileWidget(widgets.ForeignKeyWidget):
    """A resident of the importing community, found by mobile number."""

    def __init__(self, resource, **kwargs):
        from participation.models import User

        super().__init__(User, field="mobile", **kwargs)
        self.resource = resource

    def get_queryset(self, value, row, *args, **kwargs):
        from participation.roles import RESIDENT_GROUP

        return self.model.objects.filter(groups__name=RESIDENT_GROUP, communities=self.resource.community)

    def clean(self, value, row=None, **kwargs):
        mobile = MobileWidget().clean(value)
        if not mobile:
            raise ValueError(_("A mobile number is required."))
        resident = self.get_queryset(value, row).filter(mobile=mobile).first()
        if resident is None:
            raise ValueError(
                _("No resident of this community has the mobile number %(mobile)s.") % {"mobile": mobile}
            )
        return resident

    def render(self, value, obj=None, **kwargs):
        if value is None:
            return ""
        return value.mobile if self.resource.reveal_contacts else mask_mobile(value.mobile)
