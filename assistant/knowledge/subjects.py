"""Note subjects: groups an article's name mentions and attaches offline background to each."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from assistant.knowledge.base import (
    CITY,
    CURATED,
    KnowledgeBase,
    KnowledgeEntry,
    NamePattern,
    Role,
    genitive_base,
    normalise,
)
from assistant.models import AnalysedArticle, ArticleDate, Category, Mention, Note, Token

# A lone capitalised word this frequent is an ordinary word ("Van", "Best"), not a town.
COMMON_WORD_ZIPF = 5.0
FUZZY_GROUP_CUTOFF = 88.0
_NAME_CATEGORIES = frozenset(
    {Category.PERSON, Category.ORGANISATION, Category.PLACE, Category.GROUP, Category.EVENT,
     Category.OTHER}
)


@dataclass(slots=True)
class _Span:
    """A mention: inclusive token range, and what it refers to if known."""

    first: int
    last: int
    category: Category
    entry_id: str | None = None
    adjective: bool = False


@dataclass(slots=True)
class _Subject:
    key: str
    category: Category
    entry: KnowledgeEntry | None
    spans: list[_Span] = field(default_factory=list)


def build_notes(analysed: AnalysedArticle, kb: KnowledgeBase) -> tuple[Note, ...]:
    """One note per subject (person, place, organisation, ...) in order of first mention."""
    tokens = analysed.tokens
    spans = _kb_spans(analysed, kb)
    spans.extend(_ner_spans(analysed, kb, spans))
    spans.sort(key=lambda s: s.first)
    subjects = _group(spans, tokens, analysed.article.text, kb)
    date = analysed.article.date
    notes = [_note(subject, tokens, analysed.article.text, date) for subject in subjects]
    notes.sort(key=lambda n: n.mentions[0].start)
    return tuple(notes)


def _token_keys(token: Token, sentence_start: bool) -> tuple[str, ...]:
    text = token.text.replace("’", "'")
    keys = [text]
    base = genitive_base(text)
    if base is not None:
        keys.append(base)
    if sentence_start and text[:1].isupper() and not text[1:2].isupper():
        # Curated lower-case names ("oorlog in Oekraïne") opening a sentence.
        keys.append(text[:1].lower() + text[1:])
    return tuple(keys)


def _sentence_start(tokens: tuple[Token, ...], i: int) -> bool:
    return i == 0 or tokens[i - 1].sentence != tokens[i].sentence


def _kb_spans(analysed: AnalysedArticle, kb: KnowledgeBase) -> list[_Span]:
    """Known names, aliases and nationality adjectives found on the tokens."""
    tokens = analysed.tokens
    keys = [_token_keys(t, _sentence_start(tokens, i)) for i, t in enumerate(tokens)]
    matches = kb.matcher().find(keys)
    covered = {i for m in matches for i in m.positions}
    spans: list[_Span] = []
    for match in matches:
        first, last = match.positions[0], match.positions[-1]
        pattern: NamePattern = match.payload
        if not _plausible(tokens, first, last, pattern):
            continue
        if pattern.priority >= CITY and _inside_other_name(analysed, first, last, covered):
            continue
        entry = kb.get(pattern.entry_id)
        if entry is None:
            continue
        spans.append(_Span(first, last, entry.category, entry.id, pattern.adjective))
    return spans


def _inside_other_name(
    analysed: AnalysedArticle, first: int, last: int, covered: set[int]
) -> bool:
    """A town name inside a longer non-place entity next to unknown name words is part of
    that name: 'Vladimir' in 'Vladimir Poetin', 'New York' in 'The New York Times'."""
    tokens = analysed.tokens
    index = tokens[first].entity
    if index is None:
        return False
    entity = analysed.entities[index]
    if entity.category == Category.PLACE:
        return False
    for i in (first - 1, last + 1):
        if (
            entity.first_token <= i <= entity.last_token
            and i not in covered
            and _name_like(tokens[i])
        ):
            return True
    return False


def _plausible(tokens: tuple[Token, ...], first: int, last: int, pattern: NamePattern) -> bool:
    head = tokens[first]
    if pattern.priority == CURATED:
        # Curated names match case-exactly; a lower-case one ("coronacrisis") is deliberate.
        return True
    if not head.text[:1].isupper():
        return False
    if first != last or pattern.priority < CITY:
        return True
    # Single-word town names: reject ordinary words, and sentence-initial capitals that the
    # parser and the NER do not see as names.
    if head.zipf >= COMMON_WORD_ZIPF:
        return False
    return not _sentence_start(tokens, first) or head.pos == "PROPN" or head.entity is not None


def _ner_spans(analysed: AnalysedArticle, kb: KnowledgeBase, known: list[_Span]) -> list[_Span]:
    """NER entities not covered by known names; a merged span keeps only its uncovered parts."""
    tokens = analysed.tokens
    taken: set[int] = set()
    for span in known:
        taken.update(range(span.first, span.last + 1))
    spans: list[_Span] = []
    for entity in analysed.entities:
        if entity.category not in _NAME_CATEGORIES:
            continue
        run: list[int] = []
        runs: list[list[int]] = []
        for i in range(entity.first_token, entity.last_token + 1):
            if i in taken:
                if run:
                    runs.append(run)
                run = []
            else:
                run.append(i)
        if run:
            runs.append(run)
        for part in runs:
            trimmed = _trim(tokens, part)
            if not trimmed:
                continue
            first, last = trimmed[0], trimmed[-1]
            text = analysed.article.text[tokens[first].start : tokens[last].end]
            entry = kb.find(text) or kb.fuzzy_find(text)
            if entry is not None:
                spans.append(_Span(first, last, entry.category, entry.id))
            else:
                spans.append(_Span(first, last, entity.category))
    return spans


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


def _group(
    spans: list[_Span], tokens: tuple[Token, ...], text: str, kb: KnowledgeBase
) -> list[_Subject]:
    subjects: dict[str, _Subject] = {}
    unknown: list[_Span] = []
    for span in spans:
        if span.entry_id is None:
            unknown.append(span)
            continue
        entry = kb.get(span.entry_id)
        subject = subjects.get(span.entry_id)
        if subject is None:
            assert entry is not None
            subject = subjects[span.entry_id] = _Subject(span.entry_id, entry.category, entry)
        subject.spans.append(span)
    # Fullest forms first, so that "Kim" finds "Kim Jong-un" whatever their order in the text.
    unknown.sort(key=lambda s: (-(s.last - s.first), s.first))
    for span in unknown:
        words = _words(tokens, span)
        subject = _find_subject(words, span.category, subjects.values())
        if subject is None:
            key = "unknown:" + normalise(" ".join(words))
            subject = subjects.get(key)
            if subject is None:
                subject = subjects[key] = _Subject(key, span.category, None)
        subject.spans.append(span)
    for subject in subjects.values():
        subject.spans.sort(key=lambda s: s.first)
    return list(subjects.values())


def _words(tokens: tuple[Token, ...], span: _Span) -> list[str]:
    words = [tokens[i].text for i in range(span.first, span.last + 1)]
    base = genitive_base(words[-1])
    if base is not None and len(words) == 1:
        words[-1] = base
    return words


def _subject_word_sets(subject: _Subject) -> list[tuple[str, ...]]:
    names: list[tuple[str, ...]] = []
    if subject.entry is not None:
        names.extend(tuple(normalise(n).split()) for n in subject.entry.names)
    names.append(tuple(normalise(subject.key.removeprefix("unknown:")).split()))
    return names


def _find_subject(
    words: list[str], category: Category, subjects: Iterable[_Subject]
) -> _Subject | None:
    """An existing subject this unknown mention is a variant of (surname, genitive, spelling)."""
    from rapidfuzz import fuzz

    key = tuple(normalise(" ".join(words)).split())
    joined = " ".join(key)
    best: tuple[float, _Subject] | None = None
    for subject in subjects:
        for name in _subject_word_sets(subject):
            if name == key:
                return subject
            same_kind = subject.category == category
            person = category == Category.PERSON and subject.category == Category.PERSON
            if person and len(key) < len(name) and _is_part(key, name):
                score = 95.0
            elif same_kind:
                score = fuzz.ratio(joined, " ".join(name))
                base = genitive_base(words[-1])
                if base is not None:
                    alt = " ".join((*key[:-1], normalise(base)))
                    score = max(score, 100.0 if alt == " ".join(name) else 0.0)
            else:
                continue
            if score >= FUZZY_GROUP_CUTOFF and (best is None or score > best[0]):
                best = (score, subject)
    return best[1] if best else None


def _is_part(short: tuple[str, ...], full: tuple[str, ...]) -> bool:
    """'kim' in 'kim jong-un', 'van der leyen' in 'ursula von der leyen': a contiguous part."""
    n = len(short)
    return any(full[i : i + n] == short for i in range(len(full) - n + 1))


def _note(
    subject: _Subject, tokens: tuple[Token, ...], text: str, date: ArticleDate | None
) -> Note:
    mentions = tuple(
        Mention(tokens[s.first].start, tokens[s.last].end,
                text[tokens[s.first].start : tokens[s.last].end])
        for s in subject.spans
    )
    sentences = tuple(sorted({tokens[s.first].sentence for s in subject.spans}))
    entry = subject.entry
    if entry is None:
        return Note(
            key=subject.key,
            name=_fullest(mentions, subject.spans),
            category=subject.category,
            mentions=mentions,
            sentences=sentences,
        )
    return Note(
        key=entry.id,
        name=_known_name(entry, mentions, subject.spans),
        category=entry.category,
        mentions=mentions,
        international_name=entry.international_name,
        description=entry.description,
        role_at_date=role_at_date(entry.roles, date),
        source="offline",
        attribution=entry.source or None,
        sentences=sentences,
    )


def _fullest(mentions: tuple[Mention, ...], spans: list[_Span]) -> str:
    best = max(
        zip(mentions, spans, strict=True),
        key=lambda ms: (ms[1].last - ms[1].first, genitive_base(ms[0].text) is None),
    )
    return best[0].text


def _known_name(entry: KnowledgeEntry, mentions: tuple[Mention, ...], spans: list[_Span]) -> str:
    """The fullest mention that is one of the entry's names; else its canonical Dutch name."""
    names = {normalise(n) for n in entry.names}
    candidates = [
        (m, s) for m, s in zip(mentions, spans, strict=True)
        if not s.adjective and normalise(m.text) in names
    ]
    if not candidates:
        return entry.names[0]
    exact = set(entry.names)
    return max(
        candidates,
        key=lambda ms: (ms[1].last - ms[1].first, len(ms[0].text), ms[0].text in exact),
    )[0].text


def _bounds(date: ArticleDate) -> tuple[tuple[int, int, int], tuple[int, int, int]]:
    """First and last day a year, month or day stands for, as comparable tuples."""
    lo = (date.year, date.month or 1, date.day or 1)
    hi = (date.year, date.month or 12, date.day or 31)
    return lo, hi


def _active(role: Role, date: ArticleDate) -> bool:
    lo, hi = _bounds(date)
    if role.start is not None and _bounds(role.start)[0] > hi:
        return False
    return role.end is None or _bounds(role.end)[1] >= lo


def _years(role: Role) -> str:
    start = role.start.year if role.start else None
    end = role.end.year if role.end else None
    if start is None:
        return f"(until {end})" if end is not None else ""
    if end is None:
        return f"(since {start})"
    return f"({start})" if start == end else f"({start}–{end})"


def _role_text(role: Role) -> str:
    years = _years(role)
    return f"{role.role} {years}" if years else role.role


def _event_dates(role: Role) -> str:
    start, end = role.start, role.end
    if start and end and start != end:
        if start.year == end.year and start.month == end.month and start.day and end.day:
            return f"held {start.day}–{end.describe()}"
        return f"held {start.describe()} – {end.describe()}"
    when = role.start or role.end
    return f"held {when.describe()}" if when else "held"


def role_at_date(roles: tuple[Role, ...], date: ArticleDate | None) -> str | None:
    """What the subject was at the article's date, e.g. 'at the time of this article
    (September 2023): Russia's Minister of Defence (2012–2024)'; roles listed newest first."""
    held = [r for r in roles if r.role == "held"]
    if held:
        return _event_dates(held[0])
    if not roles:
        return None
    if date is None:
        return _role_text(roles[0])
    prefix = f"at the time of this article ({date.describe()}): "
    active = [r for r in roles if _active(r, date)]
    if active:
        return prefix + "; ".join(_role_text(r) for r in active)
    lo, _ = _bounds(date)
    past = [r for r in roles if r.end is not None and _bounds(r.end)[1] < lo]
    if past:
        latest = max(past, key=lambda r: _bounds(r.end)[1] if r.end else (0, 0, 0))
        return prefix + "formerly " + _role_text(latest)
    first = min(roles, key=lambda r: _bounds(r.start)[0] if r.start else (0, 0, 0))
    return prefix + "not yet " + _role_text(first)
