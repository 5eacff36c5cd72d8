"""The benchmarks' estimate of a task's time at the machine's full speed (bench/_common.py).

The widget latency's targets are absolute times, while the machine's speed
swings from one second to the next; the benchmark pairs every run of the task
with a fixed probe timed just before it. These tests pin down the arithmetic.
"""

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "bench"))
import _common  # noqa: E402


def test_full_speed_estimate_takes_out_the_machines_slow_moments():
    # A task that always costs 3 probes, timed while the machine ran at full speed, at half speed
    # and at two thirds: the probe took 2, 4 and 3 ms, the task 6, 12 and 9 ms.
    pairs = [(0.002, 0.006), (0.004, 0.012), (0.003, 0.009)]
    assert _common.full_speed_estimate(pairs, fastest_probe=0.002) == pytest.approx(0.006)
    # The fastest probe may come from another task's pairs: the estimate scales with it.
    assert _common.full_speed_estimate(pairs, fastest_probe=0.001) == pytest.approx(0.003)


def test_full_speed_estimate_is_a_median_of_ratios():
    # One disturbed run (a task slowed 8 times while its probe was not) does not move a median of four.
    pairs = [(0.002, 0.006), (0.004, 0.012), (0.003, 0.009), (0.002, 0.048)]
    assert _common.full_speed_estimate(pairs, fastest_probe=0.002) == pytest.approx(0.006)


def test_at_full_speed_times_every_task_after_a_probe():
    calls = []
    timed, fastest = _common.at_full_speed({"a": lambda: calls.append("a"), "b": lambda: calls.append("b")}, pairs=3)
    assert calls == ["a", "b"] * 3                       # the tasks alternate
    assert {name: len(pairs) for name, pairs in timed.items()} == {"a": 3, "b": 3}
    probes = [p for pairs in timed.values() for p, _ in pairs]
    assert fastest == min(probes) > 0
    assert all(t >= 0 for pairs in timed.values() for _, t in pairs)
