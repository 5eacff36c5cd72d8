"""The planes-and-cars pictures: grayscale silhouettes drawn with numpy alone.

The pictures are drawn here, not photographed, and nothing is downloaded:
each one from random proportions, pose, size, position and grey levels, so
that neither a single pixel nor the overall brightness tells a plane from a
car. ``planes_and_cars`` is the one public function.
"""

import numpy as np

from dlcore._checks import check_number

from ._common import _check_n_samples, _make_rng, _two_class_labels


# Each shape is described by a signed distance: negative inside, positive
# outside, in "object units" (the object is 1 unit long). Every pixel centre
# is mapped into object coordinates (u along the object, nose or bonnet
# towards +u; v across it), the distances of the parts are combined with a
# minimum (the union of the parts), and the distance, in pixels, becomes ink:
# a filled shape inks pixels with distance < 0, an outline inks pixels within
# half a line width of the edge, and a 1-pixel ramp in between smooths the
# edges. Arrays below are (n_images, n_pixels), all images at once, in
# float32 and in small chunks of images, which keeps the generator fast.

# Array elements handled per step. Bigger temporary arrays were measured to be
# several times slower per element (the cost of fresh memory, not arithmetic).
_CHUNK = 2**15


def _line(u, v, u0, v0, nu, nv):
    """Signed distance to the line through (u0, v0) with normal (nu, nv); > 0 on the normal's side."""
    norm = np.sqrt(nu * nu + nv * nv)
    a, b = nu / norm, nv / norm                             # (n, 1) each
    return u * a + v * b - (u0 * a + v0 * b)


def _swept_wing(u, v_abs, lead, chord, half_span, sweep, tip_chord):
    """A pair of swept wings, mirror images of each other (v_abs = |v|).

    At the fuselage a wing runs from u=lead back to u=lead-chord; at its tip,
    |v|=half_span, from u=lead-sweep back to u=lead-sweep-tip_chord.
    """
    tip = v_abs - half_span
    leading = _line(u, v_abs, lead, 0.0, 1.0, sweep / half_span)
    slope = (chord - sweep - tip_chord) / half_span         # trailing edge: u = lead - chord + slope*|v|
    trailing = _line(u, v_abs, lead - chord, 0.0, -1.0, slope)
    return np.maximum(np.maximum(tip, leading), trailing)


def _plane_distance(u, v, p):
    """A plane seen from above, nose towards +u: fuselage, two swept wings, tailplane."""
    v_abs = np.abs(v)
    # Fuselage: an ellipse with half axes 0.5 and p["body"]; distance ~ level / |gradient|.
    a2, b2 = 0.25, p["body"] ** 2
    uu, vv = u * u, v_abs * v_abs
    level = uu / a2 + vv / b2 - 1.0
    grad = 2.0 * np.sqrt(uu / (a2 * a2) + vv / (b2 * b2)) + 1e-3
    fuselage = level / grad
    wings = _swept_wing(u, v_abs, p["lead"], p["chord"], p["span"], p["sweep"], p["tip"])
    tail = _swept_wing(u, v_abs, p["tail"], 0.16, p["tail_span"], 0.1, 0.07)
    return np.minimum(fuselage, np.minimum(wings, tail))


def _car_distance(u, v, p):
    """A car seen from the side, bonnet towards +u: body, cabin with windows, two wheels."""
    h = p["height"]                                         # half height of the body
    u_abs = np.abs(u)
    v = v + p["lift"]                                       # centre the whole car vertically
    # Body: a box of half size (0.5, h) with corners rounded by r.
    r = p["round"]
    qu = u_abs - (0.5 - r)
    qv = np.abs(v) - (h - r)
    corner = np.sqrt(np.maximum(qu, 0.0) ** 2 + np.maximum(qv, 0.0) ** 2)
    body = corner + np.minimum(np.maximum(qu, qv), 0.0) - r
    # Cabin: a trapezoid on the roof of the body, sloping at the rear and the windscreen.
    top = h + p["cabin"]
    rear = _line(u, v, p["rear"], h, -p["cabin"], p["rear_top"] - p["rear"])
    front = _line(u, v, p["front"], h, p["cabin"], p["front"] - p["front_top"])
    sides = np.maximum(rear, front)
    cabin = np.maximum(np.maximum(v - top, -v), sides)     # reaches down into the body
    # Windows: the cabin above the body shrunk by a frame, split by a pillar, cut out of the ink.
    window = np.maximum(np.maximum(sides, v - top) + p["frame"], (h + p["frame"]) - v)
    window = np.maximum(window, p["frame"] / 2 - np.abs(u - p["pillar"]))
    window = window + p["no_window"]                        # +inf: no windows
    # Wheels: two circles centred on the bottom edge of the body, at u = +-wheel_u,
    # each in a wheel arch (a thin gap cut out of the body around it).
    wheels = np.sqrt((u_abs - p["wheel_u"]) ** 2 + (v + h) ** 2) - p["wheel"]
    body = np.maximum(body, p["arch"] - wheels)
    car = np.minimum(np.minimum(body, cabin), wheels)
    return np.maximum(car, -window)


def _uniform(rng, n, low, high):
    return rng.uniform(low, high, (n, 1)).astype(np.float32)


def _plane_parts(rng, n):
    """Random proportions of n planes, each an (n, 1) array."""
    return {
        "body": _uniform(rng, n, 0.045, 0.075),
        "lead": _uniform(rng, n, 0.05, 0.2),
        "chord": _uniform(rng, n, 0.2, 0.3),
        "span": _uniform(rng, n, 0.38, 0.5),
        "sweep": _uniform(rng, n, 0.1, 0.3),
        "tip": _uniform(rng, n, 0.06, 0.12),
        "tail": _uniform(rng, n, -0.34, -0.28),
        "tail_span": _uniform(rng, n, 0.14, 0.2),
    }


def _car_parts(rng, n, filled):
    """Random proportions of n cars, each an (n, 1) array; windows only on filled cars."""
    rear = _uniform(rng, n, -0.4, -0.25)
    front = _uniform(rng, n, 0.1, 0.25)
    cabin = _uniform(rng, n, 0.13, 0.2)
    wheel = _uniform(rng, n, 0.09, 0.13)
    windows = filled & (rng.uniform(size=(n, 1)) < 0.7)
    return {
        "height": _uniform(rng, n, 0.1, 0.14),
        "round": _uniform(rng, n, 0.02, 0.08),
        "cabin": cabin,
        "lift": (cabin - wheel) / 2,
        "rear": rear,
        "rear_top": rear + _uniform(rng, n, 0.03, 0.12),
        "front": front,
        "front_top": front - _uniform(rng, n, 0.1, 0.2),
        "frame": _uniform(rng, n, 0.02, 0.03),
        "pillar": (rear + front) / 2 + _uniform(rng, n, -0.05, 0.05),
        "no_window": np.where(windows, 0.0, np.inf).astype(np.float32),
        "wheel_u": _uniform(rng, n, 0.26, 0.34),
        "wheel": wheel,
        "arch": _uniform(rng, n, 0.025, 0.04),
    }


def _draw_objects(rng, n, is_plane, gx, gy, size):
    """Ink of n planes or cars in random poses: shape (n, n_pixels), float32 in [0, 1]."""
    angle = np.deg2rad(_uniform(rng, n, -30, 30))
    flip = rng.choice(np.array([-1.0, 1.0], np.float32), (n, 1))  # facing right or left
    length = size * _uniform(rng, n, 0.5, 1.0)              # object length in pixels
    room = np.maximum(size - length, 0.0) / 4 + 0.05 * size  # how far the centre may move
    cx = _uniform(rng, n, -1, 1) * room                     # object centre, pixels from the middle
    cy = _uniform(rng, n, -1, 1) * room
    cos, sin = np.cos(angle), np.sin(angle)
    # u = ((x - cx) cos + (y - cy) sin) * flip / length, v = ((y - cy) cos - (x - cx) sin) / length
    su, sv = flip / length, 1 / length
    u = gx * (cos * su) + gy * (sin * su) - (cx * cos + cy * sin) * su  # (n, n_pixels)
    v = gy * (cos * sv) - gx * (sin * sv) + (cx * sin - cy * cos) * sv  # (n, n_pixels)
    filled = rng.uniform(size=(n, 1)) < 0.75                # else drawn as an outline
    if is_plane:
        dist = _plane_distance(u, v, _plane_parts(rng, n))
    else:
        dist = _car_distance(u, v, _car_parts(rng, n, filled))
    dist *= length                                          # now in pixels
    half_width = _uniform(rng, n, 0.75, 1.25)               # outlines are 1.5 to 2.5 pixels wide
    dist = np.where(filled, dist, np.abs(dist) - half_width)
    return np.clip(0.5 - dist, 0.0, 1.0, out=dist)


def _draw_clutter(rng, images, size, clutter, levels):
    """Paint up to four small blobs or short strokes on each image, in place.

    ``images`` has shape (n, n_pixels), ``levels`` (n, 1) the grey of each
    image's distractors. Each distractor fits in a 20x20 patch, so only that
    patch is computed.
    """
    n = len(images)
    flat = images.reshape(-1)                               # a view: writes go to images
    local = np.arange(20)
    dx, dy = np.tile(local, 20), np.repeat(local, 20)       # (400,) pixel offsets within a patch
    px = dx.astype(np.float32) - 9.5                        # from the middle of the patch
    py = dy.astype(np.float32) - 9.5
    group = max(1, _CHUNK // 400)
    for _ in range(4):                                      # one distractor per image per pass
        slot_rows = np.flatnonzero(rng.uniform(size=n) < clutter)
        for start in range(0, len(slot_rows), group):
            rows = slot_rows[start:start + group]
            k = len(rows)
            stroke = rng.uniform(size=(k, 1)) < 0.5
            half = np.where(stroke, _uniform(rng, k, 2, 7), np.float32(0))  # half length, pixels
            turn = _uniform(rng, k, 0, 2 * np.pi)
            bx, by = half * np.cos(turn), half * np.sin(turn)  # from the middle to one end
            radius = np.where(stroke, _uniform(rng, k, 0.5, 1.2), _uniform(rng, k, 1.0, 3.0))
            h = np.clip((px * bx + py * by) / (bx * bx + by * by + 1e-6), -1.0, 1.0)
            dist = np.sqrt((px - h * bx) ** 2 + (py - h * by) ** 2) - radius  # to a capsule
            ink = np.clip(0.5 - dist, 0.0, 1.0)             # (k, 400)
            col = rng.integers(-10, size - 10, (k, 1)) + dx  # (k, 400) pixel columns
            row = rng.integers(-10, size - 10, (k, 1)) + dy  # (k, 400) pixel rows
            inside = (col >= 0) & (col < size) & (row >= 0) & (row < size) & (ink > 0)
            index = ((rows[:, None] * size + row) * size + col)[inside]
            level = np.broadcast_to(levels[rows], (k, 400))[inside]
            flat[index] += (level - flat[index]) * ink[inside]


def planes_and_cars(n_samples=1000, *, size=50, noise=0.1, clutter=0.3, seed=0):
    """Generated grayscale pictures of planes (seen from above) and cars (seen from the side).

    These are drawn here, not photographed. Every picture is drawn afresh:
    the object's proportions, pose (turned up to 30 degrees either way, facing
    left or right), size (half to all of the frame) and position vary; three
    in four are filled silhouettes, the others outlines 1.5 to 2.5 pixels
    wide. Object and background get two random grey levels, and a coin decides
    which is the lighter one. Small blobs and strokes in the object's grey
    clutter the background, and pixel noise is added on top.

    So neither the mean brightness nor any single pixel tells the classes
    apart, and a linear model does no better than chance: a weight image that
    picks out dark planes on a light sky scores light planes on a dark sky
    the wrong way round (the XOR problem again). A network with a hidden layer
    learns them; it needs a few thousand pictures to do well.

    Parameters
    ----------
    n_samples : int
        Number of pictures (at least 2); planes and cars get half each.
    size : int
        Height and width of each picture in pixels (at least 16).
    noise : float
        Standard deviation of the Gaussian pixel noise (>= 0).
    clutter : float
        How busy the background is, from 0 (clean) to 1: each of four
        distractors (a blob or a short stroke) appears with this probability.
    seed : int, np.random.Generator or None
        Source of randomness: the same int gives the same data.

    Returns
    -------
    X : ndarray, shape (n_samples, size, size), float64
        Pixel values in [0, 1]. Flatten for a network: ``X.reshape(len(X), -1)``.
    y : ndarray, shape (n_samples,), int64
        1 for a plane, 0 for a car; the order is shuffled.
    """
    n_samples = _check_n_samples(n_samples, 2, " (one plane and one car)")
    size = check_number(size, "size", integer=True)
    if size < 16:
        raise ValueError(f"size must be at least 16 pixels to draw a recognisable object, got size={size}.")
    noise = check_number(noise, "noise", allow_zero=True)
    clutter = check_number(clutter, "clutter", allow_zero=True)
    if clutter > 1:
        raise ValueError(f"clutter is a probability and must lie between 0 and 1, got clutter={clutter!r}.")
    rng = _make_rng(seed)
    y = _two_class_labels(n_samples, rng)
    n_pixels = size * size
    centres = np.arange(size, dtype=np.float32) + 0.5 - size / 2
    gx = np.tile(centres, size)                            # (n_pixels,) x to the right
    gy = np.repeat(-centres, size)                         # (n_pixels,) y upwards

    # Brightness: two random grey levels at least 0.3 apart; a fair coin decides
    # whether the object gets the lighter or the darker one, the same for both
    # classes, so overall brightness says nothing about the class.
    dark = rng.uniform(0.0, 0.7, (n_samples, 1))
    light = dark + 0.3 + (0.7 - dark) * rng.uniform(size=(n_samples, 1))
    object_is_light = rng.uniform(size=(n_samples, 1)) < 0.5
    foreground = np.where(object_is_light, light, dark)    # (n_samples, 1)
    background = np.where(object_is_light, dark, light)    # (n_samples, 1)

    # Draw a dozen or so pictures at a time (see _CHUNK).
    chunk = max(1, _CHUNK // n_pixels)
    X = np.empty((n_samples, n_pixels))                    # (n_samples, n_pixels)
    for label in (1, 0):
        label_rows = np.flatnonzero(y == label)
        for start in range(0, len(label_rows), chunk):
            rows = label_rows[start:start + chunk]
            ink = _draw_objects(rng, len(rows), label == 1, gx, gy, size)  # (len(rows), n_pixels)
            X[rows] = background[rows] + (foreground[rows] - background[rows]) * ink
    clutter_level = np.clip(foreground + rng.uniform(-0.15, 0.15, (n_samples, 1)), 0.0, 1.0)
    _draw_clutter(rng, X, size, clutter, clutter_level)
    for start in range(0, n_samples, chunk):
        part = X[start:start + chunk]                      # a view into X
        if noise > 0:
            part += noise * rng.standard_normal(part.shape, dtype=np.float32)
        np.clip(part, 0.0, 1.0, out=part)
    return X.reshape(n_samples, size, size), y
