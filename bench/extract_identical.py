"""Whether two checkouts extract the same real news byte for byte, and their CPU time beside plain `nlp.pipe`.

    git -C /work/main worktree add /work/wt-base main      # the reference, e.g. main's HEAD
    .venv/bin/python bench/extract_identical.py /work/wt-base . --articles 300 --jobs 1 2

Each checkout runs `timeline extract --jobs N` (with its own code first on PYTHONPATH) from
scratch over the same articles from ../shared/data; content/events/ and actors.yml are then
compared file by file. CPU seconds (the command with its workers) are comparable on a busy
machine, where wall time is not. Exit status 1 when any output differs.
"""

from __future__ import annotations

import argparse
import filecmp
import os
import resource
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from generator.evaluation.corpus import news_articles, write_articles  # noqa: E402

_PLAIN = """
import sys, spacy
from pathlib import Path
from generator.extract.pipeline import resolve_model_name
from generator.ingest.articles import find_articles, read_article
from generator.text import prose_text
texts = [prose_text(read_article(path).text) for path in find_articles(Path(sys.argv[1]))]
nlp = spacy.load(resolve_model_name())
print(sum(len(doc) for doc in nlp.pipe(texts)))
"""


def _cpu_seconds(command: list[str], checkout: Path) -> float:
    """CPU seconds of `command` and its children, with `checkout`'s code first on the path."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    environment = dict(os.environ, PYTHONPATH=str(checkout.resolve()))
    # run from the checkout: `python -c` puts the working directory before PYTHONPATH on the path
    completed = subprocess.run(
        command, capture_output=True, text=True, env=environment, cwd=checkout.resolve(), check=False
    )
    if completed.returncode not in (0, 1):  # 1: some article failed, which the diff shows
        raise SystemExit(f"{command[:3]} failed:\n{completed.stderr[-2000:]}")
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime


def _differences(left: Path, right: Path) -> list[str]:
    """Paths under content/ (the cache aside) whose bytes differ, or that only one side has."""
    found = []
    comparison = filecmp.dircmp(left, right, ignore=[".timeline-cache"])
    stack = [(comparison, Path())]
    while stack:
        current, where = stack.pop()
        found += [str(where / name) for name in current.left_only + current.right_only]
        _, mismatch, errors = filecmp.cmpfiles(
            current.left, current.right, current.common_files, shallow=False
        )
        found += [str(where / name) for name in mismatch + errors]
        stack += [(sub, where / name) for name, sub in current.subdirs.items()]
    return sorted(found)


def main() -> None:
    """Extract with both checkouts, print CPU seconds and ratios, and diff the output."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("reference", type=Path)
    parser.add_argument("candidate", type=Path)
    parser.add_argument("--articles", type=int, default=300)
    parser.add_argument("--jobs", type=int, nargs="+", default=[1])
    args = parser.parse_args()
    python = str(ROOT / ".venv" / "bin" / "python")
    with tempfile.TemporaryDirectory() as folder:
        corpus = Path(folder) / "corpus" / "articles"
        write_articles(news_articles(ROOT.parent / "shared" / "data", limit=args.articles), corpus)
        plain = _cpu_seconds([python, "-c", _PLAIN, str(corpus)], args.candidate)
        print(f"plain nlp.pipe: {plain:.1f} CPU s")
        differing = False
        for jobs in args.jobs:
            outputs = []
            for checkout in (args.reference, args.candidate):
                content = Path(folder) / f"{checkout.resolve().name}-jobs{jobs}"
                shutil.copytree(corpus, content / "articles")
                command = [python, "-c", "from generator.cli import main; main()", "extract"]
                seconds = _cpu_seconds(
                    [*command, "--content", str(content), "--jobs", str(jobs), "-q"], checkout
                )
                print(f"{checkout}, --jobs {jobs}: {seconds:.1f} CPU s ({plain / seconds:.2f}x plain's)")
                outputs.append(content)
            differences = _differences(*outputs)
            files = sum(1 for _ in (outputs[0] / "events").glob("*.yml"))
            verdict = "identical" if not differences else f"{len(differences)} differ: {differences[:10]}"
            print(f"--jobs {jobs}: {files} events files and actors.yml {verdict}")
            differing = differing or bool(differences)
    raise SystemExit(1 if differing else 0)


if __name__ == "__main__":
    main()
