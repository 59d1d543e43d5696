"""Choosing and loading the Dutch pipeline; parse data with offsets into the whole text."""

from __future__ import annotations

import itertools

import pytest

from assistant.errors import PipelineMissingError
from assistant.reading import nlp


def test_installed_pipelines_are_dutch_and_preferred_first() -> None:
    installed = nlp.installed_dutch_pipelines()
    assert installed, "the test environment must have a Dutch pipeline"
    preferred = [name for name in installed if name in nlp.PREFERRED_PIPELINES]
    assert installed[: len(preferred)] == preferred


def test_choice_order(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(nlp, "installed_dutch_pipelines",
                        lambda: ["nl_core_news_sm", "nl_other_sm"])
    monkeypatch.setattr(nlp, "_package_meta", lambda name: None)
    monkeypatch.delenv(nlp.PIPELINE_ENV, raising=False)
    assert nlp.choose_pipeline() == "nl_core_news_sm"
    assert nlp.choose_pipeline("nl_other_sm") == "nl_other_sm"
    monkeypatch.setenv(nlp.PIPELINE_ENV, "nl_other_sm")
    assert nlp.choose_pipeline() == "nl_other_sm"
    # a requested pipeline that is not installed falls back to the best installed one
    assert nlp.choose_pipeline("nl_missing_lg") == "nl_core_news_sm"


def test_no_pipeline_says_how_to_install_one(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(nlp, "installed_dutch_pipelines", lambda: [])
    monkeypatch.setattr(nlp, "_package_meta", lambda name: None)
    monkeypatch.delenv(nlp.PIPELINE_ENV, raising=False)
    with pytest.raises(PipelineMissingError) as caught:
        nlp.choose_pipeline()
    assert "python -m spacy download nl_core_news_sm" in caught.value.message


def test_parse_offsets_refer_to_the_whole_text(pipeline: nlp.Pipeline) -> None:
    text = "Kop zonder punt\n\nDe minister sprak in Den Haag. Daarna ging zij naar huis."
    parsed = pipeline.parse(text, [(0, 15), (17, len(text))])
    assert all(text[t.start:t.end] == t.text for t in parsed.tokens)
    assert len(parsed.sentences) >= 3
    assert parsed.sentences[0].end <= 15
    assert all(0 <= t.head < len(parsed.tokens) for t in parsed.tokens)
    assert pipeline.info.name.startswith("nl_")


def test_loading_is_lazy_and_once(pipeline: nlp.Pipeline) -> None:
    assert nlp.get_pipeline() is nlp.get_pipeline()


@pytest.mark.parametrize(
    ("text", "limit", "expected"),
    [
        ("Kort.", 20, ["Kort."]),
        ("Een zin. Nog een zin. En nog een zin.", 20,
         ["Een zin.", "Nog een zin.", "En nog een zin."]),
        ("Hij zei: ‘Ga weg.’ Zij bleef toch.", 20, ["Hij zei: ‘Ga weg.’", "Zij bleef toch."]),
        ("Wat nu?! Niets meer… Echt niet.", 12, ["Wat nu?!", "Niets meer…", "Echt niet."]),
        # no sentence end in the window: the last space
        ("een twee drie vier vijf zes zeven", 12, ["een twee", "drie vier", "vijf zes", "zeven"]),
        # one very long "word": cut at the limit
        ("a" * 25, 10, ["a" * 10, "a" * 10, "a" * 5]),
        # a sentence end early in the window still beats a space
        ("Ja. een twee drie vier vijf", 16, ["Ja.", "een twee drie", "vier vijf"]),
    ],
)
def test_long_spans_are_cut_into_pieces_at_sentence_ends(
    text: str, limit: int, expected: list[str]
) -> None:
    pieces = nlp.pipeline_pieces(text, 0, len(text), limit)
    assert [text[start:end] for start, end in pieces] == expected
    assert all(end - start <= limit for start, end in pieces)


def test_pieces_keep_offsets_into_the_whole_text() -> None:
    text = "Kop\n\n" + "De minister sprak lang. " * 50 + "Einde"
    start, end = 5, len(text)
    pieces = nlp.pipeline_pieces(text, start, end, 100)
    assert pieces[0][0] == start and pieces[-1][1] == end
    assert all(a[1] <= b[0] for a, b in itertools.pairwise(pieces))
    joined = "".join(text[s:e] for s, e in pieces)
    assert joined.replace(" ", "") == text[start:end].replace(" ", "")


def test_a_paragraph_over_the_pipeline_length_limit_is_parsed_in_pieces(
    pipeline: nlp.Pipeline, monkeypatch: pytest.MonkeyPatch
) -> None:
    """spaCy refuses a text longer than max_length (E088); a small limit stands in for 1,000,000."""
    monkeypatch.setattr(pipeline._nlp, "max_length", 3000)
    monkeypatch.setattr(nlp, "MAX_PIECE_CHARS", 1000)
    sentence = "De minister sprak in Den Haag over de begroting. "
    text = "Kop zonder punt\n\n" + (sentence * 200).strip()
    parsed = pipeline.parse(text, [(0, 15), (17, len(text))])
    assert all(text[t.start:t.end] == t.text for t in parsed.tokens)
    assert parsed.tokens[-1].end == len(text)
    assert len([t for t in parsed.tokens if t.text == "minister"]) == 200
    starts = [s.start for s in parsed.sentences]
    assert starts == sorted(starts) and len(parsed.sentences) >= 200
    assert all(0 <= t.head < len(parsed.tokens) for t in parsed.tokens)
    assert all(parsed.tokens[t.head].sentence == t.sentence for t in parsed.tokens)


def test_parsing_stops_when_cancelled(pipeline: nlp.Pipeline) -> None:
    import threading

    from assistant.errors import Cancelled

    cancel = threading.Event()
    cancel.set()
    with pytest.raises(Cancelled):
        pipeline.parse("Een zin.", [(0, 8)], cancel=cancel)


def _read_token_by_token(doc: object, offset: int) -> list[nlp.ParsedToken]:
    """Parse data read from spaCy's Token objects one attribute at a time (the plain way)."""
    position: dict[int, int] = {}
    for token in doc:  # type: ignore[attr-defined]
        if not token.is_space:
            position[token.i] = len(position)
    tokens = []
    for number, sent in enumerate(s for s in doc.sents  # type: ignore[attr-defined]
                                  if any(t.i in position for t in s)):
        for token in sent:
            if token.i in position:
                start = offset + token.idx
                tokens.append(nlp.ParsedToken(
                    start, start + len(token.text), token.text, token.lemma_ or token.text,
                    token.pos_, str(token.morph), token.dep_,
                    position.get(token.head.i, position[token.i]), number, token.like_num,
                    token.like_url))
    return tokens


def test_parse_data_is_what_spacy_tokens_say_with_the_tagger_run_too(
    pipeline: nlp.Pipeline,
) -> None:
    text = ("  Premier Rutte (VVD) zei gisteren in Den Haag:\n\n„Het kabinet valt niet.” "
            "Er kwamen 1.200 mensen op af , zie https://nos.nl .  Zij   liepen weg.\n")
    parsed = pipeline.parse(text, [(0, len(text))])
    disabled = pipeline._nlp.disabled
    assert "tagger" in disabled or not pipeline._nlp.has_pipe("tagger")
    for name in disabled:
        pipeline._nlp.enable_pipe(name)
    try:
        doc = pipeline._nlp(text)
    finally:
        for name in disabled:
            pipeline._nlp.disable_pipe(name)
    assert list(parsed.tokens) == _read_token_by_token(doc, 0)
    assert [(e.start, e.end, e.label) for e in parsed.entities] == [
        (e.start_char, e.end_char, e.label_) for e in doc.ents]
    assert any(t.morph == "" for t in parsed.tokens) and any(t.morph for t in parsed.tokens)
    assert {t.like_num for t in parsed.tokens} == {True, False}
    assert any(t.head < i for i, t in enumerate(parsed.tokens))  # heads before and after
    assert any(t.head > i for i, t in enumerate(parsed.tokens))


def test_the_tagger_is_left_out_only_where_nothing_reads_its_tags() -> None:
    import spacy

    def pipeline_with(*names: str, tag_pattern: bool = False) -> object:
        # The rule reads only components and patterns: a blank "xx" (no tokenizer exceptions to
        # build) instead of "nl" takes 0.1 s instead of 0.6 s.
        built = spacy.blank("xx")
        for name in names:
            built.add_pipe(name)
        if tag_pattern:
            built.get_pipe("attribute_ruler").add([[{"TAG": "N|soort"}]], {"POS": "NOUN"})
        return built

    assert nlp.unread_components(pipeline_with("morphologizer", "tagger", "attribute_ruler")) \
        == ["tagger"]
    assert nlp.unread_components(pipeline_with("morphologizer", "attribute_ruler")) == []
    # Parts of speech from the tags (no morphologizer), or a ruler matching on them: kept.
    assert nlp.unread_components(pipeline_with("tagger", "attribute_ruler")) == []
    assert nlp.unread_components(
        pipeline_with("morphologizer", "tagger", "attribute_ruler", tag_pattern=True)) == []


def test_the_saved_tokenizer_read_into_an_empty_one_tokenizes_as_spacys_own_load(
    pipeline: nlp.Pipeline,
) -> None:
    import spacy

    own = spacy.load(nlp.choose_pipeline())
    ours = pipeline._nlp
    assert ours.tokenizer.rules == own.tokenizer.rules
    assert len(ours.tokenizer.rules) > 100  # Dutch abbreviations and the like
    text = ("„Dat is o.a. wat dhr. De Vries zei,” aldus het AD. Prijs: €12,50 (incl. btw); "
            "zie www.nos.nl/artikel of mail info@nos.nl. Hij zei 's avonds: 't Is 50-50!")
    assert [t.text for t in ours.tokenizer(text)] == [t.text for t in own.tokenizer(text)]
    assert [t.text for t in ours.tokenizer(text)][:6] == ["„", "Dat", "is", "o.a.", "wat",
                                                           "dhr."]


@pytest.mark.parametrize(
    ("saved_rules", "prefixes", "loads"),
    [
        # A pipeline that saved its whole tokenizer loads once, into the empty tokenizer.
        ({"o.a.": []}, True, 1),
        # One that saved no exceptions or no prefixes is loaded again the usual way.
        ({}, True, 2),
        ({"o.a.": []}, False, 2),
    ],
)
def test_a_pipeline_without_a_full_saved_tokenizer_is_loaded_the_usual_way(
    monkeypatch: pytest.MonkeyPatch, saved_rules: dict[str, list[object]], prefixes: bool,
    loads: int,
) -> None:
    import types

    import spacy

    calls: list[dict[str, object] | None] = []

    def fake_load(name: str, config: dict[str, object] | None = None) -> object:
        calls.append(config)
        rules = saved_rules if config is not None else {"o.a.": []}
        tokenizer = types.SimpleNamespace(rules=rules, prefix_search=object() if prefixes
                                          or config is None else None)
        return types.SimpleNamespace(tokenizer=tokenizer, loaded_with=config)

    monkeypatch.setattr(spacy, "load", fake_load)
    loaded = nlp.load_spacy("nl_fake")
    assert len(calls) == loads
    assert calls[0] == {"nlp": {"tokenizer": {"@tokenizers": nlp.EMPTY_TOKENIZER}}}
    assert loaded.loaded_with == (calls[0] if loads == 1 else None)
