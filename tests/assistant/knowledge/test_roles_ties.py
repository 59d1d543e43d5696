"""Roles at a date where the role list's order decides: two roles to come that begin on the same
day, two former roles that ended on the same day (the first listed, the newest, is told)."""

from __future__ import annotations

from assistant.knowledge import roles as dated
from assistant.knowledge.base import KnowledgeEntry, Period
from assistant.models import ArticleDate, Category, Role, RoleStatus

D = ArticleDate.parse


def _person(*roles: Role) -> KnowledgeEntry:
    return KnowledgeEntry(id="x", category=Category.PERSON, names=("X",), international_name="X",
                          description="A.", roles=roles,
                          roles_complete=Period(D("2000"), D("2030")))


def test_of_two_roles_to_come_on_one_day_the_first_listed_is_told() -> None:
    for first, second in (("Chair", "Alderman"), ("Alderman", "Chair")):
        subject = _person(Role(first, None, D("2016-05-01")), Role(second, None, D("2016-05-01")))
        assert [(r.role.role, r.status) for r in dated.roles_at(subject, D("2010"))] == [
            (first, RoleStatus.NOT_YET)]


def test_of_two_roles_left_on_one_day_the_first_listed_is_told() -> None:
    for first, second in (("Chair", "Alderman"), ("Alderman", "Chair")):
        subject = _person(Role(first, None, D("2012"), D("2014-06-30")),
                          Role(second, None, D("2010"), D("2014-06-30")))
        assert [(r.role.role, r.status) for r in dated.roles_at(subject, D("2016"))] == [
            (first, RoleStatus.FORMER)]
