"""Check an exercise's answer on the spot: "correct", or a hint for the typical mistake.

An exercise whose answer is a value ends with a line the reader runs::

    check("2.4", best_c)

and sees ``✓ Exercise 2.4: correct.`` or, for instance,
``✗ Exercise 2.4: that is the median of the y's, the middle value; ...``.
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
    "1.1": Answer(
        10, rtol=0, atol=0,
        mistakes=[
            (1, "equal rises belong to the line on log10 GDP (3 -> 4 -> 5 are equal steps). The line on GDP "
                "itself rises in proportion to the dollars added: 9,000 first, then 90,000."),
            (9, "9,000 dollars is the first step; the question asks how many times larger the second rise is: "
                "90,000 / 9,000."),
            (100, "the rise is proportional to the dollars added (90,000 against 9,000), not to their squares."),
        ],
        hint="A straight line y = s·x + c rises by s times the change of x: compare the two changes of GDP.",
    ),
    "1.2": Answer(
        0.5, rtol=0, atol=0.1,
        mistakes=[
            (1.0, "that is what r or r² gets. Where do the two rings land on (r - 0.75)²? The inner one "
                  "(r near 0.5) and the outer one (r near 1) both lie about 0.25 from 0.75."),
            (0.75, "about three quarters is what x₁² alone gets. Compute (r - 0.75)² for r = 0.5 and r = 1."),
        ],
        hint="Compute (r - 0.75)² for the inner ring (r near 0.5) and the outer ring (r near 1).",
    ),
    "1.4": Answer(
        0.26, rtol=0, atol=0.015,   # a quarter predicted, 27% in the 200 points drawn
        mistakes=[
            (0.5, "half of the inner points get the wrong label, but the inner ring is only half of the "
                  "data: half of a half."),
            (54, "54 is the number of wrong labels; the question asks for the fraction of the 200."),
            (0.125, "only inner points are relabelled, and about half of them have x₁ > 0: half of 100 "
                    "points out of 200."),
        ],
        hint="Half of the points are inner; the angle is random, so about half of those have x₁ > 0.",
    ),
    "2.4": Answer(
        2.3265, rtol=0, atol=0.01,
        mistakes=[
            (3.0217, "that is the median of the y's, the middle value; the squared misses are smallest "
                     "at the average."),
            (2.1455, "that is the average of x², the outputs without noise; the cost compares c with the "
                     "noisy outputs y8."),
            (1.7124, "halfway between the smallest and the largest y makes the largest miss small, not the "
                     "mean squared miss."),
            (1.5, "1.5 is the constant tried in section 2.2, not the best one."),
        ],
        hint="The cost c² - 2·(average of y)·c + (average of y²) is a parabola in c: where is its vertex?",
    ),
    "3.1": Answer(
        (16, 10),
        mistakes=[((10, 16), "you swapped them: f(g(3)) applies g first (3 + 1 = 4), then f (4² = 16).")],
        hint="f(g(3)): first g(3) = 3 + 1, then f of that.",
    ),
    "3.3": Answer(
        0.25 ** 2 / 16, rtol=0, atol=0.0008,   # h²/4 for the square, a quarter of that for the product
        mistakes=[
            (0.25 ** 2 / 4, "that is the gap between s² and its chord, the square's error band; the product "
                            "subtracts two such errors and divides by 4."),
            (0.25 ** 2, "h² is four times the chord gap: the rule is h²/4, and the product divides by 4 again."),
            (0.25, "that is the stretch length h = 4 / 16; the chord gap is h²/4."),
        ],
        hint="h = 4 / 16 = 0.25; the square's error stays within a band h²/4 wide, and the product divides "
             "the difference of two such errors by 4.",
    ),
    "4.3": Answer(
        27, rtol=0, atol=0,
        mistakes=[
            (26, "after 26 updates z = 70 - 26 · 2.6 = 2.4 is still at least 0, so the answer is still 1: "
                 "one more update."),
            (3, "3 updates is what η = 1 would need (each lowers z by 26); with η = 0.1 each lowers it by 2.6."),
            (28, "one too many: after 27 updates z = 70 - 27 · 2.6 = -0.2 is already below 0."),
        ],
        hint="Each update lowers z for this example by η·(x₁² + x₂² + 1) = 0.1 · 26 = 2.6, starting from 70.",
    ),
    "5.1": Answer(
        4,
        mistakes=[
            (2, "only one factor 2: in tanh(x) = 2·σ(2x) - 1 the 2 in front doubles every rise, and the 2 "
                "inside makes x run through σ twice as fast: 2 · 2."),
            (0.25, "that is the sigmoid's slope divided by the tanh's; the question asks how many times "
                   "steeper the tanh is."),
            (1, "1 is the tanh's slope at 0 itself; the question asks for it divided by the sigmoid's."),
        ],
        hint="tanh(x) = 2·σ(2x) - 1: count the factors of 2 that multiply the slope.",
    ),
    "5.2": Answer(
        (1, 0, 1),
        mistakes=[((0, 0, 1), "you rounded the inputs to bits first (0.9 to 1, 0.3 to 0). The network does not "
                              "round: h₁ and h₂ see only the sum x₁ + x₂."),
                  ((1, 1, 1), "at (0.9, 0.9) the sum x₁ + x₂ = 1.8 is past 1.5, so the AND neuron h₂ fires too, "
                              "and the output is step(1 - 1 - 0.5) = 0."),
                  ((0, 0, 0), "at (0.3, 0.3) the sum x₁ + x₂ = 0.6 is past 0.5, so the OR neuron h₁ fires and "
                              "h₂ does not: the output is step(1 - 0 - 0.5) = 1.")],
        hint="Compute s = x₁ + x₂ for each input: h₁ = 1 when s ≥ 0.5, h₂ = 1 when s ≥ 1.5.",
    ),
    "5.3": Answer(
        0.43657320645327247, rtol=0, atol=0.003,   # σ(σ(0.5) - σ(-0.5) - 0.5)
        mistakes=[
            (0.6225, "you used the step's hidden values h₁ = 1, h₂ = 0; with sigmoids they are σ(0.5) = 0.622 "
                     "and σ(-0.5) = 0.378."),
            (0.9918, "that is the output with every weight times 10 (section 5.7); with scale 1 the sums "
                     "are ten times smaller."),
            (0.5634, "a sign slipped: the output neuron's sum is h₁ - h₂ - 0.5 = -0.256, below 0."),
        ],
        hint="h₁ = σ(0.5), h₂ = σ(-0.5), then y = σ(h₁ - h₂ - 0.5).",
    ),
    "5.4": Answer(
        (-2.0, 0.5, 1.0), rtol=1e-9,
        mistakes=[((1.0, 0.5, -2.0), "the right kinks, but give them from left to right: the smallest first."),
                  ((-1.0, -0.5, 2.0), "a sign slipped: the kink is where w·x + b = 0, that is at x = -b/w."),
                  ((-2.0, -1.0, 0.5), "you divided w by b; the kink is where w·x + b = 0, at x = -b/w.")],
        hint="Neuron j bends where w_j·x + b_j = 0: solve for x for each of the three.",
    ),
    "5.5": Answer(
        1 / 17, rtol=0, atol=0.002,
        mistakes=[
            (0.2, "that is what -1 gives; -2 also doubles the sum, which sharpens the edge: σ(-2z), "
                  "not σ(-z)."),
            (16 / 17, "the sign: the new sum is -2z, so the answer is σ(-2z) = 1 / (1 + e^(2z)), below 0.5."),
            (0.04, "σ(-2z) is not σ(-z)²: work out e^(-z) from σ(z) = 0.8, then 1 / (1 + e^(2z))."),
        ],
        hint="σ(z) = 0.8 gives e^(-z) = 0.25, so e^z = 4; the new neuron answers σ(-2z) = 1 / (1 + e^(2z)).",
    ),
    # Chapter 6 (answers of chapter 6 go below this line)
    "6.1": Answer(
        0.5623351446188083, rtol=2e-3,
        mistakes=[(0.2876820724517809, "that is the cost of one plane, -ln 0.75; the car costs -ln(1 - 0.75) = "
                                       "-ln 0.25 = 1.386, and the answer is the average of all four."),
                  (1.3862943611198906, "that is the car's cost alone; average it with the three planes' "
                                       "-ln 0.75 each."),
                  (2.249340578475233, "that is the sum of the four costs; the cross-entropy is their average."),
                  (0.1875, "that is the mean squared error of these predictions; the cross-entropy uses -ln."),
                  (0.6931471805599453, "ln 2 is the cost of answering 0.5; here the answer is 0.75.")],
        hint="Three planes cost -ln 0.75 each, the car -ln(1 - 0.75); average the four.",
    ),
    "6.2": Answer(
        5.773502691896258, rtol=2e-3,
        mistakes=[(11.547005383792516, "that is sqrt(400 / 3), the spread for weights from [-1, 1]; "
                                       "a weight from [-0.5, 0.5] has a square averaging 0.5² / 3."),
                  (33.333333333333336, "that is the average square (the variance); the standard deviation "
                                       "is its square root."),
                  (10.0, "the spreads of independent products do not add up; their average squares do: "
                         "sqrt(400 · 0.5² / 3).")],
        hint="Average square of one product: 0.5² / 3 · 1; of the sum: 400 times that; then the square root.",
    ),
    "6.3": Answer(
        0.8807970779778823, rtol=2e-3,
        mistakes=[(0.11920292202211755, "that is the probability of \"car\", sigmoid(101 - 103); "
                                        "\"plane\" gets sigmoid(103 - 101)."),
                  (0.5049019607843137, "that is 103 / (101 + 103); softmax uses e to the power of each score, "
                                       "and only their difference counts."),
                  (1.0, "e**103 is far larger than e**101, but not infinitely: divide top and bottom by "
                        "e**101 to get sigmoid(2)."),
                  (0.5, "the scores are not equal: they differ by 2, so P(plane) = sigmoid(2).")],
        hint="Divide top and bottom of softmax's fraction by e**101: P(plane) = sigmoid(103 - 101).",
    ),
    # Chapter 7 (answers of chapter 7 go below this line)
    "7.1": Answer(
        10.1, rtol=0, atol=1e-6,
        mistakes=[
            (10, "10 is the slope itself at x = 5 (2x), where the ratios settle as h shrinks; for the step "
                 "h = 0.1 the ratio is still 2x + h."),
            (1.01, "that is the rise (5.1² - 25 = 1.01); divide it by the run h = 0.1."),
            (10.01, "(x + h)² - x² = 2xh + h², and (2xh + h²) / h = 2x + h, not 2x + h²."),
            (6.1, "that is the ratio at x = 3; the question asks about x = 5."),
        ],
        hint="(x + h)² = x² + 2xh + h², so the ratio is (2xh + h²) / h.",
    ),
    "7.2": Answer(
        0.5, rtol=1e-3,
        mistakes=[
            (0.25, "0.25 is the sigmoid's slope at 0; the chain rule multiplies it by the rate of 2x - 1 "
                   "in x, which is 2."),
            (2, "2 is the rate of the inside, 2x - 1; multiply it by the sigmoid's slope at 2x - 1 = 0."),
            (0.125, "the sigmoid's slope at 0 is 0.5 · (1 - 0.5) = 0.25; then times 2."),
        ],
        hint="At x = 0.5 the inside 2x - 1 is 0; the sigmoid's slope there is σ(0)(1 - σ(0)); times 2.",
    ),
    "7.3": Answer(
        0.19743, rtol=0, atol=1e-3,
        mistakes=[
            (-0.10811, "that is ∂C/∂w2 for the target t = 1 of section 7.5; with t = 0, ∂C/∂a2 = 2(a2 - 0)."),
            (0.29547, "that is ∂C/∂z2; the rate of z2 in w2 is a1 = 0.6682: multiply by it."),
            (0.86354, "you multiplied ∂C/∂a2 by a1 and skipped the sigmoid's slope a2(1 - a2) = 0.2286."),
        ],
        hint="∂C/∂a2 = 2(a2 - t), then times a2(1 - a2), then times a1.",
    ),
    "7.4": Answer(
        500402, rtol=0, atol=0,
        mistakes=[
            (250201, "that is the number of parameters; a central difference needs two forward passes "
                     "for each (one nudged up, one down)."),
            (500000, "you counted the weights of the first layer only; add the second layer's 100 weights "
                     "and the 101 biases."),
            (500200, "you forgot the biases: 100 in the hidden layer and 1 at the output."),
            (1, "that is what backpropagation needs (with one backward pass); the question asks about "
                "central differences."),
        ],
        hint="Parameters: 2500·100 + 100 weights of the hidden layer, 100·1 + 1 of the output; two passes each.",
    ),
    # Chapter 8 (answers of chapter 8 go below this line)
    "8.1": Answer(
        0.2, rtol=1e-9,
        mistakes=[(0.1, "with lr = 0.1 the first step lands exactly on the minimum (1 - 10·lr = 0); larger "
                        "learning rates overshoot, but still converge while the overshoot shrinks."),
                  (1.0, "1 is the limit for (w - 3)², whose slope is 2 (w - 3); here the slope is 10 (w - 1)."),
                  (0.4, "the slope of 5 (w - 1)² is 10 (w - 1), not 5 (w - 1): bring the 2 of the square down.")],
        hint="Each step multiplies w - 1 by (1 - 10·lr); it diverges when that factor is below -1.",
    ),
    "8.2": Answer(
        0.3466, rtol=0.01,
        mistakes=[(0.6931, "ln 2 is the cost of a point near an unsure corner; only half the points are "
                           "there, and the sure half adds almost 0: take the mean."),
                  (0.5, "0.5 is a probability, not a cost: a point's cross-entropy is -ln p."),
                  (0.1505, "the cross-entropy uses the natural logarithm (ln, np.log), not log10.")],
        hint="A point's cross-entropy is -ln p, p the probability of its true class: about -ln 1 = 0 for the "
             "sure corners, -ln 0.5 = ln 2 for the others; then average over the 100 points.",
    ),
    "8.3": Answer(
        0.5, rtol=0.1,
        mistakes=[(0.25, "that is how the squared error (the variance) shrinks; the typical error itself "
                         "shrinks with the square root: √(5/20)."),
                  (4, "a larger batch makes the error smaller, not larger: the factor is below 1.")],
        hint="The typical error of an average of B examples shrinks like 1/√B.",
    ),
    # Chapter 9 (answers of chapter 9 go below this line)
    "9.1": Answer(
        176, rtol=0, atol=0,
        mistakes=[(126, "126 is the best epoch, whose weights the network keeps; train only notices that it "
                        "was the best after 50 more epochs without a lower validation cost."),
                  (175, "one short: after epoch 175 only 49 epochs have passed since epoch 126."),
                  (3000, "early stopping ends the run before the 3000 epochs asked for.")],
        hint="It stops once 50 epochs have passed since the best one without improving.",
    ),
    "9.2": Answer(
        (1 - 0.5 * 0.003) ** 3000, rtol=1e-3,
        mistakes=[(1 - 3000 * 0.5 * 0.003, "the factors multiply: 3000 steps shrink the weight by "
                                           "(1 - lr·λ) 3000 times over, (1 - lr·λ)**3000."),
                  ((1 - 0.003) ** 3000, "each step shrinks by 1 - lr·λ, and lr = 0.5: 1 - 0.5 · 0.003."),
                  (1 - 0.5 * 0.003, "that is what one step leaves; there are 3000 of them.")],
        hint="Each step multiplies the weight by 1 - lr·λ.",
    ),
    "9.3": Answer(
        0.5, rtol=0, atol=0.01,
        mistakes=[],
        hint="Its high test score came from being chosen for it; on new data a coin is right half the time.",
    ),
    # Chapter 10 (answers of chapter 10 go below this line)
    "10.1": Answer(
        2410,
        mistakes=[(2368, "those are the weights only (64 × 32 + 32 × 10): each of the 42 neurons also has a bias."),
                  (2080, "that is the first layer only; add the output layer's 32 × 10 weights and 10 biases."),
                  (106, "each neuron has one weight per input, so multiply: 64 × 32 and 32 × 10, then add the "
                        "biases.")],
        hint="Each layer: one weight per (input, neuron) pair, plus one bias per neuron; add the two layers.",
    ),
    "10.2": Answer(
        0.5, rtol=1e-9,
        mistakes=[(50, "write the accuracy as a fraction between 0 and 1: 0.5, not 50."),
                  (1.0, "it is right on every plane, but wrong on every car.")],
        hint="The split is stratified: what fraction of the validation pictures are planes?",
    ),
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
