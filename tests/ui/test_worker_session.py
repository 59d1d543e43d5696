"""The session over the worker's jobs: parts shown before the end, stale jobs' messages dropped,
a lost worker said in the message bar with the article opened again, quitting cancels."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.learner.known_words import KnownWords
from assistant.learner.statuses import LearnerView
from assistant.models import Level, Reading
from assistant.reading.sections import SECTION_CHARS
from assistant.service import ReadingAssistant
from assistant.worker import ArticleLoaded, JobEnded, Open, PartReady, ReadingDone, Reply, Source
from ui.analyser import LocalAnalyser
from ui.notices import Notice, NoticeKind
from ui.session import ReadingSession
from ui.tasks import SyncTaskRunner


class Seen:
    """What the session said, in order."""

    def __init__(self, session: ReadingSession) -> None:
        self.events: list[tuple[str, object]] = []
        for name in ("article_shown", "reading_progress", "analysis_finished", "notice",
                     "busy_changed"):
            getattr(session, name).connect(lambda value, n=name: self.events.append((n, value)))

    def of(self, name: str) -> list[object]:
        return [value for n, value in self.events if n == name]


@pytest.fixture
def long_text(shared_sample: Path) -> str:
    """The sample's text four times: several parts."""
    return "\n\n".join([shared_sample.read_text(encoding="utf-8")] * 4)


def _session(service: ReadingAssistant, tmp_path: Path,
             manual: bool = True) -> tuple[ReadingSession, LocalAnalyser]:
    analyser = LocalAnalyser(service, manual=manual)
    session = ReadingSession(service, KnownWords(tmp_path / "learner.sqlite"), SyncTaskRunner(),
                             analyser=analyser)
    session.load_pipeline()
    return session, analyser


def test_parts_are_shown_before_the_whole_reading(
    service: ReadingAssistant, tmp_path: Path, long_text: str
) -> None:
    session, analyser = _session(service, tmp_path)
    seen = Seen(session)
    session.open_text(long_text)
    assert session.busy and seen.of("busy_changed") == [True]
    assert isinstance(analyser.step(), ArticleLoaded) and len(seen.of("article_shown")) == 1
    assert isinstance(analyser.step(), PartReady)
    first = seen.of("reading_progress")
    assert len(first) == 1 and not seen.of("analysis_finished")
    partial = first[0]
    assert isinstance(partial, Reading) and partial.analysed.tokens and not partial.notes
    assert len(partial.analysed.tokens) < len(service.read(session.article).analysed.tokens)  # type: ignore[arg-type]
    analyser.run_all()
    finished = seen.of("analysis_finished")
    assert len(finished) == 1 and len(seen.of("reading_progress")) >= 2
    whole = finished[0]
    assert isinstance(whole, Reading) and whole.notes
    assert [(t.start, t.lemma) for t in whole.analysed.tokens[:len(partial.analysed.tokens)]] \
        == [(t.start, t.lemma) for t in partial.analysed.tokens]  # the end may redraw names
    assert not session.busy and seen.of("busy_changed") == [True, False]
    assert session.reading is not None


def test_the_worker_reading_equals_the_reading_in_one_part(
    service: ReadingAssistant, tmp_path: Path, long_text: str
) -> None:
    session, _analyser = _session(service, tmp_path, manual=False)
    session.open_text(long_text)
    reading, expected = session.reading, service.read(service.article_from_text(long_text))
    assert reading is not None
    assert [(t.start, t.lemma, t.hard) for t in reading.analysed.tokens] == [
        (t.start, t.lemma, t.hard) for t in expected.analysed.tokens]
    assert reading.notes == expected.notes


def test_a_newer_article_drops_every_message_of_the_older_one(
    service: ReadingAssistant, tmp_path: Path, long_text: str
) -> None:
    session, analyser = _session(service, tmp_path)
    seen = Seen(session)
    old = session.open_text(long_text)
    new = session.open_text("Het nieuwe artikel is kort. Het gaat over Amsterdam.")
    # Every message the older job could still send (already on its way when it was cancelled).
    collector = LocalAnalyser(service)
    late: list[Reply] = []
    collector.replied.connect(late.append)
    collector.open(Open(old.number, Source(text=long_text), Level.B1, LearnerView()))
    assert {type(r) for r in late} >= {ArticleLoaded, PartReady, ReadingDone, JobEnded}
    for reply in late:
        analyser.replied.emit(reply)
    assert not [n for n, _value in seen.events if n != "busy_changed"] and session.busy
    analyser.run_all()
    shown = seen.of("article_shown")
    assert len(shown) == 1 and session.article is shown[0]
    finished = seen.of("analysis_finished")
    assert len(finished) == 1
    assert isinstance(finished[0], Reading) and "Amsterdam" in finished[0].analysed.article.text
    assert all(isinstance(r, Reading) and "Amsterdam" in r.analysed.article.text
               for r in seen.of("reading_progress"))
    assert new.number > old.number and not session.busy


def test_a_newer_article_cancels_the_job_under_way(
    service: ReadingAssistant, tmp_path: Path, long_text: str
) -> None:
    session, analyser = _session(service, tmp_path)
    old = session.open_text(long_text)
    analyser.step(old.number)
    analyser.step(old.number)
    session.open_text("Kort.")
    assert analyser.step(old.number) == JobEnded(old.number, cancelled=True)  # no more parts


def test_a_lost_worker_is_said_in_the_message_bar_and_the_article_opened_again(
    service: ReadingAssistant, tmp_path: Path, long_text: str
) -> None:
    session, analyser = _session(service, tmp_path)
    seen = Seen(session)
    first = session.open_text(long_text)
    analyser.step(first.number)
    analyser.worker_lost.emit("The part of Leeswijzer that analyses articles stopped.")
    notices = seen.of("notice")
    assert len(notices) == 1 and isinstance(notices[0], Notice)
    assert notices[0].kind is NoticeKind.WARNING and "\n" not in notices[0].text
    assert analyser.waiting[-1] != first.number  # the same text, asked for again
    analyser.run_all()
    finished = seen.of("analysis_finished")
    assert len(finished) == 1 and isinstance(finished[0], Reading)
    assert finished[0].analysed.article.text == session.article.text  # type: ignore[union-attr]


def test_a_lost_worker_with_nothing_under_way_opens_nothing(
    service: ReadingAssistant, tmp_path: Path
) -> None:
    session, analyser = _session(service, tmp_path, manual=False)
    session.open_text("Een kort artikel.")
    seen = Seen(session)
    analyser.worker_lost.emit("stopped")
    assert len(seen.of("notice")) == 1 and not seen.of("article_shown")
    assert not session.busy


def test_quitting_cancels_the_job_and_nothing_arrives_after(
    service: ReadingAssistant, tmp_path: Path, long_text: str
) -> None:
    session, analyser = _session(service, tmp_path)
    seen = Seen(session)
    request = session.open_text(long_text)
    analyser.step(request.number)
    session.shut_down()
    assert analyser.waiting == [] and not analyser.available
    assert not session.busy and seen.of("busy_changed")[-1] is False
    assert not seen.of("analysis_finished")


def test_a_file_opened_through_the_worker_is_remembered(
    service: ReadingAssistant, tmp_path: Path, shared_sample: Path
) -> None:
    session, _analyser = _session(service, tmp_path, manual=False)
    opened: list[str] = []
    session.source_opened.connect(opened.append)
    session.open_path(shared_sample)
    assert opened == [str(shared_sample.resolve())]
    assert session.reading is not None


def test_a_missing_file_is_said_once(service: ReadingAssistant, tmp_path: Path) -> None:
    session, _analyser = _session(service, tmp_path, manual=False)
    seen = Seen(session)
    session.open_path(tmp_path / "weg.txt")
    notices = seen.of("notice")
    assert len(notices) == 1 and "weg.txt" in notices[0].text  # type: ignore[attr-defined]
    assert not seen.of("article_shown") and not session.busy


def test_a_waiting_message_ends_when_the_first_part_arrives(
    service: ReadingAssistant, tmp_path: Path, long_text: str
) -> None:
    from assistant.worker import Waiting

    session, analyser = _session(service, tmp_path)
    said: list[str] = []
    session.status.connect(said.append)
    request = session.open_text(long_text)
    assert isinstance(analyser.step(), ArticleLoaded)
    session._on_reply(Waiting(request.number, "the Dutch language model"))
    session._on_reply(Waiting(request.number + 1000, "a stale job's model"))  # dropped
    assert said == ["Waiting for the Dutch language model…"]
    assert isinstance(analyser.step(), PartReady)
    assert said == ["Waiting for the Dutch language model…", ""]
    assert isinstance(analyser.step(), PartReady | ReadingDone)
    assert said == ["Waiting for the Dutch language model…", ""]  # cleared once, not per part


def test_a_long_text_is_analysed_a_section_at_a_time_and_the_next_one_stops_the_first(
    service: ReadingAssistant, tmp_path: Path, shared_sample: Path
) -> None:
    sample = shared_sample.read_text(encoding="utf-8")
    text = "\n\n".join([sample] * (2 * SECTION_CHARS // len(sample) + 2))
    session, analyser = _session(service, tmp_path)
    seen = Seen(session)
    first = session.open_text(text)
    assert isinstance(analyser.step(first.number), ArticleLoaded)
    whole = session.whole_article
    assert whole is not None and len(whole.text) > 2 * SECTION_CHARS
    assert len(session.sections) == 3
    assert isinstance(analyser.step(first.number), PartReady)
    assert session.next_section()
    assert analyser.step(first.number) == JobEnded(first.number, cancelled=True)
    assert isinstance(analyser.step(), ArticleLoaded)  # the second section's job; then it dies
    analyser.worker_lost.emit("The part of Leeswijzer that analyses articles stopped.")
    analyser.run_all()  # the same section asked for again, not the whole text
    second = session.sections[1]
    finished = seen.of("analysis_finished")
    assert len(finished) == 1 and isinstance(finished[0], Reading)
    assert finished[0].analysed.article.text == whole.text[second.start:second.end]
    assert session.section_index == 1 and session.whole_article is whole
    assert [len(a.text) for a in seen.of("article_shown")] == [  # type: ignore[attr-defined]
        session.sections[0].end, second.end - second.start]
    assert not session.busy
