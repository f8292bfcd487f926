"""Inserted after numpy_answers.py into templates/numpy/solution.py: the same right answers computed in single precision,
as PyTorch and JAX compute by default. Every array and number a request brings is rounded to float32 before the answer
functions see it (numpy then computes in float32: a Python float does not widen a float32 array), and every result is
rounded to float32 before it is written (math.erf, for one, returns a double)."""


def _array(values):
    return np.asarray(values, dtype=np.float32)


_plain64 = plain


def plain(value):
    if isinstance(value, (float, np.floating)) or (isinstance(value, np.ndarray) and value.dtype.kind == "f"):
        return np.asarray(value, dtype=np.float32).tolist()
    return _plain64(value)
