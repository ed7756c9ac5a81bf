"""Geometry for the report's two inline SVG charts, computed from a report snapshot.

Plain Python: templates only place the numbers computed here. Every chart also has a table or
caption in the page that says the same in words.
"""

from dataclasses import dataclass
from typing import TYPE_CHECKING

from . import rules

if TYPE_CHECKING:
    from .services import Funnel

# Narrower than a 360px phone's content box, so the drawing is never scaled down there and its
# 12px text stays 12px or more.
WIDTH = 330
ROW_HEIGHT = 20
# Cost bars: the label sits above each bar, the figure to its right.
COST_PLOT_WIDTH = WIDTH - 110
# Timeline bands: a short model name to the left of each band.
LABEL_WIDTH = 40
PLOT_WIDTH = WIDTH - LABEL_WIDTH - 10
# Colours go in as SVG presentation attributes: WeasyPrint's PDF ignores CSS inside an SVG.
COLOURS = {"oem": "#6f42c1", "odm": "#198754"}


@dataclass(frozen=True)
class Bar:
    label: str
    css: str
    colour: str
    label_y: int
    y: int
    width: float
    range_x: float  # where a range's lighter extension starts
    range_width: float  # zero unless the figure is a range
    value_text: str
    text_x: float


@dataclass(frozen=True)
class CostChart:
    width: int
    height: int
    bars: list[Bar]


def _usd(value: float) -> str:
    return rules.usd(value, whole=True)


def cost_chart(data: dict, labels: dict[str, str]) -> CostChart:
    """Bars per model: cash before the first order (a range) and the first order at the MOQ."""
    costs = data["costs"]
    rows = []
    for model in ("oem", "odm"):
        low, high = costs[model]["upfront_usd"]
        rows.append((f"{labels[model]}: {labels['upfront']}", model, low, high))
        order = costs[model]["first_order_at_moq_usd"]
        rows.append((f"{labels[model]}: {labels['order']}", model, order, order))
    largest = max(high for *_, high in rows) or 1
    row_pitch = ROW_HEIGHT + 22
    bars = []
    for index, (label, model, low, high) in enumerate(rows):
        width = COST_PLOT_WIDTH * low / largest
        range_width = COST_PLOT_WIDTH * (high - low) / largest
        top = 4 + index * row_pitch
        bars.append(
            Bar(
                label=label,
                css=f"bar-{model}",
                colour=COLOURS[model],
                label_y=top + 12,
                y=top + 16,
                width=round(max(width, 1), 1),
                range_x=round(width, 1),
                range_width=round(range_width, 1),
                value_text=_usd(low) if low == high else f"{_usd(low)}–{_usd(high)}",
                text_x=round(width + range_width + 4, 1),
            )
        )
    return CostChart(width=WIDTH, height=8 + len(rows) * row_pitch, bars=bars)


@dataclass(frozen=True)
class Band:
    label: str
    css: str
    colour: str
    y: int
    x: float
    width: float
    text: str


@dataclass(frozen=True)
class Tick:
    x: float
    label: str


@dataclass(frozen=True)
class TimelineChart:
    width: int
    height: int
    bands: list[Band]
    ticks: list[Tick]
    launch_x: float
    launch_label: str
    axis_y: int
    label_width: int = LABEL_WIDTH


def timeline_chart(data: dict, labels: dict[str, str]) -> TimelineChart:
    """OEM and ODM lead-time bands (weeks, transit included) against the launch date."""
    timeline = data["timeline"]
    weeks_available = timeline["weeks_available"]
    span = max(weeks_available, timeline["oem_weeks"][1], timeline["odm_weeks"][1]) + 2
    step = 4 if span <= 32 else 8 if span <= 64 else 26 if span <= 130 else 52

    def x(weeks: float) -> float:
        return round(LABEL_WIDTH + PLOT_WIDTH * weeks / span, 1)

    bands = []
    for index, model in enumerate(("oem", "odm")):
        low, high = timeline[f"{model}_weeks"]
        bands.append(
            Band(
                label=labels[model],
                css=f"bar-{model}",
                colour=COLOURS[model],
                y=18 + index * (ROW_HEIGHT + 18),
                x=x(low),
                width=max(x(high) - x(low), 2),
                text=labels["weeks"] % {"low": low, "high": high},
            )
        )
    axis_y = 18 + 2 * (ROW_HEIGHT + 18)
    ticks = [Tick(x=x(week), label=str(week)) for week in range(0, span + 1, step)]
    return TimelineChart(
        width=WIDTH,
        height=axis_y + 40,
        bands=bands,
        ticks=ticks,
        launch_x=x(min(weeks_available, span)),
        launch_label=labels["launch"],
        axis_y=axis_y,
    )


@dataclass(frozen=True)
class FunnelBar:
    label: str
    y: int
    width: float
    value_text: str


@dataclass(frozen=True)
class FunnelChart:
    width: int
    height: int
    bars: list[FunnelBar]
    label_width: int


def funnel_chart(funnel: "Funnel", started_label: str) -> FunnelChart:
    """One bar per stage of the wizard, from wizards started to reports created."""
    label_width, plot_width = 130, WIDTH - 130 - 60
    stages = [(started_label, funnel.started)]
    stages += [(stage.label, stage.count) for stage in funnel.stages]
    largest = max(count for _, count in stages) or 1
    bars = [
        FunnelBar(
            label=label,
            y=4 + index * (ROW_HEIGHT + 6),
            width=round(max(plot_width * count / largest, 1), 1),
            value_text=str(count),
        )
        for index, (label, count) in enumerate(stages)
    ]
    return FunnelChart(
        width=WIDTH, height=8 + len(bars) * (ROW_HEIGHT + 6), bars=bars, label_width=label_width
    )
