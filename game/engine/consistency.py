"""The outcome consistency check (CP327): a way through that is at least as good on every standard as
another must not end on a worse rung of the outcome ladder.

Comparing every pair of complete paths is out of the question (a large scenario has astronomically many),
so the check compares a bounded set of real ways, found over the state graph of `analysis.analyse`:

1. The exact per-ending score ranges rule most pairs of endings out at once: a way to the worse ending W
   can only be at least as good as a way to the better ending B if W's highest totals reach B's lowest
   on every standard.
2. For the pairs left, each ending gets its extreme ways: the way with the highest (for W) or lowest (for
   B) total over all standards, and for each standard the way with the highest (lowest) score on it, the
   total breaking ties. Each is one pass over the state graph in topological order.
3. Every extreme way to W is compared with every extreme way to B; the first W way that is at least as
   good on every standard as a B way is reported, with both choice sequences as evidence.

So every pair reported is real (two ways a player can take), and a pair of endings is reported at most
once. A violation that only some middle-of-the-range way shows can be missed; the extremes are where an
author's scoring mistakes show first.
"""

from __future__ import annotations

from dataclasses import dataclass

from .analysis import Analysis, AnalysisError, Step, Way, analyse
from .reference import Ladder
from .wording import signed

MAX_STANDARDS = 12  # more standards than this: the total's extremes only (each standard costs two passes)


@dataclass(frozen=True)
class Inconsistency:
    """`worse_way` ends at `worse` (a worse rung) although it is at least as good on every standard as
    `better_way`, which ends at `better`."""

    worse: str
    worse_way: Way
    better: str
    better_way: Way


def inconsistencies(analysis: Analysis, ladder: Ladder) -> list[Inconsistency]:
    scenario = analysis.scenario
    rung: dict[str, int] = {}
    for ending_id in analysis.ending_state:
        outcome = ladder.get(scenario.endings[ending_id].outcome)
        if outcome is not None:  # an unknown outcome is CP311's to report
            rung[ending_id] = outcome.severity
    low = {e: analysis.low[analysis.ending_state[e]] for e in rung}
    high = {e: analysis.high[analysis.ending_state[e]] for e in rung}
    pairs = [(w, b) for w in rung for b in rung
             if rung[w] > rung[b] and all(h >= lo for h, lo in zip(high[w], low[b], strict=True))]
    if not pairs:
        return []
    good = _extreme_ways(analysis, {w for w, _ in pairs}, highest=True)
    bad = _extreme_ways(analysis, {b for _, b in pairs}, highest=False)
    found = []
    for w, b in pairs:
        match = next(((a, z) for a in good[w] for z in bad[b]
                      if all(x >= y for x, y in zip(a.scores.values(), z.scores.values(), strict=True))), None)
        if match is not None:
            found.append(Inconsistency(w, match[0], b, match[1]))
    return found


def _objectives(width: int) -> list[int | None]:
    """The total (None), then each standard (its index), with the total as a tie-break."""
    return [None] if width > MAX_STANDARDS else [None, *range(width)]


def _extreme_ways(analysis: Analysis, endings: set[str], highest: bool) -> dict[str, list[Way]]:
    width = len(analysis.standards)
    states = {e: analysis.ending_state[e] for e in endings}
    reach = max((abs(v) for e in endings for bound in (analysis.low, analysis.high)
                 for v in bound[states[e]]), default=0)
    out: dict[str, list[Way]] = {e: [] for e in endings}
    span = 2 * width * reach + 1  # more than any difference of totals: the standard always decides first
    for standard in _objectives(width):
        parent = analysis.extreme_ways(standard, span, highest)
        for e, state in states.items():
            steps: list[Step] = analysis.way_to(state, parent)
            way = Way(analysis.numbers(steps), analysis.totals(steps))
            if way not in out[e]:
                out[e].append(way)
    return out


VALIDATE_NODES = 100  # the validator checks files up to this size (a hand-written one has 8 to 30 nodes);
# `python main.py paths` checks a file of any size, as it walks the states anyway


def outcome_warnings(scenario, framework_ids: list[str] | None, ladder: Ladder) -> list[tuple[str, tuple, str]]:
    """CP327 for the validator: (message, path in the file, hint) for each inconsistent pair of endings.
    Nothing for a file the analysis cannot walk (a loop, too many states): other checks speak for it."""
    if len(scenario.nodes) > VALIDATE_NODES:
        return []
    try:
        found = inconsistencies(analyse(scenario, framework_ids, max_states=20_000), ladder)
    except AnalysisError:
        return []
    return [(describe(scenario, ladder, x), ("endings", x.worse, "outcome"),
             "score the choices on the first way lower, or move one of the two endings on the ladder; "
             "'python main.py paths' lists every ending's score ranges") for x in found]


def describe(scenario, ladder: Ladder, x: Inconsistency) -> str:
    def rung(ending_id: str) -> str:
        outcome = ladder.get(scenario.endings[ending_id].outcome)
        return outcome.title.lower() if outcome else scenario.endings[ending_id].outcome

    def way(w: Way) -> str:
        scores = ", ".join(f"{sid}: {signed(value)}" for sid, value in w.scores.items())
        return f"choices {','.join(map(str, w.choices)) or '(none)'} ({scores})"

    return (f"ending '{x.worse}' ({rung(x.worse)}) is a worse outcome than '{x.better}' ({rung(x.better)}), "
            f"yet a way to it scores at least as well on every standard: {way(x.worse_way)} ends here, "
            f"{way(x.better_way)} ends at '{x.better}'")
