"""Cells of every spreadsheet we hand out (CSV and XLSX exports of participation and evaluation alike).

A text cell that starts with = + - @, a tab or a line break is run as a formula (or a DDE command such as
`=cmd|' /C calc'!A0`) by Excel and WPS when the file is opened: a resident's name or a request's summary
must reach staff as text. Such cells get a leading apostrophe, which spreadsheets read as "this is text".
A plain number ("-5", "+3.5") is left alone: it is a value, not a formula. Imports go the other way and
refuse formula cells outright (files.formula_errors).

Control characters other than tab and line breaks are dropped: forms accept them (only NUL is refused), and
XLSX cannot hold them (openpyxl raises, and the whole export would fail for one odd name).

Evaluation imports it too (exports.py); Wagtail's list exports are covered at start-up (protect_wagtail_exports)."""

import re

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "\n")
_PLAIN_NUMBER = re.compile(r"[+-]?(?:\d+(?:\.\d*)?|\.\d+)")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")


def neutralise(value):
    """The value; for text, without control characters and, if a spreadsheet would compute it, after an
    apostrophe."""
    if not isinstance(value, str):
        return value
    value = _CONTROL.sub("", value)
    if value.startswith(FORMULA_STARTS) and not _PLAIN_NUMBER.fullmatch(value):
        return "'" + value
    return value


def protect_wagtail_exports() -> None:
    """Wagtail's CSV and XLSX exports — our admin lists with `list_export` (解忧铺 requests) and Wagtail's own
    reports (site history, whose labels are residents' topic titles; locked pages; workflows) — write CSV cells
    as they are. All of them pass each value through SpreadsheetExportMixin.preprocess_field_value: wrapped
    here once, from ParticipationConfig.ready(), rather than in each view."""
    from wagtail.admin.views.mixins import SpreadsheetExportMixin

    original = SpreadsheetExportMixin.preprocess_field_value
    if getattr(original, "neutralises", False):
        return

    def preprocess_field_value(self, field, value, export_format):
        return neutralise(original(self, field, value, export_format))

    preprocess_field_value.neutralises = True
    SpreadsheetExportMixin.preprocess_field_value = preprocess_field_value
