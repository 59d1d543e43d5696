"""Word statuses: every transition, the marking that follows it, mark-the-rest and undo."""

from __future__ import annotations

import itertools

import pytest
from parse_data import analysed, w

from assistant.learner.memory import LearnerMemory
from assistant.learner.statuses import LearnerView, Status
from assistant.models import Level, Phrase, PhraseKind
from assistant.reading.analysis import relevel
from assistant.reading.difficulty import is_hard

# "vernietigingsoorlog" is rare (hard at every level), "huis" common (easy from A2 on).
WORDS = [w("Het", "het", "PRON"), w("huis", "huis", "NOUN"), w("en", "en", "CCONJ"),
         w("de", "de", "DET"), w("vernietigingsoorlog", pos="NOUN"), w("en", "en", "CCONJ"),
         w("naarstig", pos="ADJ"), w("artilleriegranaten", "artilleriegranaat", "NOUN"),
         w(".", ".", "PUNCT")]
RARE, COMMON = 4, 1

# (status, hard for a rare word, hard for a common word): learning words are marked whatever
# their frequency, known and ignored ones never.
MARKING = [
    (Status.NEW, True, False),
    (Status.LEARNING_1, True, True),
    (Status.LEARNING_2, True, True),
    (Status.LEARNING_3, True, True),
    (Status.LEARNING_4, True, True),
    (Status.KNOWN, False, False),
    (Status.IGNORED, False, False),
]


@pytest.mark.parametrize(("status", "rare_hard", "common_hard"), MARKING)
def test_marking_follows_the_status(memory: LearnerMemory, status: Status, rare_hard: bool,
                                    common_hard: bool) -> None:
    memory.set_status("vernietigingsoorlog", status)
    memory.set_status("huis", status)
    article = relevel(analysed(WORDS, level=Level.B1), Level.B1, memory.view())
    assert article.tokens[RARE].hard is rare_hard
    assert article.tokens[COMMON].hard is common_hard
    assert memory.view().step("huis") == status.step


@pytest.mark.parametrize(("before", "after"), list(itertools.permutations(Status, 2)))
def test_each_transition_is_stored_and_undone(memory: LearnerMemory, before: Status,
                                              after: Status) -> None:
    memory.set_status("fiets", before)
    action = memory.set_status("Fiets ", after)
    assert action is not None and action.changes[0].before is before
    assert memory.status("fiets") is after
    memory.close()
    assert memory.status("fiets") is after  # from the file, not a cache
    memory.undo()
    assert memory.status("fiets") is before


def test_setting_the_same_status_records_nothing(memory: LearnerMemory) -> None:
    memory.set_status("fiets", Status.KNOWN)
    assert memory.set_status("fiets", Status.KNOWN) is None
    assert memory.set_status("ongezien", Status.NEW) is None


@pytest.mark.parametrize("lemma", ["", "   "])
def test_blank_lemmas_are_refused(memory: LearnerMemory, lemma: str) -> None:
    with pytest.raises(ValueError, match="blank"):
        memory.set_status(lemma, Status.KNOWN)


@pytest.mark.parametrize("step", [0, 5, -1])
def test_learning_steps_are_one_to_four(step: int) -> None:
    with pytest.raises(ValueError, match="1–4"):
        Status.learning(step)
    assert [Status.learning(n).step for n in range(1, 5)] == [1, 2, 3, 4]


def test_the_rule_takes_a_set_or_a_view_alike() -> None:
    article = analysed(WORDS, level=Level.B1)
    token = article.tokens[RARE]
    known = frozenset({"vernietigingsoorlog"})
    assert is_hard(token, None, Level.B1, frozenset())
    assert not is_hard(token, None, Level.B1, known)
    assert not is_hard(token, None, Level.B1, LearnerView(known=known))
    # A form the learner marked counts like its lemma.
    assert not is_hard(token, None, Level.B1, LearnerView(ignored=frozenset({token.text})))


def test_a_known_idiom_is_never_hard_and_a_learning_word_in_one_is() -> None:
    article = analysed(WORDS, level=Level.B1)
    token = article.tokens[RARE]
    idiom = Phrase(0, PhraseKind.IDIOM, "een naarstige vernietigingsoorlog", (4, 6), None, 1.0)
    assert is_hard(token, idiom, Level.C2, frozenset())
    assert not is_hard(token, idiom, Level.C2,
                       LearnerView(known=frozenset({"een naarstige vernietigingsoorlog"})))
    common = article.tokens[COMMON]
    assert is_hard(common, None, Level.C2, LearnerView(learning={"huis": 2}))


def test_mark_the_rest_skips_opened_and_marked_words_and_undo_reverts_it(
    memory: LearnerMemory,
) -> None:
    article = analysed(WORDS, level=Level.A1)
    hard = {t.lemma for t in article.tokens if t.hard}
    assert {"vernietigingsoorlog", "naarstig"} <= hard
    memory.set_status("naarstig", Status.LEARNING_2)
    memory.set_status("huis", Status.IGNORED)
    article = relevel(article, Level.A1, memory.view())
    rest = memory.rest_to_mark(article, opened=["Vernietigingsoorlog"])
    assert rest == ["artilleriegranaat"]
    assert "vernietigingsoorlog" not in rest and "naarstig" not in rest and "huis" not in rest
    before = {t.lemma: memory.status(t.lemma) for t in article.tokens}
    action = memory.mark_rest_known(article, opened=["vernietigingsoorlog"])
    assert action is not None and action.kind == "mark-rest"
    assert {c.lemma for c in action.changes} == set(rest)
    assert all(memory.status(lemma) is Status.KNOWN for lemma in rest)
    assert memory.status("vernietigingsoorlog") is Status.NEW
    assert memory.status("naarstig") is Status.LEARNING_2
    undone = memory.undo()
    assert undone is not None and undone.id == action.id
    assert {t.lemma: memory.status(t.lemma) for t in article.tokens} == before


def test_undo_leaves_a_word_changed_again_since(memory: LearnerMemory) -> None:
    article = analysed(WORDS, level=Level.A1)
    memory.mark_rest_known(article, opened=())
    # Undo of mark-the-rest must not clobber the learner's later choice for one word...
    memory.store.write(lambda c: c.execute(
        "UPDATE word_status SET status = 'learning-1' WHERE lemma = 'naarstig'"))
    memory.undo()
    assert memory.status("naarstig") is Status.LEARNING_1
    assert memory.status("vernietigingsoorlog") is Status.NEW
    assert memory.undo() is None  # nothing left to undo


def test_known_words_opened_three_times_are_offered_back(memory: LearnerMemory) -> None:
    memory.set_status("fiets", Status.KNOWN)
    assert [memory.record_lookup("fiets") for _ in range(3)] == [False, False, True]
    assert memory.offers() == ["fiets"]
    memory.dismiss_offer("fiets")
    assert memory.offers() == [] and memory.record_lookup("fiets") is False
    for _ in range(3):
        memory.record_lookup("fiets")
    memory.set_status("fiets", Status.LEARNING_1)  # accepted: no longer offered
    assert memory.offers() == []
    assert memory.lookup_counts() == {"fiets": 7}


def test_words_not_known_are_never_offered_back(memory: LearnerMemory) -> None:
    for _ in range(5):
        assert memory.record_lookup("boom") is False
    memory.set_status("boom", Status.KNOWN)  # openings before it was known do not count
    assert memory.record_lookup("boom") is False
    assert memory.offers() == []
