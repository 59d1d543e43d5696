"""Coverage: the share of running words the learner knows, hard words by frequency, history."""

from __future__ import annotations

import pytest
from parse_data import analysed, w

from assistant.learner.coverage import coverage
from assistant.learner.memory import LearnerMemory
from assistant.learner.saved import word_from_reading
from assistant.learner.statuses import LearnerView, Status
from assistant.models import GlossCard, GlossKind, Level, Reading
from assistant.reading.analysis import relevel
from assistant.reading.idioms import Idiom, IdiomList

WORDS = [w("Poetin", "Poetin", "PROPN"), w("zag", "zien", "VERB"), w("3000", "3000", "NUM"),
         w("artilleriegranaten", "artilleriegranaat", "NOUN"), w("en", "en", "CCONJ"),
         w("artilleriegranaten", "artilleriegranaat", "NOUN"), w("the", "the", "X"),
         w("naarstig", pos="ADJ"), w(".", ".", "PUNCT"), w("Het", "het", "PRON"),
         w("huis", "huis", "NOUN"), w("zag", "zien", "VERB"), w("vernietigingsoorlog", pos="NOUN"),
         w(".", ".", "PUNCT")]


def test_running_words_leave_out_names_numbers_punctuation_and_foreign_words() -> None:
    article = analysed(WORDS, [(0, 0, "PER")], level=Level.B1, sentence_starts=(0, 9))
    covered = coverage(article, LearnerView())
    # zag, artilleriegranaten ×2, en, naarstig, Het, huis, zag, vernietigingsoorlog
    assert covered.running_words == 9
    assert covered.known_words == 5
    assert covered.share == pytest.approx(5 / 9)
    assert covered.describe() == "You know about 56 % of the words in this article."
    assert next((h.lemma, h.count) for h in covered.hard_words) == ("artilleriegranaat", 2)
    assert {h.lemma for h in covered.hard_words} == {"artilleriegranaat", "naarstig",
                                                     "vernietigingsoorlog"}


@pytest.mark.parametrize(("status", "running", "known"), [
    (Status.NEW, 9, 5),
    (Status.LEARNING_3, 9, 5),  # still being learnt: not yet known
    (Status.KNOWN, 9, 7),
    (Status.IGNORED, 7, 5),  # ignored words are not counted at all
])
def test_statuses_change_coverage(status: Status, running: int, known: int) -> None:
    view = LearnerView()
    if status is Status.KNOWN:
        view = LearnerView(known=frozenset({"artilleriegranaat"}))
    elif status is Status.IGNORED:
        view = LearnerView(ignored=frozenset({"artilleriegranaat"}))
    elif status.step is not None:
        view = LearnerView(learning={"artilleriegranaat": status.step})
    article = relevel(analysed(WORDS, [(0, 0, "PER")]), Level.B1, view)
    covered = coverage(article, view)
    assert (covered.running_words, covered.known_words) == (running, known)
    steps = {h.lemma: h.step for h in covered.hard_words}
    assert steps.get("artilleriegranaat") == status.step or status in (Status.KNOWN,
                                                                       Status.IGNORED)


def test_an_article_without_words_is_fully_covered() -> None:
    covered = coverage(analysed([w("3000", "3000", "NUM"), w(".", ".", "PUNCT")]), LearnerView())
    assert covered.running_words == 0 and covered.share == 1.0
    assert covered.hard_words == ()


def test_coverage_on_the_sample(sample_analysis, memory: LearnerMemory) -> None:  # type: ignore[no-untyped-def]
    covered = memory.coverage(sample_analysis)
    assert 0.8 < covered.share < 1.0
    lemmas = [h.lemma for h in covered.hard_words]
    assert "vernietigingsoorlog" in lemmas and "oorlog" not in lemmas
    counts = [h.count for h in covered.hard_words]
    assert counts == sorted(counts, reverse=True)
    # Knowing every hard word makes the whole article known.
    memory.set_statuses({lemma: Status.KNOWN for lemma in lemmas})
    article = relevel(sample_analysis, Level.B1, memory.view())
    assert memory.coverage(article).share == 1.0
    assert memory.coverage(article).running_words == covered.running_words


def test_history_keeps_each_reading_with_its_coverage(memory: LearnerMemory) -> None:
    article = analysed(WORDS, [(0, 0, "PER")], date="2023-09")
    first = memory.record_reading(article, memory.coverage(article))
    memory.set_status("artilleriegranaat", Status.KNOWN)
    article = relevel(article, Level.B1, memory.view())
    memory.record_reading(article, memory.coverage(article))
    history = memory.history()
    assert len(history) == 2
    assert history[0] == first and history[0].article_date == "2023-09"
    assert history[0].share < history[1].share
    assert history[1].level == "B1"


def test_saving_a_word_keeps_its_sentence_and_gloss(memory: LearnerMemory) -> None:
    article = analysed(WORDS, [(0, 0, "PER")], sentence_starts=(0, 9), date="2023-09")
    reading = Reading(article, (), ())
    card = GlossCard("huis", "huis", "NOUN", GlossKind.WORD, ("house", "home", "building", "x"),
                     "test", article="het")
    word = word_from_reading(reading, 10, card)
    assert word.sentence == "Het huis zag vernietigingsoorlog ."
    assert word.gloss == "house; home; building" and word.headword == "het huis"
    assert word.article_date == "2023-09"
    memory.save_word(word)
    assert memory.edit_gloss("huis", "  a house ")
    assert not memory.edit_gloss("boom", "tree")
    [kept] = memory.saved_words()
    assert kept.gloss == "a house" and kept.form == "huis" and kept.saved > 0
    memory.save_word(word_from_reading(reading, 3, None))
    assert [s.lemma for s in memory.saved_words()][-1] == "huis"
    assert memory.delete_saved("huis") and not memory.delete_saved("huis")
    assert [s.lemma for s in memory.saved_words()] == ["artilleriegranaat"]


def test_saving_a_word_of_an_idiom_keeps_the_idioms_meaning() -> None:
    words = [w("Hij", "hij", "PRON"), w("viel", "vallen", "VERB"), w("uit", "uit", "ADP"),
             w("de", "de", "DET"), w("lucht", "lucht", "NOUN")]
    idiom = Idiom("uit de lucht vallen", ("uit", "de", "lucht"), "vallen",
                  "to be taken aback; to be surprised")
    article = analysed(words, idioms=IdiomList([idiom]))
    card = GlossCard("lucht", "uit de lucht vallen", "NOUN", GlossKind.PHRASE,
                     ("air", "uit de lucht vallen: to be taken aback"), "test")
    word = word_from_reading(Reading(article, (), ()), 4, card)
    assert (word.lemma, word.gloss) == ("uit de lucht vallen",
                                        "to be taken aback; to be surprised")
    # A word outside the idiom keeps its card's senses.
    alone = GlossCard("hij", "hij", "PRON", GlossKind.WORD, ("he",), "test")
    assert word_from_reading(Reading(article, (), ()), 0, alone).gloss == "he"
