"""The time the quotes stage adds to spaCy's own time on the same articles (target: at most +10%).

    python benchmarks/bench_quotes.py [--articles 60] [--rounds 3] [--json]

See stage_timing.py for the method; `python benchmarks/stage_timing.py` reports all stages at once.
"""

from stage_timing import main

if __name__ == "__main__":
    main("quotes")
