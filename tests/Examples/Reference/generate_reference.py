#!/usr/bin/env python3
"""Generate high-precision, correctly rounded reference values.

Writes four files next to this script:

  scalar.csv       rows ``function,args,expected`` for the activation / loss
                   functions and their derivatives, plus ``lse`` / ``lse_excess``.
  networks.json    loss, output and exact gradients of a one-hidden-layer
                   sigmoid network with logistic loss.
  trig.csv         rows ``function,args,expected,note`` for sin and sin' (cos)
                   where the reduction by pi/2 is hardest, published hard
                   inputs and random doubles of every exponent.
  two_over_pi.txt  the first 1280 bits of 2/pi in hexadecimal (the table of
                   src/Calculus/Internal/TrigReduction.cs is checked against it).

Every value is computed from the exact double inputs with mpmath at PREC bits
(piecewise-linear functions with exact rational arithmetic), turned into an
exact ``fractions.Fraction`` and rounded to the nearest double with
``float(Fraction)`` (round-half-even, subnormals included).  Each value is
evaluated a second time at CHECK_PREC bits and the script raises if the two
rounded doubles differ.

The script is deterministic (fixed seeds).  Usage:

    python3 tests/Examples/Reference/generate_reference.py        # all four
    python3 tests/Examples/Reference/generate_reference.py trig   # the last two
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
# trig.csv: sin and cos (sin') for every double, and the bits of 2/pi
# ---------------------------------------------------------------------------
#
# Sinusoid reduces its argument by pi/2 with a table of the bits of 2/pi
# (src/Calculus/Internal/TrigReduction.cs); two_over_pi.txt holds those bits as
# computed here, and a test compares the table with it.  trig.csv holds the
# cases where that reduction is hardest, with an independent rng so that
# scalar.csv does not change.

TRIG_SEED = 20250214
TWO_OVER_PI_BITS = 1280

# Hard-to-round inputs of CORE-MATH (nak5124/core-math, src/binary64/sin/sin.wc
# and cos/cos.wc at 9368e06556c7294dd593a6a7f3ec6aeb9710a613), the 60 + 60 of
# each that the conformance collection (../shared/conformance, collect_peers.py)
# sampled; the values below are computed here, not copied.
COREMATH_SIN = [
    "0x1.27e4c038085b2p-17", "0x1.9a853ffd7c89p-9", "0x1.7819b64667446p+1023", "0x1.5d557e2b67a3fp+1023",
    "0x1.b054958de4ad8p+829", "0x1.00dda8a3fa29cp+809", "0x1.99caa5236feeap+77", "0x1.250bfe1b08317p-25",
    "0x1.05c8f2e8c9541p-21", "0x1.173e19a53242ep-21", "0x1.6fc499a918bbdp-21", "0x1.b3a2770fbabd2p-20",
    "0x1.ea6bc71e151ffp-20", "0x1.e58ec08c0f41ep-19", "0x1.50523505fad59p-17", "0x1.13fba4f3bf5d7p-16",
    "0x1.51c5d1b2dec62p-15", "0x1.086a3691b254dp-14", "0x1.3eb6574d2662p-14", "0x1.4a56512bc106dp-14",
    "0x1.5ca541cbf0a73p-14", "0x1.0a3d346116547p-13", "0x1.d8db9539f6673p-13", "0x1.dea4fab98ebd4p-12",
    "0x1.4cce208eb24ecp-11", "0x1.a6a90b0ab7a69p-10", "0x1.ab6cb6a5cbb76p-10", "0x1.6c115ee34212bp-9",
    "0x1.2555ae57aaf2ap-8", "0x1.5f0118ea6adb1p-8", "0x1.3857aa40fb345p-6", "0x1.a9d37c0fce133p-6",
    "0x1.be19f7714837p-6", "0x1.fbfd642683144p-6", "0x1.9e4f42b713204p-5", "0x1.11ceaf607a76bp-4",
    "0x1.2296521575916p-2", "0x1.a9d7d7b142863p-2", "0x1.b9417b03f4bfbp-2", "0x1.3739037b31108p-1",
    "0x1.acdfd3860fdc7p-1", "0x1.ed7ff77d2d245p-1", "0x1.368d6cb6dfddep+1", "0x1.a6f659a990eefp+1",
    "0x1.a61beecbf55a3p+1", "0x1.faa375ff018dep+2", "0x1.63490b611321p+3", "0x1.e5630f9eca867p+4",
    "0x1.9271f1579b6aep+2", "0x1.a4461739a1f9ep+2", "0x1.c081d0a1777bep+3", "0x1.88276a360878cp+5",
    "0x1.8f349bfb727c8p+6", "0x1.668adf74b50cap+7", "0x1.cdf1c4f884a65p+8", "0x1.3992203aa6d25p+9",
    "0x1.897a9bd04cb0dp+9", "0x1.a36e3595cf595p+9", "0x1.d06c530bb2295p+10", "0x1.7217f802f7948p+0",
]
COREMATH_COS = [
    "0x1.26c10efaf424fp-21", "0x1.937c5ff87f807p-1", "0x1.fffffffffffc5p-27", "0x1.000000000003cp-26",
    "0x1.3988e14092127p-26", "0x1.bb67ae8584c7ap-26", "0x1.bb67ae8584c8ep-26", "0x1.13463fa370151p-24",
    "0x1.d64d51e0db1ccp-24", "0x1.be8ad249a57dcp-20", "0x1.ccced82c59ddap-20", "0x1.2160eedbad247p-19",
    "0x1.5dc113364c0adp-18", "0x1.9d570dc28904cp-18", "0x1.9696142ecf498p-17", "0x1.215a3a8d6e08fp-15",
    "0x1.eacf28542e9ep-15", "0x1.2d2d1c0d541b3p-13", "0x1.f033befd52937p-13", "0x1.1ca5e9b15dabep-12",
    "0x1.2c5bfed0c229ep-12", "0x1.3e64b06759103p-12", "0x1.ef59e76f463aep-12", "0x1.c9c6abca504d1p-11",
    "0x1.d5024fd159c96p-10", "0x1.3b8a25520315bp-9", "0x1.92f3e07966c18p-8", "0x1.957828179e7a8p-8",
    "0x1.587984325d099p-7", "0x1.0fc7defd2278bp-6", "0x1.441d04cd14265p-6", "0x1.2d9e343f0689dp-4",
    "0x1.91fb5f4c307f6p-4", "0x1.abdbaf5267fa6p-4", "0x1.e6e66c139e62cp-4", "0x1.83c055fe463f4p-3",
    "0x1.f855a5e1be41ep-3", "0x1.2e2c8247aa998p+0", "0x1.ba7bc8c4c755ap+0", "0x1.c60febc31587bp+0",
    "0x1.47dfe089d18bap+1", "0x1.e7f0971aad7cdp+1", "0x1.2e73bcc90ab3bp+2", "0x1.518a14042f895p+3",
    "0x1.dfcadb04a64f8p+3", "0x1.e19a3ac37035cp+3", "0x1.4aa8e3041631cp+4", "0x1.f794b447292a5p+4",
    "0x1.73647313dbbbbp+2", "0x1.ba8befc900adbp+3", "0x1.f294d1f6a1916p+3", "0x1.90a8dbc2832d8p+5",
    "0x1.bea6df0da5996p+6", "0x1.b208f5c942347p+7", "0x1.82e775b66126p+8", "0x1.f660719a419f7p+9",
    "0x1.f2012198487ffp+10", "0x1.5cb7228615492p+10", "0x1.78637a0454a55p+10", "0x1.6e8d778c94d66p+799",
]

# Inputs named in issue 14 (the platform's sin/cos ~1e5 ulp off there; the
# binade search below finds them too, with the other sign) and the double
# nearest to a multiple of pi/2 of all (6381956970095103 * 2^797, |r| = 2^-60.9).
ISSUE_INPUTS = ["0x1.4c96c11134d36p+578", "0x1.69eab0985179bp+246"]
NEAREST_OF_ALL = "0x1.6ac5b262ca1ffp+849"


def to_fraction(v):
    """The exact value of an mpf as a Fraction."""
    sign, man, exp, _ = v._mpf_
    q = Fraction(man << exp) if exp >= 0 else Fraction(man, 1 << -exp)
    return -q if sign else q


def two_over_pi_hex(bits):
    """floor(2/pi * 2^bits) in hexadecimal, checked at two precisions."""
    words = []
    for prec in (bits + 64, bits + 640):
        with mp.workprec(prec):
            words.append(int(mp.floor(2 / mp.pi * mpf(2) ** bits)))
    if words[0] != words[1]:
        raise ArithmeticError("2/pi differs between precisions")
    return format(words[0], "0%dx" % (bits // 4))


def nearest_to_multiple_of_pio2(e):
    """The double in [2^e, 2^(e+1)) found nearest to a multiple of pi/2.

    x = m * 2^(e-52) with m in [2^52, 2^53); x * 2/pi = m * beta (mod 1).  The
    m with the smallest distance of m * beta from an integer are multiples of
    the denominators of the convergents and semiconvergents of beta, so those
    are searched (nearly always the true minimum; the table needs only hard
    cases, not a proof).  Returns (x, |x - k pi/2| as a float).
    """
    with mp.workprec(max(e, 0) + 320):
        alpha = mpf(2) ** (e - 52) * 2 / mp.pi
        beta = to_fraction(alpha - mp.floor(alpha))
    lo, hi = 1 << 52, 1 << 53
    denominators = []
    y = beta
    q_prev, q = 0, 1
    while q < hi and y != 0:
        y = 1 / y
        a = math.floor(y)
        y -= a
        steps = range(1, a + 1) if a <= 128 else list(range(1, 65)) + list(range(a - 63, a + 1))
        denominators += [t * q + q_prev for t in steps]
        q_prev, q = q, a * q + q_prev
    best = None
    for d in denominators:
        if d >= hi:
            continue
        first = max(1, -(-lo // d))
        for m in range(first * d, min(first + 4, hi // d + 1) * d, d):
            if lo <= m < hi:
                t = m * beta
                dist = abs(t - round(t))
                if best is None or dist < best[0]:
                    best = (dist, m)
    dist, m = best
    return math.ldexp(m, e - 52), float(dist) * math.pi / 2


def trig_points(rng):
    """(x, note) pairs: the hard cases of the reduction, published ones, random ones."""
    pts = []
    # 1. the double nearest to a multiple of pi/2 in every binade [2^e, 2^(e+1)), e = 0..1023
    #    (|x - k pi/2| down to 2^-60.9); the sign alternates.
    for e in range(0, 1024):
        x, _ = nearest_to_multiple_of_pio2(e)
        pts.append((x if e % 2 == 0 else -x, f"nearest to k*pi/2 in binade 2^{e}"))
    with mp.workprec(400):
        # 2. nearest doubles to k pi/2 (cancellation) and to (2k+1) pi/4 (quadrant boundaries)
        for k in range(1, 129):
            x = round_to_double(k * mp.pi / 2)
            pts.append((x, f"nearest to {k}*pi/2"))
            if k <= 16:
                pts += [(math.nextafter(x, INF), f"next above {k}*pi/2"),
                        (math.nextafter(x, -INF), f"next below {k}*pi/2")]
        for k in range(0, 64):
            x = round_to_double((2 * k + 1) * mp.pi / 4)
            pts.append((x, f"nearest to {2 * k + 1}*pi/4"))
            if k <= 8:
                pts += [(math.nextafter(x, INF), f"next above {2 * k + 1}*pi/4"),
                        (math.nextafter(x, -INF), f"next below {2 * k + 1}*pi/4")]
    # 3. published hard inputs
    pts += [(float.fromhex(h), "CORE-MATH sin.wc") for h in COREMATH_SIN]
    pts += [(float.fromhex(h), "CORE-MATH cos.wc") for h in COREMATH_COS]
    pts += [(float.fromhex(h), "issue 14") for h in ISSUE_INPUTS]
    pts.append((2.4189825415928567e+23, "issue 14"))
    pts.append((float.fromhex(NEAREST_OF_ALL), "nearest to k*pi/2 of all doubles"))
    # 4. powers of two, the largest double, thresholds of small arguments, subnormals
    pts += [(math.ldexp(1.0, k), f"2^{k}") for k in range(-30, 1024, 4)]
    pts += [(DBL_MAX, "largest double"), (-DBL_MAX, "largest double")]
    for t in (2.0 ** -26, 2.0 ** -27, 2.0 ** -28):
        pts += [(t, "small"), (math.nextafter(t, INF), "small"), (math.nextafter(t, 0.0), "small")]
    pts += [(5e-324, "subnormal"), (-5e-324, "subnormal"), (1e-310, "subnormal"),
            (2.2250738585072014e-308, "smallest normal"), (0.0, "zero"), (-0.0, "zero")]
    # 5. random doubles: all exponents (log-uniform), |x| < 2^30, and |x| < 8
    pts += [(random_double(rng), "random: all exponents") for _ in range(800)]
    pts += [(rng.choice((-1.0, 1.0)) * log_uniform(rng, 2.0 ** -30, 2.0 ** 30), "random: |x| < 2^30")
            for _ in range(250)]
    pts += [(rng.uniform(-8.0, 8.0), "random: |x| < 8") for _ in range(250)]
    seen, unique = set(), []
    for x, note in pts:
        key = struct.pack("<d", x)
        if key not in seen:
            seen.add(key)
            unique.append((x, note))
    return unique


def trig_rows(rng):
    rows = []
    points = trig_points(rng)
    for fname, fn in (("sin", sin), ("sin'", sin_d)):
        for x, note in points:
            y = evaluate(fn, (x,))
            if y == 0 and fname == "sin" and math.copysign(1, x) < 0:
                y = -0.0
            rows.append((fname, fmt(x), fmt(y), note))
    return rows


def write_trig(rows, path):
    with open(path, "w", newline="") as fh:
        w = csv.writer(fh, lineterminator="\n", quoting=csv.QUOTE_NONE)
        w.writerow(("function", "args", "expected", "note"))
        w.writerows(rows)


def write_two_over_pi(path):
    with open(path, "w") as fh:
        fh.write(two_over_pi_hex(TWO_OVER_PI_BITS) + "\n")


# ---------------------------------------------------------------------------


def main():
    start = time.perf_counter()
    only_trig = sys.argv[1:] == ["trig"]
    counts = {}
    if not only_trig:
        rng = random.Random(SEED)
        rows = scalar_rows(rng)
        write_scalar_csv(rows, OUT_DIR / "scalar.csv")
        cases = network_cases(rng)
        write_networks_json(cases, OUT_DIR / "networks.json")
        for name, _, _ in rows:
            counts[name] = counts.get(name, 0) + 1
        counts["network cases"] = len(cases)
    trig = trig_rows(random.Random(TRIG_SEED))
    write_trig(trig, OUT_DIR / "trig.csv")
    write_two_over_pi(OUT_DIR / "two_over_pi.txt")
    counts["trig.csv rows"] = len(trig)

    for name, n in counts.items():
        print(f"{name:16s} {n:5d}")
    print(f"elapsed          {time.perf_counter() - start:.1f} s")


if __name__ == "__main__":
    main()
