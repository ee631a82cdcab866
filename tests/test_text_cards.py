"""How the terminal player words a post's audience: the author's label alone, or with the kind of group."""

from game.engine import shape
from game.engine.model import PostCard
from game.engine.wording.cards import post


def audience_line(**card) -> str:
    data = {"type": "post", "platform": "facebook", "author": {"name": "Kerry"}, "text": "x", **card}
    return next(line for line in post(shape.build(PostCard, data)) if line.startswith("Who can see it"))


def test_a_label_replaces_the_generic_wording():
    assert audience_line(audience="public", audience_label="Anyone on or off LinkedIn") == \
        "Who can see it: Anyone on or off LinkedIn"


def test_a_group_keeps_its_kind_beside_its_name():
    assert audience_line(audience="group", audience_label="Ashmoor Mums & Dads Chat") == \
        "Who can see it: Group members: Ashmoor Mums & Dads Chat"


def test_without_a_label_the_generic_wording_stands():
    assert audience_line(audience="public") == "Who can see it: Public (anyone, on or off the platform)"
