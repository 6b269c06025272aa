"""QR codes as inline SVG: segno draws paths only (no script, no style, no text as markup)."""

from __future__ import annotations

import segno
from markupsafe import Markup


def qr_svg(data: str, scale: int = 5, border: int = 2) -> Markup:
    """The data as an inline SVG QR code, hidden from screen readers: pages say in words what it is.

    The data ends up inside path coordinates only, so it cannot inject markup.
    """
    svg = segno.make(data, error="m").svg_inline(scale=scale, border=border, dark="#000", light="#fff")
    return Markup(svg.replace("<svg ", '<svg aria-hidden="true" focusable="false" ', 1))  # noqa: S704
