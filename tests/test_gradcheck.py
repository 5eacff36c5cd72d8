"""Tests of dlcore.gradcheck: it passes correct gradients and catches wrong ones."""

import numpy as np
import pytest

from dlcore import GradcheckReport, Network, gradcheck


def _net_and_data(seed=0):
    rng = np.random.default_rng(seed)
    net = Network.from_sizes([3, 5, 4, 2], hidden="tanh", output="softmax", seed=seed)
    for layer in net.layers:
        layer.b = rng.normal(size=layer.n_out)
    X = rng.normal(size=(6, 3))
    y = rng.integers(0, 2, 6)
    return net, X, y


def _break_dW(layer, factor=1.01):
    """Make this one layer (not every Dense) report dW scaled by ``factor``."""
    correct = layer.backward_from_dZ      # where every layer's backward computes dW

    def broken(dZ, **kwargs):
        dA_prev = correct(dZ, **kwargs)
        layer.dW *= factor
        return dA_prev

    layer.backward_from_dZ = broken


def test_reports_ok_on_a_correct_network():
    net, X, y = _net_and_data()
    report = gradcheck(net, X, y)
    assert report.ok and bool(report)
    assert report.max_rel_error < 1e-7
    assert [row["name"] for row in report.rows] == ["W1", "b1", "W2", "b2", "W3", "b3"]
    assert [row["n_checked"] for row in report.rows] == [15, 5, 20, 4, 8, 2]
    assert str(report).splitlines()[-1].startswith("OK: largest relative error")


@pytest.mark.parametrize("which", [0, 1, 2])
def test_detects_a_gradient_that_is_one_percent_off(which):
    net, X, y = _net_and_data()
    _break_dW(net.layers[which])
    report = gradcheck(net, X, y)
    assert not report.ok and not bool(report)
    # |1.01 g - g| / (|1.01 g| + |g|) = 0.01 / 2.01
    assert report.max_rel_error == pytest.approx(0.01 / 2.01, rel=1e-4)
    bad = [row["name"] for row in report.rows if row["max_rel_error"] > report.tol]
    assert bad == [f"W{which + 1}"]
    assert "MISMATCH" in str(report)


def test_breaking_one_instance_leaves_other_layers_alone():
    net, _, _ = _net_and_data()
    other, X, y = _net_and_data(seed=1)
    _break_dW(net.layers[0])
    assert "backward_from_dZ" not in vars(other.layers[0])
    assert gradcheck(other, X, y).ok


def test_max_per_param_checks_only_that_many_entries():
    net, X, y = _net_and_data()
    report = gradcheck(net, X, y, max_per_param=3)
    assert [row["n_checked"] for row in report.rows] == [3, 3, 3, 3, 3, 2]
    assert report.ok


def test_max_per_param_still_catches_a_broken_layer():
    net, X, y = _net_and_data()
    _break_dW(net.layers[1], factor=2.0)
    assert not gradcheck(net, X, y, max_per_param=2, seed=5).ok


def test_max_per_param_picks_entries_by_seed():
    net, X, y = _net_and_data()
    _break_dW(net.layers[0], factor=1.5)
    a = gradcheck(net, X, y, max_per_param=4, seed=0).rows[0]["max_abs_error"]
    b = gradcheck(net, X, y, max_per_param=4, seed=0).rows[0]["max_abs_error"]
    c = gradcheck(net, X, y, max_per_param=4, seed=1).rows[0]["max_abs_error"]
    assert a == b != c


def test_leaves_parameters_unchanged_and_true_gradients_in_place():
    net, X, y = _net_and_data()
    before = [param.copy() for param, _ in net.parameters()]
    gradcheck(net, X, y)
    assert all(np.array_equal(param, old) for (param, _), old in zip(net.parameters(), before))
    after = [grad.copy() for _, grad in net.parameters()]
    net.gradients(X, y)
    assert all(np.array_equal(grad, old) for (_, grad), old in zip(net.parameters(), after))


def test_abs_error_agrees_with_a_central_difference_by_hand():
    net, X, y = _net_and_data()
    net.gradients(X, y)
    analytic = net.layers[1].b[0], net.layers[1].db[0]
    eps = 1e-6
    b = net.layers[1].b
    old = b[0]
    b[0] = old + eps
    up = net.cost(X, y)
    b[0] = old - eps
    down = net.cost(X, y)
    b[0] = old
    numeric = (up - down) / (2 * eps)
    assert abs(numeric - analytic[1]) < 1e-8
    report = gradcheck(net, X, y, eps=eps)
    assert report.rows[3]["max_abs_error"] < 1e-8


def test_a_larger_tolerance_can_pass_what_a_smaller_one_fails():
    net, X, y = _net_and_data()
    _break_dW(net.layers[2])
    assert not gradcheck(net, X, y).ok
    assert gradcheck(net, X, y, tol=0.01).ok


def test_report_with_no_rows_is_ok():
    report = GradcheckReport([], tol=1e-7)
    assert report.ok and report.max_rel_error == 0.0


@pytest.mark.parametrize("kwargs, exc", [({"eps": 0}, ValueError), ({"eps": "1e-6"}, TypeError),
                                         ({"max_per_param": 2.5}, TypeError), ({"max_per_param": 0}, ValueError)])
def test_invalid_arguments_are_rejected(kwargs, exc):
    net, X, y = _net_and_data()
    with pytest.raises(exc):
        gradcheck(net, X, y, **kwargs)


def test_the_report_names_each_arrays_relative_error_as_one_number():
    net, X, y = _net_and_data()
    _break_dW(net.layers[0], factor=1.01)
    report = gradcheck(net, X, y)
    header, first = str(report).splitlines()[:2]
    assert header.split()[-2:] == ["relative", "error"] and "max rel" not in header
    row = report.rows[0]
    # one number for the whole array: |1.01 g - g| / (|1.01 g| + |g|)
    assert row["rel_error"] == row["max_rel_error"] == pytest.approx(0.01 / 2.01, rel=1e-4)
    assert first.split()[-1] == f"{row['rel_error']:.2e}"
