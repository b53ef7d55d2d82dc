"""Reading TimeML: DCT, plain text, TIMEX3 offsets and <s> sentences."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

import pytest

from generator.evaluation.timeml import find_timeml_files, read_timeml

SHARED = Path(
    os.environ.get("TIMELINE_SHARED_DATA") or Path(__file__).resolve().parents[2] / "shared" / "data"
)
TBAQ = SHARED / "timebank_aquaint_tbaq"
SEMEVAL = SHARED / "semeval2015_task4_timeline"

INLINE = """<?xml version="1.0" ?>
<TimeML>
<DOCID>TEST001</DOCID>
<DCT><TIMEX3 tid="t0" type="DATE" value="2013-03-25" functionInDocument="CREATION_TIME">3/25</TIMEX3></DCT>
<TITLE>Ministers meet</TITLE>
<TEXT>
Ministers <EVENT eid="e1">met</EVENT> <TIMEX3 tid="t1" type="DATE" value="2013-03-22">Friday</TIMEX3>
&amp; will meet again <TIMEX3 tid="t2" type="DATE" value="2013-04" mod="START">early next month</TIMEX3>.
</TEXT>
</TimeML>
"""

SENTENCES = """<?xml version='1.0' encoding='utf-8'?>
<TimeML><DOCID>42</DOCID>
<DCT><TIMEX3 functionInDocument="CREATION_TIME" tid="t0" type="DATE" value="2005-02-17">today</TIMEX3></DCT>
<TEXT><s id="0">Boeing unveils a jet</s><s id="1">February 17 , 2005</s><s id="2">It flew \
<TIMEX3 tid="t1" type="DATE" value="2005-02-16">yesterday</TIMEX3> .</s></TEXT>
</TimeML>
"""


def write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_inline_timeml_gives_dct_text_and_offsets(tmp_path: Path) -> None:
    document = read_timeml(write(tmp_path, "a.tml", INLINE))
    assert document.docid == "TEST001"
    assert document.dct == dt.date(2013, 3, 25)
    assert "Ministers met Friday\n& will" in document.text
    assert "<" not in document.text and "Ministers meet" not in document.text  # only <TEXT>
    assert [(t.text, t.type, t.value, t.mod) for t in document.timexes] == [
        ("Friday", "DATE", "2013-03-22", None),
        ("early next month", "DATE", "2013-04", "START"),
    ]
    assert all(document.text[t.start : t.end] == t.text for t in document.timexes)


def test_sentences_are_kept_apart_and_located(tmp_path: Path) -> None:
    document = read_timeml(write(tmp_path, "b.tml", SENTENCES))
    assert document.text.split("\n") == ["Boeing unveils a jet", "February 17 , 2005", "It flew yesterday ."]
    assert [s.id for s in document.sentences] == ["0", "1", "2"]
    assert [document.text[s.start : s.end] for s in document.sentences][1] == "February 17 , 2005"
    (timex,) = document.timexes
    assert document.text[timex.start : timex.end] == "yesterday"


def test_a_document_without_dct_is_refused(tmp_path: Path) -> None:
    path = write(tmp_path, "c.tml", "<TimeML><TEXT>Nothing dated.</TEXT></TimeML>")
    with pytest.raises(ValueError, match="DCT"):
        read_timeml(path)


def test_duplicate_file_names_are_read_once(tmp_path: Path) -> None:
    (tmp_path / "x").mkdir()
    write(tmp_path, "a.tml", INLINE)
    write(tmp_path / "x", "a.tml", INLINE)
    write(tmp_path / "x", "b.tml", SENTENCES)
    assert [path.name for path in find_timeml_files(tmp_path)] == ["a.tml", "b.tml"]


@pytest.mark.skipif(not TBAQ.is_dir(), reason="no ../shared/data/timebank_aquaint_tbaq")
def test_every_tbaq_document_reads_with_exact_offsets() -> None:
    documents = [read_timeml(path) for path in find_timeml_files(TBAQ)]
    assert len(documents) == 256
    timexes = [(document, timex) for document in documents for timex in document.timexes]
    assert len(timexes) == 1822
    assert all(document.text[t.start : t.end] == t.text for document, t in timexes)


@pytest.mark.skipif(not SEMEVAL.is_dir(), reason="no ../shared/data/semeval2015_task4_timeline")
def test_semeval_track_a_documents_read_with_sentences() -> None:
    paths = [path for path in find_timeml_files(SEMEVAL) if "corpus_trackA_TimeML" in str(path)]
    assert paths
    document = read_timeml(paths[0])
    assert document.sentences and document.sentences[0].id == "0"
    assert all(0 <= s.start <= s.end <= len(document.text) for s in document.sentences)
