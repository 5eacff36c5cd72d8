"""dlcore.exercises: each check accepts the worked solution and names each typical mistake."""

import numpy as np
import pytest

from dlcore import datasets
from dlcore.exercises import ANSWERS, Answer, check


def test_every_stored_answer_is_accepted_as_the_chapter_computes_it():
    # the worked solutions, computed here the way the chapters compute them
    f, g = (lambda x: x ** 2), (lambda x: x + 1)
    x8, y8 = datasets.function_samples(np.square, 8, noise=0.3, seed=0)       # chapter 2's eight examples
    solutions = {
        "1.1": (100_000 - 10_000) // (10_000 - 1_000),                   # the line on GDP: 90,000 / 9,000
        "1.2": 0.5,                                                       # both rings folded onto one value
        "1.4": 0.25,                                                      # half of the inner half: predicted
        "2.4": float(np.mean(y8)),                                        # the vertex of the cost parabola
        "4.3": int(np.ceil(70 / (0.1 * (3 ** 2 + 4 ** 2 + 1)))),          # z = 70 falls by 2.6 per update
        "3.1": (f(g(3)), g(f(3))),
        "3.3": (4 / 16) ** 2 / 4 / 4,                                     # chord gap h²/4, then / 4
        "5.1": 2 * 2,                                                     # tanh(x) = 2·σ(2x) - 1
        "5.3": float(1 / (1 + np.exp(-(1 / (1 + np.exp(-0.5)) - 1 / (1 + np.exp(0.5)) - 0.5)))),
        "5.5": 1 / (1 + 4 ** 2),                                          # e^z = 4, σ(-2z)
        "5.2": tuple(int(0.5 <= x1 + x2 < 1.5) for x1, x2 in [(0.3, 0.3), (0.9, 0.9), (2, -1)]),
        "5.4": tuple(sorted(-b / w for w, b in [(1.0, -1.0), (-2.0, 1.0), (0.5, 1.0)])),   # w·x + b = 0
    }
    assert set(solutions) == {key for key in ANSWERS if int(key.split(".")[0]) <= 5}   # chapters 6-10 test their own
    for exercise, value in solutions.items():
        verdict = check(exercise, value)
        assert verdict and repr(verdict) == f"✓ Exercise {exercise}: correct."


@pytest.mark.parametrize("exercise, wrong, phrase", [
    ("1.1", 1, "equal rises belong to the line on log10 GDP"),
    ("1.1", 9, "9,000 dollars is the first step"),
    ("1.2", 1.0, "both lie about 0.25 from 0.75"),
    ("1.4", 0.5, "half of a half"),
    ("1.4", 54, "the number of wrong labels"),
    ("2.4", 3.02, "the median of the y's"),
    ("2.4", 2.15, "the outputs without noise"),
    ("2.4", 1.5, "the constant tried in section 2.2"),
    ("4.3", 26, "one more update"),
    ("4.3", 3, "what η = 1 would need"),
    ("3.1", (10, 16), "you swapped them"),
    ("3.3", 0.0156, "the gap between s² and its chord"),
    ("5.1", 2, "only one factor 2"),
    ("5.3", 0.622, "the step's hidden values"),
    ("5.5", 0.2, "that is what -1 gives"),
    ("5.2", (0, 0, 1), "you rounded the inputs to bits"),
    ("5.2", (1, 1, 1), "the AND neuron h₂ fires too"),
    ("5.2", (0, 0, 0), "the OR neuron h₁ fires"),
    ("5.4", (1.0, 0.5, -2.0), "from left to right"),
    ("5.4", (-1.0, -0.5, 2.0), "a sign slipped"),
    ("5.4", (-2.0, -1.0, 0.5), "you divided w by b"),
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
    ("two", "the answer is a number, got str"),
    (float("nan"), "contains NaN"),
    (0.0, "not yet. The cost c² - 2·(average of y)·c"),
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
    with pytest.raises(ValueError, match=r"No answer is stored for exercise '9\.9'.*1\.1, 1\.2, 1\.4, 2\.4, 3\.1"):
        check("9.9", 1)
