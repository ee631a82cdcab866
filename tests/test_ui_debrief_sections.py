"""The end of the debrief reads in order: the questions for reflection, then the scenes' discussion questions
under a heading of their own, then the reading ("Read more"), each source's title (in bold) apart from its
note and address, so nothing trails after the reading without a heading."""

from __future__ import annotations

from tests.ui_support import make_app, start, words


def _debrief(tmp_path):
    app, pilot = make_app(tmp_path, files=("regulator.yaml",), saves=False)
    start(app, pilot, "regulator.yaml")
    pilot.press("choose_1")
    for _ in range(6):
        if app.names()[-1] == "debrief":
            break
        pilot.press("activate")
    assert app.names()[-1] == "debrief"
    return app, pilot


def test_discussion_questions_have_a_heading_and_come_before_the_reading(tmp_path):
    app, pilot = _debrief(tmp_path)
    text = words(pilot, "body")
    reflection, scenes = text.index("Questions for reflection"), text.index("Questions from the scenes")
    prompt, reading = text.index("For discussion"), text.index("Read more")
    assert reflection < scenes < prompt < reading
    assert "HCPC social media guidance" in text[reading:]


def test_a_source_address_is_a_line_of_its_own_under_its_title(tmp_path):
    app, pilot = _debrief(tmp_path)
    body = pilot.all_texts()["body"]
    title = next(b for b in body if b.text.startswith("HCPC social media guidance"))
    address = next(b for b in body if "example.org" in b.text)
    assert title.text.strip() == "HCPC social media guidance (2017)"  # the head alone, its address apart
    assert address.rect.top >= title.rect.bottom and address.text.strip().startswith("https://example.org/")
