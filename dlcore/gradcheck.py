"""Gradient checking: compare backpropagation with finite differences.

Backpropagation computes the derivative of the cost for every parameter in
one sweep. To check it, nudge one parameter by a tiny ``eps`` up and down
and watch the cost::

    numeric = (C(w + eps) - C(w - eps)) / (2 * eps)

This *central difference* is slow (two full forward passes per parameter)
but hard to get wrong. If it agrees with backpropagation to many digits, the
backward pass is right. Run it in float64: float32 has too few digits for
the comparison to mean anything.
"""

import numpy as np

from ._checks import check_number


class GradcheckReport:
    """The result of :func:`gradcheck`: one row per parameter array.

    Attributes
    ----------
    rows : list of dict
        ``name``, ``n_checked``, ``max_abs_error`` (largest difference of one
        entry) and ``rel_error`` per parameter array. The relative error of
        an array is one number for the whole array, ``|a - n| / (|a| + |n|)``
        with ``a`` the backpropagated and ``n`` the numeric gradients as
        vectors and ``|.|`` their length: entry-by-entry ratios would blow up
        round-off in tiny gradients. ``max_rel_error`` is the same number
        under its older name.
    max_rel_error : float
        The worst relative error over the arrays checked.
    tol : float
        The relative error below which the check passes.
    """

    def __init__(self, rows, tol):
        self.rows = rows
        self.tol = tol
        self.max_rel_error = max((r["rel_error"] for r in rows), default=0.0)

    @property
    def ok(self):
        """True when every checked gradient agrees within ``tol``."""
        return self.max_rel_error < self.tol

    def __bool__(self):
        return self.ok

    def __str__(self):
        lines = [f"{'parameter':<10}{'checked':>8}{'max abs error':>16}{'relative error':>16}"]
        for r in self.rows:
            lines.append(f"{r['name']:<10}{r['n_checked']:>8}{r['max_abs_error']:>16.2e}{r['rel_error']:>16.2e}")
        verdict = "OK" if self.ok else "MISMATCH"
        lines.append(f"{verdict}: largest relative error {self.max_rel_error:.2e} (tolerance {self.tol:.0e})")
        return "\n".join(lines)

    __repr__ = __str__


def gradcheck(model, X, y, *, eps=1e-5, max_per_param=None, seed=0, tol=1e-7):
    """Check ``model``'s backpropagated gradients against central differences.

    Parameters
    ----------
    model : Network
        Anything with ``gradients(X, y)`` (returns the cost, fills gradients),
        ``cost(X, y)`` and ``parameters()`` (a list of (param, grad) pairs).
    X : ndarray, shape (n_samples, n_features)
    y : ndarray, labels or targets
    eps : float, default 1e-5
        The nudge.
    max_per_param : int, optional
        Check only this many randomly chosen entries of each parameter array
        (for large layers); default checks every entry.
    seed : int, default 0
        Chooses the entries when ``max_per_param`` is set.
    tol : float, default 1e-7
        Relative error that counts as agreement.

    Returns
    -------
    GradcheckReport
    """
    eps = check_number(eps, "eps")
    if max_per_param is not None:
        max_per_param = check_number(max_per_param, "max_per_param", integer=True)
    model.gradients(X, y)
    analytic = [grad.copy() for _, grad in model.parameters()]
    rng = np.random.default_rng(seed)
    rows = []
    for k, ((param, _), grad) in enumerate(zip(model.parameters(), analytic)):
        flat = param.reshape(-1)  # a view: changing flat changes param
        idx = np.arange(flat.size)
        if max_per_param is not None and flat.size > max_per_param:
            idx = rng.choice(flat.size, size=max_per_param, replace=False)
        numeric = np.empty(len(idx))
        for j, i in enumerate(idx):
            old = flat[i]
            flat[i] = old + eps
            up = model.cost(X, y)
            flat[i] = old - eps
            down = model.cost(X, y)
            flat[i] = old
            numeric[j] = (up - down) / (2 * eps)
        exact = grad.reshape(-1)[idx]
        abs_err = float(np.max(np.abs(exact - numeric), initial=0.0))
        # relative error of the whole array: |a - n| / (|a| + |n|), lengths of vectors
        scale = np.linalg.norm(exact) + np.linalg.norm(numeric)
        rel_err = float(np.linalg.norm(exact - numeric) / scale) if scale > 0 else 0.0
        name = f"{'W' if param.ndim == 2 else 'b'}{k // 2 + 1}"
        rows.append({"name": name, "n_checked": len(idx), "max_abs_error": abs_err,
                     "rel_error": rel_err, "max_rel_error": rel_err})
    model.gradients(X, y)  # leave the true gradients in place
    return GradcheckReport(rows, tol)
