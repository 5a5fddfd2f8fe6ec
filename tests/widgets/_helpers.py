"""Small helpers the apps' tests share: reading a chart, comparing colours, breaking a model."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import numpy as np

from invite_triage.core.errors import InvalidInputError


def png(app: Any) -> bytes:
    return bytes(app.chart.value)


def same_colour(a: Any, b: Any) -> bool:
    from matplotlib.colors import to_rgba

    return np.allclose(to_rgba(a), to_rgba(b))


def bar_heights(app: Any) -> list[float]:
    return [bar.get_height() for bar in app.bars.bars]


def assert_callback_error_is_shown(app: Any, monkeypatch: Any, method: str,
                                   poke: Callable[[Any], None]) -> None:
    """Make ``app.model.<method>`` fail, move a control: the error is shown, never raised."""

    def broken(*args: Any, **kwargs: Any) -> Any:
        raise InvalidInputError("this profile is not valid", ["mentoring: got 7"])

    monkeypatch.setattr(app.model, method, broken)
    poke(app)
    assert "this profile is not valid" in app.errors.message
    assert "mentoring: got 7" in app.errors.message
    assert 'role="alert"' in app.errors.message
