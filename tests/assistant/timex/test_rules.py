"""Each time rule: what it must find and how it resolves it, and what it must refuse."""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field

import pytest
from timex_helpers import FULL, MONTH, YEAR, find, only

from assistant.models import (
    ArticleDate,
    TimeDirection,
    TimeKind,
    TimeLead,
    TimeQualifier,
    TimeUnit,
)

D = TimeDirection
Q = TimeQualifier
L = TimeLead


@dataclass(frozen=True)
class Case:
    """`span` found in `text` (an article of `date`), resolved to `resolved`; the value's other
    fields are as given in `fields` and None otherwise. `absolute`: read without the article's
    date (its reference is None)."""

    text: str
    date: ArticleDate | None
    span: str
    resolved: str
    kind: TimeKind
    fields: dict[str, object] = field(default_factory=dict)
    absolute: bool = False

    def __str__(self) -> str:
        # ASCII test ids: mutmut selects tests by id, and fails to find non-ASCII ones.
        text = f"{self.span}@{self.date.iso() if self.date else '-'}"
        return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()


def c(text: str, date: ArticleDate | None, span: str, resolved: str, kind: TimeKind,
      absolute: bool = False, **fields: object) -> Case:
    return Case(text, date, span, resolved, kind, fields, absolute)


DAY, RANGE, WEEK = TimeKind.DAY, TimeKind.RANGE, TimeKind.WEEK
MON, YR, DEC, CEN = TimeKind.MONTH, TimeKind.YEAR, TimeKind.DECADE, TimeKind.CENTURY
ANNI, AGO = TimeKind.ANNIVERSARY, TimeKind.AGO

WEEKDAYS = [
    c("Maandag kwam hij.", FULL, "Maandag", "2023-09-04", DAY, weekday=0),
    c("Woensdag kwam hij.", FULL, "Woensdag", "2023-09-06", DAY, weekday=2),
    c("Donderdag kwam hij.", FULL, "Donderdag", "2023-08-31", DAY, weekday=3),
    c("Zondag kwam hij.", FULL, "Zondag", "2023-09-03", DAY, weekday=6),
    c("Volgende maandag komt hij.", FULL, "Volgende maandag", "2023-09-11", DAY, weekday=0,
      direction=D.NEXT),
    c("Komende woensdag komt hij.", FULL, "Komende woensdag", "2023-09-13", DAY, weekday=2,
      direction=D.NEXT),
    c("aanstaande vrijdag", FULL, "aanstaande vrijdag", "2023-09-08", DAY, weekday=4,
      direction=D.NEXT),
    c("Vorige woensdag ging hij.", FULL, "Vorige woensdag", "2023-08-30", DAY, weekday=2,
      direction=D.PREVIOUS),
    c("afgelopen dinsdag", FULL, "afgelopen dinsdag", "2023-09-05", DAY, weekday=1,
      direction=D.PREVIOUS),
    c("vorige donderdag", FULL, "vorige donderdag", "2023-08-31", DAY, weekday=3,
      direction=D.PREVIOUS),
    c("Hij sprak maandagavond.", FULL, "maandagavond", "2023-09-04", DAY, weekday=0),
    c("zaterdagochtend", FULL, "zaterdagochtend", "2023-09-02", DAY, weekday=5),
    c("Vrijdag kwam hij.", MONTH, "Vrijdag", "2023-09", DAY, weekday=4),
    c("Maandag kwam hij.", YEAR, "Maandag", "2023", DAY, weekday=0),
]

RELATIVE_DAYS = [
    c("Gisteren regende het.", FULL, "Gisteren", "2023-09-05", DAY, direction=D.PREVIOUS),
    c("Morgen regent het.", FULL, "Morgen", "2023-09-07", DAY, direction=D.NEXT),
    c("Hij komt morgen.", FULL, "morgen", "2023-09-07", DAY, direction=D.NEXT),
    c("Eergisteren en", FULL, "Eergisteren", "2023-09-04", DAY, direction=D.PREVIOUS),
    c("en overmorgen", FULL, "overmorgen", "2023-09-08", DAY, direction=D.NEXT),
    c("Vandaag is het zover.", FULL, "Vandaag", "2023-09-06", DAY, direction=D.THIS),
    c("vanavond", FULL, "vanavond", "2023-09-06", DAY, direction=D.THIS),
    c("gisteravond", FULL, "gisteravond", "2023-09-05", DAY, direction=D.PREVIOUS),
    c("morgenochtend", FULL, "morgenochtend", "2023-09-07", DAY, direction=D.NEXT),
    c("Vandaag is het zover.", MONTH, "Vandaag", "2023-09", DAY, direction=D.THIS),
]

PERIODS = [
    c("Dat gebeurt deze week.", FULL, "deze week", "2023-09-04/2023-09-10", WEEK,
      direction=D.THIS),
    c("Dat gebeurde vorige week.", FULL, "vorige week", "2023-08-28/2023-09-03", WEEK,
      direction=D.PREVIOUS),
    c("Dat gebeurt volgende week.", FULL, "volgende week", "2023-09-11/2023-09-17", WEEK,
      direction=D.NEXT),
    c("later deze week", FULL, "later deze week", "2023-09-04/2023-09-10", WEEK,
      direction=D.THIS, qualifier=Q.LATER),
    c("Dat gebeurt deze week.", MONTH, "deze week", "2023-09", WEEK, direction=D.THIS),
    c("Dat gebeurt deze maand.", MONTH, "deze maand", "2023-09", MON, direction=D.THIS),
    c("Dat gebeurde vorige maand.", MONTH, "vorige maand", "2023-08", MON,
      direction=D.PREVIOUS),
    c("Dat gebeurt volgende maand.", MONTH, "volgende maand", "2023-10", MON, direction=D.NEXT),
    c("vorige maand", ArticleDate(2023, 1), "vorige maand", "2022-12", MON,
      direction=D.PREVIOUS),
    c("komende maand", ArticleDate(2023, 12), "komende maand", "2024-01", MON,
      direction=D.NEXT),
    c("Dat gebeurt later deze maand.", MONTH, "later deze maand", "2023-09", MON,
      direction=D.THIS, qualifier=Q.LATER),
    c("deze maand", YEAR, "deze maand", "2023", MON, direction=D.THIS),
    c("Dat gebeurde vorig jaar.", MONTH, "vorig jaar", "2022", YR, direction=D.PREVIOUS),
    c("afgelopen jaar", MONTH, "afgelopen jaar", "2022", YR, direction=D.PREVIOUS),
    c("Dat gebeurt volgend jaar.", MONTH, "volgend jaar", "2024", YR, direction=D.NEXT),
    c("komend jaar", MONTH, "komend jaar", "2024", YR, direction=D.NEXT),
    c("Eerder dit jaar kwam hij.", MONTH, "Eerder dit jaar", "2023", YR, direction=D.THIS,
      qualifier=Q.EARLIER),
    c("begin volgend jaar", MONTH, "begin volgend jaar", "2024", YR, direction=D.NEXT,
      qualifier=Q.EARLY),
    c("Dat was in de vorige eeuw.", MONTH, "vorige eeuw", "1900/1999", CEN,
      direction=D.PREVIOUS),
    c("deze eeuw", MONTH, "deze eeuw", "2000/2099", CEN, direction=D.THIS),
    c("begin vorige eeuw", MONTH, "begin vorige eeuw", "1900/1929", CEN,
      direction=D.PREVIOUS, qualifier=Q.EARLY),
]

MONTHS = [
    c("begin augustus", MONTH, "begin augustus", "2023-08", MON, qualifier=Q.EARLY),
    c("Medio juni 2021 kwam hij.", MONTH, "Medio juni 2021", "2021-06", MON, True,
      qualifier=Q.MID),
    c("half september", MONTH, "half september", "2023-09", MON, qualifier=Q.MID),
    c("eind-oktober", MONTH, "eind-oktober", "2022-10", MON, qualifier=Q.LATE),
    c("Hij kwam in juli.", MONTH, "in juli", "2023-07", MON),
    c("Hij kwam in januari.", MONTH, "in januari", "2023-01", MON),
    c("Hij kwam in november.", MONTH, "in november", "2022-11", MON),
    c("In november zal hij komen.", MONTH, "In november", "2023-11", MON),
    c("In juli zal hij komen.", MONTH, "In juli", "2024-07", MON),
    c("Hij komt in september.", MONTH, "in september", "2023-09", MON),
    c("Komende december komt hij.", MONTH, "Komende december", "2023-12", MON,
      direction=D.NEXT),
    c("volgende maart", MONTH, "volgende maart", "2024-03", MON, direction=D.NEXT),
    c("afgelopen oktober", MONTH, "afgelopen oktober", "2022-10", MON, direction=D.PREVIOUS),
    c("afgelopen augustus", MONTH, "afgelopen augustus", "2023-08", MON,
      direction=D.PREVIOUS),
    c("Hij kwam in maart 2019.", MONTH, "in maart 2019", "2019-03", MON, True),
    c("Hij kwam in maart vorig jaar.", MONTH, "in maart vorig jaar", "2022-03", MON,
      direction=D.PREVIOUS),
    c("in mei volgend jaar", MONTH, "in mei volgend jaar", "2024-05", MON, direction=D.NEXT),
    c("in mei dit jaar", MONTH, "in mei dit jaar", "2023-05", MON, direction=D.THIS),
    c("Hij kwam vorig jaar februari.", MONTH, "vorig jaar februari", "2022-02", MON,
      direction=D.PREVIOUS),
    c("Zij begon vorig jaar in augustus.", MONTH, "vorig jaar in augustus", "2022-08", MON,
      direction=D.PREVIOUS),
    c("Zij begon vorig jaar eind augustus.", MONTH, "vorig jaar eind augustus", "2022-08", MON,
      direction=D.PREVIOUS, qualifier=Q.LATE),
    c("volgend jaar in mei", MONTH, "volgend jaar in mei", "2024-05", MON, direction=D.NEXT),
    c("sinds juli", MONTH, "sinds juli", "2023-07", MON, lead=L.SINCE),
    c("sedert april", MONTH, "sedert april", "2023-04", MON, lead=L.SINCE),
    c("vanaf oktober", MONTH, "vanaf oktober", "2022-10", MON, lead=L.FROM),
    c("tot mei", MONTH, "tot mei", "2023-05", MON, lead=L.UNTIL),
    c("na juni", MONTH, "na juni", "2023-06", MON, lead=L.AFTER),
    c("voor augustus", MONTH, "voor augustus", "2023-08", MON, lead=L.BEFORE),
    c("rond maart", MONTH, "rond maart", "2023-03", MON, lead=L.AROUND),
    c("omstreeks mei", MONTH, "omstreeks mei", "2023-05", MON, lead=L.AROUND),
    c("sinds eind juli", MONTH, "sinds eind juli", "2023-07", MON, lead=L.SINCE,
      qualifier=Q.LATE),
    c("Hij kwam in november.", YEAR, "in november", "2023-11", MON),
]

DAY_MONTHS = [
    c("Op 4 september 2022 kwam hij.", MONTH, "Op 4 september 2022", "2022-09-04", DAY, True),
    c("Zaterdag 2 september kwam hij.", MONTH, "Zaterdag 2 september", "2023-09-02", DAY,
      weekday=5),
    c("Hij kwam 1 augustus.", MONTH, "1 augustus", "2023-08-01", DAY),
    c("op 12 december", MONTH, "op 12 december", "2022-12-12", DAY),
    c("Op 12 december zal hij komen.", MONTH, "Op 12 december", "2023-12-12", DAY),
    c("sinds 3 mei", MONTH, "sinds 3 mei", "2023-05-03", DAY, lead=L.SINCE),
    c("tot 1 oktober 2024", MONTH, "tot 1 oktober 2024", "2024-10-01", DAY, True,
      lead=L.UNTIL),
    c("de 4e september", MONTH, "4e september", "2023-09-04", DAY),
    c("29 februari", ArticleDate(2024, 9), "29 februari", "2024-02-29", DAY),
    c("31 januari", MONTH, "31 januari", "2023-01-31", DAY),
]

RANGES = [
    c("tussen 10 en 13 september", MONTH, "tussen 10 en 13 september",
      "2023-09-10/2023-09-13", RANGE),
    c("van 10 tot 13 september", MONTH, "van 10 tot 13 september", "2023-09-10/2023-09-13",
      RANGE),
    c("10 t/m 13 september", MONTH, "10 t/m 13 september", "2023-09-10/2023-09-13", RANGE),
    c("10-13 september", MONTH, "10-13 september", "2023-09-10/2023-09-13", RANGE),
    c("van 30 augustus tot en met 2 september", MONTH,
      "van 30 augustus tot en met 2 september", "2023-08-30/2023-09-02", RANGE),
    c("van 30 december tot 2 januari", MONTH, "van 30 december tot 2 januari",
      "2022-12-30/2023-01-02", RANGE),
    c("van 10 tot 13 september 2021", MONTH, "van 10 tot 13 september 2021",
      "2021-09-10/2021-09-13", RANGE, True),
    c("van 12 tot 13 november", MONTH, "van 12 tot 13 november", "2022-11-12/2022-11-13",
      RANGE),
]

NUMERIC = [
    c("De wet van 04-09-2023 geldt.", None, "04-09-2023", "2023-09-04", DAY, True),
    c("Op 2023-09-04.", MONTH, "2023-09-04", "2023-09-04", DAY, True),
    c("op 4/9/2023", MONTH, "4/9/2023", "2023-09-04", DAY, True),
    c("op 31.12.1999", MONTH, "31.12.1999", "1999-12-31", DAY, True),
]

YEARS = [
    c("Hij kwam in 2022.", MONTH, "in 2022", "2022", YR, True),
    c("Hij woont er sinds 2014.", MONTH, "sinds 2014", "2014", YR, True, lead=L.SINCE),
    c("vanaf 2025", MONTH, "vanaf 2025", "2025", YR, True, lead=L.FROM),
    c("rond 1900", MONTH, "rond 1900", "1900", YR, True, lead=L.AROUND),
    c("Eind 2020 kwam hij.", MONTH, "Eind 2020", "2020", YR, True, qualifier=Q.LATE),
    c("medio 2021", MONTH, "medio 2021", "2021", YR, True, qualifier=Q.MID),
    c("het jaar 1999", MONTH, "het jaar 1999", "1999", YR, True),
    c("in het jaar 1999", MONTH, "in het jaar 1999", "1999", YR, True),
]

DECADES = [
    c("de jaren vijftig", MONTH, "de jaren vijftig", "1950/1959", DEC),
    c("begin jaren vijftig", MONTH, "begin jaren vijftig", "1950/1953", DEC, qualifier=Q.EARLY),
    c("midden jaren vijftig", MONTH, "midden jaren vijftig", "1954/1956", DEC,
      qualifier=Q.MID),
    c("eind jaren negentig", MONTH, "eind jaren negentig", "1997/1999", DEC,
      qualifier=Q.LATE),
    c("de jaren '80", MONTH, "de jaren '80", "1980/1989", DEC),
    c("de jaren ’80", MONTH, "de jaren ’80", "1980/1989", DEC),
    c("de jaren tien", MONTH, "de jaren tien", "2010/2019", DEC),
    c("de jaren twintig", MONTH, "de jaren twintig", "2020/2029", DEC),
    c("de jaren dertig", MONTH, "de jaren dertig", "1930/1939", DEC),
    c("de jaren nul", MONTH, "de jaren nul", "2000/2009", DEC),
    c("de jaren 1950", MONTH, "de jaren 1950", "1950/1959", DEC, True),
    c("eind jaren 1960", MONTH, "eind jaren 1960", "1967/1969", DEC, True, qualifier=Q.LATE),
    c("de jaren twintig van de vorige eeuw", MONTH, "de jaren twintig van de vorige eeuw",
      "1920/1929", DEC),
    c("de jaren twintig van deze eeuw", MONTH, "de jaren twintig van deze eeuw", "2020/2029",
      DEC),
    c("de jaren tien van de vorige eeuw", MONTH, "de jaren tien van de vorige eeuw",
      "1910/1919", DEC),
    c("de jaren zestig van de negentiende eeuw", MONTH,
      "de jaren zestig van de negentiende eeuw", "1860/1869", DEC, True),
    c("de jaren zestig van de 19e eeuw", MONTH, "de jaren zestig van de 19e eeuw",
      "1860/1869", DEC, True),
]

CENTURIES = [
    c("de negentiende eeuw", MONTH, "de negentiende eeuw", "1800/1899", CEN, True),
    c("de 21e eeuw", MONTH, "de 21e eeuw", "2000/2099", CEN, True),
    c("de 3de eeuw", MONTH, "de 3de eeuw", "0200/0299", CEN, True),
    c("de eerste eeuw", MONTH, "de eerste eeuw", "0000/0099", CEN, True),
    c("de dertigste eeuw", MONTH, "de dertigste eeuw", "2900/2999", CEN, True),
    c("begin twintigste eeuw", MONTH, "begin twintigste eeuw", "1900/1929", CEN, True,
      qualifier=Q.EARLY),
    c("midden 19e eeuw", MONTH, "midden 19e eeuw", "1835/1865", CEN, True, qualifier=Q.MID),
    c("eind achttiende eeuw", MONTH, "eind achttiende eeuw", "1770/1799", CEN, True,
      qualifier=Q.LATE),
]

ANNIVERSARIES = [
    c("het zeventigjarig jubileum", MONTH, "zeventigjarig jubileum", "1953", ANNI, amount=70),
    c("het 75-jarig bestaan", MONTH, "75-jarig bestaan", "1948", ANNI, amount=75),
    c("het 100-jarige bestaan", MONTH, "100-jarige bestaan", "1923", ANNI, amount=100),
    c("zijn vijftigste verjaardag", MONTH, "vijftigste verjaardag", "1973", ANNI, amount=50),
    c("de eenentwintigste verjaardag", MONTH, "eenentwintigste verjaardag", "2002", ANNI,
      amount=21),
    c("de 25e herdenking", MONTH, "25e herdenking", "1998", ANNI, amount=25),
    c("een eenjarig jubileum", MONTH, "eenjarig jubileum", "2022", ANNI, amount=1),
]

AGOS = [
    c("tien jaar geleden", MONTH, "tien jaar geleden", "2013", AGO, amount=10,
      unit=TimeUnit.YEAR, direction=D.PREVIOUS),
    c("tweeëntwintig jaar geleden", MONTH, "tweeëntwintig jaar geleden", "2001", AGO,
      amount=22, unit=TimeUnit.YEAR, direction=D.PREVIOUS),
    c("een jaar geleden", MONTH, "een jaar geleden", "2022", AGO, amount=1,
      unit=TimeUnit.YEAR, direction=D.PREVIOUS),
    c("één jaar geleden", MONTH, "één jaar geleden", "2022", AGO, amount=1,
      unit=TimeUnit.YEAR, direction=D.PREVIOUS),
    c("20 jaren geleden", MONTH, "20 jaren geleden", "2003", AGO, amount=20,
      unit=TimeUnit.YEAR, direction=D.PREVIOUS),
    c("twee maanden geleden", MONTH, "twee maanden geleden", "2023-07", AGO, amount=2,
      unit=TimeUnit.MONTH, direction=D.PREVIOUS),
    c("tien maanden geleden", MONTH, "tien maanden geleden", "2022-11", AGO, amount=10,
      unit=TimeUnit.MONTH, direction=D.PREVIOUS),
    c("een maand geleden", FULL, "een maand geleden", "2023-08", AGO, amount=1,
      unit=TimeUnit.MONTH, direction=D.PREVIOUS),
    c("drie maanden geleden", YEAR, "drie maanden geleden", "2023", AGO, amount=3,
      unit=TimeUnit.MONTH, direction=D.PREVIOUS),
    c("drie weken geleden", FULL, "drie weken geleden", "2023-08-16", AGO, amount=3,
      unit=TimeUnit.WEEK, direction=D.PREVIOUS),
    c("een week geleden", FULL, "een week geleden", "2023-08-30", AGO, amount=1,
      unit=TimeUnit.WEEK, direction=D.PREVIOUS),
    c("5 dagen geleden", FULL, "5 dagen geleden", "2023-09-01", AGO, amount=5,
      unit=TimeUnit.DAY, direction=D.PREVIOUS),
    c("een dag geleden", FULL, "een dag geleden", "2023-09-05", AGO, amount=1,
      unit=TimeUnit.DAY, direction=D.PREVIOUS),
    c("drie weken geleden", MONTH, "drie weken geleden", "2023-08", AGO, amount=3,
      unit=TimeUnit.WEEK, direction=D.PREVIOUS),
    c("twee dagen geleden", MONTH, "twee dagen geleden", "2023-09", AGO, amount=2,
      unit=TimeUnit.DAY, direction=D.PREVIOUS),
    c("twee dagen geleden", YEAR, "twee dagen geleden", "2023", AGO, amount=2,
      unit=TimeUnit.DAY, direction=D.PREVIOUS),
]

CASES = (WEEKDAYS + RELATIVE_DAYS + PERIODS + MONTHS + DAY_MONTHS + RANGES + NUMERIC + YEARS
         + DECADES + CENTURIES + ANNIVERSARIES + AGOS)
OPTIONAL_FIELDS = ("qualifier", "lead", "direction", "weekday", "amount", "unit")


@pytest.mark.parametrize("case", CASES, ids=str)
def test_rule_finds_and_resolves(case: Case) -> None:
    t = only(case.text, case.date)
    assert (t.text, t.resolved) == (case.span, case.resolved)
    assert case.text[t.start:t.end] == case.span
    assert t.value is not None and t.value.kind is case.kind
    assert t.value.resolved == t.resolved
    for name in OPTIONAL_FIELDS:
        assert getattr(t.value, name) == case.fields.get(name), name
    assert t.value.reference == (None if case.absolute else case.date)


@pytest.mark.parametrize("case", CASES, ids=str)
def test_without_the_article_date_the_same_is_found(case: Case) -> None:
    t = only(case.text, None)
    assert t.text == case.span and t.value is not None and t.value.kind is case.kind
    for name in OPTIONAL_FIELDS:
        assert getattr(t.value, name) == case.fields.get(name), name
    assert t.value.reference is None
    if case.absolute:
        assert t.resolved == case.resolved
    else:
        assert t.resolved is None and t.value.first is None and t.value.last is None


REFUSED = [
    ("Keizer Augustus regeerde lang.", MONTH),  # a bare month name is too ambiguous
    ("Het was mei.", MONTH),
    ("Hij werkte de hele morgen.", FULL),  # the morning, not tomorrow
    ("Die morgen regende het.", FULL),
    ("Elke morgen loopt hij.", FULL),
    ("Op zo'n morgen", FULL),
    ("Op maandagen is het dicht.", FULL),
    ("Zij was een zeventigjarige vrouw.", MONTH),  # an age, not an anniversary
    ("het 0-jarig bestaan", MONTH),
    ("Er waren 13 en 14 soldaten.", MONTH),
    ("van 31 tot 32 september", MONTH),
    ("31 april", MONTH),
    ("op 31-04-2023", MONTH),
    ("op 2023-02-30", MONTH),
    ("op 13-13-2023", MONTH),
    ("op 00-10-2023", MONTH),
    ("Het was 2022.", MONTH),  # a bare year is a number as often as a year
    ("in 3000", MONTH),
    ("de jaren 1955", MONTH),
    ("de 31e eeuw", MONTH),
    ("de 0e eeuw", MONTH),
    ("veel jaren geleden", MONTH),
    ("tig jaar geleden", MONTH),
    ("", MONTH),
    ("   \n ", MONTH),
]


@pytest.mark.parametrize(("text", "date"), REFUSED)
def test_rule_refuses(text: str, date: ArticleDate) -> None:
    assert find(text, date) == ()
    assert find(text, None) == ()


@pytest.mark.parametrize(("text", "date", "found"), [
    ("13 en 14 september", MONTH, "14 september"),  # "en" makes a range only after "tussen"
    ("tussen 13 en 10 september", MONTH, "10 september"),  # backwards
    ("van 13 tot 13 september", MONTH, "tot 13 september"),
    ("29 februari", MONTH, None),  # 2023 has none
    ("Op 29 februari zal hij komen.", ArticleDate(2023, 1), None),
    ("het 1001-jarig bestaan", MONTH, None),
])
def test_rule_refuses_part(text: str, date: ArticleDate, found: str | None) -> None:
    assert [t.text for t in find(text, date)] == ([found] if found else [])


def test_a_year_before_a_noun_is_a_number() -> None:
    assert find("Het ging om 1500 dorpen.", MONTH, pos={"dorpen": "NOUN"}) == ()
    assert find("in 1500 nieuwe dorpen", MONTH, pos={"nieuwe": "ADJ"}) == ()
    (t,) = find("in 1500 kwam hij", MONTH, pos={"kwam": "VERB"})
    assert (t.text, t.resolved) == ("in 1500", "1500")


def test_the_future_is_read_from_the_same_sentence_only() -> None:
    # "zal" in the next sentence does not move "in juli" to next year.
    assert only("Hij kwam in juli. Hij zal komen.", MONTH).resolved == "2023-07"
    assert only("Hij zal komen! Hij kwam in juli", MONTH).resolved == "2023-07"
    assert only("Dat gebeurt in juli, zoals gepland", MONTH).resolved == "2024-07"
    assert only("Verwacht wordt dat het in juli\nklaar is", MONTH).resolved == "2024-07"
