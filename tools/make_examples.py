"""Writes examples/ from the shared Wikinews CSVs (CC BY 2.5) and the seed article.

Run from the project folder: python tools/make_examples.py [SHARED_DATA]
The selection is a fixed list of international-affairs stories, by URL, so the output is stable.
"""

from __future__ import annotations

import csv
import json
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parents[1]
SHARED = Path(sys.argv[1]) if len(sys.argv) > 1 else HERE.parent / "shared" / "data"
SEED_PUBLISHED = "2022-03-02"

TITLES = [
    "Germany bans Mahan Air of Iran, citing 'security'",
    "Car bomb ramming attack kills dozens at military base in Maidan Wardak, Afghanistan",
    "Mokha, Yemen bomb kills photojournalist, at least five others",
    "Turkey's President Erdogan proposes converting Hagia Sophia Museum to mosque",
    "Hong Kong protesters surround downtown police complex",
    "Benin, Nigeria join African Union continental free trade bloc",
    "World leaders call to address Amazon rainforest fires at G7",
    "Hong Kong leader announces withdrawal of extradition bill",
    "Oil facilities in Saudi Arabia hit by drone attacks",
    "Iran's President Rouhani tells foreign powers to leave Persian Gulf",
    "Fiancée of murdered Saudi journalist demands justice at UN General Assembly",
    "U.S. House issues subpoena to secretary of state as special envoy to Ukraine resigns",
    "US President Trump announces troop withdrawal from Syria",
    "UK urges US to waive immunity for diplomat's wife involved in fatal collision",
    "Kurds announce deal with Assad's government as Turkey invades Syria's northeast",
    "US announces restrictions on flying to Cuba",
    "Coalition authorities report no casualties from missile strike on Iraqi air base",
    "United States military kills Qasem Soleimani",
    "Iraqi Parliament votes for expulsion of United States troops",
    "Greek prime minister reaffirms EastMed pipeline project is open for other countries to join",
    "Cairo summit denounces Turkish-Libyan maritime border agreement",
    "Iran admits downing Ukrainian jet, cites 'human error'",
    "Ukrainian president rejects prime minister's resignation over leaked audio recording",
    "Iran issues arrest warrants for 36 people, including US President Trump; seeks Interpol's aid",
    "Serbian protesters try to storm Parliament; fourth day of protests",
    "Belarussian opposition presidential candidate Sviatlana Tsikhanouskaya holds major rally in Minsk",
    "Russia's Navalny airlifted to Germany",
    "Germany says Alexei Navalny poisoned with Novichok",
]


def slug(title: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", title.lower()).strip("-")[:80]


def main() -> None:
    csv.field_size_limit(sys.maxsize)
    rows = {}
    for name in ("wikinews_2019.csv", "wikinews_2020.csv"):
        with open(SHARED / "corpora/text/wikinews_vanatteveldt" / name, newline="", encoding="utf-8") as f:
            for row in csv.DictReader(f):
                rows[row["title"]] = row
    out = HERE / "examples"
    (out / "wikinews").mkdir(parents=True, exist_ok=True)
    (out / "seed").mkdir(parents=True, exist_ok=True)
    seed = (SHARED / "seed/china-ukraine-mediation.txt").read_text(encoding="utf-8")
    (out / "seed/china-ukraine-mediation.txt").write_text(seed, encoding="utf-8")
    records = [{"text": seed, "title": None, "url": None, "published": SEED_PUBLISHED, "source": None}]
    attribution = [
        "# Attribution\n",
        "The files in `wikinews/` and the Wikinews records in `articles.jsonl` are articles from Wikinews",
        "(https://en.wikinews.org), licensed under Creative Commons Attribution 2.5",
        "(https://creativecommons.org/licenses/by/2.5/). They were taken unchanged from the CSV files of",
        "https://github.com/vanatteveldt/wikinews (commit 347254178bf343f3801aac1d03c41cc09c35decb).",
        "The seed article `seed/china-ukraine-mediation.txt` is the project's own starting case.\n",
        "| file | title | date | source |",
        "|---|---|---|---|",
    ]
    for title in TITLES:
        row = rows[title]
        name = f"{row['date']}-{slug(title)}.txt"
        (out / "wikinews" / name).write_text(row["text"], encoding="utf-8")
        records.append({"text": row["text"], "title": title, "url": row["url"], "published": row["date"],
                        "source": "Wikinews"})
        attribution.append(f"| wikinews/{name} | {title} | {row['date']} | {row['url']} |")
    with open(out / "articles.jsonl", "w", encoding="utf-8") as f:
        f.writelines(json.dumps(record, ensure_ascii=False) + "\n" for record in records)
    (out / "ATTRIBUTION.md").write_text("\n".join(attribution) + "\n", encoding="utf-8")
    print(f"wrote {len(records)} articles to {out}")


if __name__ == "__main__":
    main()
