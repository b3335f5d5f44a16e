"""Import (dry run first, then all-or-nothing) and export of the registered kinds (dataio.registry)."""

from dataclasses import dataclass, field

import rules
import tablib
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from participation.cells import neutralise
from participation.dataio import resources
from participation.dataio.files import (
    FileRefused,
    RowError,
    check_columns,
    duplicate_key_errors,
    formula_errors,
    read_table,
)
from participation.dataio.registry import kinds
from participation.mobile import normalize_mobile
from participation.models import Community
from workflows.exceptions import Forbidden, Invalid

CONTACT_PERMISSION = "participation.view_resident_contact"


@dataclass
class ImportReport:
    kind: str
    total: int = 0
    new: int = 0
    updated: int = 0
    errors: list[RowError] = field(default_factory=list)
    imported: bool = False

    @property
    def ok(self) -> bool:
        return not self.errors


class ImportFailed(Invalid):
    """Some rows are wrong: nothing was imported; `report` lists every row's errors."""

    def __init__(self, report: ImportReport):
        super().__init__(
            _("%(count)s rows have errors: nothing was imported.") % {"count": len(report.errors)},
            code="import_failed",
        )
        self.report = report


def check_permission(*, user, perm: str, community: Community) -> None:
    """`user` None is a batch job (the management command): trusted like a superuser."""
    if user is None:
        return
    if not rules.has_perm(perm, user, community):
        raise Forbidden


def _required_columns(resource) -> list[str]:
    optional = set(getattr(resource, "optional_columns", ()))
    return [f.column_name for name, f in resource.fields.items() if name not in optional]


def _normaliser(resource):
    mobile_columns = {
        f.column_name for f in resource.fields.values() if f.attribute in ("mobile", "resident")
    }

    def normalise(header, value):
        value = (value or "").strip()
        if header in mobile_columns:
            try:
                return normalize_mobile(value)
            except ValidationError:
                return value
        return value

    return normalise


def _result_errors(result, resource) -> list[RowError]:
    key_label = "、".join(resource.fields[name].column_name for name in resource.key_columns)
    errors = []
    for invalid in result.invalid_rows:
        errors.extend(resources.row_errors(resource, invalid.number + 1, invalid.error_dict))
    for number, row_errors in result.row_errors():
        for error in row_errors:
            message = (
                error.error.messages[0] if isinstance(error.error, ValidationError) else str(error.error)
            )
            errors.append(RowError(number + 1, key_label, message))
    return sorted(errors, key=lambda e: e.row)


def _import_rows(*, resource, table, dry_run: bool) -> tuple[int, int, list[RowError]]:
    """Row by row through django-import-export, for the kinds without a bulk import."""
    dataset = tablib.Dataset(
        *[tuple(row[: len(table.headers)]) + ("",) * (len(table.headers) - len(row)) for row in table.rows],
        headers=table.headers,
    )
    result = resource.import_data(
        dataset,
        dry_run=dry_run,
        use_transactions=True,
        rollback_on_validation_errors=True,
        raise_errors=False,
    )
    return result.totals["new"], result.totals["update"], _result_errors(result, resource)


def _run(*, kind: str, community: Community, data: bytes, filename: str, dry_run: bool) -> ImportReport:
    spec = kinds()[kind]
    resource = spec.resource(community=community)
    report = ImportReport(kind=kind)
    table = read_table(data, filename)
    check_columns(table, _required_columns(resource))
    report.total = len(table.rows)
    key_columns = [resource.fields[name].column_name for name in resource.key_columns]
    errors = formula_errors(table) + duplicate_key_errors(table, key_columns, _normaliser(resource))
    if errors:
        report.errors = sorted(errors, key=lambda e: e.row)
        raise ImportFailed(report)
    import_rows = spec.bulk_import or _import_rows
    with transaction.atomic():
        report.new, report.updated, errors = import_rows(resource=resource, table=table, dry_run=dry_run)
        report.errors = sorted(errors, key=lambda e: e.row)
        if report.errors:
            raise ImportFailed(report)  # leaving the atomic block undoes every row
    report.imported = not dry_run
    return report


def import_file(
    *, kind: str, community: Community, data: bytes, filename: str = "", dry_run: bool, user=None
) -> ImportReport:
    """Check (dry_run=True: nothing is saved) or import the file. Raises FileRefused for a file that cannot
    be read at all, ImportFailed (with every row's errors) when any row is invalid — then nothing is saved."""
    if kind not in kinds():
        raise FileRefused(_("Unknown kind of data: %(kind)s") % {"kind": kind})
    check_permission(user=user, perm=kinds()[kind].import_perm, community=community)
    return _run(kind=kind, community=community, data=data, filename=filename, dry_run=dry_run)


# --- export ------------------------------------------------------------------------------------------


def export_dataset(*, kind: str, community: Community, user=None) -> tablib.Dataset:
    spec = kinds()[kind]
    check_permission(user=user, perm=spec.export_perm, community=community)
    reveal = user is None or user.has_perm(CONTACT_PERMISSION)
    resource = spec.resource(community=community, reveal_contacts=reveal)
    dataset = resource.export(queryset=resource.get_export_queryset())
    safe = tablib.Dataset(headers=dataset.headers)
    for row in dataset:
        safe.append([neutralise(value) for value in row])
    return safe


def export_file(*, kind: str, community: Community, file_format: str, user=None) -> tuple[bytes, str, str]:
    """(content, content type, file name) of the kind's list for the community, as CSV or XLSX."""
    dataset = export_dataset(kind=kind, community=community, user=user)
    name = f"{kind}-{community.slug}"
    if file_format == "xlsx":
        content = dataset.export("xlsx")
        return content, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", f"{name}.xlsx"
    # A BOM so that Excel opens the UTF-8 correctly.
    return dataset.export("csv").encode("utf-8-sig"), "text/csv; charset=utf-8", f"{name}.csv"
