"""The CPD record (game/records/cpd.py): Social Work England's headings, the scenario, outcome and scores,
the learner's words escaped for HTML and Markdown, and nothing from the story."""

from datetime import UTC, datetime, timedelta
from html.parser import HTMLParser

import pytest

from game.records import cpd
from game.records.playthrough import ChoiceMade, Playthrough, Reflection

WHEN = datetime(2026, 11, 3, 14, 30, tzinfo=UTC)
HEADINGS = ["Type of CPD", "Description and why it is relevant", "Date", "What I learnt",
            "The impact on my practice", "Peer reflection"]


def playthrough(reflection: Reflection | None, **changes) -> Playthrough:
    story_words = "Jordan, a care leaver you supported, sends you a friend request"
    values = dict(
        id="0f5c5e1e-0000-4000-8000-000000000001", scenario="friend-request", title="The friend request",
        version="3", content_hash="abc", framework="hcpc-2016", framework_title="HCPC standards (2016)",
        front_end="desktop", started_at=WHEN - timedelta(minutes=12), finished_at=WHEN, duration_s=720.0,
        path=(ChoiceMade("start", 1, story_words, "Feedback naming Jordan's foster carer", {"2": 1}, WHEN),),
        ending="declined", ending_title="Jordan's story ends well", outcome="commended",
        outcome_label="Commended for good practice", severity=0, regulator=None, scores={"2": 1, "3": -2},
        reflection=reflection)
    values.update(changes)
    return Playthrough(**values)


HOSTILE = Reflection({
    "happened": "I <b>declined</b> & said why.\n\nSecond paragraph.",
    "learnt": "# not a heading\n1. not a list\n    not code\n*stars* _under_ [link](http://x) `tick` | pipe",
    "practice": "<script>alert('x')</script>",
    "peer": "",
}, WHEN)


def titles(framework: str, sid: str) -> str | None:
    return {"2": "Confidentiality", "3": "Personal conduct"}.get(sid)


class _Collect(HTMLParser):
    def __init__(self):
        super().__init__()
        self.tags, self.text, self._in = [], [], None

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        self._in = tag

    def handle_endtag(self, tag):
        self._in = None

    def handle_data(self, data):
        if data.strip():
            self.text.append((self._in, data))


def test_html_has_the_headings_in_order_the_facts_and_the_scores():
    out = cpd.to_html([playthrough(HOSTILE)], WHEN, titles)
    parser = _Collect()
    parser.feed(out)
    h3 = [d for tag, d in parser.text if tag == "h3"]
    assert h3[:6] == HEADINGS
    assert "The friend request — 3 November 2026" in out
    assert "Commended for good practice" in out and "HCPC standards (2016)" in out
    assert "Standard 2 · Confidentiality" in out and "+1 upheld" in out and "\u22122 breached" in out
    assert "12 minutes" in out
    assert "@media print" in out and "Not recorded." in out  # the empty peer reflection


def test_html_escapes_the_learners_words():
    out = cpd.to_html([playthrough(HOSTILE)], WHEN, titles)
    assert "<script>" not in out and "<b>" not in out
    assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;" in out
    assert "I &lt;b&gt;declined&lt;/b&gt; &amp; said why." in out
    parser = _Collect()
    parser.feed(out)
    assert "script" not in parser.tags and "b" not in parser.tags


def test_nothing_from_the_story_goes_in():
    for out in (cpd.to_html([playthrough(HOSTILE)], WHEN), cpd.to_markdown([playthrough(HOSTILE)], WHEN)):
        assert "Jordan" not in out and "care leaver" not in out and "foster carer" not in out


def test_only_reflected_playthroughs_oldest_first():
    empty = playthrough(Reflection({"learnt": "  "}), id="b")
    none = playthrough(None, id="c")
    later = playthrough(Reflection({"learnt": "later"}), id="d", finished_at=WHEN + timedelta(days=1),
                        title="After court")
    earlier = playthrough(Reflection({"learnt": "earlier"}), id="e")
    assert [p.id for p in cpd.reflected([later, empty, none, earlier])] == ["e", "d"]
    out = cpd.to_markdown([later, empty, none, earlier], WHEN)
    assert out.index("The friend request") < out.index("After court")
    assert cpd.to_markdown([none], WHEN).count("No reflections written yet.") == 1


def test_markdown_escapes_markup_and_block_markers():
    out = cpd.to_markdown([playthrough(HOSTILE)], WHEN, titles)
    for heading in HEADINGS:
        assert f"\n### {heading}\n" in out
    assert "\\# not a heading" in out
    assert "1\\. not a list" in out
    assert "\nnot code" in out or "\\\nnot code" in out  # leading spaces dropped: no code block
    assert "\\*stars\\* \\_under\\_ \\[link\\](http://x) \\`tick\\` \\| pipe" in out
    assert "\\<script\\>" in out and "I \\<b\\>declined\\</b\\> \\& said why." in out
    assert "| Standard 2 · Confidentiality | \\+1 upheld |" in out


def test_unknown_format_is_a_clear_error():
    with pytest.raises(ValueError, match="html, md"):
        cpd.render("docx", [], WHEN)
