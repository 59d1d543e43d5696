"""Foreign text in the window: foreign words shown quietly with their language on hover, and an
article not in Dutch opening with a one-line notice that goes when another article opens."""

from __future__ import annotations

import dataclasses

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot
from ui_helpers import FakeService, MemoryLearner, WindowFactory, hand_reading

from assistant.models import AnalysedArticle, Article, GlossCard, GlossKind, Level, Reading
from assistant.reading.difficulty import Learner
from assistant.reading.loading import article_from_text
from assistant.service import ReadingAssistant
from ui.gloss_card import card_lines, card_plain_text
from ui.main_window import MainWindow
from ui.message_bar import MessageBar
from ui.notices import Notice, NoticeKind
from ui.reader import ReaderView, foreign_card
from ui.session import ReadingSession, foreign_article_notice
from ui.tasks import SyncTaskRunner

TEXT = "Thunberg zei “how dare you” tegen de wereldleiders in New York."
QUOTE = ("how", "dare", "you")


def _quote_reading(article: Article | None = None) -> Reading:
    """Dutch with an English quote; 'wereldleiders' hard, the quote's words and marks English."""
    reading = hand_reading(article or article_from_text(TEXT), hard=["wereldleiders", "dare"])
    tokens = list(reading.analysed.tokens)
    first = next(t.index for t in tokens if t.text == "how")
    for index in range(first - 1, first + 4):  # “ how dare you ”
        tokens[index] = dataclasses.replace(tokens[index], language="en", is_word=False,
                                            hard=False)
    analysed = dataclasses.replace(reading.analysed, tokens=tuple(tokens))
    return dataclasses.replace(reading, analysed=analysed)


def _index(reading: Reading, text: str) -> int:
    return next(t.index for t in reading.analysed.tokens if t.text == text)


class Dictionary:
    """A gloss provider that knows every word and records what it was asked."""

    def __init__(self) -> None:
        self.asked: list[int] = []

    def __call__(self, reading: Reading, index: int) -> GlossCard:
        self.asked.append(index)
        token = reading.analysed.tokens[index]
        return GlossCard(token.text, token.lemma, "NOUN", GlossKind.WORD, ("a gloss",), "test")


@pytest.fixture
def dictionary() -> Dictionary:
    return Dictionary()


@pytest.fixture
def view(qtbot: QtBot, dictionary: Dictionary) -> ReaderView:
    reader = ReaderView(dictionary)
    qtbot.addWidget(reader)
    reader.resize(700, 400)
    reader.show()
    qtbot.waitExposed(reader)
    reader.set_reading(_quote_reading())
    return reader


def test_foreign_words_are_marked_quietly_and_never_hard(view: ReaderView) -> None:
    reading = _quote_reading()
    ranges = view.marked_ranges()
    assert sorted(ranges["foreign"]) == [view.token_document_range(_index(reading, word))
                                         for word in QUOTE]  # the quotation marks are not
    assert ranges["hard"] == [view.token_document_range(_index(reading, "wereldleiders"))]
    assert not any(view.is_hard(_index(reading, word)) for word in QUOTE)
    view.set_show_hard(False)
    assert "foreign" in view.marked_ranges()  # not a hard-word mark: it stays


def test_hovering_a_foreign_word_names_its_language(
    qtbot: QtBot, view: ReaderView, dictionary: Dictionary
) -> None:
    reading = _quote_reading()
    dare = _index(reading, "dare")
    point = view.token_center(dare)
    with qtbot.waitSignal(view.card_shown, timeout=5000) as shown:
        QTest.mouseMove(view.viewport(), point - QPoint(2, 0))
        QTest.mouseMove(view.viewport(), point)
    assert shown.args == [dare]
    assert view.card.plain_text().splitlines() == ["dare", "English"]
    assert dare not in dictionary.asked  # no Dutch gloss is looked up
    assert view.lemma_of(dare) is None  # nothing to mark known or learn


@pytest.mark.parametrize(("word", "card"), [
    ("dare", True),  # a foreign word: its language, without the modifier
    ("“", False),  # a foreign passage's quotation mark is no word
    ("tegen", False),  # an easy Dutch word: only with the modifier
    ("wereldleiders", True),
])
def test_which_words_open_a_card_on_hover(view: ReaderView, word: str, card: bool) -> None:
    index = _index(_quote_reading(), word)
    view.rest_at(view.token_center(index), Qt.KeyboardModifier.NoModifier)
    assert view.card.isVisible() is card
    assert (view.card.token_index == index) is card


@pytest.mark.parametrize(("language", "name"), [
    ("en", "English"), ("de", "German"), ("fr", "French"), ("es", "Spanish"),
    ("it", "Italian"), ("qq", "qq"),  # a code Babel does not know is shown as it is
])
def test_a_foreign_card_says_the_language_instead_of_a_gloss(language: str, name: str) -> None:
    token = dataclasses.replace(_quote_reading().analysed.tokens[0], language=language)
    card = foreign_card(token)
    assert card_lines(card) == [("form", token.text), ("meta", name)]
    assert "No dictionary entry." not in card_plain_text(card)


# -- an article not in Dutch ----------------------------------------------------------------

class ForeignService(FakeService):
    """The fake service, finding the texts in `languages` in that language."""

    def __init__(self, languages: dict[str, str]) -> None:
        super().__init__()
        self.languages = languages

    def read(self, article: Article, level: Level, known_lemmas: Learner) -> Reading:
        reading = super().read(article, level, known_lemmas)
        language = self.languages.get(article.text, "nl")
        analysed: AnalysedArticle = dataclasses.replace(reading.analysed, language=language)
        return dataclasses.replace(reading, analysed=analysed)


ENGLISH = "The war is over and the soldiers are coming home."
GERMAN = "Der Krieg ist vorbei und die Soldaten kommen nach Hause."
DUTCH = "De oorlog is voorbij en de soldaten komen naar huis."


@pytest.mark.parametrize(("text", "notices"), [
    (ENGLISH, ["This text looks like English; Leeswijzer reads Dutch."]),
    (GERMAN, ["This text looks like German; Leeswijzer reads Dutch."]),
    (DUTCH, []),
])
def test_an_article_not_in_dutch_opens_with_one_notice(text: str, notices: list[str]) -> None:
    session = ReadingSession(ForeignService({ENGLISH: "en", GERMAN: "de"}), MemoryLearner(),
                             SyncTaskRunner())
    shown: list[Notice] = []
    session.notice.connect(shown.append)
    session.open_text(text)
    assert [n.text for n in shown] == notices
    assert all(n.kind is NoticeKind.INFO and n.for_article for n in shown)
    session.set_level(Level.A2)  # re-marking is no new article: said once
    assert len(shown) == len(notices)


def test_the_notice_goes_when_a_dutch_article_opens(
    make_window: WindowFactory, qtbot: QtBot
) -> None:
    window = make_window(ForeignService({ENGLISH: "en"}))  # type: ignore[arg-type]
    window.session.open_text(ENGLISH)
    assert window.message_bar.isVisible()
    assert window.message_bar.text() == "This text looks like English; Leeswijzer reads Dutch."
    window.session.open_text(DUTCH)
    assert not window.message_bar.isVisible()


@pytest.mark.parametrize(("notice", "dismissed"), [
    (foreign_article_notice("en"), True),
    (Notice("Cannot open a.txt."), True),  # an error
    (Notice("Your known-words file was damaged.", NoticeKind.WARNING), False),
    (Notice("You opened “x” three times.", NoticeKind.INFO), False),
])
def test_a_new_article_dismisses_errors_and_notices_about_the_last_one(
    qtbot: QtBot, notice: Notice, dismissed: bool
) -> None:
    bar = MessageBar()
    qtbot.addWidget(bar)
    bar.show()
    bar.show_notice(notice)
    bar.dismiss_error()
    assert bar.isHidden() is dismissed


class QuoteService(FakeService):
    """The fake service, reading every text as TEXT with its English quote."""

    def read(self, article: Article, level: Level, known_lemmas: Learner) -> Reading:
        return _quote_reading(article)


def test_opening_a_foreign_words_card_records_no_lookup() -> None:
    learner = MemoryLearner()
    session = ReadingSession(QuoteService(), learner, SyncTaskRunner())
    session.open_text(TEXT)
    reading = _quote_reading()
    session.word_opened(_index(reading, "dare"))
    assert learner.lookups == []
    session.word_opened(_index(reading, "wereldleiders"))
    assert learner.lookups == ["wereldleiders"]


def test_a_pasted_paragraph_with_an_english_quote(
    window: MainWindow, qtbot: QtBot, service: ReadingAssistant
) -> None:
    text = ("Greta Thunberg sprak de wereldleiders toe in New York. "
            "Ze zei: “We will never forgive you for what you have done.” "
            "Daarna vertrok ze met de trein naar huis.")
    with qtbot.waitSignal(window.session.analysis_finished, timeout=60_000) as finished:
        window.session.open_text(text)
    reading: Reading = finished.args[0]
    tokens = reading.analysed.tokens
    assert reading.analysed.language == "nl"
    assert not window.message_bar.isVisible()
    forgive = next(t for t in tokens if t.text == "forgive")
    assert forgive.language == "en" and not forgive.hard and not forgive.is_word
    assert next(t for t in tokens if t.text == "vertrok").language == "nl"
    reader = window.reader
    reader.rest_at(reader.token_center(forgive.index), Qt.KeyboardModifier.NoModifier)
    assert reader.card.plain_text().splitlines() == ["forgive", "English"]
    assert reader.token_document_range(forgive.index) in reader.marked_ranges()["foreign"]
