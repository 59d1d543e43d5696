"""Online notes against stored Wikipedia REST and Wikidata API answers served on 127.0.0.1:
which item a name finds, whether its type fits the mention, what was true at the article's
date, failures, the cache."""

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
    eligible,
    offline_requested,
    shorten,
    timeless,
)
from assistant.models import ArticleDate, Category, Mention, Note, RoleStatus

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


SEPTEMBER_2023 = ArticleDate(2023, 9)


def note(
    name: str,
    category: Category = Category.PERSON,
    as_of: ArticleDate | None = SEPTEMBER_2023,
    description: str | None = None,
) -> Note:
    return Note(
        key="unknown:" + name.lower(),
        name=name,
        category=category,
        mentions=(Mention(0, len(name), name),),
        description=description,
        as_of=as_of,
    )


def ok(name: str) -> Reply:
    return Reply(200, fixture_bytes(name))


RUTTE_POSITIONS = WD_ENTITIES + "Q1111|Q2222|Q3333"


def serve_rutte(wiki: FakeWiki, entities: str = "wikidata_entities_q57792.json") -> None:
    wiki.routes[NL + "Mark_Rutte"] = ok("nl_summary_mark_rutte.json")
    wiki.routes[WD_ENTITIES + "Q57792"] = ok(entities)
    wiki.routes[RUTTE_POSITIONS] = ok("wikidata_labels_rutte_positions.json")
    wiki.routes[EN + "Mark_Rutte"] = ok("en_summary_mark_rutte.json")


# -- what a lookup finds -------------------------------------------------------------------------


def test_dutch_page_leads_to_the_item_its_roles_and_the_english_extract(
    wiki: FakeWiki, tmp_path: Path
) -> None:
    serve_rutte(wiki)
    original = note("Mark Rutte", as_of=ArticleDate(2012, 3))

    result = make_enricher(wiki, tmp_path).enrich(original)

    assert result.description == (
        "Mark Rutte is a Dutch politician who has served as Prime Minister of the Netherlands "
        "since 2010. He has been Leader of the People's Party for Freedom and Democracy (VVD) "
        "since 2006."
    )
    assert [(r.role.role, r.role.start, r.status) for r in result.roles] == [
        ("Prime Minister of the Netherlands", ArticleDate(2010, 10, 14), RoleStatus.CURRENT)
    ]
    assert result.roles[0].role.end == ArticleDate(2024, 7, 2)  # kept as data, never worded
    assert result.began == ArticleDate(1967, 2, 14) and result.ended is None
    assert result.international_name == "Mark Rutte"
    assert result.source == "https://en.wikipedia.org/wiki/Mark_Rutte"
    assert result.attribution == WIKIPEDIA_ATTRIBUTION
    assert (result.key, result.name, result.mentions, result.as_of) == (
        original.key, original.name, original.mentions, original.as_of)
    assert wiki.request_log() == [NL + "Mark_Rutte", WD_ENTITIES + "Q57792", EN + "Mark_Rutte",
                                  RUTTE_POSITIONS]


@pytest.mark.parametrize(
    ("as_of", "roles", "description_starts"),
    [
        # Before he became Prime Minister: the extract's "since 2010" is the future.
        (ArticleDate(2008, 5), [], None),
        (ArticleDate(2003, 1), ["State Secretary for Social Affairs and Employment"], None),
        (ArticleDate(2023, 9), ["Prime Minister of the Netherlands"], "Mark Rutte is a Dutch"),
        (ArticleDate(2025, 1), ["secretaris-generaal van de NAVO"], "Mark Rutte is a Dutch"),
        (ArticleDate(2024, 7), [], "Mark Rutte is a Dutch"),  # the month of the handover
    ],
)
def test_roles_and_description_are_as_of_the_article(
    wiki: FakeWiki, tmp_path: Path, as_of: ArticleDate, roles: list[str],
    description_starts: str | None,
) -> None:
    serve_rutte(wiki)
    original = note("Mark Rutte", as_of=as_of)
    result = make_enricher(wiki, tmp_path).enrich(original)
    assert [r.role.role for r in result.roles] == roles
    if description_starts is None:
        assert result.description is None
    else:
        assert result.description is not None
        assert result.description.startswith(description_starts)
    if not roles and description_starts is None:
        assert result == original  # nothing true at that date to add


def test_someone_not_yet_born_is_someone_else(wiki: FakeWiki, tmp_path: Path) -> None:
    serve_rutte(wiki)
    original = note("Mark Rutte", as_of=ArticleDate(1960))
    assert make_enricher(wiki, tmp_path).enrich(original) == original


def test_undated_article_is_as_of_today(wiki: FakeWiki, tmp_path: Path) -> None:
    serve_rutte(wiki)
    result = make_enricher(wiki, tmp_path).enrich(note("Mark Rutte", as_of=None),
                                                  today=ArticleDate(2026, 1, 1))
    assert [r.role.role for r in result.roles] == ["secretaris-generaal van de NAVO"]
    assert result.as_of is None


@pytest.mark.parametrize(
    ("category", "entities", "fits"),
    [
        (Category.PERSON, "wikidata_entities_q57792.json", True),
        (Category.PLACE, "wikidata_entities_q57792.json", False),  # a human is no place
        (Category.ORGANISATION, "wikidata_entities_q57792.json", False),
        (Category.PERSON, "wikidata_entities_q57792_city.json", False),  # a city is no person
        (Category.PLACE, "wikidata_entities_q57792_city.json", True),
        (Category.ORGANISATION, "wikidata_entities_q57792_city.json", False),
    ],
)
def test_the_item_must_fit_the_mention(
    wiki: FakeWiki, tmp_path: Path, category: Category, entities: str, fits: bool
) -> None:
    serve_rutte(wiki, entities)
    original = note("Mark Rutte", category)
    result = make_enricher(wiki, tmp_path).enrich(original)
    assert (result != original) is fits


def test_a_page_for_another_name_is_not_this_subject(wiki: FakeWiki, tmp_path: Path) -> None:
    # REST follows redirects: "Marc Rutte" landing on "Mark Rutte" is not Marc.
    wiki.routes[NL + "Marc_Rutte"] = ok("nl_summary_mark_rutte.json")
    wiki.routes[WD_ENTITIES + "Q57792"] = ok("wikidata_entities_q57792.json")
    original = note("Marc Rutte")
    assert make_enricher(wiki, tmp_path).enrich(original) == original
    assert wiki.request_log() == [NL + "Marc_Rutte", WD_SEARCH + "Marc Rutte"]


def test_search_finds_the_item_when_there_is_no_dutch_page(
    wiki: FakeWiki, tmp_path: Path
) -> None:
    wiki.routes[WD_SEARCH + "Zuidas"] = ok("wikidata_search_hit.json")
    wiki.routes[WD_ENTITIES + "Q2664021"] = ok("wikidata_entities_q2664021.json")

    result = make_enricher(wiki, tmp_path).enrich(note("Zuidas", Category.PLACE))

    assert result.description == "business district in Amsterdam, the Netherlands"
    assert result.source == "https://www.wikidata.org/wiki/Q2664021"
    assert result.attribution == WIKIDATA_ATTRIBUTION
    assert wiki.request_log() == [NL + "Zuidas", WD_SEARCH + "Zuidas", WD_ENTITIES + "Q2664021"]


def test_search_tries_the_next_item_when_one_does_not_fit(
    wiki: FakeWiki, tmp_path: Path
) -> None:
    wiki.routes[WD_SEARCH + "Zuidas"] = ok("wikidata_search_hit.json")
    wiki.routes[WD_ENTITIES + "Q2664021"] = ok("wikidata_entities_q2664021.json")
    wiki.routes[WD_ENTITIES + "Q99999901"] = ok("wikidata_entities_missing.json")
    original = note("Zuidas", Category.ORGANISATION)
    # The district has coordinates but no place type, so it is not ruled out for an
    # organisation; the second result is missing.
    result = make_enricher(wiki, tmp_path).enrich(original)
    assert result.source == "https://www.wikidata.org/wiki/Q2664021"
    event = make_enricher(wiki, tmp_path).enrich(note("Zuidas", Category.PERSON))
    assert event.description is None  # a one-word person name is never looked up


def test_disambiguation_pages_are_never_subjects(wiki: FakeWiki, tmp_path: Path) -> None:
    wiki.routes[NL + "Oranje"] = ok("nl_summary_disambiguation.json")
    wiki.routes[WD_SEARCH + "Oranje"] = ok("wikidata_search_disambiguation.json")
    original = note("Oranje", Category.ORGANISATION)

    assert make_enricher(wiki, tmp_path).enrich(original) == original
    assert wiki.request_log() == [NL + "Oranje", WD_SEARCH + "Oranje"]


@pytest.mark.parametrize(
    ("subject", "looked_up"),
    [
        (note("Mark Rutte"), True),
        (note("Davenport"), False),  # a surname alone could be anyone
        (note("Zuidas", Category.PLACE), True),
        (note("Zweedse", Category.GROUP), False),
        (note("Mark Rutte", description="Offline."), False),  # the offline note wins
        (note("x", Category.PLACE), False),
        (Note("k", "Russische", Category.PLACE, (Mention(0, 9, "Russische", adjective=True),)),
         False),
    ],
)
def test_only_full_names_without_background_are_looked_up(
    wiki: FakeWiki, tmp_path: Path, subject: Note, looked_up: bool
) -> None:
    assert eligible(subject) is looked_up
    make_enricher(wiki, tmp_path).enrich(subject)
    assert bool(wiki.request_log()) is looked_up


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
    for key in (NL + "Xqzwv_Blorp", WD_SEARCH + name):
        wiki.routes[key] = FAILURES[mode]
    original = note(name)

    result = make_enricher(wiki, tmp_path).enrich(original)

    assert result == original
    assert wiki.request_log() == [NL + "Xqzwv_Blorp", WD_SEARCH + name]


def test_a_failing_item_answer_leaves_the_note_unchanged(wiki: FakeWiki, tmp_path: Path) -> None:
    wiki.routes[NL + "Mark_Rutte"] = ok("nl_summary_mark_rutte.json")
    wiki.routes[WD_ENTITIES + "Q57792"] = Reply(500, fixture_bytes("server_error.json"))
    original = note("Mark Rutte")
    assert make_enricher(wiki, tmp_path).enrich(original) == original


def test_failing_labels_or_english_page_keep_what_was_found(
    wiki: FakeWiki, tmp_path: Path
) -> None:
    serve_rutte(wiki)
    wiki.routes[RUTTE_POSITIONS] = Reply(500, fixture_bytes("server_error.json"))
    wiki.routes[EN + "Mark_Rutte"] = Reply(500, fixture_bytes("server_error.json"))
    result = make_enricher(wiki, tmp_path).enrich(note("Mark Rutte"))
    assert result.roles == ()
    assert result.description is not None
    assert result.description.startswith("Mark Rutte is een Nederlands politicus")
    assert result.source == "https://nl.wikipedia.org/wiki/Mark_Rutte"


def test_slow_response_times_out_and_backs_off(wiki: FakeWiki, tmp_path: Path) -> None:
    wiki.routes[NL + "Mark_Rutte"] = Reply(200, fixture_bytes("nl_summary_mark_rutte.json"), True)
    enricher = make_enricher(wiki, tmp_path, timeout=0.3)
    original = note("Mark Rutte")

    assert enricher.enrich(original) == original
    # Network treated as down: the next subject does not wait for another timeout.
    other = note("Zuidas", Category.PLACE)
    assert enricher.enrich(other) == other
    assert wiki.request_log() == [NL + "Mark_Rutte"]


def test_timeout_is_not_cached_as_a_miss(wiki: FakeWiki, tmp_path: Path) -> None:
    wiki.routes[NL + "Mark_Rutte"] = Reply(200, b"{}", slow=True)
    clock = Clock()
    first = make_enricher(wiki, tmp_path, clock, timeout=0.3).enrich(note("Mark Rutte"))
    assert first.description is None

    wiki.release.set()
    serve_rutte(wiki)
    result = make_enricher(wiki, tmp_path, clock).enrich(note("Mark Rutte"))
    assert result.source == "https://en.wikipedia.org/wiki/Mark_Rutte"


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
    serve_rutte(wiki)
    monkeypatch.setenv("LEESWIJZER_OFFLINE", "1")
    enricher = make_enricher(wiki, tmp_path)
    original = note("Mark Rutte")

    assert enricher.enrich(original) == original
    assert wiki.request_log() == []
    assert not enricher.cache_path.exists()


def test_disabled_makes_no_request(wiki: FakeWiki, tmp_path: Path) -> None:
    serve_rutte(wiki)
    enricher = make_enricher(wiki, tmp_path, enabled=False)
    original = note("Mark Rutte")

    assert enricher.enrich(original) == original
    assert wiki.request_log() == []

    enricher.enabled = True
    assert enricher.enrich(original).description is not None


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


def test_hit_is_cached_across_instances_and_dates_and_expires(
    wiki: FakeWiki, tmp_path: Path
) -> None:
    serve_rutte(wiki)
    clock = Clock()
    first = make_enricher(wiki, tmp_path, clock).enrich(note("Mark Rutte"))
    requests_after_first = len(wiki.request_log())

    second = make_enricher(wiki, tmp_path, clock).enrich(note("Mark Rutte"))
    assert second == first and second.description is not None
    assert len(wiki.request_log()) == requests_after_first
    # The cached item serves another article's date without asking again.
    older = make_enricher(wiki, tmp_path, clock).enrich(note("Mark Rutte",
                                                            as_of=ArticleDate(2003)))
    assert [r.role.role for r in older.roles] == [
        "State Secretary for Social Affairs and Employment"]
    assert len(wiki.request_log()) == requests_after_first

    clock.now += HIT_LIFETIME + 1
    make_enricher(wiki, tmp_path, clock).enrich(note("Mark Rutte"))
    assert len(wiki.request_log()) == 2 * requests_after_first


def test_miss_is_cached_for_a_shorter_time(wiki: FakeWiki, tmp_path: Path) -> None:
    clock = Clock()
    enricher = make_enricher(wiki, tmp_path, clock)
    enricher.enrich(note("Xqzwv Blorp"))
    after_first = len(wiki.request_log())
    assert after_first == 2

    clock.now += MISS_LIFETIME - 60
    enricher.enrich(note("Xqzwv Blorp"))
    assert len(wiki.request_log()) == after_first

    clock.now += 120
    enricher.enrich(note("Xqzwv Blorp"))
    assert len(wiki.request_log()) == 2 * after_first


def test_the_category_is_part_of_the_cache_key(wiki: FakeWiki, tmp_path: Path) -> None:
    serve_rutte(wiki)
    enricher = make_enricher(wiki, tmp_path)
    place = note("Mark Rutte", Category.PLACE)
    assert enricher.enrich(place) == place  # cached as a miss for a place
    assert enricher.enrich(note("Mark Rutte")).description is not None


def test_cache_file_has_the_agreed_table(wiki: FakeWiki, tmp_path: Path) -> None:
    serve_rutte(wiki)
    enricher = make_enricher(wiki, tmp_path)
    enricher.enrich(note("Mark Rutte"))

    with sqlite3.connect(enricher.cache_path) as connection:
        columns = [row[1] for row in connection.execute("PRAGMA table_info(entries)")]
        count = connection.execute("SELECT count(*) FROM entries").fetchone()[0]
    assert columns == ["key", "fetched_at", "payload"]
    assert count == 1


def test_corrupt_cache_is_moved_aside_and_recreated(wiki: FakeWiki, tmp_path: Path) -> None:
    serve_rutte(wiki)
    cache = tmp_path / "cache" / "enrichment.sqlite"
    cache.parent.mkdir()
    cache.write_bytes(b"this is not a database" * 100)

    result = make_enricher(wiki, tmp_path).enrich(note("Mark Rutte"))

    assert result.source == "https://en.wikipedia.org/wiki/Mark_Rutte"
    assert len(list(cache.parent.glob("enrichment.sqlite.broken-*"))) == 1
    before = len(wiki.request_log())
    assert make_enricher(wiki, tmp_path).enrich(note("Mark Rutte")) == result
    assert len(wiki.request_log()) == before


def test_unusable_cache_location_still_enriches(wiki: FakeWiki, tmp_path: Path) -> None:
    serve_rutte(wiki)
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the cache folder should be")
    enricher = Enricher(blocker / "enrichment.sqlite", endpoints=wiki.endpoints())

    result = enricher.enrich(note("Mark Rutte"))

    assert result.source == "https://en.wikipedia.org/wiki/Mark_Rutte"


def test_concurrent_calls_share_one_cache(wiki: FakeWiki, tmp_path: Path) -> None:
    serve_rutte(wiki)
    wiki.routes[WD_SEARCH + "Zuidas"] = ok("wikidata_search_hit.json")
    wiki.routes[WD_ENTITIES + "Q2664021"] = ok("wikidata_entities_q2664021.json")
    enricher = make_enricher(wiki, tmp_path)
    notes = [note("Mark Rutte"), note("Zuidas", Category.PLACE)] * 8

    with ThreadPoolExecutor(max_workers=8) as pool:
        results = list(pool.map(enricher.enrich, notes))

    assert all(r.description for r in results)
    assert {r.source for r in results} == {
        "https://en.wikipedia.org/wiki/Mark_Rutte",
        "https://www.wikidata.org/wiki/Q2664021",
    }
    before = len(wiki.request_log())
    enricher.enrich(note("Mark Rutte"))
    assert len(wiki.request_log()) == before


# -- wording of extracts -------------------------------------------------------------------------


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


@pytest.mark.parametrize(
    ("text", "year", "expected"),
    [
        ("A is a politician. A led B since 2010. A left.", 2012,
         "A is a politician. A led B since 2010."),
        ("A is a politician. A led B since 2010. A left.", 2009, "A is a politician."),
        ("A is a politician who led B since 2010.", 2009, None),
        ("A is a former footballer. He played for Ajax.", 2030, None),
        ("A is een voormalig voetballer.", 2030, None),
        ("The 1000 metres race. It is long.", 1990, "The 1000 metres race. It is long."),
    ],
)
def test_timeless_keeps_only_what_the_date_could_know(
    text: str, year: int, expected: str | None
) -> None:
    assert timeless(text, ArticleDate(year)) == expected
