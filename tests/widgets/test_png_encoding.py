"""The charts' PNG encoder (``encode_png``): valid PNGs holding exactly the pixels drawn, as
Pillow (the encoder it replaced, two to three times slower) stored them."""

from __future__ import annotations

import io

import numpy as np
import pandas as pd
import PIL.Image
import pytest
from matplotlib.figure import Figure

from invite_triage import widgets
from invite_triage.widgets.base import FigureView, encode_png, png_bytes
from invite_triage.world import synth
from invite_triage.world.datasets import example_profile


@pytest.fixture(scope="module")
def invitations() -> pd.DataFrame:
    return synth.invitations(400, seed=5)


def _pillow_png(pixels: np.ndarray, dpi: int) -> bytes:
    """What ``png_bytes`` returned before: Pillow's RGBA PNG."""
    buffer = io.BytesIO()
    PIL.Image.fromarray(pixels, "RGBA").save(buffer, format="png", compress_level=1,
                                              dpi=(dpi, dpi))
    return buffer.getvalue()


def _decoded(data: bytes) -> tuple[PIL.Image.Image, np.ndarray]:
    with PIL.Image.open(io.BytesIO(data)) as check:
        check.verify()  # chunk CRCs and structure
    image = PIL.Image.open(io.BytesIO(data))
    image.load()
    return image, np.asarray(image.convert("RGBA"))


def _assert_same_as_pillow(figure: Figure) -> PIL.Image.Image:
    pixels = np.asarray(figure.canvas.buffer_rgba())
    dpi = round(figure.dpi)
    image, ours = _decoded(png_bytes(figure))
    _, theirs = _decoded(_pillow_png(pixels, dpi))
    assert np.array_equal(ours, theirs)
    assert np.array_equal(ours, pixels)
    assert image.info["dpi"] == pytest.approx((dpi, dpi), abs=0.01)
    return image


def test_app_charts_are_encoded_pixel_for_pixel(invitations, tmp_path):
    profile = example_profile()
    apps = [widgets.quality_app(invitations, profile), widgets.mutuals_app(invitations, profile),
            widgets.goals_app(profile), widgets.triage_form(private_dir=tmp_path)]
    for app in apps:
        image = _assert_same_as_pillow(app.chart.figure)
        assert image.mode == "RGB"  # opaque charts: no alpha channel to store
        assert image.size == app.chart.figure.canvas.get_width_height(physical=True)


def test_a_transparent_figure_keeps_its_alpha():
    figure = Figure(figsize=(3, 2), dpi=144)
    figure.patch.set_alpha(0.0)
    ax = figure.add_subplot()
    ax.patch.set_alpha(0.3)
    ax.plot([0, 1, 2], [2, 0, 1], alpha=0.5)
    ax.set_title("semi-transparent")
    view = FigureView(figure)
    image = _assert_same_as_pillow(view.figure)
    assert image.mode == "RGBA"
    assert np.asarray(image)[..., 3].min() == 0  # the transparent background is kept


def test_encode_png_edge_cases():
    rng = np.random.default_rng(7)
    for shape in ((1, 1, 4), (3, 5, 4), (17, 2, 4)):
        pixels = rng.integers(0, 256, shape, dtype=np.uint8)
        for opaque in (False, True):
            if opaque:
                pixels[..., 3] = 255
            image, back = _decoded(encode_png(pixels, 96))
            assert image.mode == ("RGB" if opaque else "RGBA")
            assert np.array_equal(back, pixels)
    with pytest.raises(ValueError, match="RGBA"):
        encode_png(np.zeros((2, 2, 3), np.uint8))
