"""dlcore.widgets.panel: live panels that redraw, surface their errors and carry a static counterpart."""

import base64
import re
import struct

import ipywidgets
import numpy as np
import pytest

from dlcore import widgets

WIDGET_VIEW = "application/vnd.jupyter.widget-view+json"


def line_panel(static=None, fast=True):
    """A panel drawing y = slope * x, with the update fast path or without it."""
    x = np.linspace(0, 1, 11)
    calls = []

    def draw(fig, slope):
        calls.append(slope)
        ax = fig.add_subplot()
        (line,) = ax.plot(x, slope * x)
        ax.set_ylim(-3, 3)
        if fast:
            return lambda slope: line.set_ydata(slope * x)
        return None

    slider = ipywidgets.FloatSlider(value=1.0, min=-2.0, max=2.0, step=0.5)
    panel = widgets.LivePanel(draw, {"slope": slider}, static=static, title="Line", figsize=(3, 2), dpi=40)
    return panel, calls


@pytest.mark.parametrize("fast", [True, False])
def test_moving_a_control_changes_the_image(fast):
    panel, _ = line_panel(fast=fast)
    before = panel.image.value
    panel.controls["slope"].value = -2.0
    assert panel.image.value[:4] == b"\x89PNG"
    assert panel.image.value != before


def test_update_function_is_used_after_the_first_draw():
    panel, calls = line_panel(fast=True)
    panel.controls["slope"].value = 0.5
    panel.controls["slope"].value = 1.5
    assert calls == [1.0]  # draw() once; later changes go through update()


def test_without_update_function_every_change_redraws_from_scratch():
    panel, calls = line_panel(fast=False)
    panel.controls["slope"].value = 0.5
    assert calls == [1.0, 0.5]
    assert len(panel.fig.axes) == 1  # the figure was cleared, not drawn over


def test_mimebundle_holds_the_widget_view_the_static_html_and_plain_text():
    panel, _ = line_panel(static=widgets.animate_over("slope", values=[-1.0, 0.0, 1.0], alt="Slopes."))
    bundle = panel._repr_mimebundle_()
    assert "model_id" in bundle[WIDGET_VIEW]
    assert 'class="animation"' in bundle["text/html"] and 'alt="Slopes."' in bundle["text/html"]
    assert "Line" in bundle["text/plain"] and "JupyterLab" in bundle["text/plain"]


def test_animate_over_shows_one_frame_per_value_and_leaves_the_live_panel_alone():
    panel, _ = line_panel(static=widgets.animate_over("slope", values=[-2.0, -1.0, 0.0, 1.0], alt="Slopes."))
    live_before = panel.image.value
    html = panel.static_html()
    assert len(re.findall(r"frames\[\d+\] = ", html)) == 4
    assert panel.controls["slope"].value == 1.0 and panel.image.value == live_before
    assert panel.static_html() is html  # computed once


def test_animate_over_by_default_spans_the_slider():
    panel, _ = line_panel(static=widgets.animate_over("slope", n_frames=5, alt="Slopes."))
    assert len(re.findall(r"frames\[\d+\] = ", panel.static_html())) == 5  # -2, -1, 0, 1, 2


def test_compare_over_gives_small_multiples_as_one_image():
    panel, _ = line_panel(static=widgets.compare_over("slope", values=[-1.0, 1.0], alt="Two slopes."))
    live_before = panel.image.value
    html = panel.static_html()
    assert html.startswith("<img ") and 'alt="Two slopes."' in html
    png = base64.b64decode(re.search(r"base64,([^\"]*)", html).group(1))
    assert png[:4] == b"\x89PNG"
    # two values, so two panels side by side, each 2.6 x 2.0 in, at the animations' dpi (90)
    assert struct.unpack(">II", png[16:24]) == (round(2 * 2.6 * 90), round(2.0 * 90))
    assert panel.controls["slope"].value == 1.0 and panel.image.value == live_before


def test_compare_over_draws_each_value_once_with_the_other_controls_as_they_are():
    drawn = []

    def draw(fig, slope, offset):
        drawn.append((slope, offset))
        fig.add_subplot().plot([0, 1], [offset, offset + slope])

    controls = {"slope": ipywidgets.FloatSlider(value=1.0, min=-2.0, max=2.0, step=1.0),
                "offset": ipywidgets.FloatSlider(value=0.5)}
    panel = widgets.LivePanel(draw, controls, static=widgets.compare_over("slope", n_panels=5, alt="Slopes."),
                              figsize=(3, 2), dpi=40)
    drawn.clear()
    panel.static_html()
    # by default the values span the slider: -2, -1, 0, 1, 2
    assert drawn == [(-2.0, 0.5), (-1.0, 0.5), (0.0, 0.5), (1.0, 0.5), (2.0, 0.5)]


def test_compare_over_an_unknown_control_is_an_error():
    panel, _ = line_panel(static=widgets.compare_over("slop", alt="x"))
    with pytest.raises(ValueError, match="Cannot compare over 'slop'.*'slope'"):
        panel.static_html()


def test_without_static_the_book_shows_the_current_figure_described():
    panel, _ = line_panel()
    assert 'alt="Line with slope = 1"' in panel.static_html()


def test_static_counterpart_for_an_unknown_control_is_an_error():
    panel, _ = line_panel(static=widgets.animate_over("slop", alt="x"))
    with pytest.raises(ValueError, match="'slop'.*'slope'"):
        panel.static_html()


def test_draw_errors_surface_when_the_panel_is_built():
    def draw(fig, w):
        raise ZeroDivisionError("bad draw")

    with pytest.raises(ZeroDivisionError, match="bad draw"):
        widgets.LivePanel(draw, {"w": ipywidgets.FloatSlider()})


def test_draw_errors_surface_when_a_control_moves_and_show_in_the_panel():
    def draw(fig, w):
        if w > 1:
            raise ValueError(f"w = {w} is too large")
        fig.add_subplot().plot([0, 1], [0, w])

    panel = widgets.LivePanel(draw, {"w": ipywidgets.FloatSlider(value=0.5, max=3)})
    with pytest.raises(ValueError, match="too large"):
        panel.controls["w"].value = 2.0
    assert "ValueError: w = 2.0 is too large" in panel.error.value
    panel.controls["w"].value = 0.25
    assert panel.error.value == ""


def test_draw_returning_a_figure_is_explained():
    from dlcore import plotting

    def draw(fig, w):
        return plotting.new_figure()

    with pytest.raises(TypeError, match="Draw on the figure it is given"):
        widgets.LivePanel(draw, {"w": ipywidgets.FloatSlider()})


def test_controls_must_be_a_dict_of_widgets():
    with pytest.raises(TypeError, match="non-empty dict"):
        widgets.LivePanel(lambda fig: None, [ipywidgets.FloatSlider()])


def test_control_values_of_a_slider_and_a_dropdown():
    slider = ipywidgets.FloatSlider(min=0.0, max=1.0, step=0.25)
    assert widgets.control_values(slider, 5) == [0.0, 0.25, 0.5, 0.75, 1.0]
    dropdown = ipywidgets.Dropdown(options=[("Sigmoid", "sigmoid"), ("ReLU", "relu")])
    assert widgets.control_values(dropdown, 5) == ["sigmoid", "relu"]
    int_slider = ipywidgets.IntSlider(min=1, max=4)
    assert widgets.control_values(int_slider, 10) == [1, 2, 3, 4]
