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
from generator.text import prose_text  # noqa: E402

TARGETS = {
    "extract_ms_per_article": 250.0,  # spaCy small model on 2 cores: NLP dominates
    "tagger_share": 0.15,  # the temporal tagger adds little to the spaCy pass
    "render_s_5000_events": 10.0,
    "peak_rss_mib": 1500.0,
    "noop_rerun_s": 1.0,  # 1,000 unchanged articles: no model, no YAML parsed
    "noop_files_changed": 0,
    "plugin_import_s": 0.6,
}
# Ratios where higher is better: ours against what a user would otherwise run.
FLOORS = {"extract_vs_plain_nlp_pipe": 0.8}


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
    started = time.perf_counter()
    events = sum(
        len(extract_article(article, doc=doc).events) for doc, article in zip(docs, articles, strict=True)
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


def scale_corpus(folder: Path, size: int) -> tuple[list[Article], str]:
    """`size` real news articles from ../shared/data written under `folder`, else generated ones."""
    from generator.evaluation.corpus import news_articles, write_articles

    articles = news_articles(ROOT.parent / "shared" / "data", limit=size)
    origin = "real news from ../shared/data"
    if len(articles) < size:
        from generator.evaluation.corpus import generated_articles

        articles = generated_articles(size)
        origin = "generated articles (../shared/data is absent)"
    write_articles(articles, folder / "articles")
    return articles, origin


def _timeline(*arguments: str) -> tuple[float, str]:
    started = time.perf_counter()
    completed = subprocess.run(
        [str(ROOT / ".venv" / "bin" / "timeline"), *arguments], capture_output=True, text=True, check=True
    )
    return time.perf_counter() - started, completed.stdout.strip().splitlines()[-1]


def bench_scale(size: int) -> dict[str, object]:
    """`timeline extract` on `size` articles: from scratch against plain `nlp.pipe`, then a no-op re-run."""
    with tempfile.TemporaryDirectory() as folder:
        content = Path(folder) / "content"
        articles, origin = scale_corpus(content, size)
        nlp = load_pipeline()
        texts = [prose_text(article.text) for article in articles]
        started = time.perf_counter()
        for _doc in nlp.pipe(texts):
            pass  # what a user would otherwise run: the same model over the same texts
        plain_seconds = time.perf_counter() - started
        scratch_seconds, scratch_summary = _timeline(
            "extract", "--content", str(content), "--jobs", "1", "-q"
        )
        noop_seconds, noop_summary = _timeline("extract", "--content", str(content), "-q")
    return {
        "corpus": f"{len(articles)} {origin}",
        "plain_nlp_pipe_s": round(plain_seconds, 1),
        "extract_from_scratch_s": round(scratch_seconds, 1),
        "extract_vs_plain_nlp_pipe": round(plain_seconds / scratch_seconds, 2),
        "from_scratch": scratch_summary,
        "noop_rerun_s": round(noop_seconds, 2),
        "noop_rerun": noop_summary,
        "noop_files_changed": int(noop_summary.split(";")[-1].split()[0]),
    }


def bench_site_import() -> dict[str, object]:
    """What `mkdocs build` pays to import the plugin, and whether spaCy comes with it."""
    python = str(ROOT / ".venv" / "bin" / "python")
    timings = []
    for module in ("generator.plugin", "mkdocs.commands.build"):
        started = time.perf_counter()
        completed = subprocess.run(
            [python, "-X", "importtime", "-c", f"import {module}"], capture_output=True, text=True
        )
        timings.append((time.perf_counter() - started, completed.stderr))
    (plugin_s, plugin_log), (mkdocs_s, _) = timings
    heavy = sorted(
        {line.split("|")[-1].strip().split(".")[0] for line in plugin_log.splitlines()}
        & {"spacy", "thinc", "torch"}
    )
    return {
        "plugin_import_s": round(plugin_s, 2),
        "mkdocs_import_s": round(mkdocs_s, 2),
        "plugin_imports_nlp": ", ".join(heavy) or "none",
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
    parser.add_argument("--only", choices=["extract", "scale", "import", "render", "site"])
    parser.add_argument(
        "--scale", type=int, default=1000, help="articles for the from-scratch and no-op runs"
    )
    parser.add_argument("--articles", type=int, default=120, help="news texts to extract")
    parser.add_argument("--events", type=int, default=5000, help="synthetic events to render")
    parser.add_argument("--json", type=Path)
    args = parser.parse_args()
    results: dict[str, object] = {"date": dt.datetime.now().isoformat(timespec="seconds")}
    if args.only in (None, "extract"):
        results["extract"] = bench_extract(args.articles)
    if args.only in (None, "scale"):
        results["scale"] = bench_scale(args.scale)
    if args.only in (None, "import"):
        results["import"] = bench_site_import()
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
    for name, floor in FLOORS.items():
        if name in flat:
            status = "ok" if flat[name] >= floor else "MISSED"
            lines.append(f"{status:6} {name} = {flat[name]} (target >= {floor})")
    return "\n".join(lines)


if __name__ == "__main__":
    main()
