"""The time the events stage adds to spaCy's own time on the same articles (target: at most +15%).

    python benchmarks/bench_events.py [--articles 60] [--rounds 3] [--json]

See stage_timing.py for the method; `python benchmarks/stage_timing.py` reports all stages at once.
"""

from stage_timing import main

if __name__ == "__main__":
    main("events")
