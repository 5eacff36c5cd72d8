"""dlcore.plotting.output: figures to PNG, images with alt text, offline animations, small multiples."""

import base64
import html.parser
import re
import struct

import numpy as np
import pytest

from dlcore import plotting


def png_size(png):
    """(width, height) in pixels, read from the PNG header."""
    assert png[:8] == b"\x89PNG\r\n\x1a\n"
    return struct.unpack(">II", png[16:24])


def embedded_frames(player):
    """The PNG bytes of every frame embedded in a jshtml player, in order."""
    frames = re.findall(r'frames\[(\d+)\] = "data:image/png;base64,([^"]*)"', player)
    return [base64.b64decode(data.replace("\\\n", "")) for _, data in sorted(frames, key=lambda f: int(f[0]))]


def line_animation(n_frames=4, alt="A line that gets steeper."):
    fig = plotting.new_figure(3, 2, dpi=50)
    ax = fig.add_subplot()
    x = np.linspace(0, 1, 5)
    (line,) = ax.plot(x, 0 * x)
    ax.set_ylim(0, n_frames)
    return plotting.animation_html(fig, lambda slope: line.set_ydata(slope * x), range(n_frames), alt=alt, dpi=50)


class _Controls(html.parser.HTMLParser):
    """Collects a player's form controls and the ids its <label for=...> elements name."""

    def __init__(self):
        super().__init__()
        self.controls, self.labelled_ids = [], set()

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag in ("input", "button", "select", "textarea"):
            self.controls.append((tag, attrs))
        elif tag == "label" and attrs.get("for"):
            self.labelled_ids.add(attrs["for"])


def unnamed_controls(player):
    """The player's controls that have neither an aria-label nor a <label>: a screen reader cannot name them."""
    parser = _Controls()
    parser.feed(player)
    return [(tag, attrs) for tag, attrs in parser.controls
            if not (attrs.get("aria-label") or "").strip() and attrs.get("id") not in parser.labelled_ids]


def test_figure_to_png_has_the_figure_size_in_pixels():
    fig = plotting.new_figure(5, 3.5, dpi=72)
    # 5 in x 72 dpi = 360 px wide, 3.5 in x 72 dpi = 252 px high
    assert png_size(plotting.figure_to_png(fig)) == (360, 252)
    assert png_size(plotting.figure_to_png(fig, dpi=36)) == (180, 126)


def test_fast_png_is_still_a_png_of_the_same_size():
    fig = plotting.new_figure(4, 3, dpi=60)
    fig.add_subplot().plot([0, 1], [0, 1])
    assert png_size(plotting.figure_to_png(fig, fast=True)) == png_size(plotting.figure_to_png(fig))


def test_animation_html_loads_nothing_from_the_network():
    player = line_animation()
    assert "<link" not in player
    assert "http://" not in player and "https://" not in player


def test_animation_img_shows_the_first_frame_and_has_alt_text():
    player = line_animation(alt="A line that gets steeper.")
    img = re.search(r"<img [^>]*>", player).group(0)
    assert 'alt="A line that gets steeper."' in img
    src = re.search(r'src="data:image/png;base64,([^"]*)"', img).group(1)
    assert base64.b64decode(src) == embedded_frames(player)[0]


def test_animation_embeds_one_distinct_frame_per_value():
    frames = embedded_frames(line_animation(n_frames=4))
    assert len(frames) == 4
    assert len(set(frames)) == 4
    assert png_size(frames[0]) == (150, 100)  # 3 x 2 in at dpi 50


def test_animation_buttons_use_text_symbols_not_an_icon_font():
    player = line_animation()
    assert 'class="fa' not in player
    assert re.search(r'title="Play"[^>]*>\s*&#9654;', player)


def test_animation_slider_and_every_other_control_have_an_accessible_name():
    player = line_animation()
    slider = re.search(r'<input [^>]*type="range"[^>]*>', player).group(0)
    assert 'aria-label="Animation frame"' in slider
    parser = _Controls()
    parser.feed(player)
    # 1 slider, 9 buttons (speed -, first, previous, back, pause, play, next, last, speed +), 3 loop modes
    assert [tag for tag, _ in parser.controls].count("button") == 9
    assert sum(attrs.get("type") == "radio" for _, attrs in parser.controls) == 3
    assert unnamed_controls(player) == []


def test_clean_jshtml_labels_the_slider_of_matplotlibs_own_to_jshtml_player():
    from matplotlib.animation import FuncAnimation

    fig = plotting.new_figure(2, 1.5, dpi=30)
    (line,) = fig.add_subplot().plot([0, 1], [0, 0])
    animation = FuncAnimation(fig, lambda y: line.set_ydata([0, y]), frames=[0, 1], interval=100)
    raw = animation.to_jshtml()
    assert [tag for tag, _ in unnamed_controls(raw)] == ["input"], "matplotlib's player now labels its slider"
    assert unnamed_controls(plotting.clean_jshtml(raw, alt="A line that tilts.")) == []


def test_animation_alt_is_escaped_for_html():
    player = line_animation(alt='Curves for "w" < 0 & > 0')
    assert 'alt="Curves for &quot;w&quot; &lt; 0 &amp; &gt; 0"' in player


@pytest.mark.parametrize("alt", ["", "   ", None])
def test_animation_requires_alt_text(alt):
    fig = plotting.new_figure(2, 2)
    with pytest.raises(ValueError, match="alt text"):
        plotting.animation_html(fig, lambda frame: None, [0, 1], alt=alt)


def test_animation_refuses_too_many_frames():
    fig = plotting.new_figure(2, 2)
    with pytest.raises(ValueError, match=f"1 to {plotting.MAX_FRAMES} frames"):
        plotting.animation_html(fig, lambda frame: None, range(plotting.MAX_FRAMES + 1), alt="x")


def test_small_multiples_html_is_one_described_image():
    def draw(fig, slope):
        ax = fig.add_subplot()
        ax.plot([0, 1], [0, slope])

    html = plotting.small_multiples_html(draw, [1, 2, 3, 4], alt="Four lines.", ncols=2,
                                         panel_size=(2, 1.5), dpi=50)
    assert html.startswith('<img src="data:image/png;base64,') and 'alt="Four lines."' in html
    png = base64.b64decode(re.search(r"base64,([^\"]*)", html).group(1))
    assert png_size(png) == (200, 150)  # 2 columns x 2 in, 2 rows x 1.5 in, at dpi 50


def test_show_gives_html_with_alt_and_plain_text_alt():
    fig = plotting.new_figure(2, 2, dpi=40)
    picture = plotting.show(fig, alt="An empty figure.")
    assert 'alt="An empty figure."' in picture._repr_html_()
    assert repr(picture) == "Figure: An empty figure."


def test_img_html_embeds_the_png_and_needs_alt_text():
    png = plotting.figure_to_png(plotting.new_figure(1, 1, dpi=20))
    html = plotting.img_html(png, "A dot.", width=120)
    assert html == f'<img src="{plotting.png_data_uri(png)}" alt="A dot." width="120">'
    assert base64.b64decode(html.split("base64,")[1].split('"')[0]) == png
    with pytest.raises(ValueError, match="alt text"):
        plotting.img_html(png, " ")


def test_canvas_to_png_encodes_what_the_canvas_holds():
    fig = plotting.new_figure(2, 1, dpi=50)
    fig.add_subplot().plot([0, 1], [0, 1])
    fig.canvas.draw()
    png = plotting.canvas_to_png(fig.canvas)
    assert png_size(png) == (100, 50)


def test_clean_jshtml_refuses_a_player_it_does_not_recognise():
    with pytest.raises(RuntimeError, match="animation player changed its markup"):
        plotting.clean_jshtml("<div>not a player</div>", alt="x")


def test_fewer_colors_reduces_every_embedded_png_and_keeps_the_rest_of_the_html():
    import base64
    import io
    import re

    from PIL import Image

    fig = plotting.new_figure(2, 1.5)
    ax = fig.add_subplot()
    ax.imshow(np.linspace(0, 1, 400).reshape(20, 20), cmap="viridis")
    html_text = '<p>before</p>' + plotting.img_html(plotting.figure_to_png(fig), "a smooth map") + '<p>after</p>'
    reduced = plotting.fewer_colors(html_text, colors=8)
    assert reduced.startswith("<p>before</p>") and reduced.endswith("<p>after</p>") and 'alt="a smooth map"' in reduced

    def colours(text):
        data = re.search(r"data:image/png;base64,([A-Za-z0-9+/=]+)", text).group(1)
        image = Image.open(io.BytesIO(base64.b64decode(data))).convert("RGB")
        return image.size, len(image.getcolors(1 << 16))
    (size_before, n_before), (size_after, n_after) = colours(html_text), colours(reduced)
    assert size_after == size_before and n_after <= 8 < n_before
