"""Check an exercise's answer on the spot: "correct", or a hint for the typical mistake.

An exercise whose answer is a value ends with a line the reader runs::

    check("2.4", n_digits)

and sees ``✓ Exercise 2.4: correct.`` or, for instance,
``✗ Exercise 2.4: 2500 is the number of pixels, not of digits. ...``.
Each exercise's answer lives in :data:`ANSWERS` with the hints for the
mistakes readers typically make; :func:`check` also catches what goes wrong
with any answer (nothing filled in yet, the wrong shape, a transposed array, a
sign error, NaN).
"""

import numbers
import textwrap

import numpy as np


class Answer:
    """The answer to one exercise, with hints for its typical mistakes.

    Parameters
    ----------
    value : number, array-like, or str
        The right answer.
    rtol, atol : float
        How close a number must be to count as right (as in ``np.isclose``).
    mistakes : sequence of (value, hint)
        Wrong answers readers typically give, each with what to tell them.
    hint : str, optional
        Said when the answer is wrong in no recognised way.
    """

    def __init__(self, value, *, rtol=1e-6, atol=0.0, mistakes=(), hint="Look at the exercise's steps again."):
        self.value = value
        self.rtol, self.atol = rtol, atol
        self.mistakes = list(mistakes)
        self.hint = hint

    def _matches(self, answer, value):
        if isinstance(value, str) or isinstance(answer, str):
            return isinstance(answer, str) and isinstance(value, str) and answer.strip().lower() == value.strip().lower()
        if _is_whole(answer) and _is_whole(value):
            return int(answer) == int(value)              # exact, however many digits
        try:
            answer, value = np.asarray(answer, dtype=float), np.asarray(value, dtype=float)
        except (TypeError, ValueError, OverflowError):
            return False
        return answer.shape == value.shape and bool(np.allclose(answer, value, rtol=self.rtol, atol=self.atol))

    def judge(self, answer):
        """``(correct, message)`` for ``answer``."""
        if answer is None or answer is Ellipsis or (
                isinstance(answer, tuple) and any(part is None or part is Ellipsis for part in answer)):
            return False, "no answer yet: replace the ... with yours and run the cell again."
        if self._matches(answer, self.value):
            return True, "correct."
        for wrong, hint in self.mistakes:
            if self._matches(answer, wrong):
                return False, hint
        return False, self._general_hint(answer)

    def _general_hint(self, answer):
        value = self.value
        if isinstance(value, str):
            return f"the answer is a word or a short phrase; got {answer!r}. {self.hint}"
        if isinstance(answer, str) or not _is_numeric(answer):
            kind = "a number" if np.ndim(value) == 0 else f"an array of shape {np.shape(value)}"
            return f"the answer is {kind}, got {type(answer).__name__} {answer!r}. Give the value itself."
        try:
            got, want = np.asarray(answer, dtype=float), np.asarray(value, dtype=float)
        except OverflowError:
            return f"that number is far too large. {self.hint}"
        if np.isnan(got).any():
            return "your answer contains NaN: a step divided 0 by 0 or took the logarithm of a negative number."
        if got.shape != want.shape:
            if got.shape == want.shape[::-1] and got.ndim == 2:
                return (f"the shape is {got.shape}, transposed: the answer has shape {want.shape} "
                        "(rows are samples). Try answer.T.")
            if got.size == want.size:
                return f"the numbers may be right but the shape is {got.shape}; the answer has shape {want.shape}."
            return f"the answer has shape {want.shape}, got shape {got.shape}."
        if np.allclose(-got, want, rtol=self.rtol, atol=self.atol):
            return "the sign is wrong: check the direction of a subtraction."
        if self.rtol > 0 and want.ndim == 0 and want != 0 and abs(float(got) / float(want) - 1) < 0.05:
            return f"close, but not within the tolerance (relative {self.rtol:g}): check a rounding step. {self.hint}"
        return f"not yet. {self.hint}"


def _is_whole(x):
    return isinstance(x, (int, np.integer)) and not isinstance(x, bool)


def _is_numeric(answer):
    if isinstance(answer, (numbers.Number, np.number)) and not isinstance(answer, bool):
        return True
    try:
        return np.asarray(answer).dtype.kind in "iuf"
    except (TypeError, ValueError):
        return False


class Verdict:
    """What :func:`check` says; true when the answer is right. Shown as one line."""

    def __init__(self, exercise, correct, message):
        self.exercise, self.correct, self.message = exercise, correct, message

    def __bool__(self):
        return self.correct

    def __repr__(self):
        # wrapped to fit a notebook's and the book's code box
        return textwrap.fill(f"{'✓' if self.correct else '✗'} Exercise {self.exercise}: {self.message}",
                             width=78, subsequent_indent="  ")


#: The answers of the exercises whose answer is a value, by "chapter.exercise".
ANSWERS = {
    "2.4": Answer(
        753, rtol=0, atol=0,
        mistakes=[
            (2500, "2500 is the number of pixels, not of digits. The grid has 2**2500 points: count the digits "
                   "of that number, e.g. len(str(2 ** 2500))."),
            (2 ** 2500, "that is the number of points itself; the question asks how many digits it has: "
                        "len(str(2 ** 2500))."),
            (752, "one short: a number between 10**752 and 10**753 has 753 digits."),
        ],
        hint="The grid has 2**2500 points; count the digits of that number.",
    ),
    "3.1": Answer(
        (16, 10),
        mistakes=[((10, 16), "you swapped them: f(g(3)) applies g first (3 + 1 = 4), then f (4² = 16).")],
        hint="f(g(3)): first g(3) = 3 + 1, then f of that.",
    ),
    "5.1": Answer(
        -1.5, rtol=1e-9,
        mistakes=[(1.0, "you forgot the bias: z = w·x + b, and b = -2.5."),
                  (3.5, "the bias is -2.5: it is added with its sign, so z = 3 - 2 - 2.5."),
                  (-7.5, "each weight multiplies its own input: w₁·x₁ = 3 · 1 and w₂·x₂ = 1 · (-2).")],
        hint="z = w₁·x₁ + w₂·x₂ + b.",
    ),
    "5.2": Answer(
        43,
        mistakes=[(35, "you counted the weights only: each neuron also has a bias (5 + 3 of them)."),
                  (8, "that is the number of biases; add the weights 4·5 + 5·3.")],
        hint="Weights 4·5 + 5·3, plus one bias per neuron.",
    ),
    # Chapter 6 (answers of chapter 6 go below this line)
    # Chapter 7 (answers of chapter 7 go below this line)
    # Chapter 8 (answers of chapter 8 go below this line)
    # Chapter 9 (answers of chapter 9 go below this line)
    # Chapter 10 (answers of chapter 10 go below this line)
}


def check(exercise, answer):
    """Say whether ``answer`` to ``exercise`` (e.g. ``"2.4"``) is right, with a hint if it is not.

    Returns
    -------
    Verdict
        Shown as one line; ``bool(verdict)`` is True when the answer is right.
    """
    key = str(exercise)
    if key not in ANSWERS:
        known = ", ".join(sorted(ANSWERS, key=lambda k: tuple(int(p) for p in k.split("."))))
        raise ValueError(f"No answer is stored for exercise {exercise!r}. Exercises with a check: {known}.")
    correct, message = ANSWERS[key].judge(answer)
    return Verdict(key, correct, message)
