"""Issue 21's case, inserted after answers.py into templates/python/solution.py: a solution that uses numpy in the
standard-library template, whose answers are numpy values that json.dumps cannot write by itself. Right answers."""
import numpy as np


def affine(W, b, x):
    return np.array(W) @ np.array(x) + np.array(b)  # an ndarray


def affine_partial_b(W, b, x, i):
    return list(np.eye(len(W), dtype=int)[i])  # a list of int64 scalars


def relu(x):
    return np.maximum(0, x)  # a numpy scalar


def relu_derivative(x):
    return x if np.isnan(x) else np.where(x > 0, 1, 0)  # a 0-d ndarray of int64
