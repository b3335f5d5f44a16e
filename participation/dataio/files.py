"""Reading an uploaded table: CSV (UTF-8, UTF-8 with BOM, GBK/GB18030 — what Excel in China saves) or XLSX.

Refused with a Chinese message, before anything is imported: an unreadable encoding, a file over the size or
row limit, a missing column, formula cells (we refuse rather than neutralise them: a value that Excel would
compute is not a value we can trust), and duplicate keys inside the file."""

import csv
import datetime
import io
import re
from dataclasses import dataclass, field

from django.utils.translation import gettext as _

from workflows.exceptions import Invalid

MAX_ROWS = 20_000
MAX_BYTES = 10 * 1024 * 1024
XLSX_MAGIC = b"PK\x03\x04"
# = and @ start a formula; + and - do when followed by something that is not a plain number.
_FORMULA = re.compile(r"^(?:[=@]|[+\-](?![\d.,\s]*$)|[\t\r])")


@dataclass
class RowError:
    row: int  # the spreadsheet's row number: the header is row 1
    column: str
    message: str


@dataclass
class Table:
    headers: list[str]
    rows: list[list] = field(default_factory=list)


class FileRefused(Invalid):
    """The whole file cannot be imported; the message says why, in Chinese; `errors` are the rows'."""

    def __init__(self, message, errors=None):
        super().__init__(message, code="file_refused")
        self.errors = errors or []


def decode_csv(data: bytes) -> str:
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        if "\x00" not in text:  # UTF-16 and binary files decode as GB18030 but carry NULs
            return text
    raise FileRefused(_("The file's encoding was not recognised: save it as CSV (UTF-8 or GBK) or as XLSX."))


def _too_many_rows(count) -> FileRefused:
    return FileRefused(
        _("The file has more than %(max)s rows: split it into smaller files and import them one by one.")
        % {"max": f"{MAX_ROWS:,}"}
    )


def _read_csv(data: bytes) -> list[list]:
    reader = csv.reader(io.StringIO(decode_csv(data), newline=""))
    rows = []
    for row in reader:
        rows.append(row)
        if len(rows) > MAX_ROWS + 1:
            raise _too_many_rows(len(rows))
    return rows


def _read_xlsx(data: bytes) -> list[list]:
    from openpyxl import load_workbook

    try:
        # data_only=False: a formula cell reads as its formula ("=SUM(…)"), which we then refuse.
        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=False)
    except Exception:
        raise FileRefused(_("The XLSX file could not be read: is it really an Excel workbook?")) from None
    sheet = workbook.worksheets[0]
    rows = []
    for row in sheet.iter_rows(values_only=True):
        rows.append(list(row))
        if len(rows) > MAX_ROWS + 1:
            workbook.close()
            raise _too_many_rows(len(rows))
    workbook.close()
    return rows


def _cell_text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))  # 13812345678.0 from Excel is a mobile number, not a float
    if isinstance(value, datetime.datetime) and value.time() == datetime.time(0):
        return value.date().isoformat()
    return str(value).strip()


def read_table(data: bytes, filename: str = "") -> Table:
    if len(data) > MAX_BYTES:
        raise FileRefused(_("The file is larger than 10 MB."))
    is_xlsx = data.startswith(XLSX_MAGIC) or filename.lower().endswith(".xlsx")
    raw = _read_xlsx(data) if is_xlsx else _read_csv(data)
    raw = [row for row in raw if any(_cell_text(cell) for cell in row)]
    if not raw:
        raise FileRefused(_("The file is empty."))
    headers = [_cell_text(cell) for cell in raw[0]]
    rows = [[_cell_text(cell) for cell in row] for row in raw[1:]]
    if len(rows) > MAX_ROWS:
        raise _too_many_rows(len(rows))
    return Table(headers=headers, rows=rows)


def check_columns(table: Table, required: list[str]) -> None:
    missing = [name for name in required if name not in table.headers]
    if missing:
        raise FileRefused(
            _("Missing columns: %(columns)s. The first row must hold the column names: %(expected)s.")
            % {"columns": "、".join(missing), "expected": "、".join(required)}
        )


def formula_errors(table: Table) -> list[RowError]:
    errors = []
    for number, row in enumerate(table.rows, start=2):
        for header, value in zip(table.headers, row, strict=False):
            if value and _FORMULA.match(value):
                errors.append(
                    RowError(
                        number,
                        header,
                        _(
                            "Formulas are not accepted (a cell starting with = + - or @): type the value itself."
                        ),
                    )
                )
    return errors


def duplicate_key_errors(table: Table, key_columns: list[str], normalise=lambda header, value: value):
    errors, seen = [], {}
    indexes = [table.headers.index(name) for name in key_columns]
    for number, row in enumerate(table.rows, start=2):
        key = tuple(
            normalise(key_columns[i], row[index] if index < len(row) else "")
            for i, index in enumerate(indexes)
        )
        if not any(key):
            continue
        if key in seen:
            errors.append(
                RowError(
                    number,
                    "、".join(key_columns),
                    _("Duplicate of row %(row)s: each row must be unique.") % {"row": seen[key]},
                )
            )
        else:
            seen[key] = number
    return errors
