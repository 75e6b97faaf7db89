"""numpy's samplers on the same cases as samplers.bench.mjs, in millions of samples per second.

Run: python3 bench/numpy_samplers.py (needs numpy). Generator is PCG64, one core.
"""

import time

import numpy as np

SIZE = 2_000_000
ROUNDS = 15
rng = np.random.default_rng(1)
weights = np.arange(1, 9, dtype=float)
probabilities = weights / weights.sum()

cases = [
    ("uniform [0, 1)", lambda: rng.random(SIZE)),
    ("normal (0, 1)", lambda: rng.standard_normal(SIZE)),
    ("lognormal (0, 1)", lambda: rng.lognormal(0.0, 1.0, SIZE)),
    ("gamma (shape 2)", lambda: rng.gamma(2.0, 1.0, SIZE)),
    ("gamma (shape 0.5)", lambda: rng.gamma(0.5, 1.0, SIZE)),
    ("Poisson (0.4)", lambda: rng.poisson(0.4, SIZE)),
    ("Poisson (30)", lambda: rng.poisson(30.0, SIZE)),
    ("negative binomial (n 2, p 0.3)", lambda: rng.negative_binomial(2, 0.3, SIZE)),
    ("negative binomial (mean 6, k 1.5)", lambda: rng.negative_binomial(1.5, 1.5 / 7.5, SIZE)),
    ("categorical (8 classes)", lambda: rng.choice(8, SIZE, p=probabilities)),
    ("Bernoulli (0.3)", lambda: rng.binomial(1, 0.3, SIZE)),
    ("uniform int [0, 99]", lambda: rng.integers(0, 100, SIZE)),
]


def rate(run):
    """Best rate over the rounds after a warm-up one, as the JS bench reports."""
    best = 0.0
    for round_ in range(ROUNDS + 1):
        start = time.perf_counter()
        run()
        seconds = time.perf_counter() - start
        if round_ > 0:
            best = max(best, SIZE / seconds / 1e6)
    return best


print(f"numpy {np.__version__}")
print(f"{'sampler':36}{'M samples/s':>12}")
for name, run in cases:
    print(f"{name:36}{rate(run):12.1f}")
