"""The accessible-name check of the walkthrough sees a chart without a name.

The browser test reads a page written here (no JupyterLab: a second or so); the other test
checks, without a browser, that an unnamed chart fails a notebook's walk."""

from __future__ import annotations

import pytest

from . import apps as app_actions
from .walkthrough import NotebookReport

PAGE = """<!DOCTYPE html><html><body>
<img class="it-chart" title="Decisions: 12 accepted" src="data:,">
<img class="it-chart" alt="Bar chart" src="data:,">
<img class="it-chart" aria-label="From aria-label" title="" src="data:,">
<img class="it-chart" src="data:,">
<img class="it-chart" title="   " alt="" src="data:,">
<div class="it-chart"><img title="Inside a chart box" src="data:,"></div>
<img class="widget-image" src="data:,">
</body></html>"""


@pytest.mark.e2e
def test_the_browser_check_reads_each_charts_name(browser_page):
    page, _log = browser_page
    page.set_content(PAGE)
    names = app_actions.chart_names(page)
    assert names == ["Decisions: 12 accepted", "Bar chart", "From aria-label", "", "",
                     "Inside a chart box"]
    assert app_actions.unnamed_charts(names) == [
        "chart 4 of 6 has no accessible name (alt, aria-label or title)",
        "chart 5 of 6 has no accessible name (alt, aria-label or title)",
    ]


def test_an_unnamed_chart_fails_the_notebook():
    report = NotebookReport(path="notebooks/x.ipynb", chart_names=["A title", ""])
    assert report.failures() == [
        "chart 2 of 2 has no accessible name (alt, aria-label or title)"
    ]
    assert report.summary()["chart_names"] == ["A title", ""]
    assert NotebookReport(path="y", chart_names=["A", "B"]).failures() == []
