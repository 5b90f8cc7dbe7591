"""Small horizontal bar charts as inline SVG: no script, no font or file fetched.

A chart is a title and bars; each bar carries the value it is drawn from and
the text printed beside it. The caller passes the text exactly as its table
shows the value, so the chart and the table cannot disagree.
"""

from __future__ import annotations

from dataclasses import dataclass
from html import escape

_ROW = 22  # px per bar
_LABEL = 190  # px for the labels column
_BAR = 360  # px for a 100 % bar
_TEXT = 70  # px for the value beside the bar
_WIDTH = _LABEL + _BAR + _TEXT
_TOP = 6


@dataclass(frozen=True)
class Bar:
    label: str
    value: float | None  # percent, 0-100 (more is drawn as 100); None: nothing to draw
    text: str  # printed beside the bar: the table's own text for the value


def _fill(value: float) -> str:
    if value >= 100.0:
        return "#2e7d32"
    if value >= 50.0:
        return "#f9a825"
    return "#c62828"


def _clip(label: str, limit: int = 30) -> str:
    return label if len(label) <= limit else label[: limit - 1] + "…"


def bar_chart(title: str, bars: list[Bar], caption: str = "") -> str:
    """A ``<figure>`` holding one SVG chart (percent scale, 0-100)."""
    height = _TOP * 2 + _ROW * max(len(bars), 1)
    parts = [
        f'<svg viewBox="0 0 {_WIDTH} {height}" '
        f'width="100%" role="img" aria-label="{escape(title)}" '
        'font-family="Segoe UI, Noto Sans, Arial, sans-serif" font-size="12">'
    ]
    for index, bar in enumerate(bars):
        y = _TOP + index * _ROW
        middle = y + _ROW / 2 + 4
        parts.append(
            f'<text x="{_LABEL - 8}" y="{middle:.1f}" text-anchor="end">'
            f"<title>{escape(bar.label)}</title>{escape(_clip(bar.label))}</text>"
        )
        parts.append(
            f'<rect x="{_LABEL}" y="{y + 4}" width="{_BAR}" height="{_ROW - 8}" fill="#e6e6e6"/>'
        )
        if bar.value is not None:
            width = _BAR * max(0.0, min(100.0, bar.value)) / 100.0
            parts.append(
                f'<rect class="chart-bar" x="{_LABEL}" y="{y + 4}" width="{width:.1f}" '
                f'height="{_ROW - 8}" fill="{_fill(bar.value)}"/>'
            )
        parts.append(
            f'<text class="value" x="{_LABEL + _BAR + 6}" y="{middle:.1f}">{escape(bar.text)}</text>'
        )
    if not bars:
        parts.append(f'<text x="{_LABEL}" y="{_TOP + 15}">–</text>')
    parts.append("</svg>")
    cap = f"<p>{escape(caption)}</p>" if caption else ""
    return (
        f'<figure class="chart"><figcaption>{escape(title)}</figcaption>{"".join(parts)}{cap}'
        "</figure>"
    )
