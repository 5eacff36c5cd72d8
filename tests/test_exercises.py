"""dlcore.exercises: each check accepts the worked solution and names each typical mistake."""

import numpy as np
import pytest

from dlcore import Network
from dlcore.exercises import ANSWERS, Answer, check


def test_every_stored_answer_is_accepted_as_the_chapter_computes_it():
    # the worked solutions, computed here the way the chapters compute them
    f, g = (lambda x: x ** 2), (lambda x: x + 1)
    solutions = {
        "2.4": len(str(2 ** 2500)),
        "3.1": (f(g(3)), g(f(3))),
        "5.1": 1.0 * 3.0 + (-2.0) * 1.0 - 2.5,
        "5.2": Network.from_sizes([4, 5, 3], seed=0).n_params,
    }
    assert set(solutions) == set(ANSWERS)
    for exercise, value in solutions.items():
        verdict = check(exercise, value)
        assert verdict and repr(verdict) == f"✓ Exercise {exercise}: correct."


@pytest.mark.parametrize("exercise, wrong, phrase", [
    ("2.4", 2500, "number of pixels, not of digits"),
    ("2.4", 2 ** 2500, "the number of points itself"),
    ("2.4", 752, "one short"),
    ("3.1", (10, 16), "you swapped them"),
    ("5.1", 1.0, "forgot the bias"),
    ("5.1", 1.5, "the sign is wrong"),
    ("5.1", 3.5, "added with its sign"),
    ("5.1", -7.5, "each weight multiplies its own input"),
    ("5.2", 35, "weights only"),
    ("5.2", 8, "number of biases"),
])
def test_each_typical_mistake_gets_its_own_hint(exercise, wrong, phrase):
    verdict = check(exercise, wrong)
    assert not verdict
    text = " ".join(repr(verdict).split())                    # wrapped to 78 characters a line
    assert repr(verdict).startswith(f"✗ Exercise {exercise}: ") and phrase in text
    assert max(len(line) for line in repr(verdict).splitlines()) <= 78


@pytest.mark.parametrize("answer, phrase", [
    (None, "no answer yet"),
    (..., "no answer yet"),
    ((..., ...), "no answer yet"),
    ("seven hundred", "the answer is a number, got str"),
    (float("nan"), "contains NaN"),
    (751, "not yet. The grid has 2**2500 points"),
])
def test_what_goes_wrong_with_any_answer_is_named(answer, phrase):
    assert phrase in " ".join(repr(check("2.4", answer)).split())


def test_shapes_transposed_and_reshaped_answers_are_told_apart():
    answer = Answer(np.arange(6.0).reshape(2, 3))
    assert "transposed" in answer.judge(np.arange(6.0).reshape(3, 2))[1]
    assert "the numbers may be right but the shape is (6,)" in answer.judge(np.arange(6.0))[1]
    assert "shape (2, 3), got shape (4,)" in answer.judge(np.zeros(4))[1]
    assert answer.judge(np.arange(6.0).reshape(2, 3) * (1 + 1e-9))[0]


def test_a_close_answer_is_told_it_is_close():
    assert "close, but not within the tolerance" in Answer(3.14159, rtol=1e-6).judge(3.14)[1]


def test_an_exercise_without_a_check_is_an_error_that_lists_those_with_one():
    with pytest.raises(ValueError, match=r"No answer is stored for exercise '9\.9'.*2\.4, 3\.1, 5\.1, 5\.2"):
        check("9.9", 1)
