"""The marking judges tokens one at a time exactly as re-levelling judges them all."""

from __future__ import annotations

import pytest
from parse_data import analysed, w

from assistant.learner.statuses import LearnerView
from assistant.models import AnalysedArticle, Level, Reading
from assistant.reading.analysis import relevel
from assistant.reading.idioms import Idiom, IdiomList
from assistant.reading.marking import Marking, learner_view

VIEWS = {
    "nobody": LearnerView(),
    "knows some": LearnerView(known=frozenset({"gemeente", "de", "lucht"})),
    "ignores and learns": LearnerView(ignored=frozenset({"plan"}),
                                      learning={"binnenstad": 2, "vallen": 1}),
}


def _idiom_analysis() -> AnalysedArticle:
    idiom = Idiom("uit de lucht vallen", ("uit", "de", "lucht"), "vallen", "to be surprised")
    return analysed(
        [w("Het"), w("plan", pos="NOUN"), w("viel", "vallen", "VERB"), w("uit", pos="ADP"),
         w("de", pos="DET"), w("lucht", pos="NOUN"), w("in"), w("de", pos="DET"),
         w("binnenstad", pos="NOUN"), w("van"), w("de", pos="DET"),
         w("gemeente", pos="NOUN"), w(".", pos="PUNCT")],
        idioms=IdiomList((idiom,)),
    )


@pytest.mark.parametrize("level", list(Level))
@pytest.mark.parametrize("who", list(VIEWS))
def test_token_by_token_as_relevel_has_it(
    sample_analysis: AnalysedArticle, level: Level, who: str
) -> None:
    view = VIEWS[who]
    marking = Marking(level, view)
    for source in (sample_analysis, _idiom_analysis()):
        expected = relevel(source, level, view)
        judged = [marking.hard(t, source.phrases) for t in source.tokens]
        assert judged == [t.hard for t in expected.tokens]
        assert marking.hard_tokens(source, range(len(source.tokens))) == [
            t.index for t in expected.tokens if t.hard
        ]
        applied = marking.applied(Reading(source, (), ())).analysed
        assert applied.tokens == expected.tokens and applied.level is level


def test_the_idiom_case_has_something_to_judge() -> None:
    source = _idiom_analysis()
    assert source.phrases, "the hand-built idiom must match"
    easy = {t.text for t in source.tokens if Marking(Level.C2).hard(t, source.phrases)}
    learning = {t.text for t in source.tokens
                if Marking(Level.C2, VIEWS["ignores and learns"]).hard(t, source.phrases)}
    assert "binnenstad" in learning - easy


def test_applied_keeps_the_reading_when_nothing_changes(sample_analysis: AnalysedArticle) -> None:
    reading = Reading(sample_analysis, (), ())
    assert Marking(sample_analysis.level).applied(reading) is reading
    other = Marking(Level.C2).applied(reading)
    assert other is not reading and other.analysed.level is Level.C2
    assert other.analysed.tokens != sample_analysis.tokens


def test_a_set_of_lemmas_is_a_view_of_known_words() -> None:
    assert learner_view(frozenset({"fiets"})) == LearnerView(known=frozenset({"fiets"}))
    view = VIEWS["knows some"]
    assert learner_view(view) is view
    assert Marking.of(Level.A2, frozenset({"fiets"})) == Marking(
        Level.A2, LearnerView(known=frozenset({"fiets"})))
