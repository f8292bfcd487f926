#!/usr/bin/env python3
"""Generate high-precision, correctly rounded reference values.

Writes two files next to this script:

  scalar.csv     rows ``function,args,expected`` for the activation / loss
                 functions and their derivatives, plus ``lse`` / ``lse_excess``.
  networks.json  loss, output and exact gradients of a one-hidden-layer
                 sigmoid network with logistic loss.

Every value is computed from the exact double inputs with mpmath at PREC bits
(piecewise-linear functions with exact rational arithmetic), turned into an
exact ``fractions.Fraction`` and rounded to the nearest double with
``float(Fraction)`` (round-half-even, subnormals included).  Each value is
evaluated a second time at CHECK_PREC bits and the script raises if the two
rounded doubles differ.

The script is deterministic (fixed seed).  Usage:

    python3 tests/Examples/Reference/generate_reference.py
"""

import csv
import json
import math
import random
import struct
import sys
import time
from fractions import Fraction
from pathlib import Path

from mpmath import mp, mpf

PREC = 320
CHECK_PREC = 3000
SEED = 20240531
OUT_DIR = Path(__file__).resolve().parent
DBL_MAX = sys.float_info.max
INF = math.inf

# ---------------------------------------------------------------------------
# Correct rounding
# ---------------------------------------------------------------------------


def round_to_double(v):
    """Round an mpf, Fraction or int exactly to the nearest double (ties to even)."""
    if isinstance(v, (int, Fraction)):
        q = Fraction(v)
    else:
        if mp.isnan(v):
            raise ValueError("NaN result")
        if mp.isinf(v):
            return INF if v > 0 else -INF
        sign, man, exp, bc = v._mpf_
        if man == 0:
            return 0.0
        top = exp + bc  # 2**(top-1) <= |v| < 2**top
        if top <= -1075:  # below half the smallest subnormal: rounds to zero
            return -0.0 if sign else 0.0
        if top > 1025:  # far beyond the overflow threshold
            return -INF if sign else INF
        q = Fraction(man << exp) if exp >= 0 else Fraction(man, 1 << -exp)
        if sign:
            q = -q
    try:
        return float(q)  # correctly rounded, handles subnormals / underflow
    except OverflowError:
        return INF if q > 0 else -INF


def same_double(a, b):
    return struct.pack("<d", a) == struct.pack("<d", b)


def evaluate(fn, args):
    """Evaluate fn(*args) at PREC and CHECK_PREC bits; return the rounded double."""
    results = []
    for prec in (PREC, CHECK_PREC):
        with mp.workprec(prec):
            results.append(round_to_double(fn(*args)))
    if not same_double(*results):
        raise ArithmeticError(
            f"{fn.__name__}{tuple(args)!r}: {results[0]!r} at {PREC} bits "
            f"but {results[1]!r} at {CHECK_PREC} bits")
    return results[0]


def fmt(x):
    """Shortest round-trip text of a double (Infinity spelled out)."""
    if math.isnan(x):
        raise ValueError("NaN is never written")
    if math.isinf(x):
        return "Infinity" if x > 0 else "-Infinity"
    return repr(x)


# ---------------------------------------------------------------------------
# Function definitions (arguments are the exact doubles)
# ---------------------------------------------------------------------------


def _sigmoid(u):
    return 1 / (1 + mp.exp(-u))


# -- sigmoid / tanh / erf / sin / gaussian ---------------------------------

def sigmoid(x):
    return _sigmoid(mpf(x))


def sigmoid_d(x):
    return _sigmoid(mpf(x)) * _sigmoid(-mpf(x))


def tanh(x):
    return mp.tanh(mpf(x))


def tanh_d(x):
    return mp.sech(mpf(x)) ** 2


def erf(x):
    return mp.erf(mpf(x))


def erf_d(x):
    x = mpf(x)
    return 2 / mp.sqrt(mp.pi) * mp.exp(-x * x)


def sin(x):
    return mp.sin(mpf(x))


def sin_d(x):
    return mp.cos(mpf(x))


def gaussian(x):
    x = mpf(x)
    return mp.exp(-x * x)


def gaussian_d(x):
    x = mpf(x)
    return -2 * x * mp.exp(-x * x)


# -- softplus and logistic-type losses --------------------------------------

def softplus(x):
    return mp.log1p(mp.exp(mpf(x)))


def softplus_d(x):
    return _sigmoid(mpf(x))


def logistic(t):
    return mp.log1p(mp.exp(-mpf(t)))


def logistic_d(t):
    return -_sigmoid(-mpf(t))


def smooth_hinge(t):
    return mp.log1p(mp.exp(mp.fsub(1, t, exact=True)))


def smooth_hinge_d(t):
    return -_sigmoid(mp.fsub(1, t, exact=True))


def label_logistic(a, y):
    return mp.log1p(mp.exp(-mp.fmul(y, a, exact=True)))


def label_logistic_d(a, y):
    return -mpf(y) * _sigmoid(-mp.fmul(y, a, exact=True))


# -- piecewise linear (exact rational arithmetic) ----------------------------

LEAKY_SLOPE = Fraction(1, 100)
PLU_ALPHA = Fraction(1, 10)
PLU_C = Fraction(1)


def relu(x):
    return max(Fraction(0), Fraction(x))


def relu_d(x):
    return Fraction(1 if x > 0 else 0)


def leaky_relu(x):
    x = Fraction(x)
    return max(LEAKY_SLOPE * x, x)


def leaky_relu_d(x):
    return Fraction(1) if x > 0 else Fraction(0.01)


def plu(x):
    x = Fraction(x)
    a, c = PLU_ALPHA, PLU_C
    return max(a * (x + c) - c, min(a * (x - c) + c, x))


def plu_d(x):
    return Fraction(1) if abs(x) < PLU_C else Fraction(0.1)


def hinge(t):
    return max(Fraction(0), 1 - Fraction(t))


def hinge_d(t):
    return Fraction(-1 if t < 1 else 0)


# -- log-sum-exp -------------------------------------------------------------

def _lse_parts(a):
    """Return (max a, exact excess ln sum exp(a_i - max))."""
    k = max(range(len(a)), key=lambda i: a[i])
    m = mpf(a[k])
    rest = mp.fsum(mp.exp(mp.fsub(a[i], m, exact=True))
                   for i in range(len(a)) if i != k)
    return m, mp.log1p(rest)


def lse(*a):
    m, excess = _lse_parts(a)
    return m + excess


def lse_excess(*a):
    return _lse_parts(a)[1]


SCALAR_FUNCTIONS = [
    ("sigmoid", sigmoid, sigmoid_d),
    ("tanh", tanh, tanh_d),
    ("erf", erf, erf_d),
    ("relu", relu, relu_d),
    ("leaky_relu", leaky_relu, leaky_relu_d),
    ("plu", plu, plu_d),
    ("sin", sin, sin_d),
    ("gaussian", gaussian, gaussian_d),
    ("softplus", softplus, softplus_d),
    ("logistic", logistic, logistic_d),
    ("smooth_hinge", smooth_hinge, smooth_hinge_d),
    ("hinge", hinge, hinge_d),
]

# Odd functions with f(x) ~ x at 0: an exact zero result at x = -0.0 is -0.0.
SIGN_PRESERVING = {"tanh", "erf", "sin", "leaky_relu", "plu"}

# ---------------------------------------------------------------------------
# Input points
# ---------------------------------------------------------------------------

# (threshold, natural sign); the natural side gets a full cluster, the
# mirrored side a small one.
THRESHOLDS = [
    19.0615474653985,    # tanh -> 1
    36.7368005696771,    # sigmoid -> 1
    37.43,               # sigmoid -> 1
    709.7827128933841,   # exp overflow
    -708.3964,           # exp becomes subnormal
    745.1332191019412,   # exp -> 0
    5.921587195794507,   # erf -> 1
    26.6157,             # exp(-x^2) subnormal
    27.2971,             # exp(-x^2) -> 0
    33.27,               # softplus(x) == x
    30.0, 15.0, 1.0, 0.5,
]

SPECIAL_MAGNITUDES = [
    0.0, 5e-324, 1e-323, 2.225073858507201e-308, 2.2250738585072014e-308,
    1e-300, 2.0 ** -27, math.nextafter(2.0 ** -27, INF),
    math.nextafter(2.0 ** -27, 0.0), 1e-8, 2.0, 100.0, 710.0, 800.0,
    1e300, 1.7e308, DBL_MAX,
]

N_RANDOM_SCALAR = 20


def random_double(rng):
    """Random sign, log-uniform magnitude over the whole finite range."""
    v = math.ldexp(rng.uniform(1.0, 2.0), rng.randint(-1074, 1023))
    return -v if rng.random() < 0.5 else v


def log_uniform(rng, lo, hi):
    return math.exp(rng.uniform(math.log(lo), math.log(hi)))


def cluster(t, full):
    pts = [t, math.nextafter(t, INF), math.nextafter(t, -INF), t + 0.01, t - 0.01]
    if full:
        pts += [t * (1 + 1e-9), t * (1 - 1e-9), t + 0.5, t - 0.5]
    return pts


def unique_sorted(points):
    """Deduplicate by bit pattern (keeps 0.0 and -0.0 apart), sort by value."""
    seen = {}
    for p in points:
        if math.isfinite(p):
            seen.setdefault(struct.pack("<d", p), p)
    return sorted(seen.values(), key=lambda v: (v, math.copysign(1, v)))


def scalar_points(rng):
    pts = []
    for m in SPECIAL_MAGNITUDES:
        pts += [m, -m]
    for t in THRESHOLDS:
        pts += cluster(t, full=True) + cluster(-t, full=False)
    pts += [random_double(rng) for _ in range(N_RANDOM_SCALAR)]
    return unique_sorted(pts)


def hinge_extra_points():
    """Additional points around t = 1 and where 1 - t hits a threshold."""
    pts = [1 + 2.0 ** -30, 1 - 2.0 ** -30, 1 + 1e-12, 1 - 1e-12,
           math.nextafter(1.0, INF), math.nextafter(1.0, -INF)]
    for t in (36.7368005696771, 709.7827128933841, 745.1332191019412, 33.27):
        pts += [1 + t, 1 - t]
    return pts


def label_logistic_pairs(rng):
    pairs = []
    unit = (-1.0, 1.0)
    # y = +-1, special a and a over the whole range
    for y in unit:
        for a in (0.0, -0.0, 5e-324, -5e-324, 1e-300, -1e-300, 36.7368005696771,
                  -36.7368005696771, 709.7827128933841, -709.7827128933841,
                  745.1332191019412, -745.1332191019412, 1e300, -1e300,
                  DBL_MAX, -DBL_MAX):
            pairs.append((a, y))
    pairs += [(random_double(rng), rng.choice(unit)) for _ in range(40)]
    pairs += [(rng.choice(unit) * rng.uniform(700, 800), rng.choice(unit))
              for _ in range(40)]
    pairs += [(rng.choice(unit) * rng.uniform(36, 38), rng.choice(unit))
              for _ in range(24)]

    # real y with log-uniform magnitude in [1e-3, 1e3]; a chosen so that
    # y*a lands near a target product p
    def real_y():
        return rng.choice(unit) * log_uniform(rng, 1e-3, 1e3)

    targets = ([rng.choice(unit) * log_uniform(rng, 1e-300, 1e300) for _ in range(60)]
               + [rng.choice(unit) * rng.uniform(700, 800) for _ in range(50)]
               + [rng.choice(unit) * rng.uniform(36, 38) for _ in range(30)]
               + [1e300, -1e300, 1e305, -1e305, 1e308, -1e308])
    for p in targets:
        y = real_y()
        pairs.append((p / y, y))
    pairs += [(random_double(rng), real_y()) for _ in range(14)]
    # drop pairs whose exact product overflows the double range
    return [(a, y) for a, y in pairs
            if math.isfinite(a) and abs(Fraction(a) * Fraction(y)) <= DBL_MAX]


def lse_vectors(rng):
    unit = (-1.0, 1.0)
    vecs = [
        [1000.0, 1000.0], [-1000.0, -1000.0, -1000.0], [0.0, -40.0],
        [0.0, -0.0], [1.0] * 8, [DBL_MAX, DBL_MAX], [-DBL_MAX, -DBL_MAX],
        [DBL_MAX, -DBL_MAX], [1.7e308, 1.7e308, 1.7e308],
        [-1e300, -1e300, -1e300], [-745.0, -745.0], [-745.1332191019412, -746.0],
        [709.7827128933841, 709.7827128933841], [1e300, -1e300],
        [5e-324, -5e-324], [36.7368005696771, 0.0], [0.0, -745.1332191019412],
        [-1e-3, -1e-3, -1e-3, -1e-3],
    ]

    def entry():
        if rng.random() < 0.05:
            return rng.choice(unit) * rng.choice((1.7e308, DBL_MAX))
        return rng.choice(unit) * log_uniform(rng, 1e-3, 1e300)

    # random entries over the whole range
    for _ in range(60):
        vecs.append([entry() for _ in range(rng.randint(2, 8))])
    # controlled gap between the largest and the second largest entry
    for _ in range(70):
        n = rng.randint(2, 8)
        top = rng.choice(unit) * log_uniform(rng, 1e-3, 1e4)
        gap = log_uniform(rng, 1e-3, 800)
        second = top - gap
        v = [top, second] + [second - log_uniform(rng, 1e-3, 1e3)
                             for _ in range(n - 2)]
        rng.shuffle(v)
        vecs.append(v)
    # all entries large and negative
    for centre in (-745.0, -1e5, -1e300):
        for _ in range(10):
            n = rng.randint(2, 8)
            vecs.append([centre * (1 + rng.uniform(-0.01, 0.01)) for _ in range(n)])
    # equal entries
    for _ in range(15):
        vecs.append([entry()] * rng.randint(2, 8))
    # entries of moderate size
    for _ in range(20):
        n = rng.randint(2, 8)
        vecs.append([rng.choice(unit) * log_uniform(rng, 1e-3, 50) for _ in range(n)])
    return vecs


# ---------------------------------------------------------------------------
# scalar.csv
# ---------------------------------------------------------------------------


def scalar_rows(rng):
    rows = []
    base = scalar_points(rng)
    hinge_pts = unique_sorted(base + hinge_extra_points())
    for name, f, df in SCALAR_FUNCTIONS:
        pts = hinge_pts if name in ("hinge", "smooth_hinge") else base
        for fname, fn in ((name, f), (name + "'", df)):
            for x in pts:
                y = evaluate(fn, (x,))
                if math.isinf(y):
                    continue
                if y == 0 and fname in SIGN_PRESERVING and math.copysign(1, x) < 0:
                    y = -0.0
                rows.append((fname, fmt(x), fmt(y)))

    pairs = label_logistic_pairs(rng)
    for fname, fn in (("label_logistic", label_logistic),
                      ("label_logistic'", label_logistic_d)):
        for a, y in pairs:
            v = evaluate(fn, (a, y))
            if not math.isinf(v):
                rows.append((fname, f"{fmt(a)} {fmt(y)}", fmt(v)))

    vecs = lse_vectors(rng)
    for fname, fn in (("lse", lse), ("lse_excess", lse_excess)):
        for vec in vecs:
            v = evaluate(fn, tuple(vec))
            if math.isinf(v):
                continue
            if fname == "lse" and abs(v) < 0.1:  # cancellation cases tested elsewhere
                continue
            rows.append((fname, " ".join(fmt(a) for a in vec), fmt(v)))
    return rows


def write_scalar_csv(rows, path):
    with open(path, "w", newline="") as fh:
        w = csv.writer(fh, lineterminator="\n", quoting=csv.QUOTE_NONE)
        w.writerow(("function", "args", "expected"))
        w.writerows(rows)


# ---------------------------------------------------------------------------
# networks.json
# ---------------------------------------------------------------------------

NETWORK_SHAPES = [(1, 1), (2, 2), (3, 2), (2, 5), (4, 4), (8, 3), (16, 16),
                  (1, 4), (5, 1), (6, 7), (10, 2), (3, 12)]
NETWORK_SCALES = (0.1, 1.0, 3.0)
REAL_Y_CASE = 5  # index of the case with y = 0.7


def network_gradients(W, b, w, x, y):
    """Loss, z and exact gradients as mpf values at the current precision."""
    h, d = len(W), len(x)
    a = [mp.fsum(mp.fmul(W[i][j], x[j], exact=True) for j in range(d)) + b[i]
         for i in range(h)]
    s = [_sigmoid(ai) for ai in a]
    z = mp.fsum(mpf(w[i]) * s[i] for i in range(h))
    yz = mpf(y) * z
    loss = mp.log1p(mp.exp(-yz))
    fe = -mpf(y) * _sigmoid(-yz)
    g = [fe * w[i] * s[i] * _sigmoid(-a[i]) for i in range(h)]
    return {
        "loss": loss,
        "z": z,
        "dW": [[g[i] * x[j] for j in range(d)] for i in range(h)],
        "db": g,
        "dw": [fe * s[i] for i in range(h)],
        "dx": [mp.fsum(W[i][j] * g[i] for i in range(h)) for j in range(d)],
    }


def _round_tree(v):
    if isinstance(v, list):
        return [_round_tree(e) for e in v]
    return round_to_double(v)


def network_case(rng, h, d, scale, y):
    def gauss():
        return rng.gauss(0.0, 1.0) * scale

    W = [[gauss() for _ in range(d)] for _ in range(h)]
    b = [gauss() for _ in range(h)]
    w = [gauss() for _ in range(h)]
    x = [gauss() for _ in range(d)]
    results = []
    for prec in (PREC, CHECK_PREC):
        with mp.workprec(prec):
            results.append({k: _round_tree(v)
                            for k, v in network_gradients(W, b, w, x, y).items()})
    if json.dumps(results[0]) != json.dumps(results[1]):
        raise ArithmeticError(f"network ({h},{d}) differs between precisions")
    case = {"hidden": h, "inputs": d, "W": W, "b": b, "w": w, "x": x, "y": y}
    case.update(results[0])
    return case


def network_cases(rng):
    cases = []
    for k, (h, d) in enumerate(NETWORK_SHAPES):
        scale = NETWORK_SCALES[k % len(NETWORK_SCALES)]
        y = 0.7 if k == REAL_Y_CASE else (-1.0, 1.0)[k % 2]
        cases.append(network_case(rng, h, d, scale, y))
    return cases


def write_networks_json(cases, path):
    with open(path, "w") as fh:
        json.dump(cases, fh, indent=1, allow_nan=False)
        fh.write("\n")


# ---------------------------------------------------------------------------


def main():
    start = time.perf_counter()
    rng = random.Random(SEED)
    rows = scalar_rows(rng)
    write_scalar_csv(rows, OUT_DIR / "scalar.csv")
    cases = network_cases(rng)
    write_networks_json(cases, OUT_DIR / "networks.json")

    counts = {}
    for name, _, _ in rows:
        counts[name] = counts.get(name, 0) + 1
    for name, n in counts.items():
        print(f"{name:16s} {n:5d}")
    print(f"total rows       {len(rows):5d}")
    print(f"network cases    {len(cases):5d}")
    print(f"elapsed          {time.perf_counter() - start:.1f} s")


if __name__ == "__main__":
    main()
