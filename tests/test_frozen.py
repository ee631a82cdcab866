"""Frozen values (game/frozen.py) behave as the frozen dataclasses they replace: fields in order with
defaults, equality and hash by type and fields, a repr that can hide a field, no assignment, and copies."""

from __future__ import annotations

import copy

import pytest

from game.frozen import Frozen, field, field_names, replace


class Vote(Frozen):
    option: int
    delta: int = 1


class Secret(Frozen):
    name: str
    value: str = field(repr=False)
    then: Vote | None = None


class Empty(Frozen):
    pass


class Other(Frozen):
    pass


def test_fields_take_positions_keywords_and_defaults():
    assert Vote(2).delta == 1
    assert Vote(2, -1) == Vote(option=2, delta=-1) == Vote(delta=-1, option=2)
    assert Vote.__match_args__ == ("option", "delta")


def test_wrong_arguments_are_refused_with_the_reason():
    with pytest.raises(TypeError, match="missing the argument 'option'"):
        Vote()
    with pytest.raises(TypeError, match="takes 2 arguments but 3"):
        Vote(1, 2, 3)
    with pytest.raises(TypeError, match="'colour'"):
        Vote(1, colour="red")
    with pytest.raises(TypeError, match="'option'"):
        Vote(1, option=2)


def test_a_field_without_a_default_cannot_follow_one_with_a_default():
    with pytest.raises(TypeError, match="'b' without a default"):
        class Bad(Frozen):
            a: int = 0
            b: int


def test_equality_and_hash_go_by_type_and_fields():
    assert Vote(1) != Vote(2)
    assert Empty() == Empty() and Empty() != Other()  # two field-less values of different kinds differ
    assert len({Vote(1), Vote(1, 1), Vote(2), Empty(), Other()}) == 4


def test_repr_names_the_fields_it_may_show():
    assert repr(Vote(3)) == "Vote(option=3, delta=1)"
    assert repr(Secret("lrs_password", "hunter2")) == "Secret(name='lrs_password', then=None)"
    assert Secret("a", "b").value == "b"


def test_values_are_frozen_and_slotted():
    vote = Vote(1)
    with pytest.raises(AttributeError, match="frozen"):
        vote.option = 2
    with pytest.raises(AttributeError, match="frozen"):
        del vote.option
    assert not hasattr(vote, "__dict__")


def test_copies_are_equal_values():
    secret = Secret("a", "b", Vote(4))
    assert copy.copy(secret) == secret
    assert copy.deepcopy(secret) == secret


def test_replace_makes_a_changed_copy_and_refuses_an_unknown_field():
    vote = Vote(1)
    assert replace(vote, delta=-1) == Vote(1, -1) and vote == Vote(1)
    assert field_names(Vote) == field_names(vote) == ("option", "delta")
    with pytest.raises(TypeError, match="'colour'"):
        replace(vote, colour="red")
