"""Golden images at 1280x720, compared with a tolerance. Regenerate on purpose, after looking:
`python -m tests.golden.update` (or UPDATE_GOLDEN=1)."""

import os

import pygame
import pytest

from tests.golden import MAX_FRACTION, MAX_MEAN, NAMES, difference, path, render


@pytest.mark.parametrize("name", NAMES)
def test_golden(name, tmp_path):
    frame = render(name)
    if os.environ.get("UPDATE_GOLDEN") == "1":
        pygame.image.save(frame, path(name))
        pytest.skip(f"updated {path(name)}")
    if not path(name).exists():
        pytest.fail(f"no golden image {path(name)}: run python -m tests.golden.update {name} and look at it")
    golden = pygame.image.load(path(name))
    mean, fraction = difference(frame.convert(24) if frame.get_bitsize() != 24 else frame, golden.convert(24))
    if mean >= MAX_MEAN or fraction >= MAX_FRACTION:
        actual = tmp_path / f"{name}-actual.png"
        pygame.image.save(frame, actual)
        pytest.fail(f"{name} differs from its golden image (mean {mean:.2f}, {fraction:.2%} of pixels); "
                    f"this frame: {actual}")


def test_the_comparison_notices_a_change():
    a = render("title")
    b = a.copy()
    assert difference(a, b) == (0.0, 0.0)
    pygame.draw.rect(b, (255, 0, 0), (0, 0, 200, 100))  # 2 % of the picture
    mean, fraction = difference(a, b)
    assert fraction >= MAX_FRACTION
