"""Plain, immutable data crossing threads and the core/UI line (character offsets, no Qt)."""

from __future__ import annotations

import calendar
import dataclasses
import operator
from collections.abc import Callable
from dataclasses import dataclass
from enum import Enum
from typing import Any, TypeVar, cast

MIN_YEAR, MAX_YEAR = 1000, 9999

_Data = TypeVar("_Data")


def _pickled_through_init(cls: type[_Data]) -> type[_Data]:
    """`cls` (a dataclass of two or more fields) pickled as `cls(*fields)`: a slotted
    dataclass's own __setstate__ looks up its fields for every object, which made a long
    text's tokens, sent back by the worker processes, cost more to unpickle than to parse."""
    values: Callable[[Any], tuple[object, ...]] = operator.attrgetter(
        *(field.name for field in dataclasses.fields(cls)))  # type: ignore[arg-type]

    def reduce(self: _Data) -> tuple[type[_Data], tuple[object, ...]]:
        return cls, values(self)

    setattr(cls, "__reduce__", reduce)  # noqa: B010 (mypy refuses assigning a method)
    return cls


MONTH_NAMES_EN = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)


class Level(str, Enum):
    """CEFR levels, A1 (beginner) to C2 (near native)."""

    A1 = "A1"
    A2 = "A2"
    B1 = "B1"
    B2 = "B2"
    C1 = "C1"
    C2 = "C2"


class Category(str, Enum):
    """The app's entity categories (what the learner sees in the legend)."""

    PERSON = "person"
    ORGANISATION = "organisation"
    PLACE = "place"
    GROUP = "group"
    EVENT = "event"
    DATE = "date"
    OTHER = "other"


class BlockKind(str, Enum):
    HEADING = "heading"
    PARAGRAPH = "paragraph"


class PhraseKind(str, Enum):
    SEPARABLE_VERB = "separable verb"
    IDIOM = "idiom"


@dataclass(frozen=True, slots=True)
class ArticleDate:
    """A year, year-month or full date, as precise as the source gives it.

    Dates order by their first day: 2024 < 2024-05 < 2024-05-03 (a year sorts before its months).
    """

    year: int
    month: int | None = None
    day: int | None = None

    def sort_key(self) -> tuple[int, int, int]:
        return (self.year, self.month or 0, self.day or 0)

    def __lt__(self, other: ArticleDate) -> bool:
        return self.sort_key() < other.sort_key()

    def __le__(self, other: ArticleDate) -> bool:
        return self.sort_key() <= other.sort_key()

    def __gt__(self, other: ArticleDate) -> bool:
        return self.sort_key() > other.sort_key()

    def __ge__(self, other: ArticleDate) -> bool:
        return self.sort_key() >= other.sort_key()

    def iso(self) -> str:
        if self.month is None:
            return f"{self.year:04d}"
        if self.day is None:
            return f"{self.year:04d}-{self.month:02d}"
        return f"{self.year:04d}-{self.month:02d}-{self.day:02d}"

    def describe(self) -> str:
        """English wording: '2023', 'September 2023' or '4 September 2023'."""
        if self.month is None:
            return str(self.year)
        month = MONTH_NAMES_EN[self.month - 1]
        if self.day is None:
            return f"{month} {self.year}"
        return f"{self.day} {month} {self.year}"

    @classmethod
    def parse(cls, value: str) -> ArticleDate:
        """Parse 'YYYY', 'YYYY-MM' or 'YYYY-MM-DD' (a real calendar day, year 1000 or later);
        raises ValueError otherwise."""
        parts = value.strip().split("-")
        if not 1 <= len(parts) <= 3 or not all(p.isdigit() and p.isascii() for p in parts):
            raise ValueError(f"not an ISO date: {value!r}")
        numbers = [int(p) for p in parts]
        date = cls(*numbers)
        if not MIN_YEAR <= date.year <= MAX_YEAR:
            raise ValueError(f"year out of range: {value!r}")
        if date.month is not None and not 1 <= date.month <= 12:
            raise ValueError(f"month out of range: {value!r}")
        if date.month is not None and date.day is not None and not (
            1 <= date.day <= calendar.monthrange(date.year, date.month)[1]
        ):
            raise ValueError(f"no such day: {value!r}")
        return date


@dataclass(frozen=True, slots=True)
class Block:
    """A heading or paragraph: [start, end) in Article.text."""

    kind: BlockKind
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Chapter:
    """A chapter of an e-book: its title and where it starts in Article.text."""

    title: str
    start: int


@dataclass(frozen=True, slots=True)
class Article:
    """A loaded article: one normalised text (NFC, '\\n' newlines) and its blocks."""

    text: str
    blocks: tuple[Block, ...]
    date: ArticleDate | None = None
    title: str | None = None
    source: str = "pasted text"
    # Plain sentences for the status bar: bad bytes replaced, an impossible date ignored, …
    warnings: tuple[str, ...] = ()
    # An e-book's chapters in reading order (empty for other articles); starts ascending.
    chapters: tuple[Chapter, ...] = ()


@dataclass(frozen=True, slots=True)
class PipelineInfo:
    name: str
    version: str


@_pickled_through_init
@dataclass(frozen=True, slots=True)
class Token:
    """One word or punctuation mark of the analysed text."""

    index: int
    start: int
    end: int
    text: str
    lemma: str
    pos: str
    morph: str
    sentence: int
    zipf: float
    # False for names, numbers, punctuation, symbols, URLs and tokens inside named entities:
    # such tokens are never hard whatever the level.
    is_word: bool
    hard: bool
    phrase: int | None = None
    entity: int | None = None
    like_num: bool = False
    like_url: bool = False
    # ISO 639-1 code: "nl", or the language of a foreign sentence or quote (never hard, no gloss).
    language: str = "nl"


# A Token's fields, in their order: how worker processes send a text's many tokens back
# (unpickled and moved to their place in one step; see streaming.placed).
TokenRow = tuple[int, int, int, str, str, str, str, int, float, bool, bool, int | None,
                 int | None, bool, bool, str]
token_row = cast(Callable[[Token], TokenRow], operator.attrgetter(
    *(field.name for field in dataclasses.fields(Token))))


@_pickled_through_init
@dataclass(frozen=True, slots=True)
class Sentence:
    index: int
    start: int
    end: int
    language: str = "nl"  # the language of its words outside quotation marks


@_pickled_through_init
@dataclass(frozen=True, slots=True)
class Entity:
    """A named-entity span; first_token..last_token is its inclusive token range."""

    index: int
    start: int
    end: int
    text: str
    label: str
    category: Category
    first_token: int
    last_token: int


@_pickled_through_init
@dataclass(frozen=True, slots=True)
class Phrase:
    """Tokens that belong together: a separable verb or a fixed expression."""

    index: int
    kind: PhraseKind
    lemma: str
    tokens: tuple[int, ...]
    meaning: str | None = None
    # Frequency the phrase's words are judged by: the joined verb's Zipf for separable verbs;
    # for idioms with a verb, their rarest content word's Zipf less IDIOM_PENALTY.
    zipf: float | None = None


@dataclass(frozen=True, slots=True)
class AnalysedArticle:
    article: Article
    model: PipelineInfo
    level: Level
    tokens: tuple[Token, ...]
    sentences: tuple[Sentence, ...]
    entities: tuple[Entity, ...]
    phrases: tuple[Phrase, ...]
    # The article's language: not "nl" when most of it is another language (the UI says so).
    language: str = "nl"


@dataclass(frozen=True, slots=True)
class GlossPart:
    """A compound part or phrase word with its own short gloss."""

    text: str
    lemma: str
    senses: tuple[str, ...]


class GlossKind(str, Enum):
    WORD = "word"
    PHRASE = "phrase"
    INFLECTION = "inflection"
    COMPOUND = "compound"


@dataclass(frozen=True, slots=True)
class GlossCard:
    """What the learner sees when hovering a word."""

    form: str
    lemma: str
    pos: str
    kind: GlossKind
    senses: tuple[str, ...]
    source: str
    article: str | None = None  # "de" / "het" / "de/het"
    plural: str | None = None
    principal_parts: str | None = None  # strong verbs: "vallen, viel, gevallen"
    phrase: str | None = None  # the whole phrase lemma, e.g. "uit de lucht vallen"
    phrase_tokens: tuple[int, ...] = ()
    phrase_kind: PhraseKind | None = None  # what the phrase is: a separable verb or an idiom
    parts: tuple[GlossPart, ...] = ()
    language: str = "nl"  # a foreign word's language: its card names it instead of a gloss
    # Why the senses are a guess, shown on the card ("guessed from its parts"); None: listed.
    uncertain: str | None = None
    # Listed, but only one source gives the first sense (`uncertain` then says so on the card).
    single_source: bool = False


@dataclass(frozen=True, slots=True)
class Mention:
    start: int
    end: int
    text: str
    adjective: bool = False  # a nationality adjective standing for its country ("Russische")


@dataclass(frozen=True, slots=True)
class Role:
    """An office or position: 'Minister of Defence of Russia' from 2012-11 to 2024-05
    (None: unknown, or for `end` still held)."""

    role: str
    organisation: str | None = None
    start: ArticleDate | None = None
    end: ArticleDate | None = None


@dataclass(frozen=True, slots=True)
class Fact:
    """Something that happened on a date (as precise as known)."""

    date: ArticleDate
    text: str


class RoleStatus(str, Enum):
    """A role seen from the article's date."""

    CURRENT = "current"
    FORMER = "former"
    NOT_YET = "not yet"


@dataclass(frozen=True, slots=True)
class RoleAtDate:
    role: Role
    status: RoleStatus


class Timing(str, Enum):
    """Where an event stood at the article's date."""

    PAST = "past"
    ONGOING = "ongoing"
    UPCOMING = "upcoming"


@dataclass(frozen=True, slots=True)
class Note:
    """Background on one subject of the article, as things stood at the article's date.

    Only what was true or had happened by `as_of` is here: the roles held then (and, where the
    role list is known to be complete, the latest former one or 'not yet'), facts dated on or
    before it, birth/founding and death/dissolution when they lie before it, and for events
    whether they were past, under way or still to come. `as_of` None: the article has no date
    and the note is as of today."""

    key: str
    name: str
    category: Category
    mentions: tuple[Mention, ...]
    international_name: str | None = None
    description: str | None = None
    source: str = "offline"
    attribution: str | None = None
    sentences: tuple[int, ...] = ()
    as_of: ArticleDate | None = None
    roles: tuple[RoleAtDate, ...] = ()
    facts: tuple[Fact, ...] = ()
    began: ArticleDate | None = None  # born, founded, or (events) began
    ended: ArticleDate | None = None  # died, dissolved, or (events) ended
    timing: Timing | None = None  # events only
    hidden_facts: int = 0  # facts dated after the article's date, left out

    @property
    def has_background(self) -> bool:
        """Whether the card says anything beyond the name."""
        return bool(self.description or self.roles or self.facts or self.timing)


class TimeKind(str, Enum):
    """What a time expression names."""

    DAY = "day"  # one day ("maandag", "4 september", "gisteren")
    RANGE = "range"  # from one day to another ("tussen 10 en 13 september")
    WEEK = "week"  # Monday to Sunday ("vorige week")
    MONTH = "month"  # "in juli", "vorige maand"
    YEAR = "year"  # "in 2022", "volgend jaar"
    DECADE = "decade"  # "de jaren vijftig"
    CENTURY = "century"  # "de negentiende eeuw"
    ANNIVERSARY = "anniversary"  # "zeventigjarig jubileum": `amount` years before the article
    AGO = "ago"  # "drie weken geleden": `amount` `unit`s before the article


class TimeQualifier(str, Enum):
    """Which part of the period: 'begin juli', 'medio 2021', 'eind jaren negentig', 'later'."""

    EARLY = "early"
    MID = "mid"
    LATE = "late"
    EARLIER = "earlier"
    LATER = "later"


class TimeLead(str, Enum):
    """The preposition before the expression, when it changes the meaning ('sinds 2014')."""

    SINCE = "since"
    FROM = "from"
    UNTIL = "until"
    BEFORE = "before"
    AFTER = "after"
    AROUND = "around"


class TimeDirection(str, Enum):
    """The direction a relative expression counts in from the article's date."""

    PREVIOUS = "previous"  # vorige, afgelopen, gisteren, geleden
    THIS = "this"  # deze, dit, vandaag
    NEXT = "next"  # volgende, komende, aanstaande, morgen


class TimeUnit(str, Enum):
    DAY = "day"
    WEEK = "week"
    MONTH = "month"
    YEAR = "year"


@dataclass(frozen=True, slots=True)
class TimeValue:
    """What a time expression means, as data (the report and the UI word it).

    `first` and `last` are the first and last year, month or day meant, as precise as the
    text and the article's date allow ("Maandag" in an article dated only 2023-09 is a day
    within September 2023); both are None when the expression needs the article's date and the
    article has none."""

    kind: TimeKind
    first: ArticleDate | None = None
    last: ArticleDate | None = None
    qualifier: TimeQualifier | None = None
    lead: TimeLead | None = None
    direction: TimeDirection | None = None
    weekday: int | None = None  # the day of the week the text names, 0 = Monday
    amount: int | None = None  # ANNIVERSARY: years; AGO: how many units
    unit: TimeUnit | None = None  # AGO: the unit counted back
    reference: ArticleDate | None = None  # the article's date, when the value was counted from it

    @property
    def resolved(self) -> str | None:
        """ISO 'YYYY', 'YYYY-MM' or 'YYYY-MM-DD', or 'A/B' for a span; None if unresolved."""
        if self.first is None or self.last is None:
            return None
        if self.first == self.last:
            return self.first.iso()
        return f"{self.first.iso()}/{self.last.iso()}"


@dataclass(frozen=True, slots=True)
class TimeExpression:
    """A time expression: where it is, and what it means when a rule could read it."""

    start: int
    end: int
    text: str
    resolved: str | None  # ISO year, year-month or date, or "A/B" for a range (= value.resolved)
    value: TimeValue | None = None  # None: a pipeline's DATE entity that no rule reads


@dataclass(frozen=True, slots=True)
class Reading:
    """Everything the app knows about one article."""

    analysed: AnalysedArticle
    notes: tuple[Note, ...]
    times: tuple[TimeExpression, ...]


@dataclass(frozen=True, slots=True)
class ReadingPart:
    """The analysis of blocks [first_block, end_block) as it streams in, with the whole
    reading's indices: the parts before it hold the lower token, sentence, entity and phrase
    numbers (assistant.streaming puts them together)."""

    first_block: int
    end_block: int
    tokens: tuple[Token, ...]
    sentences: tuple[Sentence, ...]
    entities: tuple[Entity, ...]
    phrases: tuple[Phrase, ...]


@dataclass(frozen=True, slots=True)
class ReadingEnd:
    """What needs the whole article, after its last part: the notes, the time expressions, and
    the entities as the notes redraw them (with the tokens whose entity that changed)."""

    notes: tuple[Note, ...]
    times: tuple[TimeExpression, ...]
    entities: tuple[Entity, ...]
    changed_tokens: tuple[Token, ...]
