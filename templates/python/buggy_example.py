#!/usr/bin/env python3
"""A deliberately buggy solution of exercise sheet 4: the example of calculus verify in the README.

    calculus verify --exec "python3 templates/python/buggy_example.py" --only 1d,1e,3a --seed 7

It is templates/python/solution.py (imported: its protocol loop and its stubs, every one not implemented) with three
functions filled in wrongly, three classic mistakes:
    1d  sigma'(x) = sigma(x)(1 + sigma(x))        (the sign inside the bracket)
    1e  f_e(a) = -y e^(-ya) sigma(ya)             (the sheet's literal form: right, but NaN for ya <= -709.8)
    3a  ln(sum e^(a_i)) without the shift by max  (right, but it overflows to inf from a_i >= 709.8)
"""
import math
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import solution  # noqa: E402  (the template next to this file)


def sigmoid(x):
    return 1.0 / (1.0 + math.exp(-x)) if x >= 0 else math.exp(x) / (1.0 + math.exp(x))


def sigmoid_derivative(x):
    s = sigmoid(x)
    return s * (1 + s)


def label_logistic(a, y):
    return math.log1p(math.exp(-y * a)) if -y * a < 700 else -y * a


def label_logistic_derivative(a, y):
    try:
        e = math.exp(-y * a)
    except OverflowError:
        e = math.inf
    return -y * e * sigmoid(y * a)


def logsumexp(a):
    try:
        return math.log(sum(math.exp(v) for v in a))
    except OverflowError:
        return math.inf


# The template's loop looks each function up in its own module when a request arrives: these replace its stubs.
for _f in (sigmoid, sigmoid_derivative, label_logistic, label_logistic_derivative, logsumexp):
    setattr(solution, _f.__name__, _f)

if __name__ == "__main__":
    solution.main()
