"""Generated content/ at archive size for the site benchmarks: articles, events and actors.

    .venv/bin/python bench/site_content.py OUT --articles 1000

Per article: five dated events (each quoting one of its sentences, two actors, a place) among
some twenty sentences of running text. Actors are long-tailed as in a news archive: drawn by
Zipf weights over 1.5 actors per article, so at 10,000 articles the busiest has some 9,000
events and most have one or two. Written with the helpers the site tests use; `timeline check`
finds nothing wrong with it.
"""

from __future__ import annotations

import argparse
import datetime as dt
import itertools
import random
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))

from site_helpers import write_actors, write_article, write_events

from generator.text import split_sentences

EVENTS_PER_ARTICLE = 5
FILLER_SENTENCES = 15
ACTORS_PER_ARTICLE = 1.5
FIRST_NAMES = (
    "Ada Ben Cara Dev Elena Farid Greta Hugo Ines Jonas Kemal Lena Marco Nadia Oscar Priya Quinn Rosa "
    "Samir Tara Umar Vera Wen Xavier Yara Zoltan Alba Bruno Chiara Dario Emre Fiona Goran Hana Ivo "
    "Jana Kofi Lucia Milan Nora Otto Paula Rafael Sofia Tomas Ulla Viktor Wanda Yusuf Zara"
).split()
LAST_NAMES = (
    "Abbott Baker Castro Dalton Eriksen Fischer Garcia Horvat Ibrahim Jensen Kowalski Lopez Moreau "
    "Novak Okafor Petrov Quintero Rossi Schmidt Tanaka Urban Varga Weber Xu Yilmaz Zeller Adler Brandt "
    "Costa Dumont Engel Ferrari Gruber Haas Iversen Jovanovic Keller Lindqvist Marsh Nilsen Ortega "
    "Popescu Richter Silva Torres Ulrich Vidal Walsh Young Zimmer"
).split()
KINDS = ("person", "person", "organization", "country")
VERBS = ("met", "signed an accord with", "criticised", "visited", "called", "praised", "sanctioned", "hosted")
PLACES = [
    f"{name}{suffix}" for name in ("Port", "Lake", "Fort", "Mount", "New") for suffix in "abcdefghijklmnop"
]
# Filler: the running text of a news story (search indexes it; it is no event).
WORDS = (
    "officials said the talks would continue next week while observers noted that the budget and "
    "the new rules on trade remained open questions for the council the ministry and the regional "
    "partners who asked for more time to review the draft and publish their findings"
).split()


def actor_names(count: int) -> list[str]:
    """`count` distinct names: first and last name, then a number when the pairs run out."""
    pairs = (f"{first} {last}" for last, first in itertools.product(LAST_NAMES, FIRST_NAMES))
    names = list(itertools.islice(pairs, count))
    names += [f"Delegate {number}" for number in range(count - len(names))]
    return names


def generate(content: Path, articles: int, seed: int = 5) -> dict[str, int]:
    """Write content/ of `articles` articles; the counts written."""
    rng = random.Random(seed)
    names = actor_names(max(2, round(ACTORS_PER_ARTICLE * articles)))
    rng.shuffle(names)  # the busiest actors spread over the alphabet
    weights = list(itertools.accumulate(1 / rank for rank in range(1, len(names) + 1)))
    used: set[str] = set()
    start, span = dt.date(1990, 1, 1), 35 * 365
    for number in range(articles):
        published = start + dt.timedelta(days=span * number // max(1, articles))
        slug = f"n{number:05d}"
        sentences, plan = _article_sentences(rng, names, weights, published)
        text = " ".join(sentences)
        offsets = {" ".join(s.text.split()): s.index for s in split_sentences(text)}
        events = [
            _event(slug, index, sentences[position], offsets[sentences[position]], who, where, date, rng)
            for index, (position, who, where, date) in enumerate(plan)
        ]
        used.update(name for _, who, _, _ in plan for name in who)
        write_article(
            content, slug, f"Report {number}: {sentences[plan[0][0]][:60]}", published.isoformat(), sentences
        )
        write_events(content, slug, events)
    kinds = {name: {"kind": KINDS[index % len(KINDS)], "aliases": []} for index, name in enumerate(names)}
    write_actors(content, {name: kinds[name] for name in names if name in used})
    return {"articles": articles, "events": articles * EVENTS_PER_ARTICLE, "actors": len(used)}


def _article_sentences(
    rng: random.Random, names: list[str], weights: list[float], published: dt.date
) -> tuple[list[str], list[tuple[int, tuple[str, str], str, str]]]:
    sentences = [_filler(rng) for _ in range(FILLER_SENTENCES)]
    plan = []
    for position in sorted(rng.sample(range(FILLER_SENTENCES + EVENTS_PER_ARTICLE), EVENTS_PER_ARTICLE)):
        first, second = _two_actors(rng, names, weights)
        where = rng.choice(PLACES)
        day = published - dt.timedelta(days=rng.randint(0, 40))
        date = day.isoformat()[: rng.choice((10, 10, 10, 7, 4))]
        sentences.insert(position, f"{first} {rng.choice(VERBS)} {second} in {where} on {day.isoformat()}.")
        plan.append((position, (first, second), where, date))
    return sentences, plan


def _two_actors(rng: random.Random, names: list[str], weights: list[float]) -> tuple[str, str]:
    while True:
        first, second = rng.choices(names, cum_weights=weights, k=2)
        if first != second:
            return first, second


def _filler(rng: random.Random) -> str:
    words = rng.choices(WORDS, k=rng.randint(12, 24))
    return " ".join(words).capitalize() + "."


def _event(
    slug: str,
    index: int,
    quote: str,
    sentence: int,
    who: tuple[str, str],
    where: str,
    date: str,
    rng: random.Random,
) -> dict[str, object]:
    return {
        "id": f"{slug}-{index + 1}",
        "date": date,
        "date_source": "text",
        "title": f"{who[0]} and {who[1]} in {where}",
        "actors": list(who),
        "places": [where],
        "quote": quote,
        "sentence": sentence,
        "confidence": round(rng.uniform(0.4, 1.0), 2),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("content", type=Path)
    parser.add_argument("--articles", type=int, default=1000)
    args = parser.parse_args()
    print(generate(args.content, args.articles))


if __name__ == "__main__":
    main()
