"""The game's one vocabulary (game.engine.wording): each wording, and that the terminal player, the desktop
game and its self-voicing say the same thing in the same words."""

from __future__ import annotations

import ast
import typing

import pytest

from game.engine import shape, wording
from game.engine.model import PostCard
from game.engine.story import ChoiceView, LineView, Scene
from game.engine.wording.cards import post as post_lines
from tests.conftest import ROOT

MINUS = "\u2212"


def a_post(**fields) -> PostCard:
    return shape.build(PostCard, {"type": "post", "platform": "facebook", "author": {"name": "Kerry"},
                                    "text": "x", **fields})


# --- scores and verdicts -------------------------------------------------------------------------------------

def test_a_signed_score_uses_the_real_minus_sign_and_zero_has_no_sign():
    assert [wording.signed(n) for n in (2, -1, 0)] == ["+2", f"{MINUS}1", "0"]


def test_a_verdict_has_words_and_a_key_for_its_colour_and_icon():
    assert [(wording.verdict(n).words, wording.verdict(n).key) for n in (3, -2, 0)] == [
        ("upheld", "upheld"), ("breached", "breached"), ("at stake", "at_stake")]
    assert [wording.score(n) for n in (3, -2, 0)] == ["+3 upheld", f"{MINUS}2 breached", "0 at stake"]


def test_the_engine_says_the_same_verdicts():
    from game.engine.story import Effect
    assert [Effect("2", "Confidentiality", "t", n).verdict for n in (1, -1, 0)] == ["upheld", "breached", "at stake"]


def test_signs_are_spoken_as_words():
    said = wording.speakable(wording.effect("2", "Confidentiality", -2) + "; " + wording.score(1))
    assert "minus 2" in said and "plus 1 upheld" in said and MINUS not in said
    assert wording.speakable("C+ and a + b") == "C+ and a + b"  # only a sign before a number is a sign


# --- standards -----------------------------------------------------------------------------------------------

def test_a_standard_by_number_and_short_title():
    assert wording.standard("3", "Personal conduct") == "Standard 3 · Personal conduct"
    assert wording.standard("3") == wording.standard("3", "3") == "Standard 3"  # never "Standard 3 · 3"
    assert wording.standard_long("2", "Confidentiality", "Respect confidentiality") == \
        "Standard 2 · Confidentiality: Respect confidentiality"
    assert wording.standard_long("2", None, None) == "Standard 2"


def test_what_a_choice_did_and_where_a_standard_ended():
    assert wording.effect("2", "Confidentiality", -2) == f"Standard 2 · Confidentiality \u2014 breached\u00a0({MINUS}2)"
    assert wording.effect("3", "Personal conduct", 0) == "Standard 3 · Personal conduct \u2014 at stake\u00a0(0)"
    assert wording.standing("13", "Honesty", 4) == "Standard 13 · Honesty: +4 upheld"


# --- audiences -----------------------------------------------------------------------------------------------

def test_every_audience_the_format_allows_has_short_and_long_words():
    allowed = set(typing.get_args(typing.get_type_hints(PostCard)["audience"]))
    assert set(wording.AUDIENCES) == allowed
    for kind, words in wording.AUDIENCES.items():
        assert words.short and words.long, kind
        assert words.long.startswith(words.short.rstrip("\u2026").split()[0]), kind  # recognisably the same


def test_an_audience_label_replaces_the_generic_words_but_a_group_keeps_its_kind():
    assert wording.audience("public") == "Public"
    assert wording.audience("public", long=True) == "Public (anyone, on or off the platform)"
    assert wording.audience("connections") == wording.audience("connections", long=True) == "Connections only"
    assert wording.audience("friends_except", "Friends except Work") == "Friends except Work"
    assert wording.audience("group", "Ashmoor Chat") == "Group: Ashmoor Chat"
    assert wording.audience("group", "Ashmoor Chat", long=True) == "Group members: Ashmoor Chat"


@pytest.mark.parametrize("kind", sorted(wording.AUDIENCES))
def test_the_terminal_player_and_the_desktop_card_use_the_same_audience_words(kind):
    pytest.importorskip("pygame")
    from game.ui.cards import CardContext, card_alt_text, layout_card
    from game.ui.fonts import Fonts

    card = a_post(audience=kind)
    terminal = next(line for line in post_lines(card) if line.startswith("Who can see it: "))
    assert terminal == f"Who can see it: {wording.AUDIENCES[kind].long}"
    drawn = " ".join(t.text for t in layout_card(card, 600, CardContext(Fonts(), 1.0, False,
                                                                        ROOT / "assets")).texts())
    assert wording.AUDIENCES[kind].short in drawn
    assert f"audience: {wording.AUDIENCES[kind].long}" in card_alt_text(card)


# --- counts --------------------------------------------------------------------------------------------------

def test_counts_of_things():
    assert [wording.plural(n, "choice") for n in (0, 1, 2)] == ["0 choices", "1 choice", "2 choices"]
    assert wording.plural(1200, "like") == "1,200 likes"
    assert wording.plural(3, "reply", "replies") == "3 replies"
    assert wording.noun(1, "mutual friend") == "mutual friend" and wording.noun(0, "result") == "results"


# --- a scene as text -----------------------------------------------------------------------------------------

SCENE = Scene(node="a", title="Tuesday night",
              lines=(LineView("You are on the sofa."),
                     LineView("Hi!\nIt's me.", speaker="sam", name="Sam", role="Former service user")),
              card=a_post(audience="connections", text="Look"),
              prompt="What would you say?",
              choices=(ChoiceView(1, 0, "Accept "), ChoiceView(2, 1, "Ignore")))


def test_a_scene_as_text_in_reading_order_with_blank_lines_between_its_parts():
    assert wording.scene(SCENE) == [
        "Scene: Tuesday night", "You are on the sofa.", "Sam (former service user): Hi!", "It's me.", "",
        "[Post on Facebook]", "Posted by Kerry", "Who can see it: Connections only", "\u201cLook\u201d", "",
        "For discussion: What would you say?", "",
        "What do you do?", "1. Accept", "2. Ignore",
    ]


def test_a_narration_only_scene_has_no_choices_block():
    quiet = Scene(node="b", title=None, lines=(LineView("Later."),), card=None, prompt=None, choices=())
    assert wording.scene(quiet) == ["Later."]


def test_the_desktop_reads_aloud_the_scene_the_terminal_player_prints():
    pytest.importorskip("pygame")
    from game.ui.parts import scene_speech
    said = scene_speech(SCENE).splitlines()
    assert said == [line for line in wording.scene(SCENE) if line]


# --- nobody words these things by themselves ------------------------------------------------------------

def _own_wording(tree: ast.AST) -> list[tuple[int, str]]:
    """Code (not docstrings or comments) that words a standard, a sign, a verdict or a plural by itself."""
    # one walk of the tree (a second, for the docstrings first, doubled the test's time): a minus sign is
    # noted with its node, and dropped at the end when that node turned out to be a docstring
    docs: set[int] = set()
    found: list[tuple[int, str]] = []
    minus: list[tuple[int, int]] = []  # (id of the constant, line)
    for node in ast.walk(tree):
        if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef) and node.body:
            first = node.body[0]
            if isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant):
                docs.add(id(first.value))
        if isinstance(node, ast.Constant) and isinstance(node.value, str):
            if MINUS in node.value:
                minus.append((id(node), node.lineno))
        elif isinstance(node, ast.JoinedStr):
            for part, after in zip(node.values, node.values[1:], strict=False):
                if (isinstance(part, ast.Constant) and str(part.value).endswith("Standard ")
                        and isinstance(after, ast.FormattedValue)):
                    found.append((node.lineno, "a standard's name"))
        elif isinstance(node, ast.IfExp):
            words = {n.value for n in (node.body, node.orelse) if isinstance(n, ast.Constant)}
            if words & {"s", "upheld", "breached", "at stake"}:
                found.append((node.lineno, f"a plural or verdict ({', '.join(map(repr, sorted(words)))})"))
    return found + [(line, "a minus sign") for node_id, line in minus if node_id not in docs]


def test_no_module_outside_the_vocabulary_words_these_things_itself():
    found = []
    for path in sorted((ROOT / "game").rglob("*.py")):
        if "wording" in path.parts:
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        found += [f"{path.relative_to(ROOT)}:{line}: {what}" for line, what in _own_wording(tree)]
    assert not found, "word these through game.engine.wording:\n" + "\n".join(found)


def test_the_check_above_would_notice():
    code = '"""A docstring: \u22122."""\nx = f"Standard {sid}"\ny = "s" if n != 1 else ""\nz = "\u2212"\n'
    assert [what for _, what in sorted(_own_wording(ast.parse(code)))] == [
        "a standard's name", "a plural or verdict ('', 's')", "a minus sign"]
