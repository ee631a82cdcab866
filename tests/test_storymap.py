"""The story map (`python main.py map`): the model from the story graph, condition wording, Mermaid and DOT
escaping of hostile labels, GitHub's Mermaid size limits, and SVG through Graphviz when it is installed."""

from __future__ import annotations

import random
import re
import shutil
import sys
import xml.etree.ElementTree as ET

import pytest

from game.engine import storymap
from game.engine.checked import check_file
from game.engine.loader import load_text
from game.engine.model import AllOf, AnyOf, FlagSet, FlagUnset, NotOf, ScoreTest
from game.engine.story import Story
from game.engine.wording.conditions import condition, flags_tested, when_choice, when_route
from game.trainer import map_cmd, map_dot, map_mermaid
from tests.conftest import FIXTURES, ROOT, SCENARIOS

LIBRARY = sorted(SCENARIOS.glob("*.yaml"))
HAS_DOT = shutil.which("dot") is not None
HOSTILE = ['"]]--> x', "<script>alert(1)</script>", "a;b#c&amp;|d`e{f}(g)", "back\\", 'q"\\"uote\\N']


def _scenario(path):
    checked = check_file(path)
    assert checked.ok, checked.diagnostics
    return checked.scenario


# --- conditions in words -----------------------------------------------------------------------------------

def test_conditions_are_worded_once_for_every_front_end():
    kept, shared = FlagSet(flag="kept"), FlagUnset(not_flag="shared")
    assert condition(kept) == "flag kept is set"
    assert condition(shared) == "flag shared is not set"
    assert condition(ScoreTest(score="13", at_most=-1)) == "Standard 13 score is at most \u22121"
    assert condition(ScoreTest(score="2", at_least=1), {"2": "Confidentiality"}) == \
        "Standard 2 · Confidentiality score is at least 1"
    assert condition(ScoreTest(score="total", at_least=-2, at_most=3)) == "the total score is between \u22122 and 3"
    nested = AllOf(all=[kept, AnyOf(any=[shared, NotOf(**{"not": AllOf(all=[kept, shared])})])])
    assert condition(nested) == ("flag kept is set and (flag shared is not set or "
                                 "not (flag kept is set and flag shared is not set))")
    assert condition(NotOf(**{"not": kept})) == "flag kept is not set"
    assert flags_tested(nested) == ["kept", "shared"]
    assert when_route(None) == "otherwise" and when_route(kept) == "if flag kept is set"
    assert when_choice(None) is None and when_choice(shared) == "shown only if flag shared is not set"


# --- the model ---------------------------------------------------------------------------------------------

@pytest.mark.parametrize("path", LIBRARY, ids=lambda p: p.stem)
def test_every_library_scenario_maps_in_every_format_with_every_node_and_ending(path, tmp_path, capsys):
    scenario = _scenario(path)
    story_map = storymap.build(scenario)
    assert {n.id for n in story_map.nodes} == {*scenario.nodes, *scenario.endings}
    assert len({n.key for n in story_map.nodes}) == len(story_map.nodes)
    mermaid, dot = map_mermaid.render(story_map), map_dot.render(story_map)
    for node in story_map.nodes:
        assert re.search(rf"^    {node.key}\W", mermaid, re.M), node.id
        assert f"  {node.key} [label=" in dot, node.id
        first = node.label_lines[0]  # the title's first line: a long title wraps
        assert first in node.title and map_mermaid.escape(first) in mermaid and map_dot.quote(first)[1:-1] in dot
    assert map_mermaid.limits(story_map, mermaid) is None
    for fmt in ("mermaid", "dot", *(("svg",) if HAS_DOT else ())):
        out = tmp_path / f"map.{fmt}"
        assert map_cmd.main([str(path), "--format", fmt, "--out", str(out)]) == 0, capsys.readouterr().err
        assert out.stat().st_size > 200


@pytest.mark.parametrize("path", LIBRARY, ids=lambda p: p.stem)
def test_choice_edges_are_numbered_as_the_terminal_numbers_them(path):
    scenario = _scenario(path)
    story_map = storymap.build(scenario)
    keys = {n.id: n.key for n in story_map.nodes}
    for seed in range(6):
        story, rng = Story(scenario), random.Random(seed)
        while story.scene is not None:
            scene = story.scene
            node = scenario.nodes[scene.node]
            edges = {e.number: e for e in story_map.edges if e.source == keys[scene.node] and e.kind == "choice"}
            conditional = any(c.when is not None for c in node.choices or ())
            for view in scene.choices:
                edge = edges[view.index + 1]
                assert edge.target == keys[node.choices[view.index].goto]
                if not conditional:  # a hidden choice moves later ones up in play; the map says when it shows
                    assert edge.number == view.number and edge.head.startswith(f"{view.number} · ")
                elif node.choices[view.index].when is not None:
                    assert edge.condition.startswith("shown only if ")
            if scene.choices:
                story.choose(rng.randint(1, len(scene.choices)))
            else:
                story.proceed()


def test_routes_carry_their_conditions_and_endings_their_rung():
    story_map = storymap.build(_scenario(SCENARIOS / "after-court.yaml"))
    friday = story_map.node("friday")
    assert friday.kind == "routing"
    heads = [e.head for e in story_map.edges if e.source == friday.key]
    assert heads == ["1 · if flag posts_down is set", "2 · otherwise"]
    routes = [e for e in story_map.edges if e.kind == "route" and e.source == story_map.node("complaint_routes").key]
    assert routes[0].tests == ("commented_detail", "owned_late")  # the flags its condition tests, in order
    assert "sets commented_detail" in [e for e in story_map.edges if e.source == "n2"][1].label_lines
    ending = story_map.node("conditions")
    assert ending.band.key == "sanction"
    assert ending.lines == ("Conditions of practice order — 12 months", "rung 7 of 9", "practice restricted or ended")
    mermaid, dot = map_mermaid.render(story_map), map_dot.render(story_map)
    assert f'{ending.key}((("' in mermaid and "practice restricted or ended" in mermaid  # shape and words
    assert re.search(rf"  {ending.key} \[.*shape=tripleoctagon", dot)
    assert "1 · if flag posts_down is<br/>set" in mermaid and "#95;" not in mermaid  # ids as they are
    assert story_map.node("eve_of_court").lines[0] == "start"


def test_every_band_of_the_ladder_has_its_own_shape_in_each_format():
    assert len({map_mermaid._SHAPES[b.key] for b in storymap.BANDS}) == len(storymap.BANDS)
    assert len({map_dot._NODE_STYLE[b.key] for b in storymap.BANDS}) == len(storymap.BANDS)
    # 4 referred, no sanction; 5 advice; 6 a caution order or warning; 7 conditions and up
    assert [storymap.band(s).key for s in (0, 1, 2, 3, 4, 5, 6, 7, 9)] == \
        ["good", "good", "work", "work", "regulator", "regulator", "regulator", "sanction", "sanction"]


def test_long_text_is_shortened_at_a_word_with_the_whole_text_in_the_tooltip():
    story_map = storymap.build(_scenario(SCENARIOS / "after-court.yaml"))
    edge = next(e for e in story_map.edges if e.kind == "choice" and e.head.endswith("…"))
    assert len(edge.head) <= storymap.CHOICE_CHARS
    assert edge.tooltip.startswith(f"choice {edge.number}: ") and len(edge.tooltip) > len(edge.head)
    assert edge.head[:-1].rstrip() in edge.tooltip.replace("choice ", "").replace(":", " ·", 1)
    assert storymap.shorten("one two three four", 12) == "one two…"


# --- hostile labels ----------------------------------------------------------------------------------------

def _hostile_map() -> storymap.StoryMap:
    text = (FIXTURES / "tiny.yaml").read_text()
    for old, new in (("title: T", f"title: {_yaml(HOSTILE[0])}"),
                     ("{text: Accept,", f"{{text: {_yaml(' '.join(HOSTILE))},"),
                     ("{text: Decline,", f"{{text: {_yaml(HOSTILE[1])},"),
                     ("good: {title: G,", f"good: {{title: {_yaml(HOSTILE[4])},"),
                     ("bad: {title: B,", f"bad: {{title: {_yaml(HOSTILE[3])},"),
                     ("  b:\n    lines", f"  b:\n    title: {_yaml(HOSTILE[2])}\n    lines")):
        assert text.count(old) == 1, f"tests/fixtures/tiny.yaml changed: {old!r}"
        text = text.replace(old, new)
    loaded = load_text("hostile.yaml", text)
    assert loaded.scenario is not None, loaded.diagnostics
    return storymap.build(loaded.scenario)


def _yaml(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _unentity(text: str) -> str:
    return re.sub(r"#(\d+);", lambda m: chr(int(m.group(1))), text)


def test_mermaid_escapes_every_hostile_label():
    story_map = _hostile_map()
    mermaid = map_mermaid.render(story_map)
    body = mermaid.split("flowchart TD\n", 1)[1]
    assert "<script>" not in mermaid and '"]]-->' not in body
    for line in body.splitlines():
        label = re.fullmatch(r'    n\d+ -(?:->|\.->)\|"(.*)"\| n\d+|    n\d+[\[\({/]+"(.*)"[\]\)}\\]+'
                             r"|    class(?:Def)? .*", line)
        assert label, line
        text = (label.group(1) or label.group(2) or "").replace("<br/>", "\n")
        assert not re.search(r'["\[\]{}()<>|;&`]', re.sub(r"#\d+;", "", text)), line
    shown = _unentity(body)
    for hostile in HOSTILE[1:]:
        assert hostile in shown.replace("<br/>", "\n") or hostile in shown.replace("<br/>", " ")
    assert mermaid.splitlines()[1] == 'title: "\\"]]--> x"'  # front matter: a JSON (YAML) string


def _dot_strings(dot: str) -> list[str]:
    """The double-quoted strings of a DOT file, read as Graphviz reads them (\\" is a quote; escString then
    turns \\\\ into one backslash and \\n into a line break)."""
    out = []
    for raw in re.findall(r'"((?:\\.|[^"\\])*)"', dot):
        out.append(re.sub(r"\\(.)", lambda m: {"n": "\n"}.get(m.group(1), m.group(1)), raw))
    return out


def test_dot_quotes_every_hostile_label():
    dot = map_dot.render(_hostile_map())
    strings = "\n".join(_dot_strings(dot))
    for hostile in HOSTILE:
        assert hostile in strings or hostile in strings.replace("\n", " "), hostile
    outside = re.sub(r'"(?:\\.|[^"\\])*"', '""', dot)  # with every string taken out, only our syntax is left
    assert not re.search(r"script|-->|alert|#", outside)


@pytest.mark.skipif(not HAS_DOT, reason="Graphviz's dot is not installed")
def test_svg_of_hostile_labels_holds_them_as_text():
    svg = map_dot.svg(map_dot.render(_hostile_map()))
    root = ET.fromstring(svg)  # well-formed XML: nothing broke out of a label
    texts = [t.text or "" for t in root.iter("{http://www.w3.org/2000/svg}text")]
    assert "<script>alert(1)</script>" in texts and "back\\" in texts
    assert not list(root.iter("{http://www.w3.org/2000/svg}script"))


@pytest.mark.skipif(not HAS_DOT, reason="Graphviz's dot is not installed")
def test_svg_of_a_library_scenario_names_its_scenes_and_endings(tmp_path):
    out = tmp_path / "map.svg"
    assert map_cmd.main(["after-court", "--format", "svg", "--out", str(out)]) == 0
    root = ET.parse(out).getroot()
    texts = {t.text for t in root.iter("{http://www.w3.org/2000/svg}text")}
    assert {"After court", "Wednesday, 8.15 pm", "Conditions of practice", "rung 7 of 9"} <= texts
    tooltips = {a.get("{http://www.w3.org/1999/xlink}title") for a in root.iter("{http://www.w3.org/2000/svg}a")}
    assert any(t and t.startswith("choice 2: Add what you know, to back her up") for t in tooltips)  # in full


# --- the command -------------------------------------------------------------------------------------------

def test_a_large_scenario_gets_the_mermaid_size_note(tmp_path, capsys):
    sys.path.insert(0, str(ROOT / "bench"))
    try:
        from load_validate import scenario_text
    finally:
        sys.path.remove(str(ROOT / "bench"))
    path = tmp_path / "bench.yaml"
    path.write_text(scenario_text(400))
    assert map_cmd.main([str(path)]) == 0
    captured = capsys.readouterr()
    assert captured.out.startswith("---\ntitle:")
    assert "too large for Mermaid on GitHub" in captured.err and "edges (GitHub draws at most 500)" in captured.err
    assert "--format dot" in captured.err


def test_without_graphviz_svg_says_how_to_get_it(monkeypatch, capsys):
    monkeypatch.setattr(map_dot.shutil, "which", lambda name: None)
    assert map_cmd.main(["tiny" if False else str(FIXTURES / "tiny.yaml"), "--format", "svg"]) == 1
    err = capsys.readouterr().err
    assert "install Graphviz (apt-get install graphviz" in err and "or use --format dot" in err


def test_bad_usage_and_bad_names_are_messages_not_tracebacks(tmp_path, capsys):
    assert map_cmd.main([]) == 2
    assert map_cmd.main(["after-court", "--format", "png"]) == 2
    assert "usage: python main.py map" in capsys.readouterr().err
    assert map_cmd.main(["after-cort"]) == 1
    assert "did you mean 'after-court'" in capsys.readouterr().err
    assert map_cmd.main(["after-court", "--out", str(tmp_path / "no" / "such" / "dir.mmd")]) == 1
    assert "cannot write" in capsys.readouterr().err


def test_standard_output_without_out(capsys):
    assert map_cmd.main([str(FIXTURES / "tiny.yaml"), "--format", "dot"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("digraph story {") and out.rstrip().endswith("}")


def test_a_draft_with_errors_is_drawn_as_written_with_a_note(tmp_path, capsys):
    text = (FIXTURES / "tiny.yaml").read_text()
    assert text.count("{text: Decline, goto: b,") == 1 and text.count("\nendings:") == 1
    text = text.replace("{text: Decline, goto: b,", "{text: Decline, goto: bee,")
    text = text.replace("\nendings:", "\n  aside:\n    lines: [{text: never}]\n    next: good\nendings:")
    path = tmp_path / "draft.yaml"
    path.write_text(text)
    assert map_cmd.main([str(path)]) == 0
    captured = capsys.readouterr()
    assert "CP302" in captured.err and "the map shows it as written" in captured.err
    assert "missing: bee<br/>no such node or ending" in captured.out
    assert "aside<br/>never reached" in captured.out
