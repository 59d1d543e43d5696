"""The knowledge base's lookups on hand-made entries: who owns a shared name, genitives and
spelling variants, namesakes by country, links between entries, and the name matcher."""

from __future__ import annotations

import pytest

from assistant.knowledge.base import (
    KnowledgeBase,
    KnowledgeEntry,
    NamePattern,
    Origin,
    genitive_base,
    name_key_variants,
    normalise,
)
from assistant.models import ArticleDate, Category, Fact, Role


def _entry(entry_id: str, *names: str, origin: Origin = Origin.CURATED,
           category: Category = Category.ORGANISATION, country: str | None = "NL",
           short: tuple[str, ...] = (), roles: tuple[Role, ...] = (),
           facts: tuple[Fact, ...] = (), international: str | None = None) -> KnowledgeEntry:
    return KnowledgeEntry(id=entry_id, category=category, names=names,
                          international_name=international or (names[0] if names else entry_id),
                          description="X.", short_names=short, country=country, roles=roles,
                          facts=facts, origin=origin)


def test_a_shared_name_belongs_to_the_lower_origin_whatever_the_order() -> None:
    town = _entry("city-1", "Ede", origin=Origin.CITY, category=Category.PLACE)
    other_town = _entry("city-2", "Ede", origin=Origin.CITY, category=Category.PLACE)
    curated = _entry("ede-club", "Ede")
    country = _entry("country-ed", "Ede", origin=Origin.COUNTRY, category=Category.PLACE)
    for order, owner in [((town, curated), "ede-club"), ((curated, town), "ede-club"),
                         ((town, other_town), "city-1"), ((other_town, town), "city-2"),
                         ((town, country), "country-ed"), ((country, curated), "ede-club")]:
        kb = KnowledgeBase(order, {})
        found = kb.find("Ede")
        assert found is not None and found.id == owner, order
        assert len(kb) == 2 and all(e.id in kb for e in order)
    assert "nobody" not in KnowledgeBase((town,), {})


def test_a_repeated_id_keeps_the_first_entry() -> None:
    first, later = _entry("x", "Eerste"), _entry("y", "Derde")
    kb = KnowledgeBase((first, _entry("x", "Tweede"), later), {})
    assert kb.entries() == [first, later] and kb.get("x") is first
    assert kb.find("Tweede") is None and kb.get("z") is None
    assert kb.find("Derde") is later  # the entries after a repeated id are kept


@pytest.mark.parametrize(("name", "found"), [
    ("Partij  van de Arbeid", "pvda"),  # spacing and case do not count
    ("partij van de arbeid", "pvda"),
    ("Rutte", "rutte"),
    ("Ruttes", "rutte"),
    ("Rutte's", "rutte"),
    ("Rutte’s", "rutte"),
    ("Rutt", None),
    ("Ruttess", None),
    ("Erdogan", None),  # a variant, not a name
    ("Mark  Ruttes", "mark-rutte"),  # the genitive of a name of two words
    ("Mark Rutte's", "mark-rutte"),
])
def test_find_by_name_or_genitive(name: str, found: str | None) -> None:
    kb = KnowledgeBase((_entry("pvda", "Partij van de Arbeid"),
                        _entry("rutte", "Rutte", category=Category.PERSON),
                        _entry("mark-rutte", "Mark Rutte", category=Category.PERSON),
                        _entry("erdogan", "Erdoğan", category=Category.PERSON)), {})
    entry = kb.find(name)
    assert (entry.id if entry else None) == found


@pytest.mark.parametrize(("name", "found"), [
    ("Erdogan", "erdogan"), ("ERDOGAN", "erdogan"), ("Erdogans", "erdogan"),
    ("Erdoğan", "erdogan"), ("Kim Jong Un", "kim"), ("kim jong-un", "kim"),
    ("Erdo", None),
    # 'PvdA' and 'PVDA' fold alike: only an exact name of one of them says which
    ("PvdA", "pvda"), ("PVDA", "pvda-be"), ("Pvda", None), ("pvda", None),
    ("PTB", None),  # the Belgian party's exact short name, but a short name alone is no name
    ("Recep Erdogans", "recep"), ("Recep  Erdogan", "recep"),  # two words, genitive, spacing
    # Two parties whose names of two words fold alike: the exact one, whatever the spacing.
    ("Groene  Partij", "groen-nl"), ("GROENE PARTIJ", "groen-be"), ("Groene partij", None),
    # An exact name outranks a town that spells it with a diacritic and came first.
    ("Bale", "city-2"), ("Bâle", "city-1"), ("Balé", "city-1"), ("BALE", "city-2"),
])
def test_find_variant_and_shared_spellings(name: str, found: str | None) -> None:
    kb = KnowledgeBase((_entry("erdogan", "Erdoğan", category=Category.PERSON),
                        _entry("recep", "Recep Erdoğan", category=Category.PERSON),
                        _entry("groen-nl", "Groene Partij"),
                        _entry("groen-be", "GROENE PARTIJ", country="BE"),
                        _entry("city-1", "Bâle", origin=Origin.CITY, category=Category.PLACE),
                        _entry("city-2", "Bale", origin=Origin.CITY, category=Category.PLACE),
                        _entry("kim", "Kim Jong-un", category=Category.PERSON),
                        _entry("pvda", "PvdA"),
                        _entry("pvda-be", "PVDA", short=("PTB",), country="BE"),
                        _entry("ptb", "Partido Trabalhista", short=("Ptb",), country="BR")),
                       {})
    entry = kb.find_variant(name)
    assert (entry.id if entry else None) == found


def test_namesakes_by_folded_or_exact_spelling() -> None:
    kb = KnowledgeBase((_entry("sp-nl", "Socialistische Partij", short=("SP",)),
                        _entry("sp-be", "Socialistische Partij", country="BE"),
                        _entry("sp-x", "SOCIALISTISCHE PARTIJ", country=None),
                        _entry("town", "Socialistische Partij", origin=Origin.CITY,
                               category=Category.PLACE, country="FR")), {})
    assert kb.namesake_countries("Socialistische Partij", "sp-nl") == frozenset({"BE", None})
    assert kb.namesake_countries("Socialistische  Partij", "sp-nl", exact=True) == frozenset(
        {"BE"})
    assert kb.namesake_countries("SP", "sp-nl") == frozenset()
    assert kb.namesake_countries("sp", "sp-be") == frozenset({"NL"})
    assert kb.namesake_countries("SP", "sp-be", exact=True) == frozenset({"NL"})
    assert kb.namesake_countries("sp", "sp-be", exact=True) == frozenset()
    assert kb.namesake_countries("Nergens", "sp-nl") == frozenset()


def test_links_by_role_organisation_and_by_names_in_facts() -> None:
    leader = _entry("leader", "Lilian Marijnissen", category=Category.PERSON,
                    roles=(Role("Leader", "Socialistische Partij", ArticleDate(2015)),
                           Role("Chair", "Een Club Die Niemand Kent", ArticleDate(2012)),
                           Role("Member", None, ArticleDate(2010))))
    party = _entry("sp", "Socialistische Partij", short=("SP",))
    foreign = _entry("foreign", "Andere Partij", country="BE",
                     roles=(Role("Ally", "Socialistische Partij", None),))
    agency = _entry("who", "Wereldgezondheidsorganisatie", country=None,
                    facts=(Fact(ArticleDate(2020), "Called the Coronapandemie a pandemic."),
                           Fact(ArticleDate(2021), "Met the SP and Andere Partij."),
                           Fact(ArticleDate(2022), "Spoke of Velsburg.")))
    pandemic = _entry("covid", "Coronapandemie", category=Category.EVENT, country=None)
    town = _entry("city-1", "Velsburg", origin=Origin.CITY, category=Category.PLACE)
    kb = KnowledgeBase((leader, party, foreign, agency, pandemic, town), {})
    assert kb.linked("leader") == frozenset({"sp"})
    assert kb.linked("sp") == frozenset({"leader"})  # not the Belgian ally
    assert kb.linked("foreign") == frozenset({"who"})
    assert kb.linked("who") == frozenset({"covid", "foreign"})  # no short name, no town
    assert kb.linked("covid") == frozenset({"who"})
    assert kb.linked("city-1") == frozenset()
    assert kb.linked("nobody") == frozenset()


def test_an_entry_is_never_linked_to_itself() -> None:
    party = _entry("sp", "Socialistische Partij", roles=(Role("Self", "Socialistische Partij"),),
                   facts=(Fact(ArticleDate(2020), "The Socialistische Partij grew."),))
    assert KnowledgeBase((party,), {}).linked("sp") == frozenset()


def test_the_matcher_knows_names_short_names_and_adjectives() -> None:
    curated = _entry("navo", "Noord-Atlantische Verdragsorganisatie", "CD&V", short=("NAVO",))
    town = _entry("city-1", "Velsburg", "CD&V", origin=Origin.CITY, category=Category.PLACE)
    # A town whose first name is the curated entry's keeps the names after it.
    other_town = _entry("city-2", "CD&V", "Oudburg", origin=Origin.CITY,
                        category=Category.PLACE)
    country = _entry("country-zl", "Zandland", origin=Origin.COUNTRY, category=Category.PLACE)
    kb = KnowledgeBase((curated, town, other_town, country), {"Zandlandse": "country-zl"})
    matcher = kb.matcher()
    assert matcher is kb.matcher()  # built once

    def found(*words: str) -> list[tuple[tuple[int, ...], NamePattern]]:
        return [(m.positions, m.payload) for m in matcher.find_all([(w,) for w in words])]

    assert found("Noord-Atlantische", "Verdragsorganisatie") == [
        ((0, 1), NamePattern("navo", Origin.CURATED))]
    assert found("NAVO") == [((0,), NamePattern("navo", Origin.CURATED, short=True))]
    # The shared name is the curated entry's only: the town is not matched by it.
    assert found("CD", "&", "V") == [((0, 1, 2), NamePattern("navo", Origin.CURATED))]
    assert found("CD&V") == [((0,), NamePattern("navo", Origin.CURATED))]
    assert found("Velsburg") == [((0,), NamePattern("city-1", Origin.CITY))]
    assert found("Oudburg") == [((0,), NamePattern("city-2", Origin.CITY))]
    assert found("Zandland") == [((0,), NamePattern("country-zl", Origin.COUNTRY))]
    assert found("Zandlandse") == [((0,), NamePattern("country-zl", Origin.COUNTRY,
                                                      adjective=True))]
    assert found("zandlandse") == []
    adjective = kb.adjective_country("Zandlandse")
    assert adjective is not None and adjective.id == "country-zl"
    assert kb.adjective_country("Zandlands") is None


@pytest.mark.parametrize(("text", "base"), [
    ("Poetins", "Poetin"), ("Rutte's", "Rutte"), ("Rutte’s", "Rutte"), ("Bos's", "Bos"),
    ("Jans", "Jan"), ("Ans", None), ("A's", None), ("VS", None), ("NAVOs", "NAVO"),
    ("huis", None), ("Poetin", None), ("Hans", "Han"),
    ("Bo's", "Bo"),  # the shortest name with an apostrophe genitive
])
def test_genitive_base_edges(text: str, base: str | None) -> None:
    assert genitive_base(text) == base


def test_normalise_and_name_variants() -> None:
    assert normalise("  Rutte’s   Plan ") == "rutte's plan"
    assert normalise("Cafe\u0301") == normalise("Café")
    assert name_key_variants("Rutte’s plan") == {("Rutte's", "plan")}
    assert name_key_variants("   ") == set()
    assert name_key_variants("A.B. de Vries") == {("A.B.", "de", "Vries"),
                                                  ("A", ".", "B", ".", "de", "Vries")}
