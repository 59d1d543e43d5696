"""Saved words: the lemma, the form met, its sentence, the gloss shown (editable), the article."""

from __future__ import annotations

import sqlite3
import time
from dataclasses import dataclass, replace

from assistant.learner.statuses import normalise_lemma
from assistant.models import GlossCard, Reading

GLOSS_SENSES = 3


@dataclass(frozen=True, slots=True)
class SavedWord:
    lemma: str
    form: str
    sentence: str
    gloss: str
    gender: str | None = None  # "de", "het" or "de/het" for nouns
    title: str | None = None
    article_date: str | None = None  # ISO year, year-month or date
    source: str | None = None
    saved: float = 0.0  # seconds since the epoch

    @property
    def headword(self) -> str:
        """The lemma with its article for nouns: 'de fiets', 'het huis'."""
        return f"{self.gender} {self.lemma}" if self.gender else self.lemma


def word_from_reading(reading: Reading, token_index: int, card: GlossCard | None) -> SavedWord:
    """What saving the token at `token_index` keeps (phrases are saved whole)."""
    analysed = reading.analysed
    token = analysed.tokens[token_index]
    sentence = analysed.sentences[token.sentence] if analysed.sentences else None
    text = analysed.article.text
    lemma = token.lemma
    senses = card.senses[:GLOSS_SENSES] if card is not None else ()
    if token.phrase is not None:
        phrase = analysed.phrases[token.phrase]
        lemma = phrase.lemma
        if phrase.meaning:  # an idiom is saved with its meaning, not its word's own sense
            senses = tuple(part.strip() for part in phrase.meaning.split(";") if part.strip())
    elif card is not None and card.phrase:
        lemma = card.phrase
    article = analysed.article
    return SavedWord(
        lemma=normalise_lemma(lemma),
        form=token.text,
        sentence=" ".join(text[sentence.start:sentence.end].split()) if sentence else token.text,
        gloss="; ".join(senses),
        gender=card.article if card is not None else None,
        title=article.title,
        article_date=article.date.iso() if article.date else None,
        source=article.source,
        saved=time.time(),
    )


_COLUMNS = "lemma, form, sentence, gloss, gender, title, article_date, source, saved"


def save(connection: sqlite3.Connection, word: SavedWord) -> SavedWord:
    """Keep `word` (saving a lemma again replaces what was kept, its first date stays)."""
    lemma = normalise_lemma(word.lemma)
    if not lemma:
        raise ValueError("a saved word needs a lemma")
    word = replace(word, lemma=lemma, saved=word.saved or time.time())
    connection.execute(
        f"INSERT INTO saved_word ({_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) "
        "ON CONFLICT (lemma) DO UPDATE SET form = excluded.form, sentence = excluded.sentence, "
        "gloss = excluded.gloss, gender = excluded.gender, title = excluded.title, "
        "article_date = excluded.article_date, source = excluded.source",
        (word.lemma, word.form, word.sentence, word.gloss, word.gender, word.title,
         word.article_date, word.source, word.saved),
    )
    return word


def edit_gloss(connection: sqlite3.Connection, lemma: str, gloss: str) -> bool:
    cursor = connection.execute("UPDATE saved_word SET gloss = ? WHERE lemma = ?",
                                (gloss.strip(), normalise_lemma(lemma)))
    return cursor.rowcount > 0


def delete(connection: sqlite3.Connection, lemma: str) -> bool:
    cursor = connection.execute("DELETE FROM saved_word WHERE lemma = ?",
                                (normalise_lemma(lemma),))
    return cursor.rowcount > 0


def saved_words(connection: sqlite3.Connection) -> list[SavedWord]:
    """Every saved word, newest first."""
    rows = connection.execute(f"SELECT {_COLUMNS} FROM saved_word ORDER BY saved DESC, lemma")
    return [SavedWord(*row) for row in rows]
