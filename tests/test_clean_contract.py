"""clean's input contract and output guard: bad bytes are refused with the byte named, and no
output ever lands in the raw folder or on top of an input."""

from __future__ import annotations

import os
import sys

import pytest
from click.testing import CliRunner

from _repo import copy_corpus, invoke_in
from newscorpus.cli import cli

BODY = "Israeli forces launched a drone strike in southern Lebanon on Wednesday, officials said."


def _run(args, cwd):
    return invoke_in(cwd, args)


@pytest.mark.parametrize(
    "content,message",
    [
        (f"{BODY}\x00 more".encode(), "NUL byte (0x00)"),
        (f"{BODY}\n\x1b[31mred\x1b[0m".encode(), "control character U+001B (ESC)"),
        (f"{BODY}\x7f".encode(), "U+007F (DEL)"),
        (f"{BODY}\x0c".encode(), "U+000C (form feed)"),
        (f"{BODY}\u0085".encode(), "U+0085"),
        (BODY.encode("utf-16-le"), "looks like UTF-16 without a byte-order mark"),
        (BODY.encode("utf-16-be"), "looks like UTF-16 without a byte-order mark"),
        (BODY.encode("utf-16"), "not valid UTF-8 (byte 0xff)"),
    ],
)
def test_bad_bytes_are_refused_with_the_place(tmp_path, content, message):
    bad = tmp_path / "bad.txt"
    bad.write_bytes(content)
    out = tmp_path / "out"
    result = CliRunner().invoke(cli, ["clean", str(bad), "--out", str(out)])
    assert result.exit_code == 1, result.output
    assert message in result.output and "bad.txt" in result.output and "byte " in result.output
    assert "Traceback" not in result.output
    assert not out.exists()


def test_the_error_names_the_byte_offset_and_line(tmp_path):
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"first line\nsecond \xc3\xa9 \x1b line\n")
    result = CliRunner().invoke(cli, ["clean", str(bad), "--out", str(tmp_path / "out")])
    assert "bad.txt: byte 21 (line 2): control character U+001B (ESC)" in result.output


@pytest.mark.skipif(sys.platform == "darwin", reason="macOS file systems refuse non-UTF-8 names")
def test_a_file_name_that_is_not_utf8_is_refused_before_anything_is_written(tmp_path):
    name = os.fsdecode(b"caf\xe9.txt")
    try:
        (tmp_path / name).write_text(BODY, encoding="utf-8")
    except (OSError, UnicodeEncodeError):
        pytest.skip("this file system refuses non-UTF-8 names")
    (tmp_path / "good.txt").write_text(BODY, encoding="utf-8")
    out = tmp_path / "out"
    result = CliRunner().invoke(cli, ["clean", str(tmp_path / "good.txt"), str(tmp_path / name), "--out", str(out)])
    assert result.exit_code == 1
    assert "file name is not valid UTF-8" in result.output and "Traceback" not in result.output
    assert not out.exists()


def test_output_into_the_raw_folder_is_refused(tmp_path):
    corpus = copy_corpus(tmp_path / "c")
    before = {p.name: p.read_bytes() for p in corpus.raw_dir.iterdir()}
    for out in ("corpus/raw", "corpus/raw/sub", str(corpus.raw_dir)):
        result = _run(["clean", "--out", out], corpus.root)
        assert result.exit_code == 1, result.output
        assert "refusing to write under the raw folder" in result.output
    assert {p.name: p.read_bytes() for p in corpus.raw_dir.iterdir()} == before


def test_output_into_an_input_folder_is_refused(tmp_path):
    raw = tmp_path / "x1.txt"
    raw.write_text(BODY, encoding="utf-8")
    result = CliRunner().invoke(cli, ["clean", str(raw), "--out", str(tmp_path)])
    assert result.exit_code == 1
    assert "would replace the raw article" in result.output
    assert raw.read_text(encoding="utf-8") == BODY and not (tmp_path / "x1.provenance.json").exists()
