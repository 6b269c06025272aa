"""CSV downloads that open in a spreadsheet with accents intact and no formula injection.

Spreadsheet programs split a double-clicked CSV file on the list separator of the
computer's region: a semicolon wherever the decimal mark is a comma (Belgium, in Dutch and
in French), a comma elsewhere. The download follows the page's language the same way.
"""

from __future__ import annotations

import csv
import io

from babel.numbers import get_decimal_symbol
from flask import Response

from participation.core.i18n import current_lang

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def csv_safe(value) -> str:
    """Neutralise spreadsheet formulas: a cell starting with = + - @ gets a leading quote."""
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(_FORMULA_START) else text


def csv_delimiter(lang: str) -> str:
    """The column separator a spreadsheet expects where this language's numbers are written."""
    return ";" if get_decimal_symbol(lang) == "," else ","


def csv_response(rows, filename: str) -> Response:
    """UTF-8 with a byte-order mark, so spreadsheet programs read the accents right."""
    buffer = io.StringIO()
    csv.writer(buffer, delimiter=csv_delimiter(current_lang())).writerows(rows)
    response = Response("\ufeff" + buffer.getvalue(), mimetype="text/csv; charset=utf-8")
    response.headers["Content-Disposition"] = f'attachment; filename="{filename}"'
    response.headers["Cache-Control"] = "no-store"
    return response
