"""Correct answers for every stub of templates/numpy/solution.py, vectorized, in stable forms.

The tests insert this file into the template (before its main guard), so that these definitions replace the stubs; the
filled template must then pass every check of `calculus verify` (tests/Cli/Verify/NumpyTemplateTests.cs). Each scalar
function gets a float64 array of points and returns an array of the same length.
"""
import math

import numpy as np

np.seterr(over="ignore", invalid="ignore")  # np.where computes both branches: an inf or nan in the one not taken is fine


def affine(W, b, x):
    return W @ x + b


def affine_partial_W(W, b, x, i, j):
    u = np.zeros(len(W))
    u[i] = x[j]
    return u


def affine_partial_b(W, b, x, i):
    u = np.zeros(len(W))
    u[i] = 1.0
    return u


def affine_partial_x(W, b, x, i):
    return W[:, i]


def sigmoid(x):
    e = np.exp(-np.abs(x))
    return np.where(x >= 0, 1.0 / (1.0 + e), e / (1.0 + e))


def sigmoid_derivative(x):
    e = np.exp(-np.abs(x))
    return e / ((1.0 + e) * (1.0 + e))


def tanh(x):
    return np.tanh(x)


def tanh_derivative(x):
    e = np.exp(-2.0 * np.abs(x))
    return 4.0 * e / ((1.0 + e) * (1.0 + e))


def erf(x):
    return np.array([math.erf(v) for v in x])


def erf_derivative(x):
    return 2.0 / math.sqrt(math.pi) * np.exp(-x * x)


def relu(x):
    return np.maximum(0.0, x)


def relu_derivative(x):
    return np.where(np.isnan(x), x, np.where(x > 0, 1.0, 0.0))


def leaky_relu(x):
    return np.where(x > 0, x, 0.01 * x)


def leaky_relu_derivative(x):
    return np.where(np.isnan(x), x, np.where(x > 0, 1.0, 0.01))


def plu(x, alpha, c):
    # piecewise, so that alpha = 0 at x = +-inf gives +-c rather than 0 * inf = nan
    above = c + (alpha * (x - c) if alpha != 0 else 0.0)
    below = -c + (alpha * (x + c) if alpha != 0 else 0.0)
    return np.where(x > c, above, np.where(x < -c, below, x))


def plu_derivative(x, alpha, c):
    return np.where(np.isnan(x), x, np.where((-c < x) & (x < c), 1.0, alpha))


def sin(x):
    return np.sin(x)


def sin_derivative(x):
    return np.cos(x)


def gaussian(x):
    return np.exp(-x * x)


def gaussian_derivative(x):
    g = np.exp(-x * x)
    return np.where(g == 0.0, 0.0, -2.0 * x * g)


def softplus(x):
    return np.maximum(x, 0.0) + np.log1p(np.exp(-np.abs(x)))


def softplus_derivative(x):
    return sigmoid(x)


def logistic(t):
    return softplus(-t)


def logistic_derivative(t):
    return -sigmoid(-t)


def hinge(t):
    return np.maximum(0.0, 1.0 - t)


def hinge_derivative(t):
    return np.where(np.isnan(t), t, np.where(t < 1, -1.0, 0.0))


def smooth_hinge(t):
    return softplus(1.0 - t)


def smooth_hinge_derivative(t):
    return -sigmoid(1.0 - t)


def label_logistic(a, y):
    return softplus(-y * a)


def label_logistic_derivative(a, y):
    return -y * sigmoid(-y * a)


def logsumexp(a):
    m = np.max(a)
    if np.isinf(m):
        return m
    return m + np.log(np.sum(np.exp(a - m)))


ACTIVATIONS = {
    "sigmoid": (sigmoid, sigmoid_derivative),
    "tanh": (tanh, tanh_derivative),
    "erf": (erf, erf_derivative),
    "relu": (relu, relu_derivative),
    "leaky-relu": (leaky_relu, leaky_relu_derivative),
    "plu": (lambda x: plu(x, 0.1, 1.0), lambda x: plu_derivative(x, 0.1, 1.0)),
    "sin": (sin, sin_derivative),
    "gaussian": (gaussian, gaussian_derivative),
}

LOSSES = {  # the loss of a score z with label y, and its derivative in z
    "logistic": (lambda z, y: label_logistic(z, y), lambda z, y: label_logistic_derivative(z, y)),
    "smooth-hinge": (lambda z, y: smooth_hinge(y * z), lambda z, y: y * smooth_hinge_derivative(y * z)),
    "hinge": (lambda z, y: hinge(y * z), lambda z, y: y * hinge_derivative(y * z)),
}


def network(W, b, w, x, y, activation, loss):
    f, fd = ACTIVATIONS[activation]
    value, dvalue = LOSSES[loss]
    a = W @ x + b
    s = f(a)
    z = w @ s
    fe = dvalue(z, y)
    g = fe * w * fd(a)
    return {"loss": value(z, y), "dW": np.outer(g, x), "db": g, "dw": fe * s, "dx": W.T @ g}


def gd_step(W, b, w, X, Y, lr, activation, loss):
    grads = [network(W, b, w, x, y, activation, loss) for x, y in zip(X, Y)]
    return {
        "W": W - lr * np.mean([r["dW"] for r in grads], axis=0),
        "b": b - lr * np.mean([r["db"] for r in grads], axis=0),
        "w": w - lr * np.mean([r["dw"] for r in grads], axis=0),
    }
