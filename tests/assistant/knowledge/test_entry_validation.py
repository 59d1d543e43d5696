"""Knowledge entry validation word for word: each refusal names the file, the entry (its id, else
its number) and the problem; and the edges of what is accepted (lifetimes, dates, names)."""

from __future__ import annotations

import pytest

from assistant.errors import DataError
from assistant.knowledge.base import KINDS, parse_entry
from assistant.models import ArticleDate, Category

GOOD: dict[str, object] = {
    "id": "x-y", "kind": "person", "names": ["X Y"], "international_name": "X Y",
    "description": "A person.", "sources": ["https://example.org/"],
}
ROLE_NEW = {"role": "Mayor", "organisation": "Town", "from": "2010-05", "to": "2014"}
ROLE_OLD = {"role": "Alderman", "organisation": None, "from": "2002", "to": "2010-05"}
WHERE = "The knowledge file x.json, entry 'x-y', "
DATES = "(YYYY, YYYY-MM or YYYY-MM-DD)."
TIMELESS = ("in its description (a description is timeless: what came later is a fact or role, "
            "what someone was is a role or their trade).")

REFUSED = [
    ({"id": "Bad Id"}, "The knowledge file x.json, entry 5, has a bad id 'Bad Id' (a lower-case "
                       "ASCII slug)."),
    ({"id": 3}, "The knowledge file x.json, entry 5, has a bad id 3 (a lower-case ASCII slug)."),
    ({"id": "-x"}, "The knowledge file x.json, entry 5, has a bad id '-x' (a lower-case ASCII "
                   "slug)."),
    ({"kind": "planet"}, WHERE + "has an unknown kind 'planet'."),
    ({"kind": 3}, WHERE + "has an unknown kind 3."),
    ({"kind": ["person"]}, WHERE + "has an unknown kind ['person']."),  # no key of the table
    ({"names": []}, WHERE + "needs a non-empty list of names (or, when every name is ambiguous, "
                            "short_names)."),
    ({"names": "X"}, WHERE + "needs names as a list of non-empty texts."),
    ({"names": ["X", " "]}, WHERE + "needs names as a list of non-empty texts."),
    ({"short_names": "Y"}, WHERE + "needs short_names as a list of non-empty texts."),
    ({"short_names": [3]}, WHERE + "needs short_names as a list of non-empty texts."),
    ({"description": " "}, WHERE + "needs description as a non-empty text."),
    ({"description": 3}, WHERE + "needs description as a non-empty text."),
    ({"international_name": ""}, WHERE + "needs international_name as a non-empty text."),
    ({"description": "Mayor since 2010."}, WHERE + "has a year in its description (a "
     "description is timeless: make it a fact or role)."),
    ({"description": "A former striker."}, WHERE + "says 'former' " + TIMELESS),
    ({"description": "An ex-minister."}, WHERE + "says 'ex-minister' " + TIMELESS),
    ({"description": "The late king."}, WHERE + "says 'The late' " + TIMELESS),
    ({"description": "Formerly a striker."}, WHERE + "says 'Formerly' " + TIMELESS),
    ({"kind": "organisation", "description": "A party, later renamed."},
     WHERE + "says 'later' " + TIMELESS),
    ({"kind": "event", "description": "A summit, eventually cancelled."},
     WHERE + "says 'eventually' " + TIMELESS),
    ({"colour": "red", "size": 3}, WHERE + "has unknown keys colour, size."),
    ({"sources": []}, WHERE + "needs sources: a non-empty list of URLs."),
    ({"sources": "https://x.org"}, WHERE + "needs sources: a non-empty list of URLs."),
    ({"sources": ["ftp://x"]}, WHERE + "needs sources: a non-empty list of URLs."),
    ({"sources": ["http://x.org", 3]}, WHERE + "needs sources: a non-empty list of URLs."),
    ({"from": "1960-02-30"}, WHERE + "has a bad from date '1960-02-30' " + DATES),
    ({"from": 1960}, WHERE + "has a bad from date 1960 " + DATES),
    ({"to": "x"}, WHERE + "has a bad to date 'x' " + DATES),
    ({"from": "2000", "to": "1999-12"}, WHERE + "has from 2000 after to 1999-12."),
    ({"country": "nl"}, WHERE + "has a bad country 'nl' (an ISO 3166 alpha-2 code)."),
    ({"country": 31}, WHERE + "has a bad country 31 (an ISO 3166 alpha-2 code)."),
    ({"country": "NLD"}, WHERE + "has a bad country 'NLD' (an ISO 3166 alpha-2 code)."),
    ({"roles": {"role": "Mayor"}}, WHERE + "has roles that are not a list."),
    ({"roles": ["Mayor"]}, WHERE + "has a role that is not an object."),
    ({"roles": [{"from": "2020"}]}, WHERE + "has a role without a 'role' text."),
    ({"roles": [{"role": " "}]}, WHERE + "has a role without a 'role' text."),
    ({"roles": [{"role": "Mayor", "organisation": " "}]},
     WHERE + "has the role 'Mayor' with a bad organisation."),
    ({"roles": [{"role": "Mayor", "organisation": 3}]},
     WHERE + "has the role 'Mayor' with a bad organisation."),
    ({"roles": [{"role": "Mayor", "from": "2020-13"}]},
     WHERE + "has a bad the role 'Mayor' from date '2020-13' " + DATES),
    ({"roles": [{"role": "Mayor", "to": "2020-13"}]},
     WHERE + "has a bad the role 'Mayor' to date '2020-13' " + DATES),
    ({"roles": [{"role": "Mayor", "since": "2020", "until": "x"}]},
     WHERE + "has a role with unknown keys since, until."),
    ({"roles": [{"role": "Mayor", "from": "2021", "to": "2020"}]},
     WHERE + "has the role 'Mayor' from 2021 after its to 2020."),
    ({"roles": [ROLE_OLD, ROLE_NEW]},
     WHERE + "lists the role 'Mayor' (from 2010-05) after an older one: roles go newest first."),
    ({"roles": [ROLE_OLD, {"role": "Chair"}, ROLE_NEW]},  # an undated role between
     WHERE + "lists the role 'Mayor' (from 2010-05) after an older one: roles go newest first."),
    ({"from": "2005", "roles": [ROLE_OLD]},
     WHERE + "has the role 'Alderman' dated 2002, before its from 2005."),
    ({"from": "2011", "roles": [{"role": "Mayor", "to": "2010"}]},
     WHERE + "has the role 'Mayor' dated 2010, before its from 2011."),
    ({"to": "2005", "roles": [ROLE_NEW]},
     WHERE + "has the role 'Mayor' from 2010-05, after its to 2005."),
    ({"kind": "organisation", "to": "2005", "roles": [ROLE_NEW]},
     WHERE + "has the role 'Mayor' from 2010-05, after its to 2005."),
    ({"roles_complete": {"from": "2000"}},
     WHERE + "needs roles_complete as an object with exactly from and to."),
    ({"roles_complete": "2000"},
     WHERE + "needs roles_complete as an object with exactly from and to."),
    ({"roles_complete": {"from": "2010", "to": "2000"}},
     WHERE + "has roles_complete from 2010 after its to 2000."),
    ({"roles_complete": {"from": None, "to": "2000"}},
     WHERE + "needs both ends of roles_complete."),
    ({"roles_complete": {"from": "2000", "to": None}},
     WHERE + "needs both ends of roles_complete."),
    ({"roles_complete": {"from": "2000", "to": "20x"}},
     WHERE + "has a bad roles_complete to date '20x' " + DATES),
    ({"roles_complete": {"from": "20x", "to": "2000"}},
     WHERE + "has a bad roles_complete from date '20x' " + DATES),
    ({"facts": {"date": "2003"}}, WHERE + "has facts that are not a list."),
    ({"facts": ["x"]},
     WHERE + "has a fact that is not an object with exactly date and text."),
    ({"facts": [{"date": "2003", "text": "A.", "source": "x"}]},
     WHERE + "has a fact that is not an object with exactly date and text."),
    ({"facts": [{"date": None, "text": "A."}]}, WHERE + "has a fact without a date."),
    ({"facts": [{"date": "2004", "text": "A."}, {"date": "2003", "text": "B."}]},
     WHERE + "lists the fact of 2003 after one of 2004: facts go in date order."),
    ({"facts": [{"date": "2004", "text": ""}]}, WHERE + "needs fact text as a non-empty text."),
    ({"facts": [{"date": "04", "text": "A."}]}, WHERE + "has a bad fact date '04' " + DATES),
    ({"can_be": ["planet"]}, WHERE + "has can_be ['planet']: a list of kinds (person, "
                                     "organisation, group, event, place, other)."),
    ({"can_be": "place"}, WHERE + "has can_be 'place': a list of kinds (person, organisation, "
                                  "group, event, place, other)."),
    ({"checked": "11-2026"}, WHERE + "has a bad checked date '11-2026' " + DATES),
    ({"recurring": True}, WHERE + "has recurring True: true only for an event series."),
    ({"kind": "event", "recurring": "yes"},
     WHERE + "has recurring 'yes': true only for an event series."),
]


@pytest.mark.parametrize(("change", "message"), REFUSED)
def test_a_bad_entry_is_refused_in_so_many_words(change: dict[str, object], message: str) -> None:
    with pytest.raises(DataError) as caught:
        parse_entry({**GOOD, **change}, "x.json", 4)
    assert caught.value.message == message


@pytest.mark.parametrize("key", ["id", "kind", "names", "international_name", "description",
                                 "sources"])
def test_a_missing_key_is_named(key: str) -> None:
    raw = {k: v for k, v in GOOD.items() if k != key}
    where = "The knowledge file x.json, entry 5, " if key == "id" else WHERE
    with pytest.raises(DataError) as caught:
        parse_entry(raw, "x.json", 4)
    assert caught.value.message == f"{where}lacks {key}."


def test_several_missing_keys_are_named_in_order() -> None:
    with pytest.raises(DataError) as caught:
        parse_entry({"id": "x-y", "kind": "person"}, "x.json", 0)
    assert caught.value.message == (
        WHERE + "lacks names, international_name, description, sources.")
    with pytest.raises(DataError) as caught:
        parse_entry(["x-y"], "x.json", 0)
    assert caught.value.message == "The knowledge file x.json, entry 1, is not an object."


@pytest.mark.parametrize(("kind", "change"), [
    # Groups, events, places and things have no lifetime roles must fit in.
    ("group", {"from": "2005", "roles": [ROLE_OLD]}),
    ("event", {"to": "2005", "roles": [ROLE_NEW]}),
    ("place", {"from": "2011", "roles": [{"role": "Mayor", "to": "2010"}]}),
    ("other", {"from": "2005", "roles": [ROLE_OLD]}),
    # A role may begin or end within the span of the entry's own dates.
    ("person", {"from": "2002-05-03", "roles": [ROLE_OLD]}),
    ("person", {"from": "2002", "roles": [{"role": "Mayor", "from": "2002-07"}]}),
    ("person", {"from": "2002-07", "roles": [{"role": "Mayor", "from": "2002"}]}),
    ("person", {"from": "2002-07-01", "roles": [{"role": "Mayor", "from": "2002-07"}]}),
    ("person", {"to": "2010", "roles": [{"role": "Mayor", "from": "2010-05"}]}),
    ("person", {"to": "2010-05-31", "roles": [{"role": "Mayor", "from": "2010-05"}]}),
    ("person", {"to": "2010-05", "roles": [{"role": "Mayor", "from": "2010-05-31"}]}),
    ("organisation", {"to": "2014", "roles": [{"role": "Mayor", "from": "2014-12-31",
                                               "to": "2015"}]}),
])
def test_roles_outside_a_lifetime_only_refused_for_people_and_organisations(
    kind: str, change: dict[str, object]
) -> None:
    entry = parse_entry({**GOOD, "kind": kind, **change}, "x.json", 0)
    assert len(entry.roles) == 1 and entry.category is KINDS[kind]


@pytest.mark.parametrize(("change", "message"), [
    ({"from": "2002-06", "roles": [{"role": "Mayor", "from": "2002-05"}]},
     WHERE + "has the role 'Mayor' dated 2002-05, before its from 2002-06."),
    ({"from": "2002-05-04", "roles": [{"role": "Mayor", "from": "2002-05-03"}]},
     WHERE + "has the role 'Mayor' dated 2002-05-03, before its from 2002-05-04."),
    ({"from": "2003", "roles": [{"role": "Mayor", "from": "2002-12-31"}]},
     WHERE + "has the role 'Mayor' dated 2002-12-31, before its from 2003."),
    ({"to": "2010-05", "roles": [{"role": "Mayor", "from": "2010-06"}]},
     WHERE + "has the role 'Mayor' from 2010-06, after its to 2010-05."),
    ({"to": "2010-05-30", "roles": [{"role": "Mayor", "from": "2010-05-31"}]},
     WHERE + "has the role 'Mayor' from 2010-05-31, after its to 2010-05-30."),
])
def test_roles_just_outside_a_lifetime_are_refused(change: dict[str, object],
                                                   message: str) -> None:
    with pytest.raises(DataError) as caught:
        parse_entry({**GOOD, **change}, "x.json", 0)
    assert caught.value.message == message


def test_an_entry_keeps_every_field_it_was_given() -> None:
    entry = parse_entry({
        **GOOD, "names": ["  X   Y "], "international_name": " X  Y ", "description": "A  b.",
        "short_names": ["Y"], "from": "1960", "to": "2020-02-03", "country": "NL",
        "roles": [{"role": " Mayor  of  Town ", "organisation": "Town", "from": "2010"}],
        "roles_complete": {"from": "2000", "to": "2019-12"},
        "facts": [{"date": "2003", "text": " A  fact. "}], "can_be": ["person", "place"],
        "sources": ["https://a.org/", "http://b.org/"], "checked": "2026-11-02",
    }, "x.json", 0)
    assert (entry.id, entry.category, entry.names, entry.international_name,
            entry.description, entry.short_names) == (
        "x-y", Category.PERSON, ("X Y",), "X Y", "A b.", ("Y",))
    assert (entry.start, entry.end, entry.country) == (
        ArticleDate(1960), ArticleDate(2020, 2, 3), "NL")
    assert [(r.role, r.organisation, r.start, r.end) for r in entry.roles] == [
        ("Mayor of Town", "Town", ArticleDate(2010), None)]
    assert entry.roles_complete is not None
    assert (entry.roles_complete.start, entry.roles_complete.end) == (
        ArticleDate(2000), ArticleDate(2019, 12))
    assert [(f.date, f.text) for f in entry.facts] == [(ArticleDate(2003), "A fact.")]
    assert entry.can_be == frozenset({Category.PLACE})  # its own kind is no alternative
    assert entry.sources == ("https://a.org/", "http://b.org/")
    assert entry.source == "https://a.org/"
    assert entry.checked == ArticleDate(2026, 11, 2)
    assert not entry.recurring
    bare = parse_entry(GOOD, "x.json", 0)
    assert (bare.short_names, bare.start, bare.end, bare.country, bare.roles,
            bare.roles_complete, bare.facts, bare.can_be, bare.checked) == (
        (), None, None, None, (), None, (), frozenset(), None)
    series = parse_entry({**GOOD, "kind": "event", "recurring": True}, "x.json", 0)
    assert series.recurring is True
