"""Benchmarks: extraction speed and memory, the temporal tagger's share, rendering speed.

    .venv/bin/python bench/run.py                  # everything (make bench)
    .venv/bin/python bench/run.py --only extract   # one part: extract, render, site
    .venv/bin/python bench/run.py --json out.json

Extraction runs on the example articles and, when ../shared/data is there, on the TimeBank +
AQUAINT news texts (real news of realistic length). Rendering runs on synthetic content of
5,000 events, as does the browser part (bench/site_filter.py, needs Chromium).
Speed targets live here, never in timed tests.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

from generator.extract.article import extract_article  # noqa: E402
from generator.extract.pipeline import load_pipeline  # noqa: E402
from generator.extract.timex.tagger import find_time_expressions  # noqa: E402
from generator.ingest.articles import find_articles, read_article  # noqa: E402
from generator.model import Article  # noqa: E402
from generator.registry import ActorRegistry  # noqa: E402

TARGETS = {
    "extract_ms_per_article": 250.0,  # spaCy small model on 2 cores: NLP dominates
    "tagger_share": 0.15,  # the temporal tagger adds little to the spaCy pass
    "render_s_5000_events": 10.0,
    "peak_rss_mib": 1500.0,
}


def news_articles(limit: int) -> list[Article]:
    """The example articles, plus TimeBank/AQUAINT texts when ../shared/data is present."""
    articles = [read_article(path) for path in find_articles(ROOT / "content" / "articles")]
    data = ROOT.parent / "shared" / "data" / "timebank_aquaint_tbaq"
    if data.is_dir():
        from generator.evaluation.timeml import find_timeml_files, read_timeml

        for path in find_timeml_files(data)[:limit]:
            document = read_timeml(path)
            articles.append(Article(path.stem, path.stem, document.dct, document.text))
    return articles


def bench_extract(limit: int) -> dict[str, float]:
    """Extraction time per article, the tagger's share of it, and throughput."""
    nlp = load_pipeline()
    articles = news_articles(limit)
    characters = sum(len(article.text) for article in articles)
    started = time.perf_counter()
    docs = list(nlp.pipe(article.text for article in articles))
    nlp_seconds = time.perf_counter() - started
    started = time.perf_counter()
    for doc, article in zip(docs, articles, strict=True):
        find_time_expressions(doc, article.published)
    tagger_seconds = time.perf_counter() - started
    registry = ActorRegistry()
    started = time.perf_counter()
    events = sum(
        len(extract_article(article, registry=registry, doc=doc).events)
        for doc, article in zip(docs, articles, strict=True)
    )
    rules_seconds = time.perf_counter() - started
    total = nlp_seconds + rules_seconds
    return {
        "articles": len(articles),
        "characters": characters,
        "events": events,
        "nlp_s": round(nlp_seconds, 2),
        "rules_s": round(rules_seconds, 2),
        "tagger_s": round(tagger_seconds, 2),
        "extract_ms_per_article": round(1000 * total / len(articles), 1),
        "articles_per_s": round(len(articles) / total, 1),
        "tagger_share": round(tagger_seconds / total, 3),
    }


def bench_render(events: int) -> dict[str, float]:
    """Reading content/ and rendering every page and export for `events` synthetic events."""
    from site_helpers import synthetic_content

    from generator.site.build import load_site_pages

    with tempfile.TemporaryDirectory() as folder:
        content = Path(folder) / "content"
        synthetic_content(content, events)
        started = time.perf_counter()
        pages = load_site_pages(content)
        seconds = time.perf_counter() - started
    return {
        "events": events,
        "pages": len(pages),
        "render_s_5000_events" if events == 5000 else f"render_s_{events}_events": round(seconds, 2),
        "timeline_kib": round(len(pages["timeline/index.md"].encode()) / 1024),
    }


def bench_site(events: int) -> dict[str, object]:
    """The browser benchmark (build, serve, filter), when Chromium is installed."""
    if not Path("/usr/bin/chromium").exists():
        return {"skipped": "no /usr/bin/chromium"}
    command = [sys.executable, str(ROOT / "bench" / "site_filter.py"), "--events", str(events)]
    completed = subprocess.run(command, capture_output=True, text=True, check=False)
    return {"output": completed.stdout.strip() or completed.stderr.strip()[-2000:]}


def main() -> None:
    """Run the benchmarks and print a table; compare with the targets."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", choices=["extract", "render", "site"])
    parser.add_argument("--articles", type=int, default=120, help="news texts to extract")
    parser.add_argument("--events", type=int, default=5000, help="synthetic events to render")
    parser.add_argument("--json", type=Path)
    args = parser.parse_args()
    results: dict[str, object] = {"date": dt.datetime.now().isoformat(timespec="seconds")}
    if args.only in (None, "extract"):
        results["extract"] = bench_extract(args.articles)
    if args.only in (None, "render"):
        results["render"] = bench_render(args.events)
    if args.only in (None, "site"):
        results["site"] = bench_site(args.events)
    results["peak_rss_mib"] = round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)
    print(json.dumps(results, indent=2))
    print(verdict(results))
    if args.json:
        args.json.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")


def verdict(results: dict[str, object]) -> str:
    """One line per target: the figure, the target and whether it is met."""
    flat: dict[str, float] = {}
    for value in results.values():
        if isinstance(value, dict):
            flat.update({k: v for k, v in value.items() if isinstance(v, int | float)})
    flat["peak_rss_mib"] = float(results["peak_rss_mib"])  # type: ignore[arg-type]
    lines = []
    for name, target in TARGETS.items():
        if name in flat:
            status = "ok" if flat[name] <= target else "MISSED"
            lines.append(f"{status:6} {name} = {flat[name]} (target <= {target})")
    return "\n".join(lines)


if __name__ == "__main__":
    main()
