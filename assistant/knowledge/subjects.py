"""Note subjects: which knowledge entry each name mention certainly names (precision first: a
mention gets no background rather than someone else's), mentions grouped by subject, and each
subject's note as things stood at the article's date."""

from __future__ import annotations

import functools
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from enum import Enum
from typing import Generic, TypeVar

from assistant.knowledge import roles as dated
from assistant.knowledge.base import (
    KnowledgeBase,
    KnowledgeEntry,
    NamePattern,
    Origin,
    fold,
    genitive_base,
)
from assistant.knowledge.places import language_names
from assistant.models import (
    AnalysedArticle,
    ArticleDate,
    Category,
    Entity,
    Mention,
    Note,
    Token,
)

# A lone capitalised word this frequent is an ordinary word ("Van", "Best"), not a town.
COMMON_WORD_ZIPF = 5.0
# A sentence-initial capitalised word this frequent may be an ordinary word opening it.
SENTENCE_WORD_ZIPF = 4.0
# Towns this big (and capitals, and Dutch exonyms) are rarely anything else; smaller ones need
# the NER or a preposition to mark them as places.
BIG_CITY = 1_000_000
# "in Davenport", "naar Ede": the word before marks a place.
PLACE_PREPOSITIONS = frozenset({"in", "naar", "uit", "vanuit", "te", "nabij", "richting"})
# "de havenstad Vladivostok", "zijn woonplaats Nashville", "het buurland Duitsland".
PLACE_NOUN_ENDINGS = ("stad", "dorp", "gemeente", "provincie", "regio", "eiland", "plaats",
                      "streek", "land")
# Small words inside longer names: "Grote Prijs van Frankrijk", "Travel & Tours".
LEFT_PARTICLES = (("van", "de"), ("van", "der"), ("van", "den"), ("von", "der"), ("van",),
                  ("von",), ("&",), ("of",))
RIGHT_PARTICLES = frozenset({"&", "of"})
# Countries whose names put the family name first (Kim Jong-un, Xi Jinping, Moon Jae-in).
FAMILY_NAME_FIRST = frozenset({"CN", "TW", "HK", "MO", "KP", "KR"})
# Quotation marks around a lone name make it a title ('« Metro »', '"Urbanus"'), not a town.
OPENING_QUOTES = frozenset({"«", "\"", "“", "„", "'", "‘", "‚"})
CLOSING_QUOTES = frozenset({"»", "\"", "”", "'", "’"})
# A qualifier in brackets after a place name picks one of its namesakes ('Alexandria
# (Virginia)', 'Vlaanderen (gewest)'); the gazetteer's choice may be another one.
MAX_QUALIFIER_WORDS = 3
# What may stand between two names listed together.
LIST_WORDS = frozenset({"en", "of", ",", "(", ")"})
MAX_LIST_GAP = 3
# Titles before a name are not part of it ("Premier Rutte", "Koning Willem-Alexander").
TITLE_WORDS = frozenset({
    "premier", "minister", "minister-president", "president", "koning", "koningin", "prins",
    "prinses", "paus", "kardinaal", "bisschop", "generaal", "bondscoach", "trainer", "coach",
    "burgemeester", "staatssecretaris", "commissaris", "kanselier", "ceo", "topman", "topvrouw",
    "oud-premier", "ex-premier", "oud-minister", "ex-president", "oud-president", "vicepremier",
    "sir", "lord", "lady", "dr", "prof", "mr", "ir", "mevrouw", "meneer", "heer", "senator",
    "gouverneur", "kapitein", "sjeik", "emir", "sultan", "keizer", "tsaar", "ayatollah",
})
_T = TypeVar("_T")
_NAME_CATEGORIES = frozenset(
    {Category.PERSON, Category.ORGANISATION, Category.PLACE, Category.GROUP, Category.EVENT,
     Category.OTHER}
)
# A person mention never gets a place or organisation note, and the reverse.
_CLASHES = frozenset({
    (Category.PERSON, Category.PLACE), (Category.PERSON, Category.ORGANISATION),
    (Category.PLACE, Category.PERSON), (Category.ORGANISATION, Category.PERSON),
})


@dataclass(frozen=True, slots=True)
class _Candidate:
    """A known name found on the tokens (inclusive range)."""

    first: int
    last: int
    entry: KnowledgeEntry
    pattern: NamePattern

    @property
    def size(self) -> int:
        return self.last - self.first + 1


@dataclass(slots=True)
class _Span:
    """A mention: inclusive token range, and the entry it names if known."""

    first: int
    last: int
    category: Category
    entry: KnowledgeEntry | None = None
    adjective: bool = False


@dataclass(slots=True)
class _Subject:
    key: str
    category: Category
    entry: KnowledgeEntry | None
    spans: list[_Span] = field(default_factory=list)


class _ByEdge(Generic[_T]):
    """Items on inclusive token ranges, by their first and last token: those that `_coordinated`
    can list with a range are found without looking at all of them."""

    def __init__(self, ranges: Iterable[tuple[int, int, _T]]) -> None:
        self.items: list[_T] = []
        self._by_first: dict[int, list[_T]] = {}
        self._by_last: dict[int, list[_T]] = {}
        for first, last, item in ranges:
            self.items.append(item)
            self._by_first.setdefault(first, []).append(item)
            self._by_last.setdefault(last, []).append(item)

    def near(self, first: int, last: int) -> list[_T]:
        """The items ending 1 to MAX_LIST_GAP tokens before `first` or beginning as far after
        `last` (each once)."""
        found: dict[int, _T] = {}
        for i in range(first - MAX_LIST_GAP - 1, first - 1):
            found.update((id(item), item) for item in self._by_last.get(i, ()))
        for i in range(last + 2, last + MAX_LIST_GAP + 2):
            found.update((id(item), item) for item in self._by_first.get(i, ()))
        return list(found.values())


class _Article:
    """The analysed article with the lookups the rules share."""

    def __init__(self, analysed: AnalysedArticle, kb: KnowledgeBase, when: ArticleDate) -> None:
        self.analysed = analysed
        self.tokens = analysed.tokens
        self.text = analysed.article.text
        self.kb = kb
        self.when = when
        self.covered: set[int] = set()
        self.country: str | None = None  # the country most of the known names belong to
        self._persons: _ByEdge[Entity] | None = None

    def person_entities(self) -> _ByEdge[Entity]:
        """The person entities, by where they begin and end."""
        if self._persons is None:
            self._persons = _ByEdge([(e.first_token, e.last_token, e)
                                     for e in self.analysed.entities
                                     if e.category is Category.PERSON])
        return self._persons

    def sentence_start(self, i: int) -> bool:
        return i == 0 or self.tokens[i - 1].sentence != self.tokens[i].sentence

    def entity_of(self, i: int) -> Entity | None:
        index = self.tokens[i].entity
        return self.analysed.entities[index] if index is not None else None

    def words(self, first: int, last: int) -> tuple[str, ...]:
        return tuple(fold(self.tokens[i].text) for i in range(first, last + 1))

    def name_word(self, i: int, entity: Entity | None = None) -> bool:
        """A capitalised word that belongs to a name no candidate covers: mid-sentence, or
        inside the given entity; never a title."""
        if not 0 <= i < len(self.tokens) or i in self.covered:
            return False
        token = self.tokens[i]
        if not token.text[:1].isupper() or token.text.lower() in TITLE_WORDS:
            return False
        if entity is not None and entity.first_token <= i <= entity.last_token:
            return True
        return not (self.sentence_start(i) and token.zipf >= SENTENCE_WORD_ZIPF)

    def place_context(self, first: int) -> bool:
        """Whether the word before marks a place: a preposition of place or a lower-case noun
        for one ('hoofdstad')."""
        if first == 0 or self.sentence_start(first):
            return False
        before = self.tokens[first - 1].text
        return before.lower() in PLACE_PREPOSITIONS or (
            before.islower() and before.endswith(PLACE_NOUN_ENDINGS)
        )


def build_notes(
    analysed: AnalysedArticle, kb: KnowledgeBase, today: ArticleDate | None = None
) -> tuple[Note, ...]:
    """One note per subject (person, place, organisation, ...) in order of first mention, each
    true at the article's date (or `today`, default the real today, when it has none)."""
    when = analysed.article.date or today or dated.today()
    article = _Article(analysed, kb, when)
    spans = _known_spans(article)
    spans.extend(_ner_spans(article, spans))
    spans.sort(key=lambda s: s.first)
    subjects = _group(article, spans)
    notes = [_note(article, subject) for subject in subjects]
    notes.sort(key=lambda n: n.mentions[0].start)
    return tuple(notes)


# -- known names ----------------------------------------------------------------------------


def _token_keys(article: _Article, i: int) -> tuple[str, ...]:
    text = article.tokens[i].text.replace("’", "'")
    keys = [text]
    base = genitive_base(text)
    if base is not None:
        keys.append(base)
    if article.sentence_start(i) and text[:1].isupper() and not text[1:2].isupper():
        # Curated lower-case names ("coronacrisis") opening a sentence.
        keys.append(text[:1].lower() + text[1:])
    return tuple(keys)


def _known_spans(article: _Article) -> list[_Span]:
    """Known names, short names and nationality adjectives that certainly name their entry."""
    keys = [_token_keys(article, i) for i in range(len(article.tokens))]
    candidates: list[_Candidate] = []
    for match in article.kb.matcher().find_all(keys):
        entry = article.kb.get(match.payload.entry_id)
        if entry is None:
            continue
        candidate = _Candidate(match.positions[0], match.positions[-1], entry, match.payload)
        if _plausible(article, candidate):
            candidates.append(candidate)
    article.covered = {i for c in candidates for i in range(c.first, c.last + 1)}
    article.country = _article_country(article, candidates)
    owners = _Owners(_person_names(article, candidates))
    firm: list[_Candidate] = []
    conditional: list[_Candidate] = []
    listed: list[_Candidate] = []
    for candidate in candidates:
        verdict = _verdict(article, candidate, owners)
        if verdict is _Verdict.FIRM:
            firm.append(candidate)
        elif verdict is _Verdict.IF_INTRODUCED:
            conditional.append(candidate)
        elif verdict is _Verdict.IF_COORDINATED:
            listed.append(candidate)
    chosen = _non_overlapping(firm)
    places = _ByEdge([(c.first, c.last, c) for c in chosen
                      if c.entry.category is Category.PLACE and not c.pattern.adjective])
    coordinated = [c for c in listed
                   if any(_coordinated(article, c, p) for p in places.near(c.first, c.last))]
    firm.extend(coordinated)
    conditional.extend(c for c in listed if c not in coordinated)
    chosen = _non_overlapping(firm)
    introduced: dict[str, int] = {}
    for candidate in chosen:
        if not candidate.pattern.short and not candidate.pattern.adjective:
            introduced.setdefault(candidate.entry.id, candidate.first)
            introduced[candidate.entry.id] = min(introduced[candidate.entry.id], candidate.first)
    taken = {i for c in chosen for i in range(c.first, c.last + 1)}
    for candidate in sorted(conditional, key=lambda c: (c.first, -c.size)):
        start = introduced.get(candidate.entry.id)
        positions = set(range(candidate.first, candidate.last + 1))
        supported = start is not None and start < candidate.first
        if not supported and candidate.pattern.short and (
            candidate.entry.category is not Category.PERSON
        ):
            # 'SP', 'PS', 'WHO' alone may be anything; a leader of the party or a subject of
            # the organisation's facts named in the article says which.
            supported = not article.kb.linked(candidate.entry.id).isdisjoint(introduced)
        if supported and taken.isdisjoint(positions):
            chosen.append(candidate)
            taken |= positions
    return [
        _Span(c.first, c.last, c.entry.category, c.entry, c.pattern.adjective)
        for c in sorted(chosen, key=lambda c: c.first)
    ]


def _article_country(article: _Article, candidates: Sequence[_Candidate]) -> str | None:
    """The country of most of the distinct subjects the article names in full (two at least,
    more than any other country), None when no country leads."""
    seen: dict[str, str] = {}
    for c in candidates:
        if c.pattern.short or c.entry.country is None:
            continue
        if c.pattern.origin is Origin.CURATED and _namesakes(article, c):
            continue
        seen.setdefault(c.entry.id, c.entry.country)
    counts = sorted(Counter(seen.values()).items(), key=lambda kv: -kv[1])
    if not counts or counts[0][1] < 2 or (len(counts) > 1 and counts[1][1] == counts[0][1]):
        return None
    return counts[0][0]


def _namesakes(
    article: _Article, candidate: _Candidate, *, exact: bool = False
) -> frozenset[str | None]:
    text = article.text[article.tokens[candidate.first].start : article.tokens[candidate.last].end]
    return article.kb.namesake_countries(text, candidate.entry.id, exact=exact)


def _namesake_nearer(article: _Article, candidate: _Candidate) -> bool:
    """Whether another entry may be meant by this name: one spelt the same unless the article
    is of this entry's country; one spelt alike but for case when the article is of its
    country ('PvdA' in a Belgian article: the Belgian PVDA)."""
    if _namesakes(article, candidate, exact=True):
        return article.country is None or article.country != candidate.entry.country
    others = _namesakes(article, candidate)
    return article.country is not None and article.country != candidate.entry.country and (
        article.country in others
    )


def _coordinated(article: _Article, candidate: _Candidate, place: _Candidate) -> bool:
    """Whether two names are listed together: 'Moskou (en Pyongyang)', 'Ede, Tours'."""
    if place.last < candidate.first:
        between = range(place.last + 1, candidate.first)
    elif candidate.last < place.first:
        between = range(candidate.last + 1, place.first)
    else:
        return False
    if not 0 < len(between) <= MAX_LIST_GAP:
        return False
    words = [article.tokens[i].text.lower() for i in between]
    return set(words) <= LIST_WORDS and bool(set(words) & {"en", "of",
                                                                                   ","})


def _non_overlapping(candidates: list[_Candidate]) -> list[_Candidate]:
    """Longest first; on equal length curated before countries before towns, then earlier."""
    taken: set[int] = set()
    chosen: list[_Candidate] = []
    order = sorted(candidates, key=lambda c: (-c.size, c.pattern.origin, c.pattern.short,
                                              c.first))
    for candidate in order:
        positions = set(range(candidate.first, candidate.last + 1))
        if taken.isdisjoint(positions):
            taken |= positions
            chosen.append(candidate)
    return chosen


def _plausible(article: _Article, candidate: _Candidate) -> bool:
    """Checks on the words alone: case, ordinary words, and whether the entry existed yet."""
    tokens = article.tokens
    head = tokens[candidate.first]
    entry = candidate.entry
    if not dated.existed_at(entry, article.when):
        return False
    if candidate.pattern.origin is Origin.CURATED:
        # Curated names match case-exactly; a lower-case one ("coronacrisis") is deliberate.
        return True
    if not head.text[:1].isupper():
        return False
    if candidate.size > 1 or candidate.pattern.origin is not Origin.CITY:
        return True
    # Single-word towns: reject ordinary words (unless the NER marks just this word as a
    # place: "Rotterdam" is frequent), and sentence-initial capitals that the parser and the
    # NER do not see as names.
    entity = article.entity_of(candidate.first)
    if head.zipf >= COMMON_WORD_ZIPF:
        return (
            entity is not None
            and entity.first_token == entity.last_token
            and entity.category is Category.PLACE
        )
    return (
        not article.sentence_start(candidate.first)
        or head.pos == "PROPN"
        or head.entity is not None
    )


class _Verdict(Enum):
    FIRM = "names its entry"
    IF_INTRODUCED = "only after one of the entry's names appeared earlier"
    IF_COORDINATED = ("a place when listed with another place ('Moskou (en Pyongyang)') or "
                      "named so earlier")
    NO = "does not name its entry"


def _verdict(article: _Article, candidate: _Candidate, owners: _Owners) -> _Verdict:
    """Whether and when the candidate names its entry."""
    entry = candidate.entry
    pattern = candidate.pattern
    first, last = candidate.first, candidate.last
    entity = article.entity_of(first)
    if entity is not None and not entity.first_token <= last <= entity.last_token:
        entity = None  # the candidate straddles two entities: the NER split a known name
    exact = entity is not None and (entity.first_token, entity.last_token) == (first, last)
    if entity is not None and not exact and _has_other_name_words(article, entity, first, last):
        return _Verdict.NO  # "Ede" in "Hogeschool Ede", "De Wever" in "Anuna De Wever"
    if _next_to_name_word(article, first, last) and not _a_person_beside_another_name(
        article, candidate, entity if exact else None
    ):
        return _Verdict.NO  # the NER missed the longer name: "Hogeschool Ede" unmarked
    if pattern.origin is not Origin.COUNTRY and _someone_elses_name(article, candidate, owners):
        return _Verdict.NO  # "Davenport" after "Lindsay Davenport" is not the town
    mention = entity.category if exact and entity is not None else None
    if entry.category is Category.PLACE and not pattern.adjective and (
        _before_a_year(article, last)
        or (pattern.origin is not Origin.COUNTRY and _qualified(article, last))
    ):
        return _Verdict.NO  # 'Sydney 2000' (the Games), 'Alexandria (Virginia)'
    if pattern.origin is Origin.CURATED and _namesake_nearer(article, candidate):
        return _Verdict.NO  # 'PvdA' in a Belgian article may be the Belgian PVDA
    if pattern.adjective:
        return _adjective_verdict(article, candidate, mention)
    if pattern.origin is Origin.CITY:
        return _place_verdict(article, candidate, mention)
    if pattern.origin is Origin.COUNTRY:
        if mention is Category.PERSON and not article.place_context(first):
            return _Verdict.IF_INTRODUCED  # "tegen Pakistan" tagged as a person
        return _Verdict.FIRM
    clash = mention is not None and _clashes(mention, entry)
    if entry.category is Category.PLACE and article.place_context(first):
        clash = False
    if pattern.short:
        return _Verdict.IF_INTRODUCED
    if clash:
        # A full name is the KB's word against a confused NER ("Greta Thunberg" as ORG); a
        # single word only counts once the article has named the entry in full.
        return _Verdict.FIRM if candidate.size > 1 else _Verdict.IF_INTRODUCED
    return _Verdict.FIRM


def _clashes(mention: Category, entry: KnowledgeEntry) -> bool:
    return (mention, entry.category) in _CLASHES and mention not in entry.can_be


@functools.cache
def _language_names() -> frozenset[str]:
    return language_names()


def _adjective_verdict(
    article: _Article, candidate: _Candidate, mention: Category | None
) -> _Verdict:
    """'Russische' stands for Russia; a bare 'Frans' or 'Engels' is usually the language, so it
    counts only before a noun ('een Frans bedrijf'); never as a person's name."""
    if mention is Category.PERSON:
        return _Verdict.NO
    head = article.tokens[candidate.first]
    if head.text in _language_names():
        nxt = candidate.last + 1
        if nxt >= len(article.tokens) or article.tokens[nxt].pos not in {"NOUN", "ADJ"}:
            return _Verdict.NO
    return _Verdict.FIRM


def _place_verdict(
    article: _Article, candidate: _Candidate, mention: Category | None
) -> _Verdict:
    """Towns from the gazetteer only where the NER or a preposition marks a place; capitals,
    Dutch exonyms and big cities also where nothing says otherwise."""
    entry = candidate.entry
    context = article.place_context(candidate.first)
    if _quoted_alone(article, candidate.first, candidate.last):
        return _Verdict.NO  # a title: '« Metro »' (a newspaper)
    big = entry.capital or (entry.population or 0) >= BIG_CITY or entry.names[0] != (
        entry.international_name)
    if not context and not big and _listed_with_a_person(article, candidate):
        # 'wiskundigen als Argand en Warren': the NER's LOC is a guess, unless the article
        # named the town before.
        return _Verdict.IF_INTRODUCED
    if mention in (Category.PLACE, Category.ORGANISATION) or context:
        return _Verdict.FIRM
    if mention is None and big:
        return _Verdict.FIRM
    if mention in (None, Category.PERSON):
        return _Verdict.IF_COORDINATED  # a town the NER missed or took for a person
    return _Verdict.NO  # "het Brussels" (a dialect, MISC), an event, a nationality


def _before_a_year(article: _Article, last: int) -> bool:
    """A year right after a place name makes them one name of an event ('Sydney 2000', 'Qatar
    2022'), unless a noun follows ('in Duitsland 2000 mensen')."""
    tokens = article.tokens
    nxt = last + 1
    if nxt >= len(tokens) or tokens[nxt].sentence != tokens[last].sentence:
        return False
    year = tokens[nxt].text
    if not (len(year) == 4 and year.isdigit() and year[:2] in {"19", "20"}):
        return False
    after = [tokens[i].pos for i in range(nxt + 1, min(len(tokens), nxt + 3))]
    return not (after[:1] == ["NOUN"] or after == ["ADJ", "NOUN"])


def _qualified(article: _Article, last: int) -> bool:
    """A bracketed qualifier of words right after the name: 'Alexandria (Kentucky)',
    'Vlaanderen (gewest)'; not a date or a number ('Oostenrijk (1996)')."""
    tokens = article.tokens
    if last + 1 >= len(tokens) or tokens[last + 1].text != "(":
        return False
    words: list[str] = []
    for i in range(last + 2, min(len(tokens), last + 3 + MAX_QUALIFIER_WORDS)):
        if tokens[i].text == ")":
            # One lower-case word or names; not a remark ('(zie Amazone-regenwoud)').
            return all(w.replace("-", "").isalpha() for w in words) and (
                len(words) == 1 or (bool(words) and all(w[:1].isupper() for w in words)))
        words.append(tokens[i].text)
    return False


def _quoted_alone(article: _Article, first: int, last: int) -> bool:
    tokens = article.tokens
    return (
        first > 0
        and last + 1 < len(tokens)
        and tokens[first - 1].text in OPENING_QUOTES
        and tokens[last + 1].text in CLOSING_QUOTES
    )


def _listed_with_a_person(article: _Article, candidate: _Candidate) -> bool:
    """Whether the name is listed with a person the NER marks ('Argand en Warren') and with
    no other known name ('Cali, Medellin, Pereira en Bogota' lists towns)."""
    tokens = article.tokens
    for step, start in ((-1, candidate.first - 1), (1, candidate.last + 1)):
        i = start
        while 0 <= i < len(tokens) and abs(i - start) < MAX_LIST_GAP and (
            tokens[i].text.lower() in LIST_WORDS
        ):
            i += step
        if i != start and 0 <= i < len(tokens) and i in article.covered:
            return False
    for entity in article.person_entities().near(candidate.first, candidate.last):
        if not article.covered.isdisjoint(range(entity.first_token, entity.last_token + 1)):
            continue  # a known name the NER took for a person ('Pereira') is no person here
        other = _Candidate(entity.first_token, entity.last_token, candidate.entry,
                           candidate.pattern)
        if _coordinated(article, candidate, other):
            return True
    return False


def _a_person_beside_another_name(
    article: _Article, candidate: _Candidate, entity: Entity | None
) -> bool:
    """Whether a known person's full name is exactly a person entity and the name words beside
    it belong to an entity of another kind: 'Minister van Sociale Zaken Frank Vandenbroucke'
    (a title's ministry, not a longer name; 'Anuna' 'De Wever' as two persons stays refused)."""
    if (
        entity is None
        or entity.category is not Category.PERSON
        or candidate.entry.category is not Category.PERSON
        or candidate.size < 2
    ):
        return False
    tokens = article.tokens
    for i in (candidate.first - 1, candidate.last + 1):
        if not 0 <= i < len(tokens) or not tokens[i].text[:1].isupper():
            continue
        beside = article.entity_of(i)
        if beside is None or beside.category is Category.PERSON:
            return False
    return True


def _has_other_name_words(article: _Article, entity: Entity, first: int, last: int) -> bool:
    """Whether the entity holds name words outside the candidate that no known name covers: the
    candidate is then part of a longer name, not a name of its own."""
    return any(
        article.name_word(i, entity)
        for i in range(entity.first_token, entity.last_token + 1)
        if not first <= i <= last
    )


def _next_to_name_word(article: _Article, first: int, last: int) -> bool:
    """A capitalised name word no known name covers right before or after in the same sentence
    (even one the NER keeps apart: 'Europa' 'Cup'); before it also across 'van (de/der/den)',
    'von (der)', '&', 'of' ('Grote Prijs van Frankrijk', 'Travel & Tours'), after it across '&'
    and 'of'."""
    tokens = article.tokens
    if not tokens[first].text[:1].isupper():
        return False
    sentence = tokens[first].sentence
    left = first - 1
    words = [tokens[i].text.lower() for i in range(max(0, first - 2), first)]
    for particles in LEFT_PARTICLES:
        n = len(particles)
        if tuple(words[-n:]) == particles and first - n >= 0:
            left = first - n - 1
            break
    right = last + 1
    if right < len(tokens) and tokens[right].text.lower() in RIGHT_PARTICLES:
        right += 1
    for i in (left, right):
        if (
            0 <= i < len(tokens)
            and tokens[i].sentence == sentence
            and article.name_word(i)
        ):
            return True
    return False


def _person_names(
    article: _Article, candidates: Sequence[_Candidate]
) -> list[tuple[str, tuple[str, ...]]]:
    """Full names of the people in the article, with who bears them: known people named in
    full, and NER person entities that are not one known name (key 'ner:<words>')."""
    owners: list[tuple[str, tuple[str, ...]]] = []
    full: dict[tuple[int, int], str] = {}
    for c in candidates:
        if (
            c.entry.category is Category.PERSON
            and c.size > 1
            and not c.pattern.short
            and not _has_uncovered_neighbours(article, c)
        ):
            owners.append((c.entry.id, article.words(c.first, c.last)))
            full[(c.first, c.last)] = c.entry.id
    for entity in article.analysed.entities:
        if entity.category is not Category.PERSON or entity.first_token == entity.last_token:
            continue
        if (entity.first_token, entity.last_token) in full:
            continue
        words = [i for i in range(entity.first_token, entity.last_token + 1)
                 if article.tokens[i].text[:1].isupper()]
        if len(words) < 2 or all(i in article.covered for i in words):
            continue  # a merge of known names ("Rutte Poetin"), not one person
        owners.append(("ner:" + " ".join(article.words(entity.first_token, entity.last_token)),
                       article.words(entity.first_token, entity.last_token)))
    return owners


def _has_uncovered_neighbours(article: _Article, candidate: _Candidate) -> bool:
    entity = article.entity_of(candidate.first)
    return entity is not None and _has_other_name_words(
        article, entity, candidate.first, candidate.last
    )


class _Owners:
    """People's full names with who bears them (`_person_names`), looked up by word."""

    def __init__(self, owners: list[tuple[str, tuple[str, ...]]]) -> None:
        self.all = owners
        self.by_word: dict[str, list[tuple[str, tuple[str, ...]]]] = {}
        for owner in owners:
            for word in dict.fromkeys(owner[1]):
                self.by_word.setdefault(word, []).append(owner)

    def with_word(self, word: str) -> list[tuple[str, tuple[str, ...]]]:
        return self.by_word.get(word, [])


def _someone_elses_name(article: _Article, candidate: _Candidate, owners: _Owners) -> bool:
    """Whether the candidate's words are part of the full name of another person in the
    article ('Davenport' with 'Lindsay Davenport' there; 'Johnson' with 'Michael Johnson')."""
    words = article.words(candidate.first, candidate.last)
    base = genitive_base(article.tokens[candidate.last].text)
    variants = {words}
    if base is not None:
        variants.add((*words[:-1], fold(base)))
    for variant in variants:
        # Only a name holding the variant's first word can hold the variant: the names are
        # looked up by that word, so a text with many names is not names squared.
        for owner, full in owners.with_word(variant[0]):
            if owner != candidate.entry.id and len(full) > len(words) and _is_part(variant, full):
                return True
    return False


def _is_part(short: tuple[str, ...], full: tuple[str, ...]) -> bool:
    """'kim' in 'kim jong un', 'van der leyen' in 'ursula von der leyen': a contiguous part."""
    n = len(short)
    return any(full[i : i + n] == short for i in range(len(full) - n + 1))


# -- names the NER found --------------------------------------------------------------------


def _ner_spans(article: _Article, known: list[_Span]) -> list[_Span]:
    """NER entities not covered by known names; a merged span keeps only its uncovered parts;
    adjacent person entities ('Michael' 'Johnson') are one name."""
    tokens = article.tokens
    taken: set[int] = set()
    for span in known:
        taken.update(range(span.first, span.last + 1))
    runs: list[tuple[list[int], Entity, bool]] = []
    for entity in article.analysed.entities:
        if entity.category not in _NAME_CATEGORIES:
            continue
        run: list[int] = []
        parts: list[list[int]] = []
        for i in range(entity.first_token, entity.last_token + 1):
            if i in taken:
                if run:
                    parts.append(run)
                run = []
            else:
                run.append(i)
        if run:
            parts.append(run)
        whole = len(parts) == 1 and len(parts[0]) == entity.last_token - entity.first_token + 1
        for part in parts:
            trimmed = _trim(tokens, part)
            if not any(_has_letter(tokens[i]) for i in trimmed):
                continue  # a number is never a name ('op de 50 meter' left of a known name)
            if runs and _joins_previous(runs[-1], trimmed, entity):
                previous, previous_entity, _ = runs[-1]
                runs[-1] = (list(range(previous[0], trimmed[-1] + 1)), previous_entity, False)
                continue
            runs.append((trimmed, entity, whole))
    spans: list[_Span] = []
    for positions, entity, whole in runs:
        first, last = positions[0], positions[-1]
        # A name the rules above turned down is not looked up again as a variant.
        fresh = whole and article.covered.isdisjoint(positions)
        entry = _variant_entry(article, first, last, entity.category) if fresh else None
        spans.append(_Span(first, last, entry.category if entry else entity.category, entry))
    return spans


def _joins_previous(
    previous: tuple[list[int], Entity, bool], positions: list[int], entity: Entity
) -> bool:
    positions_before, entity_before, _ = previous
    return (
        entity_before.category is Category.PERSON
        and entity.category is Category.PERSON
        and entity_before.index != entity.index
        and positions_before[-1] + 1 == positions[0]
    )


def _variant_entry(
    article: _Article, first: int, last: int, category: Category
) -> KnowledgeEntry | None:
    """A curated entry whose name this whole NER entity spells differently only in case,
    diacritics or hyphens, when nothing else speaks against it."""
    text = article.text[article.tokens[first].start : article.tokens[last].end]
    entry = article.kb.find_variant(text)
    if entry is None or entry.origin is not Origin.CURATED:
        return None
    if _clashes(category, entry) or not dated.existed_at(entry, article.when):
        return None
    return entry


def _trim(tokens: tuple[Token, ...], positions: list[int]) -> list[int]:
    """Drop leading/trailing tokens that cannot be part of a name (punctuation, small words)."""
    start, end = 0, len(positions)
    while start < end and not _name_like(tokens[positions[start]]):
        start += 1
    while end > start and not _name_like(tokens[positions[end - 1]]):
        end -= 1
    return positions[start:end]


def _name_like(token: Token) -> bool:
    return token.text[:1].isupper() or token.text[:1].isdigit()


def _has_letter(token: Token) -> bool:
    """A name needs a token with a letter: 'A50', 'Pier 33', never '50', '1.000' or '3,5'."""
    return any(character.isalpha() for character in token.text)


# -- grouping -------------------------------------------------------------------------------


def _group(article: _Article, spans: list[_Span]) -> list[_Subject]:
    subjects: dict[str, _Subject] = {}
    unknown: list[_Span] = []
    for span in spans:
        if span.entry is None:
            unknown.append(span)
            continue
        subject = subjects.get(span.entry.id)
        if subject is None:
            subject = subjects[span.entry.id] = _Subject(span.entry.id, span.entry.category,
                                                        span.entry)
        subject.spans.append(span)
    # A mention can only be another form of a subject that has its first word in a form: the
    # subjects are looked up by word, so a text with many names is not names squared.
    by_word: dict[str, dict[str, _Subject]] = {}

    def index(subject: _Subject) -> None:
        for form in _subject_forms(subject):
            for word in form:
                by_word.setdefault(word, {})[subject.key] = subject

    for subject in subjects.values():
        index(subject)
    # Fullest forms first, so that "Kim" finds "Kim Jong-un" whatever their order in the text.
    unknown.sort(key=lambda s: (-(s.last - s.first), s.first))
    for span in unknown:
        words = _span_words(article, span)
        nearby = by_word.get(words[0], {}).values() if words else subjects.values()
        subject = _find_subject(words, span, nearby)
        if subject is None:
            key = "unknown:" + " ".join(words)
            subject = subjects.get(key)
            if subject is None:
                subject = subjects[key] = _Subject(key, span.category, None)
                index(subject)
        subject.spans.append(span)
    for subject in subjects.values():
        subject.spans.sort(key=lambda s: s.first)
    return list(subjects.values())


def _span_words(article: _Article, span: _Span) -> tuple[str, ...]:
    words = list(article.words(span.first, span.last))
    base = genitive_base(article.tokens[span.last].text)
    if base is not None and len(words) == 1:
        words[-1] = fold(base)
    return tuple(words)


def _subject_forms(subject: _Subject) -> list[tuple[str, ...]]:
    """The word sequences a subject goes by: its entry's names and its unknown key."""
    forms: list[tuple[str, ...]] = []
    if subject.entry is not None:
        forms.extend(tuple(fold(n).split()) for n in subject.entry.names)
    else:
        forms.append(tuple(subject.key.removeprefix("unknown:").split()))
    return forms


def _surname_part(words: tuple[str, ...], form: tuple[str, ...], entry: KnowledgeEntry) -> bool:
    """'Davenport' of 'Lindsay Davenport'; 'Kim' of 'Kim Jong Un' (family name first)."""
    if form[-len(words):] == words:
        return True
    return entry.country in FAMILY_NAME_FIRST and form[: len(words)] == words


def _find_subject(
    words: tuple[str, ...], span: _Span, subjects: Iterable[_Subject]
) -> _Subject | None:
    """The subject an unknown mention is another form of: the same words (a genitive or a
    spelling variant folds to them), or for a person a part of the name of exactly one person
    named more fully: of a known one, named before it, only the surname (or a first name the
    rest of the name follows: the NER split it)."""
    same: list[_Subject] = []
    part: list[_Subject] = []
    for subject in subjects:
        forms = _subject_forms(subject)
        # A known name the rules turned down stays turned down: only unknowns merge this way.
        if subject.entry is None and any(form == words for form in forms):
            same.append(subject)
        elif (
            span.category is Category.PERSON
            and subject.category is Category.PERSON
            and any(len(words) < len(form) and _is_part(words, form) for form in forms)
            and (subject.entry is None or (
                subject.spans[0].first < span.first
                # A known person's first name alone may be a namesake ('drie kinderen:
                # Gerolf, Emma en Tosca'): only the surname follows the full name.
                and (any(len(words) < len(form) and _surname_part(words, form, subject.entry)
                         for form in forms)
                     or any(s.first == span.last + 1 for s in subject.spans))))
        ):
            part.append(subject)
    if len(same) == 1:
        return same[0]
    if not same and len(part) == 1:
        return part[0]
    return None


# -- notes ----------------------------------------------------------------------------------


def _note(article: _Article, subject: _Subject) -> Note:
    tokens, text = article.tokens, article.text
    mentions = tuple(
        Mention(tokens[s.first].start, tokens[s.last].end,
                text[tokens[s.first].start : tokens[s.last].end], s.adjective)
        for s in subject.spans
    )
    sentences = tuple(sorted({tokens[s.first].sentence for s in subject.spans}))
    as_of = article.analysed.article.date
    entry = subject.entry
    if entry is None:
        return Note(
            key=subject.key,
            name=_fullest(mentions, subject.spans),
            category=subject.category,
            mentions=mentions,
            sentences=sentences,
            as_of=as_of,
        )
    when = article.when
    facts, hidden = dated.facts_at(entry, when)
    began, ended = dated.lifetime_at(entry, when)
    return Note(
        key=entry.id,
        name=_known_name(entry, mentions),
        category=entry.category,
        mentions=mentions,
        international_name=entry.international_name,
        description=entry.description,
        source="offline",
        attribution=entry.source or None,
        sentences=sentences,
        as_of=as_of,
        roles=dated.roles_at(entry, when),
        facts=facts,
        began=began,
        ended=ended,
        timing=dated.event_timing(entry, when) if entry.category is Category.EVENT else None,
        hidden_facts=hidden,
    )


def _fullest(mentions: tuple[Mention, ...], spans: list[_Span]) -> str:
    best = max(
        zip(mentions, spans, strict=True),
        key=lambda ms: (ms[1].last - ms[1].first, genitive_base(ms[0].text) is None),
    )
    return best[0].text


def _known_name(entry: KnowledgeEntry, mentions: tuple[Mention, ...]) -> str:
    """The longest mention that is one of the entry's names; else its canonical Dutch name."""
    names = {fold(n) for n in entry.names}
    candidates = [m for m in mentions if not m.adjective and fold(m.text) in names]
    if not candidates:
        return entry.names[0] if entry.names else mentions[0].text
    exact = set(entry.names)
    return max(candidates, key=lambda m: (len(m.text.split()), len(m.text), m.text in exact)).text
