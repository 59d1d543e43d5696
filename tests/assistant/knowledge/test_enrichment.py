"""Tests for online note enrichment against a local fake Wikipedia/Wikidata server."""

from __future__ import annotations

import sqlite3
import threading
import urllib.parse
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from assistant.knowledge.enrichment import (
    HIT_LIFETIME,
    MISS_LIFETIME,
    WIKIDATA_ATTRIBUTION,
    WIKIPEDIA_ATTRIBUTION,
    Endpoints,
    Enricher,
    offline_requested,
    shorten,
)
from assistant.models import Category, Mention, Note

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures" / "enrichment"


def fixture_bytes(name: str) -> bytes:
    return (FIXTURES / name).read_bytes()


@dataclass(frozen=True, slots=True)
class Reply:
    status: int = 200
    body: bytes = b""
    slow: bool = False


def route_key(raw_path: str) -> str:
    """REST paths as unquoted paths; api.php calls as 'path action term'."""
    parts = urllib.parse.urlsplit(raw_path)
    path = urllib.parse.unquote(parts.path)
    if path.endswith("/w/api.php"):
        query = urllib.parse.parse_qs(parts.query)
        action = query.get("action", [""])[0]
        term = query.get("search", query.get("ids", [""]))[0]
        return f"{path} {action} {term}"
    return path


NL = "/nl/api/rest_v1/page/summary/"
EN = "/en/api/rest_v1/page/summary/"
WD_SEARCH = "/wd/w/api.php wbsearchentities "
WD_ENTITIES = "/wd/w/api.php wbgetentities "


class FakeWiki:
    """Serves canned replies by route key and records every request it gets."""

    def __init__(self) -> None:
        self.routes: dict[str, Reply] = {}
        self.requests: list[str] = []
        self.lock = threading.Lock()
        self.release = threading.Event()
        self.port = 0

    def endpoints(self) -> Endpoints:
        base = f"http://127.0.0.1:{self.port}"
        return Endpoints(
            nl_wikipedia=f"{base}/nl", en_wikipedia=f"{base}/en", wikidata=f"{base}/wd"
        )

    def request_log(self) -> list[str]:
        with self.lock:
            return list(self.requests)


def make_handler(wiki: FakeWiki) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            key = route_key(self.path)
            with wiki.lock:
                wiki.requests.append(key)
            reply = wiki.routes.get(key, Reply(404, fixture_bytes("not_found.json")))
            if reply.slow:
                wiki.release.wait(timeout=30)
            try:
                self.send_response(reply.status)
                self.send_header("Content-Type", "application/json; charset=utf-8")
                self.send_header("Content-Length", str(len(reply.body)))
                self.end_headers()
                self.wfile.write(reply.body)
            except OSError:
                pass  # the client gave up (timeout test)

        def log_message(self, format: str, *args: object) -> None:
            pass

    return Handler


@pytest.fixture(autouse=True)
def online_env(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("LEESWIJZER_OFFLINE", raising=False)
    for scheme in ("http", "https", "all"):
        monkeypatch.delenv(f"{scheme}_proxy", raising=False)
        monkeypatch.delenv(f"{scheme.upper()}_PROXY", raising=False)


@pytest.fixture
def wiki() -> Iterator[FakeWiki]:
    fake = FakeWiki()
    server = ThreadingHTTPServer(("127.0.0.1", 0), make_handler(fake))
    server.daemon_threads = True
    fake.port = server.server_address[1]
    thread = threading.Thread(target=server.serve_forever, args=(0.05,), daemon=True)
    thread.start()
    try:
        yield fake
    finally:
        fake.release.set()
        server.shutdown()
        server.server_close()
        thread.join(timeout=10)


class Clock:
    def __init__(self, now: float = 1_700_000_000.0) -> None:
        self.now = now

    def __call__(self) -> float:
        return self.now


def make_enricher(
    wiki: FakeWiki,
    tmp_path: Path,
    clock: Clock | None = None,
    *,
    timeout: float = 5.0,
    enabled: bool = True,
) -> Enricher:
    return Enricher(
        tmp_path / "cache" / "enrichment.sqlite",
        enabled=enabled,
        timeout=timeout,
        endpoints=wiki.endpoints(),
        clock=clock or Clock(),
    )


def note(name: str, international_name: str | None = None, description: str | None = None) -> Note:
    return Note(
        key=name.lower(),
        name=name,
        category=Category.PERSON,
        mentions=(Mention(0, len(name), name),),
        international_name=international_name,
        description=description,
    )


def ok(name: str) -> Reply:
    return Reply(200, fixture_bytes(name))


# -- fallback order ---------------------------------------------------------------------------


def test_dutch_page_is_followed_to_its_english_page(wiki: FakeWiki, tmp_path: Path) -> None:
    wiki.routes[NL + "Mark_Rutte"] = ok("nl_summary_mark_rutte.json")
    wiki.routes[WD_ENTITIES + "Q57792"] = ok("wikidata_entities_q57792.json")
    wiki.routes[EN + "Mark_Rutte"] = ok("en_summary_mark_rutte.json")
    original = note("Mark Rutte")

    result = make_enricher(wiki, tmp_path).enrich(original)

    assert result.description is not None
    assert result.description.startswith("Mark Rutte is a Dutch politician")
    assert "Unilever" not in result.description  # shortened to two sentences
    assert result.source == "https://en.wikipedia.org/wiki/Mark_Rutte"
    assert result.attribution == WIKIPEDIA_ATTRIBUTION
    assert (result.key, result.name, result.mentions) == (
        original.key,
        original.name,
        original.mentions,
    )
    assert wiki.request_log() == [NL + "Mark_Rutte", WD_ENTITIES + "Q57792", EN + "Mark_Rutte"]


def test_international_name_goes_straight_to_english(wiki: FakeWiki, tmp_path: Path) -> None:
    wiki.routes[EN + "Kyiv"] = ok("en_summary_kyiv.json")

    result = make_enricher(wiki, tmp_path).enrich(note("Kiev", international_name="Kyiv"))

    assert result.description == (
        "Kyiv is the capital and most populous city of Ukraine. "
        "It is in north-central Ukraine along the Dnieper River."
    )
    assert result.source == "https://en.wikipedia.org/wiki/Kyiv"
    assert wiki.request_log() == [NL + "Kiev", EN + "Kyiv"]


def test_dutch_extract_is_kept_when_there_is_no_english_page(
    wiki: FakeWiki, tmp_path: Path
) -> None:
    wiki.routes[NL + "Mark_Rutte"] = ok("nl_summary_mark_rutte.json")
    # Wikidata sitelink lookup and en summary both 404.

    result = make_enricher(wiki, tmp_path).enrich(note("Mark Rutte"))

    assert result.description is not None
    assert result.description.startswith("Mark Rutte is een Nederlands politicus")
    assert result.source == "https://nl.wikipedia.org/wiki/Mark_Rutte"
    assert result.attribution == WIKIPEDIA_ATTRIBUTION
    assert WD_SEARCH + "Mark Rutte" not in wiki.request_log()


def test_english_by_name_when_dutch_page_is_missing(wiki: FakeWiki, tmp_path: Path) -> None:
    wiki.routes[EN + "Mark_Rutte"] = ok("en_summary_mark_rutte.json")

    result = make_enricher(wiki, tmp_path).enrich(note("Mark Rutte"))

    assert result.source == "https://en.wikipedia.org/wiki/Mark_Rutte"
    assert wiki.request_log() == [NL + "Mark_Rutte", EN + "Mark_Rutte"]


def test_disambiguation_falls_through_to_wikidata(wiki: FakeWiki, tmp_path: Path) -> None:
    wiki.routes[NL + "Zuidas"] = ok("nl_summary_disambiguation.json")
    wiki.routes[EN + "Zuidas"] = ok("nl_summary_disambiguation.json")
    wiki.routes[WD_SEARCH + "Zuidas"] = ok("wikidata_search_hit.json")

    result = make_enricher(wiki, tmp_path).enrich(note("Zuidas"))

    assert result.description == "Zuidas: business district in Amsterdam, the Netherlands"
    assert result.source == "http://www.wikidata.org/entity/Q2664021"
    assert result.attribution == WIKIDATA_ATTRIBUTION
    assert wiki.request_log() == [NL + "Zuidas", EN + "Zuidas", WD_SEARCH + "Zuidas"]


def test_server_error_on_one_service_still_tries_the_next(wiki: FakeWiki, tmp_path: Path) -> None:
    wiki.routes[NL + "Mark_Rutte"] = Reply(500, fixture_bytes("server_error.json"))
    wiki.routes[EN + "Mark_Rutte"] = ok("en_summary_mark_rutte.json")

    result = make_enricher(wiki, tmp_path).enrich(note("Mark Rutte"))

    assert result.source == "https://en.wikipedia.org/wiki/Mark_Rutte"


def test_wikidata_disambiguation_item_is_a_miss(wiki: FakeWiki, tmp_path: Path) -> None:
    wiki.routes[WD_SEARCH + "Oranje"] = ok("wikidata_search_disambiguation.json")
    original = note("Oranje")

    assert make_enricher(wiki, tmp_path).enrich(original) == original
    assert WD_SEARCH + "Oranje" in wiki.request_log()


# -- failure modes ------------------------------------------------------------------------------

FAILURES = {
    "not found": Reply(404, fixture_bytes("not_found.json")),
    "server error": Reply(500, fixture_bytes("server_error.json")),
    "malformed json": Reply(200, b'{"type": "standard", "extract": "Half a resp'),
    "not an object": Reply(200, b'["a", "list"]'),
    "not utf-8": Reply(200, b"\xff\xfe{}"),
    "disambiguation": Reply(200, fixture_bytes("nl_summary_disambiguation.json")),
    "wikidata miss": Reply(200, fixture_bytes("wikidata_search_miss.json")),
}


@pytest.mark.parametrize("mode", sorted(FAILURES))
def test_every_failure_mode_leaves_the_note_unchanged(
    wiki: FakeWiki, tmp_path: Path, mode: str
) -> None:
    name = "Xqzwv Blorp"
    for key in (NL + "Xqzwv_Blorp", EN + "Xqzwv_Blorp", WD_SEARCH + name):
        wiki.routes[key] = FAILURES[mode]
    original = note(name)

    result = make_enricher(wiki, tmp_path).enrich(original)

    assert result == original
    assert wiki.request_log() == [NL + "Xqzwv_Blorp", EN + "Xqzwv_Blorp", WD_SEARCH + name]


def test_slow_response_times_out_and_backs_off(wiki: FakeWiki, tmp_path: Path) -> None:
    wiki.routes[NL + "Mark_Rutte"] = Reply(200, fixture_bytes("nl_summary_mark_rutte.json"), True)
    wiki.routes[EN + "Kyiv"] = ok("en_summary_kyiv.json")
    enricher = make_enricher(wiki, tmp_path, timeout=0.3)
    original = note("Mark Rutte")

    assert enricher.enrich(original) == original
    # Network treated as down: the next subject does not wait for another timeout.
    kyiv = note("Kiev", international_name="Kyiv")
    assert enricher.enrich(kyiv) == kyiv
    assert wiki.request_log() == [NL + "Mark_Rutte"]


def test_timeout_is_not_cached_as_a_miss(wiki: FakeWiki, tmp_path: Path) -> None:
    wiki.routes[NL + "Mark_Rutte"] = Reply(200, b"{}", slow=True)
    clock = Clock()
    first = make_enricher(wiki, tmp_path, clock, timeout=0.3).enrich(note("Mark Rutte"))
    assert first.description is None

    wiki.routes[NL + "Mark_Rutte"] = ok("nl_summary_mark_rutte.json")
    result = make_enricher(wiki, tmp_path, clock).enrich(note("Mark Rutte"))
    assert result.source == "https://nl.wikipedia.org/wiki/Mark_Rutte"


def test_unreachable_server_leaves_the_note_unchanged(tmp_path: Path) -> None:
    # Bind a port, then close it so nothing listens there.
    probe = ThreadingHTTPServer(("127.0.0.1", 0), BaseHTTPRequestHandler)
    port = probe.server_address[1]
    probe.server_close()
    base = f"http://127.0.0.1:{port}"
    enricher = Enricher(
        tmp_path / "c.sqlite", endpoints=Endpoints(base, base, base), timeout=1.0
    )
    original = note("Mark Rutte")

    assert enricher.enrich(original) == original


# -- switches -----------------------------------------------------------------------------------


def test_offline_environment_makes_no_request(
    wiki: FakeWiki, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    wiki.routes[NL + "Mark_Rutte"] = ok("nl_summary_mark_rutte.json")
    monkeypatch.setenv("LEESWIJZER_OFFLINE", "1")
    enricher = make_enricher(wiki, tmp_path)
    original = note("Mark Rutte")

    assert enricher.enrich(original) == original
    assert wiki.request_log() == []
    assert not enricher.cache_path.exists()


def test_disabled_makes_no_request(wiki: FakeWiki, tmp_path: Path) -> None:
    wiki.routes[NL + "Mark_Rutte"] = ok("nl_summary_mark_rutte.json")
    enricher = make_enricher(wiki, tmp_path, enabled=False)
    original = note("Mark Rutte")

    assert enricher.enrich(original) == original
    assert wiki.request_log() == []

    enricher.enabled = True
    assert enricher.enrich(original).description is not None


def test_offline_description_wins(wiki: FakeWiki, tmp_path: Path) -> None:
    wiki.routes[NL + "Mark_Rutte"] = ok("nl_summary_mark_rutte.json")
    original = note("Mark Rutte", description="Prime minister of the Netherlands (2010-2024).")

    assert make_enricher(wiki, tmp_path).enrich(original) == original
    assert wiki.request_log() == []


@pytest.mark.parametrize(
    ("value", "expected"),
    [("1", True), ("true", True), ("YES", True), (" yes ", True), ("0", False), ("", False)],
)
def test_offline_requested_values(
    monkeypatch: pytest.MonkeyPatch, value: str, expected: bool
) -> None:
    monkeypatch.setenv("LEESWIJZER_OFFLINE", value)
    assert offline_requested() is expected


# -- cache -------------------------------------------------------------------------------------


def test_construction_creates_nothing(tmp_path: Path) -> None:
    Enricher(tmp_path / "deep" / "cache.sqlite")
    assert list(tmp_path.iterdir()) == []


def test_hit_is_cached_across_instances_and_expires(wiki: FakeWiki, tmp_path: Path) -> None:
    wiki.routes[EN + "Kyiv"] = ok("en_summary_kyiv.json")
    clock = Clock()
    first = make_enricher(wiki, tmp_path, clock).enrich(note("Kiev", "Kyiv"))
    requests_after_first = len(wiki.request_log())

    second = make_enricher(wiki, tmp_path, clock).enrich(note("Kiev", "Kyiv"))

    assert second == first
    assert second.description is not None
    assert len(wiki.request_log()) == requests_after_first

    clock.now += HIT_LIFETIME + 1
    make_enricher(wiki, tmp_path, clock).enrich(note("Kiev", "Kyiv"))
    assert len(wiki.request_log()) == 2 * requests_after_first


def test_miss_is_cached_for_a_shorter_time(wiki: FakeWiki, tmp_path: Path) -> None:
    clock = Clock()
    enricher = make_enricher(wiki, tmp_path, clock)
    enricher.enrich(note("Xqzwv Blorp"))
    after_first = len(wiki.request_log())
    assert after_first == 3

    clock.now += MISS_LIFETIME - 60
    enricher.enrich(note("Xqzwv Blorp"))
    assert len(wiki.request_log()) == after_first

    clock.now += 120
    enricher.enrich(note("Xqzwv Blorp"))
    assert len(wiki.request_log()) == 2 * after_first


def test_cache_file_has_the_agreed_table(wiki: FakeWiki, tmp_path: Path) -> None:
    wiki.routes[EN + "Kyiv"] = ok("en_summary_kyiv.json")
    enricher = make_enricher(wiki, tmp_path)
    enricher.enrich(note("Kiev", "Kyiv"))

    with sqlite3.connect(enricher.cache_path) as connection:
        columns = [row[1] for row in connection.execute("PRAGMA table_info(entries)")]
        count = connection.execute("SELECT count(*) FROM entries").fetchone()[0]
    assert columns == ["key", "fetched_at", "payload"]
    assert count == 1


def test_corrupt_cache_is_moved_aside_and_recreated(wiki: FakeWiki, tmp_path: Path) -> None:
    wiki.routes[EN + "Kyiv"] = ok("en_summary_kyiv.json")
    cache = tmp_path / "cache" / "enrichment.sqlite"
    cache.parent.mkdir()
    cache.write_bytes(b"this is not a database" * 100)

    result = make_enricher(wiki, tmp_path).enrich(note("Kiev", "Kyiv"))

    assert result.source == "https://en.wikipedia.org/wiki/Kyiv"
    assert len(list(cache.parent.glob("enrichment.sqlite.broken-*"))) == 1
    before = len(wiki.request_log())
    assert make_enricher(wiki, tmp_path).enrich(note("Kiev", "Kyiv")) == result
    assert len(wiki.request_log()) == before


def test_unusable_cache_location_still_enriches(wiki: FakeWiki, tmp_path: Path) -> None:
    wiki.routes[EN + "Kyiv"] = ok("en_summary_kyiv.json")
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the cache folder should be")
    enricher = Enricher(blocker / "enrichment.sqlite", endpoints=wiki.endpoints())

    result = enricher.enrich(note("Kiev", "Kyiv"))

    assert result.source == "https://en.wikipedia.org/wiki/Kyiv"


def test_concurrent_calls_share_one_cache(wiki: FakeWiki, tmp_path: Path) -> None:
    wiki.routes[EN + "Kyiv"] = ok("en_summary_kyiv.json")
    wiki.routes[EN + "Mark_Rutte"] = ok("en_summary_mark_rutte.json")
    enricher = make_enricher(wiki, tmp_path)
    notes = [note("Kiev", "Kyiv"), note("Mark Rutte")] * 8

    with ThreadPoolExecutor(max_workers=8) as pool:
        results = list(pool.map(enricher.enrich, notes))

    assert all(r.description for r in results)
    assert {r.source for r in results} == {
        "https://en.wikipedia.org/wiki/Kyiv",
        "https://en.wikipedia.org/wiki/Mark_Rutte",
    }
    before = len(wiki.request_log())
    enricher.enrich(note("Kiev", "Kyiv"))
    assert len(wiki.request_log()) == before


# -- shortening --------------------------------------------------------------------------------


def test_shorten_keeps_two_sentences() -> None:
    text = "One is here. Two is there. Three is gone."
    assert shorten(text) == "One is here. Two is there."


def test_shorten_does_not_split_at_initials() -> None:
    text = "John F. Kennedy was a president. He was born in 1917. He died in 1963."
    assert shorten(text) == "John F. Kennedy was a president. He was born in 1917."


def test_shorten_cuts_long_text_at_a_word() -> None:
    text = "word " * 200
    result = shorten(text)
    assert len(result) <= 300
    assert result.endswith("word…")
