"""Hostile files: pipes, devices, sockets, loops, long and odd names, no permission, lying sizes."""

from __future__ import annotations

import errno
import os
import socket
import stat
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from assistant.errors import ArticleError, Cancelled
from assistant.reading import loading
from assistant.reading.loading import load_article

posix_only = pytest.mark.skipif(sys.platform == "win32", reason="POSIX file types")


def refusal(path: str | Path) -> str:
    with pytest.raises(ArticleError) as caught:
        load_article(path)
    message = caught.value.message
    assert "\n" not in message and "\u202e" not in message
    return message


@posix_only
def test_a_fifo_is_refused_without_waiting_for_a_writer(tmp_path: Path) -> None:
    fifo = tmp_path / "pijp.txt"
    os.mkfifo(fifo)
    message = refusal(fifo)
    assert "“pijp.txt” is a named pipe" in message and "ordinary files" in message


@posix_only
@pytest.mark.parametrize("device", ["/dev/zero", "/dev/urandom", "/dev/null"])
def test_devices_are_refused_before_reading(device: str) -> None:
    if not os.path.exists(device):
        pytest.skip(f"{device} is missing here")
    assert f"“{Path(device).name}” is a device" in refusal(device)


@pytest.fixture
def short_folder() -> Iterator[Path]:
    """A folder with a short path (a socket's path must fit in about 100 bytes)."""
    with tempfile.TemporaryDirectory(prefix="lw") as folder:
        yield Path(folder)


@posix_only
def test_a_socket_is_refused(short_folder: Path) -> None:
    path = short_folder / "sok.txt"
    with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as server:
        server.bind(str(path))
        assert "“sok.txt” is a socket" in refusal(path)


@posix_only
def test_a_file_swapped_for_a_fifo_after_the_check_is_refused_without_blocking(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    fifo = tmp_path / "wissel.txt"
    os.mkfifo(fifo)
    real_stat = os.stat
    regular = real_stat(__file__)

    def stat_before_the_swap(path: object, *args: object, **kwargs: object) -> os.stat_result:
        return regular if Path(str(path)) == fifo else real_stat(path, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(loading.os, "stat", stat_before_the_swap)
    assert "“wissel.txt” is a named pipe" in refusal(fifo)


@posix_only
def test_a_symlink_loop_is_named_as_such(tmp_path: Path) -> None:
    (tmp_path / "a.txt").symlink_to(tmp_path / "b.txt")
    (tmp_path / "b.txt").symlink_to(tmp_path / "a.txt")
    assert "“a.txt” is a symbolic link that leads round in a loop" in refusal(tmp_path / "a.txt")


def test_a_dangling_symlink_does_not_exist(tmp_path: Path) -> None:
    link = tmp_path / "weg.txt"
    link.symlink_to(tmp_path / "nergens.txt")
    assert "“weg.txt” does not exist" in refusal(link)


@pytest.mark.parametrize("name", ["a" * 300 + ".txt", "é" * 200 + ".txt"])
def test_a_name_over_255_bytes_gets_a_message(tmp_path: Path, name: str) -> None:
    message = refusal(tmp_path / name)
    assert "name that is too long" in message and "255" in message
    assert len(message) < 200 and "…" in message


def test_a_path_with_a_nul_byte_gets_a_message(tmp_path: Path) -> None:
    assert "not a valid file name" in refusal(str(tmp_path / "nul\0.txt"))


def test_a_file_below_a_file_does_not_exist(tmp_path: Path) -> None:
    (tmp_path / "bestand.txt").write_text("Hallo.", encoding="utf-8")
    assert "“x.txt” does not exist" in refusal(tmp_path / "bestand.txt" / "x.txt")


def test_a_web_address_without_a_scheme_gets_a_hint(tmp_path: Path) -> None:
    assert "start the address with https://" in refusal("www.nos.nl/artikel/1")


@pytest.mark.parametrize("url", ["ftp://example.org/a.txt", "file:///etc/passwd",
                                 "javascript://alert(1)"])
def test_other_schemes_are_not_taken_for_files(url: str) -> None:
    assert "downloads only http:// and https:// pages" in refusal(url)


def denied(error_path: Path) -> OSError:
    return PermissionError(errno.EACCES, "Permission denied", str(error_path))


@posix_only
def test_a_folder_without_search_permission(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "dicht"
    folder.mkdir()
    (folder / "artikel.txt").write_text("Hallo daar.", encoding="utf-8")
    folder.chmod(stat.S_IRUSR | stat.S_IWUSR)  # no x: nothing inside can be looked up
    try:
        if os.geteuid() == 0:  # root ignores permissions: inject what others would get
            real_stat = os.stat

            def stat_denied(path: object, *args: object, **kwargs: object) -> os.stat_result:
                if Path(str(path)).parent == folder:
                    raise denied(Path(str(path)))
                return real_stat(path, *args, **kwargs)  # type: ignore[arg-type]

            monkeypatch.setattr(loading.os, "stat", stat_denied)
        message = refusal(folder / "artikel.txt")
    finally:
        folder.chmod(stat.S_IRWXU)
    assert "“artikel.txt” cannot be opened" in message
    assert "permission to look inside" in message and "dicht" in message


@posix_only
def test_an_unreadable_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "geheim.txt"
    path.write_text("Hallo daar.", encoding="utf-8")
    path.chmod(0)
    try:
        if os.geteuid() == 0:
            real_open = os.open

            def open_denied(name: object, *args: object, **kwargs: object) -> int:
                if Path(str(name)) == path:
                    raise denied(path)
                return real_open(name, *args, **kwargs)  # type: ignore[arg-type]

            monkeypatch.setattr(loading.os, "open", open_denied)
        message = refusal(path)
    finally:
        path.chmod(stat.S_IRUSR | stat.S_IWUSR)
    assert message == "“geheim.txt” cannot be opened: permission denied."


def test_a_read_error_midway_names_the_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "kapot.txt"
    path.write_text("Hallo daar.", encoding="utf-8")

    def failing_read(descriptor: int, size: int) -> bytes:
        raise OSError(errno.EIO, "Input/output error")

    monkeypatch.setattr(loading.os, "read", failing_read)
    assert refusal(path) == "“kapot.txt” could not be read: Input/output error."


def test_a_file_larger_than_its_stat_says_is_cut_off_at_the_cap(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "groeit.txt"
    path.write_bytes(b"Een zin. " * 1000)
    real_stat = os.stat
    monkeypatch.setattr(loading, "MAX_FILE_BYTES", 4000)

    def stat_says_empty(name: object, *args: object, **kwargs: object) -> os.stat_result:
        info = real_stat(name, *args, **kwargs)  # type: ignore[arg-type]
        if Path(str(name)) != path:
            return info
        return os.stat_result((info.st_mode, info.st_ino, info.st_dev, info.st_nlink,
                               info.st_uid, info.st_gid, 0, 0, 0, 0))

    monkeypatch.setattr(loading.os, "stat", stat_says_empty)
    assert "“groeit.txt” is too large" in refusal(path)


@posix_only
def test_a_proc_file_with_size_zero_is_read(tmp_path: Path) -> None:
    status = Path("/proc/self/status")
    if not status.exists():
        pytest.skip("no /proc here")
    assert "Name:" in load_article(status).text


def test_hostile_file_names_are_cleaned_for_the_message(tmp_path: Path) -> None:
    name = 'x<img src="y.png">\u202egnp.txt'
    path = tmp_path / name
    path.write_bytes(b"")
    message = refusal(path)
    assert message == "“x<img src=\"y.png\"> gnp.txt” is empty."  # markup is escaped by the UI


@posix_only
def test_an_undecodable_file_name_is_shown_with_a_replacement_character(tmp_path: Path) -> None:
    raw = os.fsencode(tmp_path) + b"/caf\xe9.txt"
    with open(raw, "wb"):
        pass
    message = refusal(os.fsdecode(raw))
    assert message == "“caf\ufffd.txt” is empty."
    message.encode("utf-8")  # printable: no lone surrogates left


def test_a_set_cancel_check_stops_a_load(tmp_path: Path) -> None:
    import threading

    path = tmp_path / "artikel.txt"
    path.write_text("Hallo daar.", encoding="utf-8")
    cancel = threading.Event()
    cancel.set()
    with pytest.raises(Cancelled):
        load_article(path, cancel=cancel)
