"""Article text is untrusted: markup in it is shown as text and never loads or runs anything."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from assistant.models import GlossCard, GlossKind
from ui.gloss_card import card_html
from ui.main_window import MainWindow

HOSTILE = (
    ' date 2024-01 De <b>minister</b> zei <img src="http://example.com/x.png"> '
    "<script>alert(1)</script> en <a href='file:///etc/passwd'>klik</a> vandaag niets."
)


def test_markup_in_an_article_is_plain_text(qtbot: QtBot, window: MainWindow) -> None:
    with qtbot.waitSignal(window.session.analysis_finished, timeout=60_000):
        window.session.open_text(HOSTILE)
    shown = window.reader.toPlainText()
    assert '<img src="http://example.com/x.png">' in shown
    assert "<script>alert(1)</script>" in shown
    html = window.reader.document().toHtml()
    assert "<img" not in html.replace("&lt;img", "")
    assert 'href="file:' not in html


def test_card_text_is_escaped() -> None:
    card = GlossCard(form="<b>x</b>", lemma="<img src=x>", pos="NOUN", kind=GlossKind.WORD,
                     senses=("<script>1</script>",), source="<i>s</i>")
    html = card_html(card, "#777", "#333")
    assert "<b>x</b>" not in html and "&lt;b&gt;x&lt;/b&gt;" in html
    assert "<script>" not in html and "<img" not in html
