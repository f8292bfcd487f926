"""Inserted after answers.py into templates/python/solution.py: a request with an int anywhere but in the indices "i"
and "j" is answered with a TypeError, so that a check fails where Verify sends a whole number as a JSON integer ("0"
rather than "0.0"). Python's json reads "0" as an int, and numpy keeps it one: np.maximum(0, 0) is an int64."""


def _ints(value):
    """The ints in a request's value (true and false are not numbers here)."""
    if isinstance(value, list):
        return [n for v in value for n in _ints(v)]
    return [value] if isinstance(value, int) and not isinstance(value, bool) else []


_answer = answer


def answer(request):
    for key, value in request.items():
        if key in ("i", "j"):
            if not isinstance(value, int):
                raise TypeError("the index %s arrived as %r, not an int" % (key, value))
        elif _ints(value):
            raise TypeError("%s arrived with the int %r" % (key, _ints(value)[0]))
    return _answer(request)
