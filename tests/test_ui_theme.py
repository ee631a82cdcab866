"""Every text/background pair of every theme is readable: >= 4.5:1, >= 7:1 in high contrast."""

import pytest

from game.ui.theme import COLOUR_ROLES, MARK_ON, TEXT_ON, contrast, load_themes, parse_colour


def test_contrast_formula():
    assert contrast((0, 0, 0), (255, 255, 255)) == pytest.approx(21.0)
    assert contrast((255, 255, 255), (255, 255, 255)) == pytest.approx(1.0)
    assert contrast(parse_colour("#767676"), (255, 255, 255)) == pytest.approx(4.54, abs=0.01)


def test_both_themes_exist_with_every_colour():
    themes = load_themes()
    assert {"default", "high-contrast"} <= set(themes)
    assert themes["default"].min_contrast == 4.5
    assert themes["high-contrast"].min_contrast == 7.0
    for t in themes.values():
        for role in COLOUR_ROLES:
            assert len(t.colour(role)) == 3


@pytest.mark.parametrize("theme_id", ["default", "high-contrast"])
def test_every_text_pair_is_readable(theme_id):
    t = load_themes()[theme_id]
    failures = []
    for fg, backgrounds in TEXT_ON.items():
        for bg in backgrounds:
            ratio = contrast(t.colour(fg), t.colour(bg))
            if ratio < t.min_contrast:
                failures.append(f"{fg} on {bg}: {ratio:.2f}")
    assert not failures, failures


@pytest.mark.parametrize("theme_id", ["default", "high-contrast"])
def test_focus_ring_and_marks_stand_out(theme_id):
    t = load_themes()[theme_id]
    for mark, backgrounds in MARK_ON.items():
        for bg in backgrounds:
            assert contrast(t.colour(mark), t.colour(bg)) >= 3.0, (mark, bg)


def test_pairs_name_real_roles():
    for fg, backgrounds in TEXT_ON.items():
        assert fg in COLOUR_ROLES
        assert set(backgrounds) <= set(COLOUR_ROLES)
