"""dlcore.widgets.function_fit: the function-fit explorer refits a polynomial as its controls move."""

import re

import numpy as np
import pytest

from dlcore import widgets


# --- the live panel ------------------------------------------------------------------

@pytest.fixture(scope="module")
def panel():
    return widgets.function_fit_explorer(n_samples=10, noise=0.3, degree=2, seed=0)


def test_function_fit_explorer_has_the_three_controls(panel):
    assert set(panel.controls) == {"n_samples", "noise", "degree"}
    assert panel.controls["n_samples"].min == 2 and panel.controls["n_samples"].max == 100


def test_function_fit_explorer_redraws_when_a_control_moves(panel):
    before = panel.image.value
    panel.controls["n_samples"].value = 40
    try:
        assert panel.image.value != before
        ax = panel.fig.axes[0]
        assert ax.get_title().startswith("40 examples: fit error ")
        assert len(ax.collections[0].get_offsets()) == 40
        assert np.isfinite(panel.last_draw_seconds)
    finally:
        panel.controls["n_samples"].value = 10


def test_function_fit_explorer_is_exact_without_noise():
    exact = widgets.function_fit_explorer(n_samples=5, noise=0.0, degree=2)
    assert exact.fig.axes[0].get_title() == "5 examples: fit error 0.000"
    # a straight line cannot fit x², however many examples it gets
    exact.controls["degree"].value = 1
    error = float(exact.fig.axes[0].get_title().rsplit(" ", 1)[1])
    assert error > 0.5


def test_function_fit_explorer_static_counterpart_is_an_animation_with_alt_text(panel):
    html = panel.static_html()
    assert re.search(r'<img id="_anim_img[0-9a-f]+" src="data:image/png;base64,[^"]+" alt="Animation over', html)
    assert len(re.findall(r"frames\[\d+\] = ", html)) == 16
    assert "http" not in html.split("<script")[0]        # no stylesheet fetched from a CDN
    bundle = panel._repr_mimebundle_()
    assert bundle["text/html"] == html
