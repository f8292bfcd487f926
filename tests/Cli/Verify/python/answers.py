"""Correct answers for every stub of templates/python/solution.py, in stable forms and the standard library only.

The tests append this file to the template (before its main guard), so that these definitions replace the stubs; the
filled template must then pass every check of `calculus verify` (tests/Cli/Verify/TemplateTests.cs).
"""
import math


def affine(W, b, x):
    return [sum(wij * xj for wij, xj in zip(row, x)) + bi for row, bi in zip(W, b)]


def affine_partial_W(W, b, x, i, j):
    return [x[j] if k == i else 0.0 for k in range(len(W))]


def affine_partial_b(W, b, x, i):
    return [1.0 if k == i else 0.0 for k in range(len(W))]


def affine_partial_x(W, b, x, i):
    return [row[i] for row in W]


def sigmoid(x):
    if x >= 0:
        return 1.0 / (1.0 + math.exp(-x))
    e = math.exp(x)
    return e / (1.0 + e)


def sigmoid_derivative(x):
    e = math.exp(-abs(x))
    return e / ((1.0 + e) * (1.0 + e))


def tanh(x):
    return math.tanh(x)


def tanh_derivative(x):
    e = math.exp(-2.0 * abs(x))
    return 4.0 * e / ((1.0 + e) * (1.0 + e))


def erf(x):
    return math.erf(x)


def erf_derivative(x):
    return 2.0 / math.sqrt(math.pi) * math.exp(-x * x)


def relu(x):
    return 0.0 if x <= 0 else x  # NaN in, NaN out


def relu_derivative(x):
    if math.isnan(x):
        return x
    return 1.0 if x > 0 else 0.0


def leaky_relu(x):
    return x if x > 0 else 0.01 * x


def leaky_relu_derivative(x):
    if math.isnan(x):
        return x
    return 1.0 if x > 0 else 0.01


def plu(x, alpha, c):
    # piecewise, so that alpha = 0 at x = +-inf gives +-c rather than 0 * inf = nan
    if x > c:
        return c + (alpha * (x - c) if alpha != 0 else 0.0)
    if x < -c:
        return -c + (alpha * (x + c) if alpha != 0 else 0.0)
    return x


def plu_derivative(x, alpha, c):
    if math.isnan(x):
        return x
    return 1.0 if -c < x < c else alpha


def sin(x):
    return math.sin(x)


def sin_derivative(x):
    return math.cos(x)


def gaussian(x):
    return math.exp(-x * x)


def gaussian_derivative(x):
    g = math.exp(-x * x)
    return 0.0 if g == 0.0 else -2.0 * x * g


def softplus(x):
    return max(x, 0.0) + math.log1p(math.exp(-abs(x)))


def softplus_derivative(x):
    return sigmoid(x)


def logistic(t):
    return softplus(-t)


def logistic_derivative(t):
    return -sigmoid(-t)


def hinge(t):
    return 0.0 if t >= 1 else 1.0 - t  # NaN in, NaN out


def hinge_derivative(t):
    if math.isnan(t):
        return t
    return -1.0 if t < 1 else 0.0


def smooth_hinge(t):
    return softplus(1.0 - t)


def smooth_hinge_derivative(t):
    return -sigmoid(1.0 - t)


def label_logistic(a, y):
    return softplus(-y * a)


def label_logistic_derivative(a, y):
    return -y * sigmoid(-y * a)


def logsumexp(a):
    m = max(a)
    if math.isinf(m):
        return m
    return m + math.log(sum(math.exp(v - m) for v in a))


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
    a = affine(W, b, x)
    s = [f(ai) for ai in a]
    z = sum(wi * si for wi, si in zip(w, s))
    fe = dvalue(z, y)
    g = [fe * wi * fd(ai) for wi, ai in zip(w, a)]
    return {
        "loss": value(z, y),
        "dW": [[gi * xj for xj in x] for gi in g],
        "db": g,
        "dw": [fe * si for si in s],
        "dx": [sum(W[i][j] * g[i] for i in range(len(W))) for j in range(len(x))],
    }


def gd_step(W, b, w, X, Y, lr, activation, loss):
    n = len(X)
    gW = [[0.0] * len(W[0]) for _ in W]
    gb = [0.0] * len(b)
    gw = [0.0] * len(w)
    for x, y in zip(X, Y):
        r = network(W, b, w, x, y, activation, loss)
        for i in range(len(W)):
            for j in range(len(W[0])):
                gW[i][j] += r["dW"][i][j]
            gb[i] += r["db"][i]
            gw[i] += r["dw"][i]
    return {
        "W": [[W[i][j] - lr * gW[i][j] / n for j in range(len(W[0]))] for i in range(len(W))],
        "b": [b[i] - lr * gb[i] / n for i in range(len(b))],
        "w": [w[i] - lr * gw[i] / n for i in range(len(w))],
    }
