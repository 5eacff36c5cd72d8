"""Tests of dlcore._checks: the input checks behind every public entry point."""

import numpy as np
import pytest

from dlcore._checks import check_batch_size, check_lr, check_number, check_X, check_y, lookup

REGISTRY = {"sigmoid": 1, "relu": 2, "leaky_relu": 3, "tanh": 4}


# --- lookup ----------------------------------------------------------------

def test_lookup_returns_the_registered_object():
    assert lookup("tanh", REGISTRY, "activation") == 4


def test_lookup_ignores_case_hyphens_and_spaces():
    assert lookup("Leaky-ReLU", REGISTRY, "activation") == 3
    assert lookup("leaky relu", REGISTRY, "activation") == 3


def test_lookup_suggests_the_closest_name_and_lists_the_known_ones():
    with pytest.raises(ValueError, match=r"Unknown activation 'sigmod'\. Did you mean 'sigmoid'\?") as err:
        lookup("sigmod", REGISTRY, "activation")
    assert "leaky_relu, relu, sigmoid, tanh" in str(err.value)


def test_lookup_makes_no_suggestion_when_nothing_is_close():
    with pytest.raises(ValueError, match="Unknown activation 'xyzzy'") as err:
        lookup("xyzzy", REGISTRY, "activation")
    assert "Did you mean" not in str(err.value)


def test_lookup_of_a_non_string_is_a_type_error_that_lists_the_names():
    with pytest.raises(TypeError, match=r"must be given by name \(a string\).*Known activations: leaky_relu"):
        lookup(np.tanh, REGISTRY, "activation")


# --- check_number, check_lr ---------------------------------------------------

def test_check_number_returns_a_python_float_or_int():
    assert check_number(np.float32(0.5), "lr") == 0.5 and type(check_number(np.float32(0.5), "lr")) is float
    assert check_number(np.int64(32), "batch_size", integer=True) == 32
    assert type(check_number(32.0, "batch_size", integer=True)) is int


@pytest.mark.parametrize("value", ["0.1", None, [0.1], True])
def test_check_number_rejects_non_numbers_with_a_type_error(value):
    with pytest.raises(TypeError, match="must be a number"):
        check_number(value, "lr")


def test_check_number_rejects_a_fraction_where_a_whole_number_is_needed():
    with pytest.raises(TypeError, match=r"must be a whole number, got 2\.5\. Use e\.g\. batch_size=2"):
        check_number(2.5, "batch_size", integer=True)


@pytest.mark.parametrize("value", [np.nan, np.inf, -np.inf])
def test_check_number_rejects_nan_and_infinity(value):
    with pytest.raises(ValueError, match="must be a finite number"):
        check_number(value, "lr")


def test_check_number_positive_rejects_zero_unless_allowed():
    with pytest.raises(ValueError, match="must be greater than 0, got 0"):
        check_number(0, "epochs")
    assert check_number(0, "momentum", allow_zero=True) == 0.0
    with pytest.raises(ValueError, match="must be at least 0, got -0.5"):
        check_number(-0.5, "momentum", allow_zero=True)
    assert check_number(-3, "offset", positive=False) == -3.0


@pytest.mark.parametrize("lr", [0, 0.0, -0.1])
def test_check_lr_rejects_zero_and_negative_rates_and_gives_typical_values(lr):
    with pytest.raises(ValueError, match=r"greater than 0.*Typical values are 0\.01 to 1"):
        check_lr(lr)


# --- check_X ------------------------------------------------------------------

def test_check_X_passes_a_float64_matrix_through_without_copying():
    X = np.ones((3, 2))
    assert check_X(X, n_features=2) is X
    assert check_X(X, n_features=2, dtype=np.float64) is X


def test_check_X_converts_lists_and_to_the_requested_dtype():
    X = check_X([[1.0, 2.0], [3.0, 4.0]], dtype=np.float32)
    assert X.dtype == np.float32 and X.shape == (2, 2)


def test_check_X_explains_a_one_dimensional_array():
    with pytest.raises(ValueError, match=r"got a 1-D array of shape \(3,\).*X\.reshape\(1, -1\).*X\.reshape\(-1, 1\)"):
        check_X(np.ones(3))


def test_check_X_explains_images_and_counts_the_flattened_columns():
    with pytest.raises(ValueError, match=r"X\.shape=\(4, 5, 6\).*X\.reshape\(len\(X\), -1\) gives 30 columns"):
        check_X(np.ones((4, 5, 6)), n_features=30)


def test_check_X_names_the_caller_in_the_message():
    with pytest.raises(ValueError, match=r"^Dense\(n_in=3\) expects X with 3 columns"):
        check_X(np.ones((5, 2)), n_features=3, where="Dense(n_in=3)")


def test_check_X_suggests_transposing_when_rows_look_like_features():
    with pytest.raises(ValueError, match=r"Rows must be samples: if each column of X is a sample, use X\.T\."):
        check_X(np.ones((2, 50)), n_features=2)


def test_check_X_does_not_suggest_transposing_an_unrelated_shape():
    with pytest.raises(ValueError, match="with 2 columns") as err:
        check_X(np.ones((7, 3)), n_features=2)
    assert ".T" not in str(err.value)


def test_check_X_rejects_a_single_number_and_an_empty_matrix():
    with pytest.raises(ValueError, match="got a single number"):
        check_X(np.float64(3.0))
    with pytest.raises(ValueError, match=r"at least one sample, got an empty X of shape \(0, 2\)"):
        check_X(np.ones((0, 2)))


def test_check_X_reports_how_many_values_are_not_finite_and_where():
    X = np.zeros((6, 2))
    X[1, 0], X[4, 1], X[4, 0] = np.nan, np.inf, -np.inf
    with pytest.raises(ValueError, match=r"X contains 3 NaN or infinite value\(s\) \(first rows: \[1, 4\]\)"):
        check_X(X)


@pytest.mark.parametrize("dtype, huge", [(np.float64, 1e200), (np.float32, 1e30)])
def test_check_X_accepts_huge_finite_values_whose_squares_overflow(dtype, huge):
    # the quick test (a finite sum of squares) fails here, and the value-by-value test must decide
    X = np.array([[huge, -huge], [0.0, 1.0]], dtype=dtype)
    with np.errstate(over="ignore"):
        assert not np.isfinite(np.vdot(X, X))
    assert check_X(X) is X


@pytest.mark.parametrize("bad", [np.nan, np.inf, -np.inf])
@pytest.mark.parametrize("dtype", [np.float64, np.float32])
def test_check_X_finds_a_single_bad_value_among_many(bad, dtype):
    X = np.random.default_rng(0).random((100, 250)).astype(dtype)
    X[73, 201] = bad
    with pytest.raises(ValueError, match=r"X contains 1 NaN or infinite value\(s\) \(first rows: \[73\]\)"):
        check_X(X)


@pytest.mark.parametrize(
    "X, exc, phrase",
    [
        (np.ones((3, 2), dtype=np.int64), TypeError, r"integer dtype int64.*X\.astype\(float\)"),
        (np.ones((3, 2), dtype=np.uint8), TypeError, r"divide by 255"),
        (np.ones((3, 2), dtype=bool), TypeError, r"got booleans\. Use X\.astype\(float\)"),
        (np.array([["a", "b"]]), TypeError, r"to hold numbers, got dtype <U1"),
        (np.ones((3, 2), dtype=complex), TypeError, r"real numbers, got complex"),
    ],
    ids=["int64", "uint8", "bool", "text", "complex"],
)
def test_check_X_rejects_non_float_dtypes_with_the_conversion_to_use(X, exc, phrase):
    with pytest.raises(exc, match=phrase):
        check_X(X)


def test_check_X_mentions_255_only_for_uint8():
    with pytest.raises(TypeError) as err:
        check_X(np.ones((3, 2), dtype=np.int32))
    assert "255" not in str(err.value)


# --- check_y ------------------------------------------------------------------

def test_check_y_returns_int64_labels_from_ints_whole_floats_bools_and_columns():
    np.testing.assert_array_equal(check_y([0, 2, 1]), [0, 2, 1])
    assert check_y(np.array([0.0, 1.0])).dtype == np.int64
    np.testing.assert_array_equal(check_y(np.array([True, False])), [1, 0])
    out = check_y(np.array([[1], [0], [1]]))
    assert out.shape == (3,) and out.dtype == np.int64


def test_check_y_recognises_one_hot_rows_and_says_how_to_convert():
    with pytest.raises(ValueError, match=r"looks one-hot encoded\. Convert with dlcore\.to_labels\(y\)"):
        check_y(np.eye(3))


def test_check_y_requires_one_label_per_sample():
    with pytest.raises(ValueError, match=r"got 5 samples in X and 4 labels in y.*split and shuffled together"):
        check_y(np.zeros(4), n_samples=5)


def test_check_y_rejects_fractional_labels_and_points_to_mse():
    with pytest.raises(ValueError, match=r"whole numbers.*\[0\.5\].*'mse' cost"):
        check_y([0.0, 0.5, 1.0])


def test_check_y_rejects_nan_labels():
    with pytest.raises(ValueError, match="NaN or infinite"):
        check_y([0.0, np.nan])


def test_check_y_rejects_labels_outside_the_classes_and_says_how_to_relabel():
    with pytest.raises(ValueError, match=r"must lie in 0\.\.2.*values from 0 to 3.*np\.unique\(y, return_inverse=True\)"):
        check_y([0, 3, 1], n_classes=3)
    with pytest.raises(ValueError, match=r"must lie in 0 or more"):
        check_y([-1, 1])


@pytest.mark.parametrize("labels", [[-1, 0, 2], [0, 2, -2**63], [0, 3], [2**62, 0]])
def test_check_y_range_check_catches_both_ends(labels):
    # one unsigned max() does the range check: negative labels must not slip through it
    with pytest.raises(ValueError, match=r"must lie in 0\.\.2"):
        check_y(labels, n_classes=3)


def test_check_y_accepts_labels_up_to_the_last_class():
    np.testing.assert_array_equal(check_y([2, 0, 1, 2], n_classes=3), [2, 0, 1, 2])
    np.testing.assert_array_equal(check_y([0, 2**62]), [0, 2**62])
    with pytest.raises(ValueError, match=r"0 or more.*from -9223372036854775808"):
        check_y([0, -2**63])


def test_check_y_rejects_text_labels_and_says_how_to_number_them():
    with pytest.raises(TypeError, match=r"got text labels such as .*cat.*np\.unique\(y, return_inverse=True\)"):
        check_y(["dog", "cat", "dog"])


def test_check_y_rejects_empty_labels_and_three_dimensional_arrays():
    with pytest.raises(ValueError, match="empty"):
        check_y(np.array([], dtype=np.int64))
    with pytest.raises(ValueError, match=r"shape \(n_samples,\), got shape \(2, 2, 2\)"):
        check_y(np.zeros((2, 2, 2)))


# --- check_batch_size ---------------------------------------------------------

def test_check_batch_size_accepts_one_to_n_samples():
    assert check_batch_size(1, 10) == 1
    assert check_batch_size(10, 10) == 10
    with pytest.raises(ValueError, match=r"larger than the 10 training samples.*batch_size=10 \(that is full-batch"):
        check_batch_size(11, 10)


# --- learner mistakes found while reviewing dlcore ---

def test_check_y_shows_text_labels_as_plain_strings():
    with pytest.raises(TypeError, match=r"text labels such as 'cat', 'dog'\."):
        check_y(np.array(["dog", "cat", "dog"]))
