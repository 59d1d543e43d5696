"""Reader of the Alpino lexicon (University of Groningen, LGPL 2.1): verbs, nouns, adjectives."""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from enum import Enum
from pathlib import Path

from assistant.errors import DataError

# The lexicon's licence; anything derived from it (tables in the dictionary) keeps this notice.
ALPINO_NOTICE = (
    "Separable verbs, principal parts and noun genders derived from the Alpino lexicon "
    "(University of Groningen, github.com/rug-compling/Alpino), GNU LGPL 2.1."
)
VERBS_FILE, NOUNS_FILE, ADJECTIVES_FILE = "verbs.pl", "nouns.pl", "adjectives.pl"


# --- Prolog terms ---------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Variable:
    """A Prolog variable: in the lexicon, a form that does not exist."""

    name: str


@dataclass(frozen=True, slots=True)
class Compound:
    """functor(arg, ...); `{X}` is Compound("{}", (X,))."""

    functor: str
    args: tuple[Term, ...]


# Atoms and strings are str, lists are tuples.
Term = str | int | float | Variable | Compound | tuple["Term", ...]

_TOKEN = re.compile(
    r"""
    (?P<space>\s+|%[^\n]*|/\*.*?\*/)
    | (?P<name>[^\W\d]\w*)
    | (?P<number>\d+(?:\.\d+)?)
    | (?P<quoted>'(?:[^'\\]|\\.|'')*')
    | (?P<string>"(?:[^"\\]|\\.|"")*")
    | (?P<punct>[()\[\]{},|])
    | (?P<solo>[;!])
    | (?P<symbol>(?:[-+*/\\^<>=~:.?@#&$`]|[^\x00-\x7f\w\s])+)
    """,
    re.VERBOSE | re.DOTALL,
)
_ESCAPES = {"n": "\n", "t": "\t", "\\": "\\", "'": "'", '"': '"'}
# Infix operators that may occur inside the facts read here (priority, left/right argument max).
_INFIX = {
    ":-": (1200, 1199, 1199), ";": (1100, 1099, 1100), "->": (1050, 1049, 1050),
    "=": (700, 699, 699), "\\=": (700, 699, 699), "==": (700, 699, 699),
    ":": (200, 199, 200), "+": (500, 500, 499), "-": (500, 500, 499),
    "/": (400, 400, 399), "*": (400, 400, 399),
}
_PREFIX = {"-": 200, "+": 200, "\\+": 900, ":-": 1200}
_ARGUMENT_PRIORITY = 999


@dataclass(frozen=True, slots=True)
class _Token:
    kind: str
    text: str
    line: int
    glued: bool  # no space before it ("f(" is a compound, "f (" is not)


def _unquote(text: str) -> str:
    quote, body = text[0], text[1:-1]
    result: list[str] = []
    index = 0
    while index < len(body):
        char = body[index]
        if char == "\\" and index + 1 < len(body):
            result.append(_ESCAPES.get(body[index + 1], body[index + 1]))
            index += 2
        elif char == quote:  # a doubled quote
            result.append(quote)
            index += 2
        else:
            result.append(char)
            index += 1
    return "".join(result)


def _tokens(text: str, file_name: str) -> Iterator[_Token]:
    position, line, glued = 0, 1, True
    for match in _TOKEN.finditer(text):
        if match.start() != position:
            line += text.count("\n", position, match.start())
            raise DataError(f"Line {line} of {file_name}: unexpected character "
                            f"{text[position]!r}.")
        kind = match.lastgroup or ""
        value = match.group()
        position = match.end()
        if kind == "space":
            glued = False
            line += value.count("\n")
            continue
        yield _Token(kind, value, line, glued)
        glued = True
        if kind in ("quoted", "string"):
            line += value.count("\n")
    if position != len(text):
        line = text.count("\n", 0, position) + 1
        raise DataError(f"Line {line} of {file_name}: unexpected character "
                        f"{text[position]!r}.")


class _Parser:
    """Recursive descent over one clause's tokens."""

    def __init__(self, tokens: Sequence[_Token], file_name: str) -> None:
        self._tokens = tokens
        self._at = 0
        self._file = file_name

    def error(self, message: str) -> DataError:
        token = self._tokens[min(self._at, len(self._tokens) - 1)]
        return DataError(f"Line {token.line} of {self._file}: {message}.")

    def peek(self) -> _Token | None:
        return self._tokens[self._at] if self._at < len(self._tokens) else None

    def take(self) -> _Token:
        token = self.peek()
        if token is None:
            raise self.error("the clause ends too early")
        self._at += 1
        return token

    def expect(self, text: str) -> None:
        token = self.take()
        if token.text != text:
            self._at -= 1
            raise self.error(f"expected {text!r}, found {token.text!r}")

    def at_end(self) -> bool:
        return self._at >= len(self._tokens)

    def term(self, max_priority: int) -> Term:
        left, left_priority = self.primary(max_priority)
        while (token := self.peek()) is not None:
            operator = token.text if token.kind in ("symbol", "punct", "solo", "name") else None
            if operator == "," and max_priority >= 1000:
                priority, left_max, right_max = 1000, 999, 1000
            elif operator == "|" and max_priority >= 1100:
                priority, left_max, right_max = 1100, 1099, 1100
            elif operator in _INFIX and token.kind != "punct":
                priority, left_max, right_max = _INFIX[operator]
            else:
                break
            if priority > max_priority or left_priority > left_max:
                break
            self.take()
            right = self.term(right_max)
            left, left_priority = Compound(operator, (left, right)), priority
        return left

    def primary(self, max_priority: int) -> tuple[Term, int]:
        token = self.take()
        if token.kind == "number":
            return (float(token.text) if "." in token.text else int(token.text)), 0
        if token.kind == "string":
            return _unquote(token.text), 0
        if token.text == "(":
            inner = self.term(1200)
            self.expect(")")
            return inner, 0
        if token.text == "[":
            return self.list_rest(), 0
        if token.text == "{":
            inner = self.term(1200)
            self.expect("}")
            return Compound("{}", (inner,)), 0
        if token.kind == "name" and (token.text[0] == "_" or token.text[0].isupper()):
            return Variable(token.text), 0
        if token.kind in ("name", "quoted", "symbol", "solo"):
            name = _unquote(token.text) if token.kind == "quoted" else token.text
            following = self.peek()
            if following is not None and following.text == "(" and following.glued:
                self.take()
                args = [self.term(_ARGUMENT_PRIORITY)]
                while self.peek() is not None and self.take().text == ",":
                    args.append(self.term(_ARGUMENT_PRIORITY))
                if self._tokens[self._at - 1].text != ")":
                    raise self.error(f"unclosed arguments of {name}")
                return Compound(name, tuple(args)), 0
            if token.kind == "symbol" and name in _PREFIX and following is not None \
                    and following.text not in (",", ")", "]", "|", "}"):
                priority = _PREFIX[name]
                if priority <= max_priority:
                    operand = self.term(priority if name != "-" else priority - 1)
                    if name == "-" and isinstance(operand, int | float):
                        return -operand, 0
                    return Compound(name, (operand,)), priority
            return name, 0
        raise self.error(f"unexpected {token.text!r}")

    def list_rest(self) -> tuple[Term, ...]:
        following = self.peek()
        if following is not None and following.text == "]":
            self.take()
            return ()
        items = [self.term(_ARGUMENT_PRIORITY)]
        while True:
            token = self.take()
            if token.text == ",":
                items.append(self.term(_ARGUMENT_PRIORITY))
            elif token.text == "|":
                tail = self.term(_ARGUMENT_PRIORITY)
                if not isinstance(tail, Variable):
                    raise self.error("a list tail other than a variable")
                self.expect("]")
                return tuple(items)
            elif token.text == "]":
                return tuple(items)
            else:
                self._at -= 1
                raise self.error(f"expected ',' or ']' in a list, found {token.text!r}")


def read_facts(path: Path, functors: frozenset[str] | None = None) -> Iterator[tuple[int, Term]]:
    """(line, term) for each fact of a Prolog file (rules and directives are skipped); only
    facts whose functor is in `functors`, when given. Raises DataError naming file and line."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise DataError(f"The Alpino file {path.name} could not be read ({error}).") from error
    yield from parse_facts(text, path.name, functors)


def parse_facts(
    text: str, file_name: str, functors: frozenset[str] | None = None
) -> Iterator[tuple[int, Term]]:
    """The facts of Prolog source `text` (see read_facts)."""
    clause: list[_Token] = []
    for token in _tokens(text, file_name):
        if token.kind == "symbol" and token.text == ".":
            if clause:
                yield from _fact(clause, file_name, functors)
            clause = []
        else:
            clause.append(token)
    if clause:
        raise DataError(f"Line {clause[0].line} of {file_name}: the last clause has no final '.'.")


def _fact(
    clause: Sequence[_Token], file_name: str, functors: frozenset[str] | None
) -> Iterator[tuple[int, Term]]:
    head = clause[0]
    if head.text == ":-" or (functors is not None and head.text not in functors):
        return
    if any(token.text == ":-" for token in clause):
        return  # a rule
    parser = _Parser(clause, file_name)
    term = parser.term(1200)
    if not parser.at_end():
        raise parser.error("text after the end of the term")
    yield head.line, term


# --- Lexicon records ------------------------------------------------------------------------


class Auxiliary(str, Enum):
    """The perfect-tense auxiliary of a group of frames: h(...), z(...)/unacc(...), b(...)."""

    HEBBEN = "hebben"
    ZIJN = "zijn"
    EITHER = "hebben/zijn"


_WRAPPERS = {"h": Auxiliary.HEBBEN, "z": Auxiliary.ZIJN, "unacc": Auxiliary.ZIJN,
             "b": Auxiliary.EITHER}


@dataclass(frozen=True, slots=True)
class VerbFrame:
    """One subcategorisation frame, e.g. part_transitive(aan): particle "aan". `with_er`: the
    particle goes with an "er" of its own (part_fixed(uit, [svp_er]): "het ziet er goed uit")."""

    name: str
    particle: str | None
    auxiliary: Auxiliary
    with_er: bool = False


@dataclass(frozen=True, slots=True)
class AlpinoVerb:
    """A verb's principal parts (alternatives in order; empty: the form does not exist)."""

    line: int
    stem: tuple[str, ...]
    third_singular: tuple[str, ...]
    infinitive: tuple[str, ...]
    past_participle: tuple[str, ...]
    past_singular: tuple[str, ...]
    past_plural: tuple[str, ...]
    frames: tuple[VerbFrame, ...]

    @property
    def particles(self) -> tuple[str, ...]:
        """Single-word separable particles the frames name, in order of first mention."""
        seen: dict[str, None] = {}
        for frame in self.frames:
            if frame.particle is not None and frame.particle.isalpha():
                seen.setdefault(frame.particle, None)
        return tuple(seen)

    @property
    def er_particles(self) -> frozenset[str]:
        """Particles that take an "er" of their own ("er ... uitzien"), not a stranded one."""
        return frozenset(frame.particle for frame in self.frames
                         if frame.with_er and frame.particle is not None)

    def auxiliaries(self, particle: str | None = None) -> tuple[Auxiliary, ...]:
        """Auxiliaries of the frames with this particle (None: the frames without one)."""
        found: dict[Auxiliary, None] = {}
        for frame in self.frames:
            if frame.particle == particle:
                found.setdefault(frame.auxiliary, None)
        return tuple(found)


@dataclass(frozen=True, slots=True)
class SeparableVerb:
    """An attested separable verb: particle + verb ("aan" + "kloppen" = "aankloppen")."""

    particle: str
    verb: str
    auxiliaries: tuple[Auxiliary, ...]
    line: int
    with_er: bool = False

    @property
    def infinitive(self) -> str:
        return self.particle + self.verb


@dataclass(frozen=True, slots=True)
class AlpinoNoun:
    """A noun: gender "de", "het" or "de/het"; multi-word forms joined by spaces."""

    line: int
    singular: tuple[str, ...]
    plural: tuple[str, ...]
    mass: tuple[str, ...]
    gender: str
    diminutives: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class AlpinoAdjective:
    """An adjective's forms; `participle`: the lexicon lists it as a past participle (ge_)."""

    line: int
    base: tuple[str, ...]
    inflected: tuple[str, ...]
    comparative: tuple[str, ...]
    superlative: tuple[str, ...]
    participle: bool


_GENDERS = {"de": "de", "het": "het", "both": "de/het"}


def _words(term: Term, file_name: str, line: int) -> tuple[str, ...]:
    """A form field as alternatives: an atom, a list of atoms, a variable (none) or
    inflected(Plain, Inflected) (the plain form); multi-word forms as nested lists."""
    if isinstance(term, Variable):
        return ()
    if isinstance(term, str):
        return (term,)
    if isinstance(term, Compound) and term.functor == "inflected" and term.args:
        return _words(term.args[0], file_name, line)
    if isinstance(term, tuple):
        if term and all(isinstance(item, str) for item in term) and _is_phrase(term):
            return (" ".join(str(item) for item in term),)
        forms: list[str] = []
        for item in term:
            forms.extend(_words(item, file_name, line))
        return tuple(forms)
    raise DataError(f"Line {line} of {file_name}: unexpected form {term!r}.")


def _form_words(term: Term, file_name: str, line: int) -> tuple[str, ...]:
    """A noun's or adjective's form field: there a list of atoms is one multi-word form
    (sg([big,band]) is 'big band', not 'big' or 'band'); Alpino gives a noun's spelling
    variants as fields of their own (pl(lunchen), pl(lunches))."""
    if isinstance(term, tuple) and term and all(isinstance(item, str) for item in term):
        return (" ".join(str(item) for item in term),)
    return _words(term, file_name, line)


def _is_phrase(items: tuple[Term, ...]) -> bool:
    """A list of words that make up one form ([olympisch, en, wereldkampioen])."""
    return len(items) > 1 and any(item in ("en", ",", "of") or str(item).endswith("-")
                                  for item in items)


def _frames(term: Term, file_name: str, line: int) -> tuple[VerbFrame, ...]:
    if not isinstance(term, tuple):
        raise DataError(f"Line {line} of {file_name}: the frames are not a list.")
    frames: list[VerbFrame] = []
    for group in term:
        if not (isinstance(group, Compound) and group.functor in _WRAPPERS
                and len(group.args) == 1 and isinstance(group.args[0], tuple)):
            raise DataError(f"Line {line} of {file_name}: unknown frame group {group!r}.")
        auxiliary = _WRAPPERS[group.functor]
        for frame in group.args[0]:
            frames.append(_frame(frame, auxiliary))
    return tuple(frames)


def _frame(term: Term, auxiliary: Auxiliary) -> VerbFrame:
    if isinstance(term, Compound):
        particle = None
        if term.functor.startswith("part_") and isinstance(term.args[0], str):
            particle = term.args[0]
        with_er = (term.functor == "part_fixed" and len(term.args) > 1
                   and isinstance(term.args[1], tuple) and "svp_er" in term.args[1])
        return VerbFrame(term.functor, particle, auxiliary, with_er)
    return VerbFrame(str(term), None, auxiliary)


def parse_verbs(facts: Iterator[tuple[int, Term]], file_name: str) -> tuple[AlpinoVerb, ...]:
    """AlpinoVerb records of v/7 and v/8 facts (v/8 has a subjunctive before the frames)."""
    verbs: list[AlpinoVerb] = []
    for line, term in facts:
        if not isinstance(term, Compound):
            continue
        if term.functor == "m" and len(term.args) == 2:
            verb = _special_verb(term.args[1], file_name, line)
            if verb is not None:
                verbs.append(verb)
            continue
        if term.functor != "v" or len(term.args) not in (7, 8):
            continue
        stem, third, infinitive, participle, past_singular, past_plural = (
            _words(arg, file_name, line) for arg in term.args[:6])
        if not infinitive:
            raise DataError(f"Line {line} of {file_name}: a verb without an infinitive.")
        verbs.append(AlpinoVerb(line, stem, third, infinitive, participle, past_singular,
                                past_plural, _frames(term.args[-1], file_name, line)))
    return tuple(verbs)


def _special_verb(term: Term, file_name: str, line: int) -> AlpinoVerb | None:
    """zijn, hebben and the modals: m(v_root(..), verb_ben/verb_heb/verb_modal(...))."""
    if not isinstance(term, Compound) or len(term.args) != 9:
        return None
    forms = [_words(arg, file_name, line) for arg in term.args[:7]]
    auxiliary = {"hebben": Auxiliary.HEBBEN, "zijn": Auxiliary.ZIJN, "unacc": Auxiliary.ZIJN,
                 "hebben/zijn": Auxiliary.EITHER}.get(str(term.args[7]), Auxiliary.HEBBEN)
    frames = term.args[8] if isinstance(term.args[8], tuple) else ()
    parsed = tuple(_frame(frame, auxiliary) for frame in frames)
    if term.functor in ("verb_ben", "verb_heb"):  # sg1, sg2 (bent/hebt), sg3 (is/heeft), ...
        stem, third = forms[0], forms[2]
    elif term.functor == "verb_modal":  # sg1 (kan), inverted (kun je), u-form (kunt), ...
        stem, third = forms[0], forms[0]
    else:
        return None
    return AlpinoVerb(line, stem, third, forms[3], forms[4], forms[5], forms[6], parsed)


def separable_verbs(verbs: Sequence[AlpinoVerb]) -> tuple[SeparableVerb, ...]:
    """Every (particle, verb) pair the frames attest, once, sorted by particle and verb."""
    found: dict[tuple[str, str], SeparableVerb] = {}
    for verb in verbs:
        infinitive = verb.infinitive[0]
        if not infinitive.isalpha():
            continue
        for particle in verb.particles:
            key = (particle, infinitive)
            if key not in found:
                found[key] = SeparableVerb(particle, infinitive, verb.auxiliaries(particle),
                                           verb.line, particle in verb.er_particles)
    return tuple(found[key] for key in sorted(found))


def parse_nouns(facts: Iterator[tuple[int, Term]], file_name: str) -> tuple[AlpinoNoun, ...]:
    """AlpinoNoun records of n/4 facts: n([sg(..), pl(..), mass(..)], Gender, _, Extra)."""
    nouns: list[AlpinoNoun] = []
    for line, term in facts:
        if not (isinstance(term, Compound) and term.functor == "n" and len(term.args) == 4):
            continue
        forms, gender, _, extra = term.args
        if not isinstance(forms, tuple) or str(gender) not in _GENDERS:
            continue  # measure nouns and other special entries
        by_kind: dict[str, list[str]] = {"sg": [], "pl": [], "mass": []}
        for form in forms:
            if isinstance(form, Compound) and form.functor in by_kind and form.args:
                by_kind[form.functor].extend(_form_words(form.args[0], file_name, line))
        diminutives: list[str] = []
        for item in extra if isinstance(extra, tuple) else ():
            if isinstance(item, Compound) and item.functor == "dim" and item.args:
                diminutives.extend(_form_words(item.args[0], file_name, line))
        if not any(by_kind.values()):
            continue
        nouns.append(AlpinoNoun(line, tuple(by_kind["sg"]), tuple(by_kind["pl"]),
                                tuple(by_kind["mass"]), _GENDERS[str(gender)],
                                tuple(diminutives)))
    return tuple(nouns)


# Form kinds: no_e/both/pred (groot), ge_ (past participles), end/ende (present participles),
# postn_ (after the noun: "zuidwaarts"), stof (material: "zinken").
_ADJECTIVE_BASE = ("no_e", "both", "pred", "ge_no_e", "ge_both", "end", "postn_no_e",
                   "postn_both", "stof")
_ADJECTIVE_INFLECTED = ("e", "ge_e", "ende")


def parse_adjectives(
    facts: Iterator[tuple[int, Term]], file_name: str
) -> tuple[AlpinoAdjective, ...]:
    """AlpinoAdjective records of a/4 facts: a([no_e(groot), e(grote), er(groter), ..], ..)."""
    adjectives: list[AlpinoAdjective] = []
    for line, term in facts:
        if not (isinstance(term, Compound) and term.functor == "a" and term.args
                and isinstance(term.args[0], tuple)):
            continue
        by_kind: dict[str, list[str]] = {}
        for form in term.args[0]:
            if isinstance(form, Compound) and form.args:
                by_kind.setdefault(form.functor, []).extend(
                    _form_words(form.args[0], file_name, line))

        def collect(kinds: Sequence[str], forms: dict[str, list[str]] = by_kind) -> tuple[
                str, ...]:
            return tuple(dict.fromkeys(word for kind in kinds for word in forms.get(kind, ())))

        base = collect(_ADJECTIVE_BASE)
        if not base:
            continue
        adjectives.append(AlpinoAdjective(
            line, base, collect(_ADJECTIVE_INFLECTED), collect(("er",)), collect(("st",)),
            participle=any(kind.startswith("ge_") for kind in by_kind),
        ))
    return tuple(adjectives)


def read_verbs(folder: Path) -> tuple[AlpinoVerb, ...]:
    """The verbs of `folder`/verbs.pl (the Alpino lexicon folder)."""
    path = folder / VERBS_FILE
    return parse_verbs(read_facts(path, frozenset({"v", "m"})), path.name)


def read_nouns(folder: Path) -> tuple[AlpinoNoun, ...]:
    """The nouns of `folder`/nouns.pl."""
    path = folder / NOUNS_FILE
    return parse_nouns(read_facts(path, frozenset({"n"})), path.name)


def read_adjectives(folder: Path) -> tuple[AlpinoAdjective, ...]:
    """The adjectives of `folder`/adjectives.pl."""
    path = folder / ADJECTIVES_FILE
    return parse_adjectives(read_facts(path, frozenset({"a"})), path.name)
