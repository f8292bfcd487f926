#!/usr/bin/env python3
"""Your implementation of exercise sheet 4, checked by `calculus verify` (docs/protocol.md).

    calculus verify --exec "python3 templates/python/solution.py"

Every function below raises NotImplementedError, which the loop at the bottom answers as "not implemented": Verify
reports those items as not-implemented, never as failures. Fill in the bodies one at a time and run Verify again.
Only the standard library (json, math, sys). Print debugging output to sys.stderr: standard output carries the answers.
"""
import json
import math
import sys


# --- 1a-1c: the affine map u = Wx + b (W is a list of h rows of d numbers) -----------------------------------------

def affine(W, b, x):
    """u = Wx + b, a list of h numbers."""
    raise NotImplementedError


def affine_partial_W(W, b, x, i, j):
    """du/dW_ij, a list of h numbers (1a)."""
    raise NotImplementedError


def affine_partial_b(W, b, x, i):
    """du/db_i, a list of h numbers (1b)."""
    raise NotImplementedError


def affine_partial_x(W, b, x, i):
    """du/dx_i, a list of h numbers (1c)."""
    raise NotImplementedError


# --- 1d: the sigmoid; 2a-2g: the activations; 3b-3c: the losses of a margin t ----------------------------------------

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
    """log(1 + e^(-y a))."""
    raise NotImplementedError


def label_logistic_derivative(a, y):
    """f_e(a), the derivative in a."""
    raise NotImplementedError


def logsumexp(a):
    """ln(e^(a_1) + ... + e^(a_n)) of a list of numbers."""
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
    """One full-batch gradient step on the mean loss over the rows of X: a dict {"W", "b", "w"}."""
    raise NotImplementedError


# --- The protocol loop: nothing to change below -----------------------------------------------------------------------

SCALARS = ["sigmoid", "tanh", "erf", "relu", "leaky-relu", "sin", "gaussian", "softplus", "logistic", "hinge", "smooth-hinge"]


def _function(name, derivative):
    """The function of this file that a request names, looked up when the request arrives."""
    return globals()[name.replace("-", "_") + ("_derivative" if derivative else "")]


def answer(request):
    fn = request["fn"]
    if fn in SCALARS:
        f = _function(fn, request.get("derivative", False))
        return [f(x) for x in request["x"]]
    if fn == "plu":
        f = _function(fn, request.get("derivative", False))
        return [f(x, request["alpha"], request["c"]) for x in request["x"]]
    if fn == "label-logistic":
        f = _function(fn, request.get("derivative", False))
        return [f(a, request["y"]) for a in request["x"]]
    if fn == "logsumexp":
        return [logsumexp(a) for a in request["a"]]
    if fn == "affine":
        return affine(request["W"], request["b"], request["x"])
    if fn == "affine-partial":
        wrt = request["wrt"]
        if wrt == "W":
            return affine_partial_W(request["W"], request["b"], request["x"], request["i"], request["j"])
        return (affine_partial_b if wrt == "b" else affine_partial_x)(request["W"], request["b"], request["x"], request["i"])
    if fn == "network":
        return network(request["W"], request["b"], request["w"], request["x"], request["y"],
                       request.get("activation", "sigmoid"), request.get("loss", "logistic"))
    if fn == "gd-step":
        return gd_step(request["W"], request["b"], request["w"], request["X"], request["Y"], request["lr"],
                       request.get("activation", "sigmoid"), request.get("loss", "logistic"))
    raise ValueError("unknown fn " + str(fn))


def plain(value):
    """The value with what json cannot write made plain: numpy arrays and scalars (anything with .tolist()) become
    lists and Python numbers, inside lists, tuples and dicts too. numpy is not needed for this."""
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
