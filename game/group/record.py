"""The session's record: what the room decided, how and with what votes, then the ending, the scores and
the timings. Plain data (the shape of session.json, documented in summary.py). No personal data: device
tokens are never in it, only counts."""

from __future__ import annotations

from .notes import notes_dict, notes_for


def _seconds(start: float | None, end: float | None) -> float | None:
    return None if start is None or end is None else round(max(0.0, end - start), 1)


def build_record(session) -> dict:
    story = session.story
    scenario = story.scenario
    decisions = [{"node": d.node, "question": d.question, "options": list(d.options),
                  "votes": list(d.tally.counts), "chosen": d.chosen, "how": d.how,
                  "feedback": d.feedback, "seconds_open": _seconds(d.opened, d.closed),
                  "notes": notes_dict(notes_for(scenario, d.node))} for d in session.decisions]
    ending = None
    if story.is_over:
        view = story.ending
        ending = {"id": view.id, "title": view.title, "outcome": view.outcome_label, "text": view.text,
                  "notes": notes_dict(notes_for(scenario, view.id))}
    scores = []
    for sid, value in story.state.scores.items():
        std = story.framework.get(sid)
        scores.append({"standard": sid, "title": std.title if std else sid, "score": value})
    return {"scenario": {"id": scenario.id, "title": scenario.title, "version": scenario.version},
            "framework": story.framework.id, "decisions": decisions, "ending": ending, "scores": scores,
            "timings": {"total_seconds": _seconds(session.started, session.ended),
                        "decisions_seconds": [d["seconds_open"] for d in decisions]}}
