"""Speed-ups of the pipeline must not change its output.

`tidings.attribute_rules.VectorMatcher` finds the attribute ruler's matches array-wise in place
of spaCy's Matcher: the matches, every token attribute and the CONTRACT JSON of real articles
must be the same with either.
"""

from __future__ import annotations

import contextlib
import json

import pytest
from conftest import EXAMPLES, SEED, SEED_PUBLISHED

from tidings.attribute_rules import VectorMatcher, speed_up_attribute_ruler
from tidings.document import Article

pytestmark = pytest.mark.model

# Edge cases of the ruler's patterns: negation, contractions, two-token patterns, expletive
# 'there', pronoun cases, whitespace tokens, an empty text.
SENTENCES = [
    "",
    "  \n\n ",
    "I ain't gonna do it, y'all. Let's go, c'mon!",
    "It is not over. You aren't there. There is a cat and there were two dogs.",
    "We gotta leave, said the minister, who had met him; did they?",
    "He told me that it was theirs, whether or not you like it.",
    "The U.S. and China's foreign ministers met in Geneva on Tuesday.\n\nThey didn't agree.",
]


@contextlib.contextmanager
def spacy_matcher(pipeline):
    """The ruler with spaCy's own Matcher meanwhile."""
    ruler = pipeline.nlp.get_pipe("attribute_ruler")
    fast = ruler.matcher
    assert isinstance(fast, VectorMatcher), "Pipeline() should give the ruler the VectorMatcher"
    ruler.matcher = fast.original
    try:
        yield
    finally:
        ruler.matcher = fast


def _parsed_before_ruler(pipeline, text: str):
    doc = pipeline.nlp.make_doc(text)
    for name, proc in pipeline.nlp.pipeline:
        if name == "attribute_ruler":
            break
        doc = proc(doc)
    return doc


@pytest.mark.parametrize("text", SENTENCES)
def test_same_matches_as_spacy(pipeline, text):
    fast = pipeline.nlp.get_pipe("attribute_ruler").matcher
    doc = _parsed_before_ruler(pipeline, text)
    expected = sorted(set(fast.original(doc, allow_missing=True, as_spans=False)))
    assert sorted(set(fast(doc, allow_missing=True, as_spans=False))) == expected
    if text.strip():
        assert expected  # the test means something: the tag patterns match every token


def _articles() -> list[Article]:
    articles = [Article(text=SEED.read_text(encoding="utf-8"), origin=str(SEED), published=SEED_PUBLISHED)]
    for path in sorted((EXAMPLES / "wikinews").glob("*.txt"))[:4]:
        articles.append(Article(text=path.read_text(encoding="utf-8"), origin=str(path), published=path.name[:10]))
    return articles


def test_same_documents_with_and_without(pipeline):
    articles = _articles()
    fast = [json.dumps(d.to_dict(), sort_keys=True) for d in pipeline.pipe(articles)]
    with spacy_matcher(pipeline):
        slow = [json.dumps(d.to_dict(), sort_keys=True) for d in pipeline.pipe(articles)]
    assert len(fast) == 5
    assert any('"events": [{' in d for d in fast)
    for article, a, b in zip(articles, fast, slow, strict=True):
        assert a == b, article.origin


def test_token_attributes_identical(pipeline):
    from spacy.attrs import DEP, HEAD, LEMMA, MORPH, POS, TAG

    text = SEED.read_text(encoding="utf-8") + "\n\n" + " ".join(SENTENCES)
    ruler = pipeline.nlp.get_pipe("attribute_ruler")
    doc = _parsed_before_ruler(pipeline, text)
    a, b = doc.copy(), doc.copy()
    ruler(a)
    with spacy_matcher(pipeline):
        ruler(b)
    columns = [TAG, POS, MORPH, LEMMA, DEP, HEAD]
    assert (a.to_array(columns) == b.to_array(columns)).all()
    assert any(t.pos_ == "PART" and t.lemma_ == "not" for t in a)  # a rule beyond the tag map applied


def test_unsupported_patterns_keep_spacys_matcher():
    import spacy

    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("attribute_ruler")
    ruler.add([[{"LOWER": "a", "OP": "+"}]], {"TAG": "DT"})
    assert speed_up_attribute_ruler(nlp) is False
    assert not isinstance(ruler.matcher, VectorMatcher)
    nlp2 = spacy.blank("en")
    ruler2 = nlp2.add_pipe("attribute_ruler")
    ruler2.add([[{"LOWER": {"IN": ["the", "a"]}}, {"LOWER": {"REGEX": "^cats?$"}}]], {"TAG": "NN"}, index=1)
    assert speed_up_attribute_ruler(nlp2) is True
    doc = nlp2("The cat saw a dog and a cats.")
    assert [t.tag_ for t in doc] == ["", "NN", "", "", "", "", "", "NN", ""]
    ruler2.add([[{"LOWER": "dog"}]], {"TAG": "NN"})  # added later: the matcher rebuilds itself
    assert nlp2("a dog")[1].tag_ == "NN"
