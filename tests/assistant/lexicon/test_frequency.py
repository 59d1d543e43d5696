"""wordfreq's tables read a bucket at a time: the same buckets as wordfreq's own reader, the
same refusals of a file that is not a cBpack table, and the reader installed for zipf."""

from __future__ import annotations

import gzip
from pathlib import Path

import msgpack
import pytest
import wordfreq

from assistant.lexicon import frequency
from assistant.lexicon.frequency import read_cbpack_by_bucket

HEADER = {"format": "cB", "version": 1}


def _table(path: Path, value: object) -> str:
    with gzip.open(path, "wb") as out:
        out.write(msgpack.packb(value))
    return str(path)


@pytest.mark.parametrize("buckets", [[], [[], ["fish"], [], ["blue", "red"]], [["één", "twee"]]])
def test_buckets_are_those_wordfreq_reads(tmp_path: Path, buckets: list[list[str]]) -> None:
    path = _table(tmp_path / "t.msgpack.gz", [HEADER, *buckets])
    assert read_cbpack_by_bucket(path) == buckets


@pytest.mark.parametrize("value", [[], [{"format": "cB", "version": 2}, ["a"]],
                                   [{"version": 1}, ["a"]], [["a"], ["b"]]])
def test_a_file_that_is_no_table_is_refused(tmp_path: Path, value: object) -> None:
    path = _table(tmp_path / "t.msgpack.gz", value)
    with pytest.raises(ValueError, match="Unexpected header"):
        read_cbpack_by_bucket(path)


def test_the_installed_dutch_table_reads_the_same_and_zipf_uses_the_reader() -> None:
    path = str(wordfreq.DATA_PATH / "large_nl.msgpack.gz")
    frequency._zipf_frequency()
    assert wordfreq.read_cBpack is read_cbpack_by_bucket
    with gzip.open(path, "rb") as infile:
        whole = msgpack.load(infile, raw=False)
    assert read_cbpack_by_bucket(path) == whole[1:]
    assert frequency.zipf("het") > frequency.zipf("viaduct") > 0
