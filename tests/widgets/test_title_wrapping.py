"""Titles are wrapped by matplotlib only when a line is too wide (``style.fit_titles``): the
pixels must be exactly those of always wrapping, for short, long, multi-line and odd titles."""

from __future__ import annotations

import numpy as np
import pytest

from invite_triage.render.style import _titles, fit_titles, new_figure

TITLES = (
    "Short",
    "The triage accepts 14,431 of 30,000; 81% of them truly relevant, and then many more "
    "words that cannot fit on one line",
    "Tout accepter : 3,6× plus de contacts, mais deux fois moins de pertinence\n(92 % → 46 %)",
    "Supercalifragilisticexpialidocious" * 4,  # one word too wide: never broken
    "two  spaces  here",
    "$x^2$ and text",
    "",
)


def _pixels(text: str, loc: str, always: bool) -> np.ndarray:
    figure = new_figure(7.0, 3.0)
    ax = figure.add_subplot()
    ax.plot([0, 1])
    ax.set_title(text, loc=loc, fontsize=12)
    figure.suptitle(text[::-1], x=0.01, ha="left")
    figure.set_layout_engine("none")
    if always:
        for title, _room in _titles(figure):
            title.set_wrap(True)
    else:
        fit_titles(figure)
    figure.canvas.draw()
    return np.asarray(figure.canvas.buffer_rgba()).copy()


@pytest.mark.parametrize("loc", ["left", "center"])
@pytest.mark.parametrize("text", TITLES)
def test_wrapping_only_long_titles_draws_the_same_pixels(text, loc):
    assert (_pixels(text, loc, always=False) == _pixels(text, loc, always=True)).all()


def test_a_long_title_still_wraps_and_a_short_one_is_left_alone():
    figure = new_figure(7.0, 3.0)
    ax = figure.add_subplot()
    ax.set_title(TITLES[1], loc="left")
    fit_titles(figure)
    assert ax._left_title.get_wrap()
    ax.set_title("Short", loc="left")
    fit_titles(figure)
    assert not ax._left_title.get_wrap()
