"""Benchmarks: extraction speed and memory, the temporal tagger's share, rendering speed.

    .venv/bin/python bench/run.py                  # everything (make bench)
    .venv/bin/python bench/run.py --only extract   # one part: extract, render, site, build, ...
    .venv/bin/python bench/run.py --only build --build-sizes 1000   # the site build, one size
    .venv/bin/python bench/run.py --json out.json

Extraction runs on the example articles and, when ../shared/data is there, on the TimeBank +
AQUAINT news texts (real news of realistic length). Rendering runs on synthetic content of
5,000 events, as does the browser part (bench/site_filter.py, needs Chromium). The site build
runs on generated archives of 1,000 and 10,000 articles (bench/site_content.py) against a plain
Material build of the same pages (bench/site_build.py).
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
sys.path.insert(0, str(ROOT / "bench"))

from measure import peak_of as _peak_of  # noqa: E402

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
    "build_vs_plain_material": 1.3,  # at every size: ours over plain, wall time of `mkdocs build`
    "build_vs_plain_material_cpu": 1.3,  # the same in CPU time (a busy machine skews wall time)
    "per_page_ms_growth": 1.2,  # CPU ms per page at the largest size over the smallest: flat
    "largest_html_kib": 500.0,
    "edit_to_reload_s": 3.0,  # mkdocs serve, 1,000 articles: saving an events file to the browser
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
    """`timeline extract` on `size` articles: from scratch against plain `nlp.pipe`, then a no-op re-run.

    Both from-scratch runs are commands over the same texts (model loading included in both), so
    the ratio compares what a user would run with what they would otherwise run; the memory part
    repeats this at two sizes with peak memory and --jobs 2.
    """
    python = str(ROOT / ".venv" / "bin" / "python")
    with tempfile.TemporaryDirectory() as folder:
        content = Path(folder) / "content"
        articles, origin = scale_corpus(content, size)
        texts = Path(folder) / "texts.json"
        texts.write_text(json.dumps([prose_text(article.text) for article in articles]), "utf-8")
        plain_seconds, plain, _tokens = _peak_of([python, "-c", _PLAIN_NLP_PIPE, str(texts)])
        timeline = str(ROOT / ".venv" / "bin" / "timeline")
        scratch_seconds, ours, scratch_summary = _peak_of(
            [timeline, "extract", "--content", str(content), "--jobs", "1", "-q"]
        )
        noop_seconds, noop_summary = _timeline("extract", "--content", str(content), "-q")
    return {
        "corpus": f"{len(articles)} {origin}",
        "plain_nlp_pipe_s": round(plain_seconds, 1),
        "extract_from_scratch_s": round(scratch_seconds, 1),
        "extract_vs_plain_nlp_pipe": round(plain_seconds / scratch_seconds, 2),
        "extract_vs_plain_cpu_ratio": round(plain["cpu_s"] / ours["cpu_s"], 2),
        "from_scratch": scratch_summary,
        "noop_rerun_s": round(noop_seconds, 2),
        "noop_rerun": noop_summary,
        "noop_files_changed": int(noop_summary.split(";")[-1].split()[0]),
    }


_PLAIN_NLP_PIPE = """
import json, sys, spacy
from generator.extract.pipeline import resolve_model_name
texts = json.loads(open(sys.argv[1], encoding="utf-8").read())
nlp = spacy.load(resolve_model_name())
print(sum(len(doc) for doc in nlp.pipe(texts)))
"""


def bench_memory(sizes: tuple[int, ...] = (300, 1000), jobs: tuple[int, ...] = (1, 2)) -> dict[str, object]:
    """`timeline extract --jobs N` from scratch: peak memory and tokens/s against plain `nlp.pipe`.

    Both run as commands over the same texts in the same run (model loading included in both);
    memory is the process with its workers. Targets: tokens/s >= 0.8x plain with --jobs 1 and
    >= 1.6x with --jobs 2 on 2 cores; peak memory flat in the number of articles, under 1 GB.
    Wall-clock ratios need idle cores; the CPU-time figures (`*_cpu_ratio`, and for --jobs N the
    wall time N idle cores would give: the main process's own CPU plus the workers' share over N)
    hold on a busy machine too. `*_critical_path_vs_plain` compares the two runs' wall time on idle
    cores from each process's CPU sampled every 0.1 s (`measure.peak_of`: the work of each interval
    over the cores, but no process faster than one core), so a phase where the main process or one
    worker works alone counts in full.
    """
    import shutil

    python = str(ROOT / ".venv" / "bin" / "python")
    timeline = str(ROOT / ".venv" / "bin" / "timeline")
    results: dict[str, object] = {}
    checks = []
    for size in sizes:
        with tempfile.TemporaryDirectory() as folder:
            corpus = Path(folder) / "corpus"
            articles, origin = scale_corpus(corpus, size)
            texts = Path(folder) / "texts.json"
            texts.write_text(json.dumps([prose_text(article.text) for article in articles]), "utf-8")
            plain_s, plain, tokens = _peak_of([python, "-c", _PLAIN_NLP_PIPE, str(texts)])
            row: dict[str, object] = {
                "corpus": f"{len(articles)} {origin}",
                "tokens": int(tokens),
                "plain_nlp_pipe_s": round(plain_s, 1),
                "plain_cpu_s": plain["cpu_s"],
                "plain_tokens_per_s": round(int(tokens) / plain_s),
                "plain_peak_mib": {key: plain[key] for key in ("rss", "pss") if key in plain},
            }
            for count in jobs:
                content = Path(folder) / f"jobs-{count}"
                shutil.copytree(corpus / "articles", content / "articles")
                seconds, ours, summary = _peak_of(
                    [timeline, "extract", "--content", str(content), "--jobs", str(count), "-q"]
                )
                mib = {key: ours[key] for key in ("rss", "pss") if key in ours}
                ratio = round(plain_s / seconds, 2)
                idle_s = ours["parent_cpu_s"] + (ours["cpu_s"] - ours["parent_cpu_s"]) / count
                row[f"jobs{count}_s"] = round(seconds, 1)
                row[f"jobs{count}_tokens_per_s"] = round(int(tokens) / seconds)
                row[f"jobs{count}_vs_plain_nlp_pipe"] = ratio
                row[f"jobs{count}_cpu_s"] = ours["cpu_s"]
                row[f"jobs{count}_parent_cpu_s"] = ours["parent_cpu_s"]
                row[f"jobs{count}_cpu_ratio"] = round(plain["cpu_s"] / ours["cpu_s"], 2)
                row[f"jobs{count}_idle_cores_vs_plain"] = round(plain["cpu_s"] / idle_s, 2)
                if "idle_cores_wall_s" in ours:
                    row[f"jobs{count}_idle_cores_wall_s"] = ours["idle_cores_wall_s"]
                    row[f"jobs{count}_critical_path_vs_plain"] = round(
                        plain["idle_cores_wall_s"] / ours["idle_cores_wall_s"], 2
                    )
                row[f"jobs{count}_peak_mib"] = mib
                row[f"jobs{count}_summary"] = summary
                floor = 0.8 * count
                checks.append(
                    f"{'ok' if ratio >= floor else 'MISSED':6} {size} articles, --jobs {count}: "
                    f"{ratio}x plain nlp.pipe (target >= {floor}); on idle cores, from CPU time: "
                    f"{row[f'jobs{count}_idle_cores_vs_plain']}x; on idle cores, from each process's "
                    f"CPU over time: {row.get(f'jobs{count}_critical_path_vs_plain', '-')}x"
                )
                peak = mib.get("pss", mib["rss"])
                checks.append(
                    f"{'ok' if peak < 1024 else 'MISSED':6} {size} articles, --jobs {count}: "
                    f"peak {peak} MiB (target < 1024)"
                )
        results[str(size)] = row
    results["checks"] = checks
    return results


def bench_build(sizes: tuple[int, ...], pairs: int | None = None) -> dict[str, object]:
    """`mkdocs build` of generated archives against a plain Material build of the same pages, in
    alternating rounds (ours, plain, ours, plain, ...): `pairs` of them, by default 3 up to 1,000
    articles and 2 above (bench/measure.py)."""
    from measure import Command, alternate, ratios
    from site_build import build_command, make_plain_project, make_project, site_sizes

    python = str(ROOT / ".venv" / "bin" / "python")
    results: dict[str, object] = {}
    per_page = {}
    for size in sizes:
        with tempfile.TemporaryDirectory() as folder:
            project, plain = Path(folder) / "ours", Path(folder) / "plain"
            counts = make_project(project, size)
            pages = make_plain_project(project, plain)
            check_s, _ = _timeline("check", "--content", str(project / "content"))
            split = subprocess.run(
                [python, str(ROOT / "bench" / "site_build.py"), "--split", str(project / "content")],
                capture_output=True, text=True, check=True,
            )  # fmt: skip
            ours_build = Command("ours", build_command(project / "mkdocs.yml", project / "site", strict=True))
            plain_build = Command("plain", build_command(plain / "mkdocs.yml", plain / "site"))
            runs = alternate([ours_build, plain_build], pairs or (3 if size <= 1000 else 2))
            summary = ratios(runs["ours"], runs["plain"])
            ours_cpu_s, plain_cpu_s = summary["cpu_s_median"]
            ours_s, plain_s = summary["wall_s_median"]
            sizes_ours = site_sizes(project / "site", size)
            html_pages = int(sizes_ours["html_pages"])
            per_page[size] = 1000 * ours_cpu_s / html_pages
            results[str(size)] = {
                **counts,
                "markdown_pages": pages,
                "build_s": ours_s,
                "plain_material_s": plain_s,
                "build_vs_plain_material": summary["wall_ratio_median"],
                # CPU time: what the ratio is on an idle machine, whatever else this one runs
                "build_cpu_s": ours_cpu_s,
                "plain_material_cpu_s": plain_cpu_s,
                "build_vs_plain_material_cpu": summary["cpu_ratio_median"],
                "rounds": summary,
                "per_page_cpu_ms": round(per_page[size], 1),
                "plain_per_page_cpu_ms": round(1000 * plain_cpu_s / pages, 1),
                "timeline_check_s": round(check_s, 1),
                "plugin": json.loads(split.stdout),
                "peak_mib": summary["peak_mib"][0],
                "plain_peak_mib": summary["peak_mib"][1],
                **sizes_ours,
                "plain_search_index_mib": site_sizes(plain / "site", size)["search_index_mib"],
            }
    rows = [row for row in results.values() if isinstance(row, dict)]
    results["build_vs_plain_material"] = max(float(row["build_vs_plain_material"]) for row in rows)
    results["build_vs_plain_material_cpu"] = max(float(row["build_vs_plain_material_cpu"]) for row in rows)
    results["largest_html_kib"] = max(float(row["largest_html_kib"]) for row in rows)
    if len(per_page) > 1:
        results["per_page_ms_growth"] = round(per_page[max(per_page)] / per_page[min(per_page)], 2)
    return results


def bench_serve(articles: int) -> dict[str, object]:
    """`mkdocs serve --dirty`: edit-to-reload in Chromium on a generated archive (bench/serve_reload.py)."""
    if not Path("/usr/bin/chromium").exists():
        return {"skipped": "no /usr/bin/chromium"}
    command = [sys.executable, str(ROOT / "bench" / "serve_reload.py"), "--articles", str(articles)]
    completed = subprocess.run(command, capture_output=True, text=True, check=False)
    if completed.returncode:
        return {"failed": completed.stderr.strip()[-2000:]}
    return dict(json.loads(completed.stdout))


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
    parser.add_argument(
        "--only",
        choices=["extract", "scale", "memory", "import", "render", "site", "serve", "build", "search"],
    )
    parser.add_argument(
        "--build-sizes",
        default="1000,10000",
        help="articles of the generated archives the site build runs on",
    )
    parser.add_argument(
        "--build-pairs",
        type=int,
        help="alternating rounds (ours, plain) of each site build: 3 up to 1,000 articles, 2 above",
    )
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
    if args.only in (None, "memory"):
        results["memory"] = bench_memory((300, args.scale))
    if args.only in (None, "import"):
        results["import"] = bench_site_import()
    if args.only in (None, "render"):
        results["render"] = bench_render(args.events)
    if args.only in (None, "site"):
        results["site"] = bench_site(args.events)
    if args.only in (None, "serve"):
        results["serve"] = bench_serve(int(args.build_sizes.split(",")[0]))
    if args.only in (None, "build"):
        results["build"] = bench_build(
            tuple(int(size) for size in args.build_sizes.split(",")), args.build_pairs
        )
    if args.only in (None, "search"):
        from search import compare as bench_search  # bench/search.py: lunr against Pagefind, in Chromium

        results["search"] = bench_search(articles=1000, per_article=5, repeat=3)
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
