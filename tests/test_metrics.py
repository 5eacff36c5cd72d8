"""dlcore.metrics: the confusion matrix and the list of mistakes."""

import numpy as np
import pytest

from dlcore.metrics import confusion_matrix, mistakes


def test_confusion_matrix_counts_true_classes_by_row_and_answers_by_column():
    y_true = [0, 0, 0, 1, 1, 2]
    y_pred = [0, 1, 0, 1, 2, 2]
    # true 0: answered 0 twice, 1 once; true 1: 1 once, 2 once; true 2: 2 once
    np.testing.assert_array_equal(confusion_matrix(y_true, y_pred), [[2, 1, 0],
                                                                     [0, 1, 1],
                                                                     [0, 0, 1]])


def test_confusion_matrix_rows_add_up_to_the_class_sizes_and_the_diagonal_to_the_right_answers():
    rng = np.random.default_rng(0)
    y_true = rng.integers(0, 4, 500)
    y_pred = np.where(rng.uniform(size=500) < 0.7, y_true, rng.integers(0, 4, 500))
    matrix = confusion_matrix(y_true, y_pred)
    np.testing.assert_array_equal(matrix.sum(axis=1), np.bincount(y_true, minlength=4))
    assert np.trace(matrix) == np.sum(y_true == y_pred)


def test_confusion_matrix_n_classes_keeps_classes_that_never_occur():
    matrix = confusion_matrix([0, 1], [1, 1], n_classes=3)
    assert matrix.shape == (3, 3)
    np.testing.assert_array_equal(matrix, [[0, 1, 0], [0, 1, 0], [0, 0, 0]])


def test_mistakes_lists_the_wrong_answers_in_order():
    np.testing.assert_array_equal(mistakes([0, 1, 1, 0, 2], [0, 0, 1, 1, 2]), [1, 3])
    assert mistakes([1, 1], [1, 1]).size == 0


@pytest.mark.parametrize(
    "y_true, y_pred, kwargs, match",
    [
        ([0, 1], [0.2, 0.9], {}, "Use the labels, not the probabilities"),
        ([0, 1, 1], [0, 1], {}, "one label per sample"),
        ([[0, 1]], [[0, 1]], {}, "1-D array of class labels"),
        ([0, 3], [0, 1], {"n_classes": 2}, "n_classes=2 allows only 0 to 1"),
        ([0, -1], [0, 1], {}, "not negative"),
    ],
)
def test_confusion_matrix_explains_bad_input(y_true, y_pred, kwargs, match):
    with pytest.raises(ValueError, match=match):
        confusion_matrix(y_true, y_pred, **kwargs)
