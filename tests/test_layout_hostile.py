"""Random window sizes x text scales x screens, through the real screens: no traceback, no hang.
(bench/hostile.py runs the full 1,000 cases; this runs a sample that takes a few seconds.)"""

from tests.hostile import layout


def test_random_layouts_never_raise_or_hang():
    problems: list[str] = []
    result = layout.run(n=40, seed=8, problems=problems)
    assert result["cases"] == 40
    assert (result["tracebacks"], result["hangs"], result["unreached"]) == (0, 0, 0), "\n".join(problems[:3])
