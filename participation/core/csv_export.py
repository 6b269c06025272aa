"""CSV downloads that open in a spreadsheet with accents intact and no formula injection."""

from __future__ import annotations

import csv
import io

from flask import Response

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def csv_safe(value) -> str:
    """Neutralise spreadsheet formulas: a cell starting with = + - @ gets a leading quote."""
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(_FORMULA_START) else text


def csv_response(rows, filename: str) -> Response:
    """UTF-8 with a byte-order mark, so spreadsheet programs read the accents right."""
    buffer = io.StringIO()
    csv.writer(buffer).writerows(rows)
    response = Response("\ufeff" + buffer.getvalue(), mimetype="text/csv; charset=utf-8")
    response.headers["Content-Disposition"] = f'attachment; filename="{filename}"'
    response.headers["Cache-Control"] = "no-store"
    return response
