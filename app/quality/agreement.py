"""Agreement between reviewers (pure): Krippendorff's alpha at the interval level, and summaries.

Data: ``units`` (here: the scorecard's questions, plus the dialogue score) x ``coders`` (the
reviewers). A value is a number or None (missing: N/A or not answered). Only units with at least
two values are pairable.

    D_o = 1/n * sum_u 1/(m_u - 1) * sum_{c != k in u} (v_c - v_k)**2
    D_e = 1/(n (n - 1)) * sum_{c != k over all pairable values} (v_c - v_k)**2
    alpha = 1 - D_o / D_e

with m_u the values in unit u and n the pairable values in total (Krippendorff 2011, "Computing
Krippendorff's Alpha-Reliability"). alpha is 1 for perfect agreement, about 0 for agreement at
chance level, negative for systematic disagreement. When every value is the same, D_e is 0 and
alpha is undefined: None (the UI says "no variation to measure").
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence


def krippendorff_alpha_interval(units: Sequence[Sequence[float | None]]) -> float | None:
    pairable = [[float(v) for v in unit if v is not None] for unit in units]
    pairable = [u for u in pairable if len(u) >= 2]
    n = sum(len(u) for u in pairable)
    if n < 2:
        return None
    d_o = 0.0
    for u in pairable:
        m = len(u)
        d_o += sum((a - b) ** 2 for i, a in enumerate(u) for j, b in enumerate(u) if i != j) / (m - 1)
    d_o /= n
    values = [v for u in pairable for v in u]
    # sum over ordered pairs c != k of (v_c - v_k)^2 = 2 * (n * sum(v^2) - (sum v)^2)
    total, squares = sum(values), sum(v * v for v in values)
    d_e = 2 * (n * squares - total * total) / (n * (n - 1))
    if d_e <= 1e-12:
        return None
    return 1.0 - d_o / d_e


def alpha_without(matrix: Mapping[int, Sequence[float | None]], coder: int) -> float | None:
    """alpha of the other coders (``matrix``: coder -> values per unit); higher than the overall
    alpha means ``coder`` pulls the agreement down."""
    others = [values for c, values in matrix.items() if c != coder]
    if len(others) < 2:
        return None
    return krippendorff_alpha_interval(list(zip(*others, strict=True)))


def mean_abs_deviation(matrix: Mapping[int, Sequence[float | None]], coder: int) -> float | None:
    """Mean |coder's value - mean of the other coders| over the units both have (0 = always with the group)."""
    mine = matrix[coder]
    diffs = []
    for k, v in enumerate(mine):
        if v is None:
            continue
        others = [vals[k] for c, vals in matrix.items() if c != coder and vals[k] is not None]
        if others:
            diffs.append(abs(v - sum(others) / len(others)))
    return sum(diffs) / len(diffs) if diffs else None


def spread(values: Sequence[float | None]) -> tuple[int, float | None, float | None, float | None, float | None]:
    """(count, min, max, mean, sample standard deviation) of the values present."""
    present = [float(v) for v in values if v is not None]
    if not present:
        return 0, None, None, None, None
    mean = sum(present) / len(present)
    sd = math.sqrt(sum((v - mean) ** 2 for v in present) / (len(present) - 1)) if len(present) > 1 else None
    return len(present), min(present), max(present), mean, sd
