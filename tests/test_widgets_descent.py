"""dlcore.widgets.descent: the learning-rate explorer redraws the descent as its controls move."""

import re

import pytest

from dlcore import widgets


@pytest.fixture(scope="module")
def bowl():
    return widgets.learning_rate_explorer("bowl", lr=0.1, steps=10)


def test_one_parameter_explorer_has_its_controls(bowl):
    assert list(bowl.controls) == ["lr", "steps", "start", "momentum"]
    assert bowl.controls["lr"].min == -3 and bowl.controls["lr"].max == 1      # 10^-3 to 10^1, log scale


def test_two_parameter_explorer_has_two_start_sliders():
    panel = widgets.learning_rate_explorer("narrow_valley")
    assert list(panel.controls) == ["lr", "steps", "start_w1", "start_w2", "momentum"]
    assert (panel.controls["start_w1"].value, panel.controls["start_w2"].value) == (-2.5, 1.5)


def test_explorer_redraws_and_says_how_descent_went(bowl):
    ax = bowl.fig.axes[0]
    assert ax.get_title().startswith("lr = 0.1, step 10: still on its way")
    before = bowl.image.value
    bowl.controls["lr"].value = 0.3
    try:
        assert bowl.image.value != before
        assert ax.get_title().startswith("lr = 0.3, step 10: at the minimum")
        bowl.controls["steps"].value = 0
        assert "step 0" in ax.get_title()
    finally:
        bowl.controls["lr"].value = 0.1
        bowl.controls["steps"].value = 10


def test_driven_to_extremes_the_explorer_says_diverged_and_does_not_raise():
    panel = widgets.learning_rate_explorer("two_valleys", lr=0.1, steps=10)
    panel.controls["lr"].value = 10.0
    panel.controls["steps"].value = 60
    assert "diverged at step" in panel.fig.axes[0].get_title()
    assert panel.error.value == ""


def test_static_counterpart_animates_three_learning_rates_with_alt_text(bowl):
    html = bowl.static_html()
    match = re.search(r'<img id="_anim_img[0-9a-f]+" src="data:image/png;base64,[^"]+" alt="([^"]+)"', html)
    assert match and "lr = 0.02 (too small)" in match.group(1) and "lr = 1.1 (too large)" in match.group(1)
    assert "lr = 1.1 (too large): diverging after 30 steps" in match.group(1)
    assert len(re.findall(r"frames\[\d+\] = ", html)) == 8
    assert "http" not in html.split("<script")[0]
    assert bowl._repr_mimebundle_()["text/html"] == html


def test_bad_settings_get_a_clear_error():
    with pytest.raises(ValueError, match="Unknown cost surface"):
        widgets.learning_rate_explorer("bowls")
    with pytest.raises(ValueError, match="start must be 2 number"):
        widgets.learning_rate_explorer("two_basins", start=1.0)


def test_without_animation_the_book_shows_one_picture_of_the_three_whole_paths():
    panel = widgets.learning_rate_explorer("narrow_valley", animate=False)
    html = panel.static_html()
    assert "frames[" not in html and html.count("<img") == 1
    assert 'alt="Three panels: 30 steps of gradient descent across the contour lines' in html
    assert "lr = 0.22 (too large): diverging after 30 steps" in html


def test_the_book_stores_its_frames_in_few_colours():
    # a 256-colour palette at most (PNG colour type 3), not full RGBA
    import base64
    html = widgets.learning_rate_explorer("bowl").static_html()
    first = re.search(r'frames\[0\] = "data:image/png;base64,((?:[A-Za-z0-9+/=]|\\\n)+)"', html).group(1)
    png = base64.b64decode(first.replace("\\\n", ""))
    assert png[25] == 3                                   # the IHDR colour type byte: indexed colour


def test_the_books_panels_write_the_cost_in_their_titles(monkeypatch):
    # a point that runs away leaves the picture; the title still says where it is
    from dlcore.widgets import descent
    drawn = []
    to_png = descent.plotting.figure_to_png
    monkeypatch.setattr(descent.plotting, "figure_to_png",
                        lambda fig, *a, **k: drawn.append(fig) or to_png(fig, *a, **k))
    widgets.learning_rate_explorer("bowl", animate=False).static_html()
    titles = [ax.get_title() for ax in drawn[-1].axes]
    assert titles[0].startswith("lr = 0.02, too small\nstep 30, cost 0.78")
    assert titles[2].startswith("lr = 1.1, too large\nstep 30, cost 5.1e+05")
