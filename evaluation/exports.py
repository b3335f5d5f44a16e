"""The self-evaluation as an XLSX workbook (openpyxl, which Wagtail already depends on)."""

import io

from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.styles import Font

from evaluation.selectors import SelfEvaluation
from participation.cells import neutralise as safe_cell


def _sheet(workbook, title, header, rows, *, first=False):
    sheet = workbook.active if first else workbook.create_sheet()
    sheet.title = title
    sheet.append([safe_cell(str(cell)) for cell in header])
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for row in rows:
        sheet.append([safe_cell(value) for value in row])
    sheet.freeze_panes = "A2"
    return sheet


def _number(value):
    return None if value is None else float(value)


def self_evaluation_workbook(report: SelfEvaluation, evidence) -> bytes:
    workbook = Workbook()
    community = report.community
    by_number = {indicator.number: indicator for indicator in report.indicators}
    _sheet(
        workbook,
        _("Self-evaluation"),
        [
            _("Community pillar"),
            _("Construction category"),
            _("Number"),
            _("Binding or expected"),
            _("Task"),
            _("Approved evidence"),
            _("Pending evidence"),
            _("Indicators"),
            _("Status"),
        ],
        [
            [
                str(row.task.get_pillar_display()),
                row.task.subcategory,
                row.task.number,
                row.task.kind_label,
                row.task.text,
                row.approved,
                row.pending,
                "；".join(f"{i.number}. {i.name}: {i.status_label}" for i in row.indicators),
                row.status_label,
            ]
            for group in report.groups
            for row in group.binding + group.expected
        ],
        first=True,
    )
    _sheet(
        workbook,
        _("Indicators"),
        [
            _("Number"),
            _("Indicator"),
            _("Task"),
            _("Threshold"),
            _("Value"),
            _("Unit"),
            _("Numerator"),
            _("Denominator"),
            _("Period start"),
            _("Period end"),
            _("Status"),
            _("How it is computed"),
        ],
        [
            [
                i.number,
                str(i.name),
                i.task_number,
                str(i.threshold_text),
                _number(i.value),
                str(i.unit),
                _number(i.numerator),
                _number(i.denominator),
                i.period_start,
                i.period_end,
                i.status_label,
                str(i.formula),
            ]
            for i in (by_number[n] for n in sorted(by_number))
        ],
    )
    _sheet(
        workbook,
        _("Evidence"),
        [_("Task"), _("Title"), _("State"), _("Date"), _("End date"), _("Files"), _("Measured values")],
        [
            [
                item.task.number,
                item.title,
                str(item.get_state_display()),
                item.start_date,
                item.end_date,
                item.file_count,
                "；".join(f"{k} = {v}" for k, v in (item.measured_values or {}).items()),
            ]
            for item in evidence
        ],
    )
    info = workbook.create_sheet(_("About"))
    for label, value in (
        (_("Community"), community.name),
        (_("Kind"), str(community.get_kind_display())),
        (_("Figures as of"), report.as_of),
        (_("Standard"), "DB 3204/T 1058—2023"),
    ):
        info.append([safe_cell(str(label)), safe_cell(value)])
    output = io.BytesIO()
    workbook.save(output)
    return output.getvalue()
