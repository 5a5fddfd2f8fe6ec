"""Throwaway notebooks that prove the harness, independent of the guide's own notebooks.

``demo-app.ipynb`` is a small app built like the package's apps (``App``, ``FigureView``,
``guarded``, the ``it-*`` classes): a slider, a dropdown, decision buttons, a chart, numbers.
``broken.ipynb`` shows each failure a learner could meet, so the checks are seen to fail.
"""

from __future__ import annotations

from pathlib import Path

import nbformat

KERNELSPEC = {"name": "python3", "display_name": "Python 3 (ipykernel)", "language": "python"}

DEMO_APP_SOURCE = '''\
import ipywidgets as widgets
from matplotlib.figure import Figure

from invite_triage.widgets import App, FigureView, guarded


class DemoApp(App):
    """Counts of a made-up inbox above a threshold; decisions update the summary."""

    def __init__(self):
        self.threshold = widgets.IntSlider(value=5, min=0, max=30, description="Threshold")
        self.shape = widgets.Dropdown(options=["linear", "square"], description="Shape")
        self.accept = widgets.Button(description="Accept")
        self.decline = widgets.Button(description="Decline")
        self.decided = {"accept": 0, "decline": 0}
        figure = Figure(figsize=(4, 2.5), dpi=80)
        self.ax = figure.add_subplot()
        (self.line,) = self.ax.plot(range(10), [0] * 10)
        self.chart = FigureView(figure)
        self.chart.add_class("it-chart")
        self.summary = widgets.HTML()
        self.summary.add_class("it-summary")
        buttons = widgets.HBox([self.accept, self.decline])
        super().__init__([self.threshold, self.shape, buttons, self.chart, self.summary])
        self.add_class("it-app")
        self.threshold.observe(self.update, names="value")
        self.shape.observe(self.update, names="value")
        self.accept.on_click(lambda _: self.decide("accept"))
        self.decline.on_click(lambda _: self.decide("decline"))
        self.update()

    @guarded
    def update(self, change=None):
        power = 2 if self.shape.value == "square" else 1
        values = [self.threshold.value * x**power for x in range(10)]
        self.line.set_ydata(values)
        self.ax.relim()
        self.ax.autoscale_view()
        self.chart.refresh()
        self.summary.value = (
            f"<b>Total {sum(values)}</b> - accepted {self.decided['accept']}, "
            f"declined {self.decided['decline']}"
        )

    def decide(self, decision):
        self.decided[decision] += 1
        self.update()


DemoApp()
'''

# Each cell below is what a learner sees when something breaks in the browser.
BROKEN_CELLS = [
    # The kernel displays a widget the front end has no model for.
    "from IPython.display import display\n"
    "display({'application/vnd.jupyter.widget-view+json': "
    "{'model_id': '0' * 32, 'version_major': 2, 'version_minor': 0}, "
    "'text/plain': 'VBox(children=(IntSlider(value=1),))'}, raw=True)",
    # What a widget looks like when the widget extension is missing: its text repr.
    "display({'text/plain': 'VBox(children=(IntSlider(value=1),))'}, raw=True)",
    # An app callback failed and says so in its error area.
    "from invite_triage.widgets import ErrorArea\n"
    "area = ErrorArea()\n"
    "area.show(ValueError('threshold must be between 0 and 1'))\n"
    "area",
    # An app that accumulates instead of recomputing: moved away and back, it shows other
    # numbers than before.
    "import ipywidgets as widgets\n"
    "from matplotlib.figure import Figure\n"
    "from invite_triage.widgets import App, FigureView\n"
    "figure = Figure(figsize=(3, 2), dpi=60)\n"
    "ax = figure.add_subplot()\n"
    "chart = FigureView(figure)\n"
    "level = widgets.IntSlider(value=3, min=0, max=10)\n"
    "numbers = widgets.HTML()\n"
    "numbers.add_class('it-summary')\n"
    "seen = []\n"
    "def show(change=None):\n"
    "    seen.append(level.value)\n"
    "    ax.clear()\n"
    "    ax.bar([0], [level.value])\n"
    "    chart.refresh()\n"
    "    numbers.value = f'total so far {sum(seen)}'\n"
    "level.observe(show, names='value')\n"
    "show()\n"
    "App([level, chart, numbers])",
    # A plain exception: Run All stops here, and the harness must not wait for the next cell.
    "1 / 0",
    "print('never reached')",
]
BROKEN_KINDS = {"widget error", "widget shown as text", "app error area", "traceback"}
BROKEN_APP_FAILURE = "does not show what it showed there"


def _write(path: Path, cells: list) -> Path:
    notebook = nbformat.v4.new_notebook()
    notebook.metadata["kernelspec"] = KERNELSPEC
    notebook.cells = cells
    path.parent.mkdir(parents=True, exist_ok=True)
    nbformat.write(notebook, path)
    return path


def write_demo_app(path: Path) -> Path:
    return _write(
        path,
        [
            nbformat.v4.new_markdown_cell("# Harness self-test: a small app"),
            nbformat.v4.new_code_cell(DEMO_APP_SOURCE),
        ],
    )


def write_broken(path: Path) -> Path:
    return _write(
        path,
        [nbformat.v4.new_markdown_cell("# Harness self-test: what broken looks like")]
        + [nbformat.v4.new_code_cell(source) for source in BROKEN_CELLS],
    )
