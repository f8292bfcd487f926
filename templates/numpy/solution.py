#!/usr/bin/env python3
"""Your implementation of exercise sheet 4 with numpy, checked by `calculus verify` (docs/protocol.md).

    calculus verify --exec "python3 templates/numpy/solution.py"

Every function below raises NotImplementedError, which the loop at the bottom answers as "not implemented": Verify
reports those items as not-implemented, never as failures. Fill in the bodies one at a time and run Verify again.
Every number arrives as a float64 ndarray or a float: a scalar function gets all the points of a request at once, as a
1-d array x, and returns an array of the same length (use np.where, np.maximum, ... rather than `if x > 0`). Return
ndarrays or numpy scalars freely: the loop writes them as JSON. Print debugging output to sys.stderr: standard output
carries the answers.
"""
import json
import math
import sys

import numpy as np


# --- 1a-1c: the affine map u = Wx + b (W is an h x d array) ---------------------------------------------------------

def affine(W, b, x):
    """u = Wx + b, an array of h numbers."""
    raise NotImplementedError


def affine_partial_W(W, b, x, i, j):
    """du/dW_ij, an array of h numbers (1a)."""
    raise NotImplementedError


def affine_partial_b(W, b, x, i):
    """du/db_i, an array of h numbers (1b)."""
    raise NotImplementedError


def affine_partial_x(W, b, x, i):
    """du/dx_i, an array of h numbers (1c)."""
    raise NotImplementedError


# --- 1d: the sigmoid; 2a-2g: the activations; 3b-3c: the losses of a margin t (each of an array of points) ---------

def sigmoid(x):
    """1/(1 + e^(-x))."""
    raise NotImplementedError


def sigmoid_derivative(x):
    raise NotImplementedError


def tanh(x):
    raise NotImplementedError


def tanh_derivative(x):
    raise NotImplementedError


def erf(x):
    """numpy has no erf: math.erf of each entry (or scipy.special.erf, where scipy is installed)."""
    raise NotImplementedError


def erf_derivative(x):
    raise NotImplementedError


def relu(x):
    """max(0, x)."""
    raise NotImplementedError


def relu_derivative(x):
    """At the kink x = 0 any value in [0, 1] is right."""
    raise NotImplementedError


def leaky_relu(x):
    """max(0.01x, x)."""
    raise NotImplementedError


def leaky_relu_derivative(x):
    raise NotImplementedError


def plu(x, alpha, c):
    """max(alpha(x + c) - c, min(alpha(x - c) + c, x))."""
    raise NotImplementedError


def plu_derivative(x, alpha, c):
    raise NotImplementedError


def sin(x):
    raise NotImplementedError


def sin_derivative(x):
    raise NotImplementedError


def gaussian(x):
    """e^(-x^2)."""
    raise NotImplementedError


def gaussian_derivative(x):
    raise NotImplementedError


def softplus(x):
    """ln(1 + e^x)."""
    raise NotImplementedError


def softplus_derivative(x):
    raise NotImplementedError


def logistic(t):
    """The logistic loss l(t) = ln(1 + e^(-t))."""
    raise NotImplementedError


def logistic_derivative(t):
    raise NotImplementedError


def hinge(t):
    """max(0, 1 - t)."""
    raise NotImplementedError


def hinge_derivative(t):
    """A subgradient: at t = 1 any value in [-1, 0] is right."""
    raise NotImplementedError


def smooth_hinge(t):
    """h*(t) = ln(1 + e^(1 - t))."""
    raise NotImplementedError


def smooth_hinge_derivative(t):
    raise NotImplementedError


# --- 1e: the label logistic loss; 3a: log-sum-exp -------------------------------------------------------------------

def label_logistic(a, y):
    """log(1 + e^(-y a)) of an array a and a number y."""
    raise NotImplementedError


def label_logistic_derivative(a, y):
    """f_e(a), the derivative in a."""
    raise NotImplementedError


def logsumexp(a):
    """ln(e^(a_1) + ... + e^(a_n)) of one 1-d array: a number."""
    raise NotImplementedError


# --- 1f: the network; 4: one gradient step ------------------------------------------------------------------------------

def network(W, b, w, x, y, activation, loss):
    """L = loss(w . act(Wx + b), y) and its gradient, as a dict {"loss", "dW", "db", "dw", "dx"}.

    activation is a name of a scalar function above ("sigmoid", "tanh", ...; "plu" with alpha = 0.1, c = 1) and loss is
    "logistic" (the sheet's: log(1 + exp(-y z))), "smooth-hinge" or "hinge" of the margin y z. Leave out any gradient key
    you have not implemented yet.
    """
    raise NotImplementedError


def gd_step(W, b, w, X, Y, lr, activation, loss):
    """One full-batch gradient step on the mean loss over the rows of X (n x d; Y has n labels): a dict {"W", "b", "w"}."""
    raise NotImplementedError


# --- The protocol loop: nothing to change below -----------------------------------------------------------------------

SCALARS = ["sigmoid", "tanh", "erf", "relu", "leaky-relu", "sin", "gaussian", "softplus", "logistic", "hinge", "smooth-hinge"]


def _function(name, derivative):
    """The function of this file that a request names, looked up when the request arrives."""
    return globals()[name.replace("-", "_") + ("_derivative" if derivative else "")]


def _array(values):
    return np.asarray(values, dtype=np.float64)


def answer(request):
    fn = request["fn"]
    if fn in SCALARS:
        return _function(fn, request.get("derivative", False))(_array(request["x"]))
    if fn == "plu":
        return _function(fn, request.get("derivative", False))(_array(request["x"]), float(request["alpha"]), float(request["c"]))
    if fn == "label-logistic":
        return _function(fn, request.get("derivative", False))(_array(request["x"]), float(request["y"]))
    if fn == "logsumexp":
        return [logsumexp(_array(a)) for a in request["a"]]
    if fn == "affine":
        return affine(_array(request["W"]), _array(request["b"]), _array(request["x"]))
    if fn == "affine-partial":
        W, b, x, i = _array(request["W"]), _array(request["b"]), _array(request["x"]), request["i"]
        if request["wrt"] == "W":
            return affine_partial_W(W, b, x, i, request["j"])
        return (affine_partial_b if request["wrt"] == "b" else affine_partial_x)(W, b, x, i)
    if fn == "network":
        return network(_array(request["W"]), _array(request["b"]), _array(request["w"]), _array(request["x"]),
                       float(request["y"]), request.get("activation", "sigmoid"), request.get("loss", "logistic"))
    if fn == "gd-step":
        return gd_step(_array(request["W"]), _array(request["b"]), _array(request["w"]), _array(request["X"]),
                       _array(request["Y"]), float(request["lr"]), request.get("activation", "sigmoid"),
                       request.get("loss", "logistic"))
    raise ValueError("unknown fn " + str(fn))


def plain(value):
    """The value with what json cannot write made plain: ndarrays and numpy scalars become lists and Python numbers,
    inside lists, tuples and dicts too."""
    if isinstance(value, dict):
        return {key: plain(v) for key, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [plain(v) for v in value]
    if hasattr(value, "tolist"):
        return plain(value.tolist())
    return value


def main():
    while True:
        line = sys.stdin.readline()
        if not line:
            return
        if not line.strip():
            continue
        try:  # every answer is written inside the error handling: an answer json cannot write fails its case only
            response = json.dumps({"value": plain(answer(json.loads(line)))})
        except NotImplementedError:
            response = json.dumps({"error": "not implemented"})
        except Exception as e:  # any other error fails the case it answers, with this message
            response = json.dumps({"error": "%s: %s" % (type(e).__name__, e)})
        sys.stdout.write(response + "\n")
        sys.stdout.flush()


if __name__ == "__main__":
    main()
