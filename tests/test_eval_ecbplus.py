"""The ECB+/ESC reader and scorer on a tiny CAT XML document written here (no annotated data copied)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from generator.evaluation import ecbplus
from generator.evaluation.events import ArticleOutput, Candidate
from generator.model import TimeExpression

SENTENCES = [
    "http : / / example . com / news",
    "Jane Roe resigns as mayor",
    "May 3 , 2013",
    "Mayor Jane Roe resigned on Friday .",
    "She said she was tired .",
    "The weather was fine .",
]


def _document(tmp_path: Path) -> tuple[Path, Path]:
    tokens: list[str] = []
    t_id = 0
    ids: dict[tuple[int, str], int] = {}
    for number, sentence in enumerate(SENTENCES):
        for word in sentence.split():
            t_id += 1
            ids[(number, word)] = ids.get((number, word), t_id)
            tokens.append(f'<token t_id="{t_id}" sentence="{number}" number="0">{word}</token>')

    def anchor(number: int, *words: str) -> str:
        return "".join(f'<token_anchor t_id="{ids[(number, word)]}"/>' for word in words)

    ecb = (
        '<Document doc_name="9_1ecbplus.xml">' + "".join(tokens) + "<Markables>"
        f'<HUMAN_PART_PER m_id="1">{anchor(1, "Jane", "Roe")}</HUMAN_PART_PER>'
        f'<ACTION_OCCURRENCE m_id="2">{anchor(1, "resigns")}</ACTION_OCCURRENCE>'
        f'<HUMAN_PART_PER m_id="3">{anchor(3, "Jane", "Roe")}</HUMAN_PART_PER>'
        f'<ACTION_OCCURRENCE m_id="4">{anchor(3, "resigned")}</ACTION_OCCURRENCE>'
        f'<HUMAN_PART_PER m_id="5">{anchor(4, "She")}</HUMAN_PART_PER>'
        f'<ACTION_REPORTING m_id="6">{anchor(4, "said")}</ACTION_REPORTING>'
        '<HUMAN_PART_PER m_id="9" TAG_DESCRIPTOR="t9_jane_roe" instance_id="HUM1"/>'
        "</Markables><Relations>"
        '<CROSS_DOC_COREF r_id="1" note="HUM1"><source m_id="1"/><source m_id="3"/><source m_id="5"/>'
        '<target m_id="9"/></CROSS_DOC_COREF></Relations></Document>'
    )
    esc = (
        '<Document doc_name="9_1ecbplus.xml">' + "".join(tokens) + "<Markables>"
        f'<ACTION_OCCURRENCE m_id="20">{anchor(3, "resigned")}</ACTION_OCCURRENCE>'
        f'<TIME_DATE m_id="21" DCT="TRUE" value="2013-05-03">{anchor(2, "May", "3", ",", "2013")}</TIME_DATE>'
        f'<TIME_DATE m_id="22" DCT="FALSE" value="2013-05-03">{anchor(3, "Friday")}</TIME_DATE>'
        '</Markables><Relations><TLINK r_id="1" relType="CONTAINS"><source m_id="22"/><target m_id="20"/>'
        "</TLINK></Relations></Document>"
    )
    (tmp_path / "ecbplus" / "9").mkdir(parents=True)
    (tmp_path / "esc_v1.5" / "9").mkdir(parents=True)
    ecb_path = tmp_path / "ecbplus" / "9" / "9_1ecbplus.xml"
    esc_path = tmp_path / "esc_v1.5" / "9" / "9_1ecbplus.xml.xml"
    ecb_path.write_text(ecb, encoding="utf-8")
    esc_path.write_text(esc, encoding="utf-8")
    return ecb_path, esc_path


def test_reader_keeps_the_article_the_chains_and_the_dates(tmp_path: Path) -> None:
    ecb_path, esc_path = _document(tmp_path)
    document = ecbplus.read_document(ecb_path, esc_path, {"9_1ecbplus": {3}})
    assert document.published == dt.date(2013, 5, 3)  # ESC's creation time
    assert document.lines[0] == (1, "Jane Roe resigns as mayor")  # the URL is dropped
    assert document.scored == {1, 3, 4}  # the CSV's, and those with a markable
    forms = {(p.sentence, p.form) for p in document.participants}
    assert forms == {(1, "name"), (3, "name"), (4, "pronoun")}
    assert {p.entity for p in document.participants} == {"HUM1"}
    assert document.sentence_dates == {3: ("2013-05-03",)}
    [dct, friday] = document.timexes
    assert document.text[dct.start : dct.end] == "May 3, 2013"
    assert document.text[friday.start : friday.end] == "Friday"


def test_scores_timelines_references_and_dates(tmp_path: Path) -> None:
    ecb_path, esc_path = _document(tmp_path)
    document = ecbplus.read_document(ecb_path, esc_path, {})
    entities = ecbplus.topic_entities([document])
    lines = document.text.split("\n")
    candidates = (
        Candidate(2, lines[2], "2013-05-03", "text", ("Jane Roe",), ("Jane Roe",)),
        Candidate(4, lines[4], "2013-05-03", "published", ("Weather",), ("Weather",)),
    )
    counts = ecbplus.score_document(document, entities, candidates)
    assert (counts.tp, counts.fp, counts.fn) == (1, 0, 2)
    assert (counts.dated_gold, counts.dated_right) == (1, 1)
    assert (counts.pronoun_gold, counts.pronoun_found) == (1, 0)


def _friday_outputs(document: ecbplus.EcbDocument):  # type: ignore[no-untyped-def]
    start = document.text.index("Friday")

    def outputs(articles):  # type: ignore[no-untyped-def]
        expression = TimeExpression(start, start + 6, "Friday", "DATE", "2013-05-03")
        return [(ArticleOutput((), ()), (expression,)) for _ in articles]

    return outputs


def test_evaluate_scores_temporal_tagging_against_the_creation_time(tmp_path: Path) -> None:
    ecb_path, esc_path = _document(tmp_path)
    # the annotators looked at the stamp line "May 3, 2013" too
    document = ecbplus.read_document(ecb_path, esc_path, {"9_1ecbplus": {2}})
    report = ecbplus.evaluate([document], _friday_outputs(document))
    assert report.timex is not None and report.timex.counts.gold == 2
    assert report.timex.counts.value_correct == 1
    assert "ECB+" in ecbplus.format_report(report)


def test_temporal_tagging_is_scored_on_the_sentences_looked_at_only(tmp_path: Path) -> None:
    ecb_path, esc_path = _document(tmp_path)
    document = ecbplus.read_document(ecb_path, esc_path, {})  # the stamp line has no markable
    report = ecbplus.evaluate([document], _friday_outputs(document))
    assert report.timex is not None and report.timex.counts.gold == 1
    assert report.timex.counts.value_correct == 1


def test_an_actor_right_in_its_sentence_is_no_false_positive_for_a_second_gold_key(tmp_path: Path) -> None:
    ecb_path, esc_path = _document(tmp_path)
    document = ecbplus.read_document(ecb_path, esc_path, {})
    # the gold left a mention of the same person apart from her chain, and names another person
    entities = [
        *ecbplus.topic_entities([document]),
        ecbplus.EntityGold("9_1ecbplus/7", ("Roe",)),
        ecbplus.EntityGold("HUM2", ("John Doe",)),
    ]
    line = document.text.split("\n")[2]
    candidates = (
        Candidate(2, line, "2013-05-03", "text", ("Jane Roe", "Doe"), ("Jane Roe", "Doe", "John Doe")),
    )
    aliases = {"Jane Roe": ("Jane Roe",), "Doe": ("Doe", "John Doe")}
    counts = ecbplus.score_document(document, entities, candidates, aliases=aliases)
    assert (counts.tp, counts.fp) == (1, 1)  # Jane Roe is right; John Doe is not in that sentence


def test_a_gold_name_is_read_as_the_page_printed_it() -> None:
    words = "Coach J . R . Ewing of the U . S . Soccer Federation quit .".split()
    tokens = [(str(number), 1, word) for number, word in enumerate(words)]
    lines, offsets = ecbplus._lines(tokens, set())
    printed = "\n".join(text for _, text in lines)
    assert ecbplus._printed_span(["1", "2", "3", "4", "5"], offsets, printed) == "J.R. Ewing"
    assert ecbplus._printed_span([str(n) for n in range(8, 14)], offsets, printed) == "U.S. Soccer Federation"


def test_a_web_name_and_a_curly_possessive_are_read_as_printed() -> None:
    words = "It was first reported by Gossip . com that Acme ’ s chief can ’ t stay .".split()
    tokens = [(str(number), 1, word) for number, word in enumerate(words)]
    lines, _ = ecbplus._lines(tokens, set())
    assert lines[0][1] == "It was first reported by Gossip.com that Acme’s chief can’t stay."
