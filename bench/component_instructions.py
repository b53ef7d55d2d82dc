"""The timeline components alone over saved real news Docs, for an instruction count under callgrind.

    .venv/bin/python bench/component_instructions.py save /tmp/docs        # parse 40 texts once
    valgrind --tool=callgrind .venv/bin/python bench/component_instructions.py load /tmp/docs
    valgrind --tool=callgrind .venv/bin/python bench/component_instructions.py run /tmp/docs

`save` runs the model (and the timeline's sentence and headline steps) once and keeps the Docs with
DocBin. `load` and `run` both read them and run the timeline components over three warm-up Docs
(imports, lazy regular expressions); `run` then runs them over all the Docs and prints a digest of
the extractions, equal for two checkouts with the same output. The components' instructions are
`run`'s total less `load`'s. Give another checkout's code with PYTHONPATH=CHECKOUT.
"""

from __future__ import annotations

import argparse
import hashlib
import pickle
from pathlib import Path

from generator.evaluation.corpus import news_articles
from generator.extract.pipeline import article_doc, load_pipeline

DATA = Path(__file__).resolve().parents[1] / ".." / "shared" / "data"
COMPONENTS = ("timeline_timex", "timeline_mentions", "timeline_events")
WARM_UP = 3


def save(folder: Path, count: int) -> None:
    from spacy.tokens import DocBin

    articles = news_articles(DATA, limit=count)
    nlp = load_pipeline()
    model = [process for name, process in nlp.pipeline if name not in COMPONENTS]
    docs = []
    for article in articles:
        doc = article_doc(nlp, article)
        for process in model:
            doc = process(doc)
        doc._.article = None  # kept apart: DocBin does not store it
        docs.append(doc)
    folder.mkdir(parents=True, exist_ok=True)
    DocBin(docs=docs).to_disk(folder / "docs.spacy")
    (folder / "articles.pickle").write_bytes(pickle.dumps(articles))
    print(f"{len(docs)} Docs, {sum(len(doc) for doc in docs)} tokens in {folder}")


def run(folder: Path, measured: bool) -> None:
    from spacy.tokens import DocBin

    nlp = load_pipeline()
    articles = pickle.loads((folder / "articles.pickle").read_bytes())
    saved = DocBin().from_disk(folder / "docs.spacy")
    components = [process for name, process in nlp.pipeline if name in COMPONENTS]

    def extract(doc, article):  # type: ignore[no-untyped-def]
        doc._.article = article
        for process in components:
            doc = process(doc)
        if doc._.error is not None:
            raise SystemExit(f"{article.slug}: {doc._.error}")
        return doc._.extraction

    warm_up = list(saved.get_docs(nlp.vocab))[:WARM_UP]
    for doc, article in zip(warm_up, articles, strict=False):
        extract(doc, article)
    if measured:
        digest = hashlib.sha256()
        for doc, article in zip(saved.get_docs(nlp.vocab), articles, strict=True):
            digest.update(repr(extract(doc, article)).encode())
        print(digest.hexdigest())


def main() -> None:
    raw = argparse.RawDescriptionHelpFormatter
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=raw)
    parser.add_argument("step", choices=("save", "load", "run"))
    parser.add_argument("folder", type=Path)
    parser.add_argument("--articles", type=int, default=40)
    args = parser.parse_args()
    if args.step == "save":
        save(args.folder, args.articles)
    else:
        run(args.folder, measured=args.step == "run")


if __name__ == "__main__":
    main()
