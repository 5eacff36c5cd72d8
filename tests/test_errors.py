"""The mistakes learners make, and the messages dlcore answers them with.

Each row is one mistake. The test checks the exception type, that the message
names the problem and the fix (key phrases), and that the error is raised by
dlcore's own checks, not deep inside numpy.
"""

import re
from pathlib import Path

import numpy as np
import pytest

from dlcore import SGD, Dense, Network, Perceptron, TrainingDiverged, losses, neuron, to_labels, train
from dlcore._checks import check_X

DLCORE = Path(__file__).resolve().parent.parent / "dlcore"

RNG = np.random.default_rng(0)
X = RNG.normal(size=(40, 2))                   # more samples than the default batch_size of 32
Y = np.arange(40) % 2                          # labels 0 and 1
Y3 = np.arange(40) % 3                         # labels 0, 1, 2


def net():
    return Network.from_sizes([2, 4, 1], seed=0)                       # sigmoid output, bce


def softmax_net():
    return Network.from_sizes([2, 4, 3], output="softmax", seed=0)     # 3 classes, cross_entropy


def regression_net():
    return Network.from_sizes([2, 4, 3], output="identity", seed=0)    # 3 outputs, mse


def image_net():
    return Network.from_sizes([2500, 4, 1], seed=0)


def with_value(array, index, value):
    array = array.copy()
    array[index] = value
    return array


def saved(tmp, sizes):
    path = tmp / "weights.npz"
    Network.from_sizes(sizes, seed=0).save(path)
    return path


def junk_file(tmp):
    path = tmp / "weights.npz"
    path.write_bytes(b"these are not the weights you are looking for" * 10)
    return path


def diverge():
    rng = np.random.default_rng(0)
    X_reg = rng.normal(size=(64, 2))
    train(Network.from_sizes([2, 16, 1], output="identity", seed=0), X_reg, X_reg @ [3.0, -2.0], epochs=50, lr=1000.0)


def backward_before_forward():
    Dense(2, 3).backward(np.ones((4, 3)))


def set_transposed_W():
    Dense(3, 2).W = np.ones((2, 3))


def set_nan_b():
    Dense(3, 2).b = [0.0, np.nan]


MISTAKES = [
    # --- the shape of X -------------------------------------------------------------------------
    pytest.param(lambda tmp: train(image_net(), RNG.random((10, 50, 50)), Y[:10]),
                 ValueError, [r"2500 columns", r"X\.shape=\(10, 50, 50\)", r"X\.reshape\(len\(X\), -1\)"],
                 id="images-not-flattened"),
    pytest.param(lambda tmp: net().predict(np.array([0.5, -0.2])),
                 ValueError, [r"1-D array", r"X\.reshape\(1, -1\)"], id="one-sample-as-1d-vector"),
    pytest.param(lambda tmp: net().predict(X.T),
                 ValueError, [r"2 columns", r"X\.shape=\(2, 40\)", r"if each column of X is a sample", r"X\.T"], id="transposed-X"),
    pytest.param(lambda tmp: Dense(3, 2).forward(X),
                 ValueError, [r"Dense\(n_in=3\) expects X with 3 columns", r"X\.shape=\(40, 2\)"],
                 id="wrong-number-of-columns-for-a-layer"),
    pytest.param(lambda tmp: net().predict(np.empty((0, 2))),
                 ValueError, [r"at least one sample", r"empty"], id="empty-X"),
    # --- what X holds ---------------------------------------------------------------------------
    pytest.param(lambda tmp: train(net(), with_value(X, (3, 1), np.nan), Y),
                 ValueError, [r"1 NaN or infinite", r"first rows: \[3\]", r"np\.isfinite"], id="nan-in-X"),
    pytest.param(lambda tmp: train(net(), with_value(X, (7, 0), np.inf), Y),
                 ValueError, [r"NaN or infinite", r"first rows: \[7\]", r"Remove or fill"], id="inf-in-X"),
    pytest.param(lambda tmp: train(net(), (X * 10).astype(np.int64), Y),
                 TypeError, [r"floating-point dtype", r"integer dtype int64", r"X\.astype\(float\)"],
                 id="integer-X"),
    pytest.param(lambda tmp: train(image_net(), RNG.integers(0, 256, (10, 2500)).astype(np.uint8), Y[:10]),
                 TypeError, [r"uint8", r"astype\(float\)", r"divide by 255"], id="uint8-images"),
    pytest.param(lambda tmp: train(net(), np.array([["1.5", "2"]] * 20), Y),
                 TypeError, [r"to hold numbers", r"np\.asarray\(X, dtype=float\)"], id="text-X"),
    pytest.param(lambda tmp: train(net(), X > 0, Y),
                 TypeError, [r"booleans", r"X\.astype\(float\)"], id="boolean-X"),
    # --- labels ---------------------------------------------------------------------------------
    pytest.param(lambda tmp: train(net(), X, Y[:15]),
                 ValueError, [r"40 samples in X and 15 labels in y", r"split and shuffled together"],
                 id="X-and-y-of-different-lengths"),
    pytest.param(lambda tmp: train(net(), X, np.where(Y == 1, "cat", "dog")),
                 TypeError, [r"text labels", r"np\.unique\(y, return_inverse=True\)"], id="string-labels"),
    pytest.param(lambda tmp: train(softmax_net(), X, with_value(Y3, 0, 5)),
                 ValueError, [r"must lie in 0\.\.2", r"values from 0 to 5", r"more outputs"],
                 id="labels-outside-the-classes"),
    pytest.param(lambda tmp: train(net(), X, np.eye(2)[Y]),
                 ValueError, [r"'bce' cost", r"one-hot", r"dlcore\.to_labels", r"'cross_entropy'"],
                 id="one-hot-labels-for-bce"),
    pytest.param(lambda tmp: train(regression_net(), X, Y3),
                 ValueError, [r"'mse' cost", r"\(n_samples, 3\)", r"dlcore\.one_hot\(y, 3\)"],
                 id="integer-labels-for-mse-with-3-outputs"),
    pytest.param(lambda tmp: train(net(), X, Y * 0.5),
                 ValueError, [r"whole numbers", r"'mse' cost"], id="fractional-labels-for-a-classifier"),
    pytest.param(lambda tmp: train(softmax_net(), X, np.full((20, 3), 1 / 3)),
                 ValueError, [r"integer labels", r"one-hot rows", r"not one-hot"], id="probabilities-as-targets"),
    pytest.param(lambda tmp: to_labels(Y),
                 ValueError, [r"one-hot rows of shape \(n_samples, n_classes\)", r"need no conversion"],
                 id="to-labels-of-integer-labels"),
    pytest.param(lambda tmp: Perceptron(2).fit(X, 2 * Y - 1),
                 ValueError, [r"must lie in 0\.\.1", r"values from -1 to 1"],
                 id="perceptron-labels-minus-one-plus-one"),
    # --- the learning rate and other numbers ----------------------------------------------------
    pytest.param(lambda tmp: train(net(), X, Y, lr=0),
                 ValueError, [r"lr must be greater than 0, got lr=0", r"Typical values are 0\.01 to 1"], id="lr-zero"),
    pytest.param(lambda tmp: train(net(), X, Y, lr=-0.1),
                 ValueError, [r"greater than 0", r"lr=-0\.1"], id="lr-negative"),
    pytest.param(lambda tmp: train(net(), X, Y, lr="0.1"),
                 TypeError, [r"must be a number", r"'0\.1' of type str", r"without quotes"], id="lr-as-a-string"),
    pytest.param(lambda tmp: train(net(), X, Y, lr=float("nan")),
                 ValueError, [r"learning rate lr must be a finite number", r"nan"], id="lr-nan"),
    pytest.param(lambda tmp: train(net(), X, Y, batch_size=0),
                 ValueError, [r"batch_size must be greater than 0"], id="batch-size-zero"),
    pytest.param(lambda tmp: train(net(), X, Y, batch_size=64),
                 ValueError, [r"batch_size=64 is larger than the 40 training samples", r"batch_size=40",
                              r"full-batch"], id="batch-size-larger-than-the-data"),
    pytest.param(lambda tmp: train(net(), X, Y, batch_size=2.5),
                 TypeError, [r"batch_size must be a whole number", r"batch_size=2"], id="batch-size-fraction"),
    pytest.param(lambda tmp: train(net(), X, Y, epochs=0),
                 ValueError, [r"epochs must be greater than 0"], id="epochs-zero"),
    pytest.param(lambda tmp: SGD(lr=0.1, momentum=1.0),
                 ValueError, [r"momentum must be below 1", r"0\.9 is typical"], id="momentum-one"),
    pytest.param(lambda tmp: SGD(lr=0.1, weight_decay=-1e-4),
                 ValueError, [r"weight_decay must be at least 0"], id="negative-weight-decay"),
    pytest.param(lambda tmp: Dense("2", 3),
                 TypeError, [r"n_in must be a whole number", r"without quotes"], id="layer-size-as-a-string"),
    # --- building the network ---------------------------------------------------------------------
    pytest.param(lambda tmp: Network([Dense(2, 4), Dense(3, 1)]),
                 ValueError, [r"do not chain", r"layer 0 has 4 outputs but layer 1 expects 3 inputs",
                              r"Dense\(4, \.\.\.\)"], id="layer-sizes-that-do-not-chain"),
    pytest.param(lambda tmp: Dense(2, 3, "sigmod"),
                 ValueError, [r"Unknown activation 'sigmod'", r"Did you mean 'sigmoid'\?"], id="unknown-activation"),
    pytest.param(lambda tmp: Dense(2, 3, np.tanh),
                 TypeError, [r"activation must be given by name \(a string\)", r"tanh"],
                 id="activation-as-a-function"),
    pytest.param(lambda tmp: Network.from_sizes([2, 1], loss="binary_crossentropy"),
                 ValueError, [r"Unknown cost function 'binary_crossentropy'", r"Did you mean 'binary_cross_entropy'\?"],
                 id="unknown-cost"),
    pytest.param(lambda tmp: Dense(2, 3, init="xavir"),
                 ValueError, [r"Unknown initialiser 'xavir'", r"Did you mean 'xavier'\?", r"Known initialisers: .*uniform"],
                 id="unknown-initialiser"),
    pytest.param(lambda tmp: Dense(2, 3, dtype="float16"),
                 ValueError, [r"dtype must be 'float64' or 'float32'", r"'float16'"], id="unsupported-dtype"),
    pytest.param(lambda tmp: Network([Dense(2, 3, "softmax")], loss="bce"),
                 ValueError, [r"'bce' cost needs sigmoid outputs", r"'softmax'", r"use 'cross_entropy' with softmax"],
                 id="softmax-output-with-bce"),
    pytest.param(lambda tmp: Network([Dense(2, 1, "sigmoid")], loss="cross_entropy"),
                 ValueError, [r"'cross_entropy' cost needs softmax outputs", r"'sigmoid'", r"'bce'"],
                 id="cross-entropy-after-sigmoid"),
    pytest.param(lambda tmp: Network([Dense(2, 1, "softmax")]),
                 ValueError, [r"softmax output layer needs at least 2 neurons", r"always exactly 1",
                              r"Dense\(n, 1, 'sigmoid'\)"], id="softmax-with-one-output"),
    pytest.param(lambda tmp: Network([Dense(2, 3), "relu", Dense(3, 1)]),
                 TypeError, [r"Layer 1 must be a Dense layer", r"str"], id="activation-name-as-a-layer"),
    pytest.param(lambda tmp: Network([]),
                 ValueError, [r"at least one layer", r"Dense\(2, 1, 'sigmoid'\)"], id="no-layers"),
    pytest.param(lambda tmp: Network([Dense(2, 3, dtype="float32"), Dense(3, 1)]),
                 ValueError, [r"share one dtype", r"same dtype="], id="mixed-dtypes"),
    pytest.param(lambda tmp: Network.from_sizes([2]),
                 ValueError, [r"at least an input and an output size", r"\[2, 1\]"], id="sizes-without-output"),
    pytest.param(lambda tmp: set_transposed_W(),
                 ValueError, [r"has shape \(3, 2\), got an array of shape \(2, 3\)", r"value\.T"],
                 id="weights-set-transposed"),
    pytest.param(lambda tmp: set_nan_b(),
                 ValueError, [r"b must be finite"], id="nan-bias"),
    pytest.param(lambda tmp: backward_before_forward(),
                 RuntimeError, [r"Call forward before backward"], id="backward-before-forward"),
    pytest.param(lambda tmp: neuron([1.0, 2.0], [[0.5], [0.5]], 0.0),
                 ValueError, [r"one weight per input", r"shape \(n_features,\)"], id="neuron-weights-as-a-column"),
    # --- training options -----------------------------------------------------------------------
    pytest.param(lambda tmp: diverge(),
                 TrainingDiverged, [r"Training diverged", r"learning rate lr=1000 is too large", r"Try lr=100"],
                 id="divergence", marks=pytest.mark.filterwarnings("ignore::RuntimeWarning")),
    pytest.param(lambda tmp: train(net(), X, Y, patience=3),
                 ValueError, [r"patience=", r"validation_data=\(X_val, y_val\)"], id="patience-without-validation"),
    pytest.param(lambda tmp: train(net(), X, Y, lr=0.1, optimizer=SGD(lr=0.5)),
                 ValueError, [r"either lr or optimizer, not both", r"optimizer\.lr"], id="lr-and-optimizer"),
    pytest.param(lambda tmp: train(net(), X, Y, optimizer=0.1),
                 TypeError, [r"optimizer must be an optimiser such as dlcore\.SGD\(lr=0\.1\)"],
                 id="learning-rate-passed-as-optimizer"),
    pytest.param(lambda tmp: train(Network([Dense(2, 1, "step")], loss="mse"), X, Y),
                 ValueError, [r"step activation", r"slope is 0", r"'sigmoid'", r"Perceptron"],
                 id="step-activation-in-train"),
    pytest.param(lambda tmp: train(net(), X, Y, validation_data=X),
                 ValueError, [r"validation_data must be a pair \(X_val, y_val\)"], id="validation-data-not-a-pair"),
    pytest.param(lambda tmp: train(net(), X, Y, validation_data=(X[:, :1], Y)),
                 ValueError, [r"2 columns", r"X\.shape=\(40, 1\)"], id="validation-X-with-wrong-columns"),
    pytest.param(lambda tmp: train(net(), X, Y, callback="print"),
                 TypeError, [r"callback must be a function callback\(net, step, epoch, cost\)"],
                 id="callback-not-a-function"),
    pytest.param(lambda tmp: train(net(), X, Y, on_divergence="ignore"),
                 ValueError, [r"on_divergence must be 'raise' or 'stop'"], id="unknown-on-divergence"),
    pytest.param(lambda tmp: train(Dense(2, 1, "sigmoid"), X, Y),
                 TypeError, [r"expects a dlcore Network", r"got Dense"], id="layer-instead-of-network"),
    # --- saving and loading ---------------------------------------------------------------------
    pytest.param(lambda tmp: Network.from_sizes([2, 16, 1], seed=0).load_weights(saved(tmp, [2, 8, 1])),
                 ValueError, [r"different architecture", r"\[2, 8, 1\]", r"\[2, 16, 1\]", r"Network\.load\(path\)"],
                 id="weights-of-another-architecture"),
    pytest.param(lambda tmp: Network.load(junk_file(tmp)),
                 ValueError, [r"not a dlcore weights file or it is damaged", r"Save it again with net\.save\(path\)"],
                 id="corrupt-weights-file"),
    pytest.param(lambda tmp: Network.load(tmp / "missing.npz"),
                 FileNotFoundError, [r"No weights file at", r"missing\.npz", r"Check the name and folder"],
                 id="missing-weights-file"),
]


@pytest.mark.parametrize("mistake, exc, phrases", MISTAKES)
def test_a_learner_mistake_gets_a_message_with_the_problem_and_the_fix(mistake, exc, phrases, tmp_path):
    with pytest.raises(exc) as err:
        mistake(tmp_path)
    message = str(err.value)
    for phrase in phrases:
        assert re.search(phrase, message), f"{phrase!r} not in message:\n{message}"
    raised_in = Path(str(err.traceback[-1].path)).resolve().parent
    assert raised_in == DLCORE, f"raised in {raised_in}, not by dlcore's own checks:\n{message}"


def test_there_are_at_least_25_distinct_mistakes():
    ids = [case.id for case in MISTAKES]
    assert len(set(ids)) == len(ids) >= 25


def test_loss_targets_errors_come_from_dlcore_too():
    with pytest.raises(ValueError, match=r"at least two softmax outputs.*'bce' cost"):
        losses.get("cross_entropy").targets(Y, 1)


# --- learner mistakes found while reviewing dlcore ---

def test_misspelt_dtype_is_an_error():
    with pytest.raises(ValueError, match=r"dtype must be 'float64' or 'float32', got 'flaot32'"):
        Dense(2, 3, dtype="flaot32")


def test_lr_as_a_string_shows_valid_code():
    with pytest.raises(TypeError, match=r"Pass it without quotes, e\.g\. lr=0\.1\.$"):
        SGD(lr="0.1")


@pytest.mark.parametrize("name, suggestion", [("glorot_uniform", "xavier"), ("xavier_uniform", "xavier"),
                                              ("he_normal", "he"), ("kaiming_normal", "he")])
def test_keras_and_pytorch_initialiser_names_work(name, suggestion):
    np.testing.assert_array_equal(Dense(5, 4, init=name, seed=0).W, Dense(5, 4, init=suggestion, seed=0).W)


def test_minus_one_plus_one_labels_for_a_perceptron_suggest_relabelling_not_more_outputs():
    X = np.random.default_rng(0).normal(size=(6, 2))
    with pytest.raises(ValueError) as err:
        Perceptron(2).fit(X, np.array([-1, 1, -1, 1, 1, -1]))
    assert "network" not in str(err.value) and "(y + 1) // 2" in str(err.value)


def test_ragged_rows_in_X_are_explained():
    with pytest.raises(ValueError, match=r"same number of features|rows of different lengths"):
        check_X([[0.0, 1.0], [1.0]])


def test_the_same_layer_twice_in_a_network_is_an_error():
    hidden = Dense(4, 4, "tanh")
    with pytest.raises(ValueError, match=r"Layer 2 is the same Dense object as layer 1"):
        Network([Dense(2, 4, "tanh")] + [hidden] * 2 + [Dense(4, 1, "sigmoid")])
