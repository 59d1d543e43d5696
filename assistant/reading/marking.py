"""Which tokens are marked hard now: the level and the learner the difficulty rule is asked with,
token by token, so a level or known-word change costs nothing until tokens are looked at."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from assistant.learner.statuses import EMPTY_VIEW, LearnerView
from assistant.models import AnalysedArticle, Level, Phrase, Reading, Token
from assistant.reading.difficulty import Learner, is_hard


def learner_view(learner: Learner) -> LearnerView:
    """A set of known lemmas as a learner view (a view as it is)."""
    return learner if isinstance(learner, LearnerView) else LearnerView(known=learner)


@dataclass(frozen=True, slots=True)
class Marking:
    """A level and a learner: token by token, the answers `analysis.relevel` gives."""

    level: Level = Level.B1
    view: LearnerView = EMPTY_VIEW

    @classmethod
    def of(cls, level: Level, learner: Learner) -> Marking:
        return cls(level, learner_view(learner))

    def hard(self, token: Token, phrases: Sequence[Phrase]) -> bool:
        """Whether `token` (of the analysis whose `phrases` these are) is hard."""
        phrase = phrases[token.phrase] if token.phrase is not None else None
        return is_hard(token, phrase, self.level, self.view)

    def hard_tokens(self, analysed: AnalysedArticle, indices: Iterable[int]) -> list[int]:
        """The hard ones among the tokens at `indices`, in the order given."""
        tokens, phrases = analysed.tokens, analysed.phrases
        return [i for i in indices if self.hard(tokens[i], phrases)]

    def applied(self, reading: Reading) -> Reading:
        """The reading with every token's `hard` as this marking has it: the same object when
        nothing changes (every token is judged: slow on a very long article)."""
        analysed = reading.analysed
        phrases = analysed.phrases
        tokens: list[Token] = []
        changed = analysed.level is not self.level
        for token in analysed.tokens:
            hard = self.hard(token, phrases)
            if hard != token.hard:
                token = dataclasses.replace(token, hard=hard)
                changed = True
            tokens.append(token)
        if not changed:
            return reading
        marked = dataclasses.replace(analysed, level=self.level, tokens=tuple(tokens))
        return dataclasses.replace(reading, analysed=marked)
