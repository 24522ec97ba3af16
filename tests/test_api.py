"""The public Python API: what `import tidings` exports, and the engine's parallel path."""

from __future__ import annotations

import pytest
from conftest import EXAMPLES, SEED_PUBLISHED

import tidings
from tidings.document import Article


def test_exported_members_are_exactly_the_public_api():
    exported = set(tidings.__all__)
    public = {name for name in dir(tidings) if not name.startswith("_") or name == "__version__"}
    modules = {name for name in public if type(getattr(tidings, name)).__name__ in ("module", "_Feature")}
    assert exported == public - modules
    assert tidings.__all__ == sorted(tidings.__all__, key=str.lower) or tidings.__all__ == sorted(tidings.__all__)


@pytest.mark.model
def test_extract_returns_a_document_pointing_into_the_text(seed_text):
    doc = tidings.extract(seed_text, published=SEED_PUBLISHED)
    data = doc.to_dict()
    assert data["article"]["text"] == seed_text
    assert data["article"]["published"] == SEED_PUBLISHED
    for key in ("mentions", "quotes", "events"):
        assert isinstance(data[key], list)
    for mention in data["mentions"]:
        assert seed_text[mention["start"]:mention["end"]] == mention["text"]


def test_published_dates_are_normalised_or_refused():
    from tidings.api import normalise_date

    assert normalise_date("2022-03-02T10:00:00Z") == "2022-03-02"
    assert normalise_date("Wed, 02 Mar 2022 10:00:00 GMT") == "2022-03-02"
    with pytest.raises(tidings.InputError):
        normalise_date("next week")


@pytest.mark.model
def test_two_workers_give_the_same_documents_as_one():
    from tidings.engine import run

    articles = [Article(text=p.read_text(encoding="utf-8"), origin=str(p))
                for p in sorted((EXAMPLES / "wikinews").glob("*.txt"))[:6]]
    one = [d.to_dict() for d in run(articles, workers=1)]
    two = [d.to_dict() for d in run(articles, workers=2, batch_size=2)]
    assert one == two
    assert [d["article"]["origin"] for d in two] == [a.origin for a in articles]


@pytest.mark.model
def test_articles_in_other_languages_are_kept_but_not_coded(pipeline):
    german = Article(text="Die Bundesregierung hat Russland aufgefordert, den Krieg zu beenden.", language="de")
    english = Article(text="Germany urged Russia to end the war.", language="en")
    for docs in ([pipeline(german), pipeline(english)], list(pipeline.pipe([german, english]))):
        assert docs[0].article.language == "de"
        assert docs[0].mentions == [] and docs[0].events == [] and docs[0].quotes == []
        assert [m.actor.country for m in docs[1].mentions] == ["DEU", "RUS"]


@pytest.mark.model
def test_an_article_a_stage_fails_on_is_named_and_costs_nothing_else():
    from spacy.language import Language

    from tidings.pipeline import Pipeline

    @Language.component("tidings_test_fails_on_boom")
    def fails_on_boom(doc):
        if "BOOM" in doc.text:
            raise ValueError("the test component refuses this article")
        return doc

    pipeline = Pipeline()
    pipeline.nlp.add_pipe("tidings_test_fails_on_boom")
    good = [Article(text="Germany urged Russia to end the war.", origin="a"),
            Article(text="China supported Russia at the UN.", origin="c")]
    bad = Article(text="BOOM. Turkey invaded Syria.", origin="b")
    docs = list(pipeline.pipe([good[0], bad, good[1]]))
    assert [d.article.origin for d in docs] == ["a", "b", "c"]
    assert docs[1].failure and docs[1].failure.startswith("T120 b:") and "refuses this article" in docs[1].failure
    assert docs[0].failure is None and docs[2].failure is None
    assert [m.actor.country for m in docs[0].mentions] == ["DEU", "RUS"]
    assert "CHN" in [m.actor.country for m in docs[2].mentions]
