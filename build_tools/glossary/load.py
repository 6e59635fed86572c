"""Load the curated glossary (source_texts/glossary.yml) into validated Term objects."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import cached_property
from pathlib import Path

from build_tools.curated import Entry, each, present, read_entries, unique
from build_tools.errors import CuratedDataError
from build_tools.glossary.pinyin import index_initial, sort_key, term_pinyin
from build_tools.model import Basis, Confidence, Term
from build_tools.textutil import HAN_CLASS, unfold

GLOSSARY_FILE = "glossary.yml"
_KEYS = frozenset(
    {"id", "term", "aliases", "pinyin", "explanation", "components", "basis",
     "basis_confidence", "related", "category", "exclusions"}
)  # fmt: skip
_REQUIRED = frozenset({"id", "term", "explanation", "basis_confidence"})
_ID = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
_SYLLABLE = re.compile(r"^[a-zA-Zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüńňǹ]+$")
_HAN = re.compile(f"[{HAN_CLASS}]")


@dataclass(frozen=True)
class Glossary:
    """All terms in pinyin order, with lookups by id and by written form."""

    terms: tuple[Term, ...]

    @cached_property
    def by_id(self) -> dict[str, Term]:
        """Terms by id."""
        return {term.id: term for term in self.terms}

    @cached_property
    def by_form(self) -> dict[str, Term]:
        """Terms by every written form (term and aliases)."""
        return {form: term for term in self.terms for form in term.forms}

    def related(self, term: Term) -> tuple[Term, ...]:
        """Related terms both ways: those it lists and those that list it, in pinyin order."""
        ids = set(term.related) | {other.id for other in self.terms if term.id in other.related}
        return tuple(other for other in self.terms if other.id in ids)

    def initial(self, term: Term) -> str:
        """The A–Z letter the term is listed under."""
        return index_initial(term.term, term.pinyin)


def load_glossary(path: Path) -> Glossary:
    """The glossary in ``path``; an empty glossary if the file does not exist. The first
    bad entry raises (see ``read_glossary`` for a glossary without the bad entries)."""
    glossary, errors = read_glossary(path)
    if errors:
        raise errors[0]
    return glossary


def read_glossary(path: Path) -> tuple[Glossary, list[CuratedDataError]]:
    """The terms of ``path`` that are usable, and an error for each entry left out."""
    if not present(path):
        return Glossary(()), []
    entries, errors = read_entries(path, _KEYS, _REQUIRED)
    # Ids of every entry, those left out included: a link to one of them is no error of its own.
    named = {entry.name for entry in entries} | {str(error.entry) for error in errors}
    made = unique(each(entries, _term, errors), lambda term: term.id, errors)
    made = _distinct_forms(made, errors)
    kept = [term for entry, term in made if _related_ok(entry, term, named, errors)]
    ids = {term.id for term in kept}
    terms = [replace(term, related=tuple(r for r in term.related if r in ids)) for term in kept]
    errors.sort(key=lambda error: error.line or 0)
    return Glossary(tuple(sorted(terms, key=lambda t: sort_key(t.term, t.pinyin)))), errors


def _related_ok(entry: Entry, term: Term, named: set[str], errors: list[CuratedDataError]) -> bool:
    for related in term.related:
        if related == term.id:
            errors.append(entry.error("related", "a term cannot be related to itself"))
            return False
        if related not in named:
            errors.append(entry.error("related", f"unknown term id '{related}'"))
            return False
    return True


def _term(entry: Entry) -> Term:
    ident = entry.text("id")
    if not _ID.match(ident):
        raise entry.error("id", f"expected lowercase ASCII words joined by '-', got {ident!r}")
    term = entry.word("term")
    override = entry.optional_text("pinyin")
    if override is not None:
        _check_pinyin(entry, term, override)
    confidence = entry.text("basis_confidence")
    if confidence not in {c.value for c in Confidence}:
        raise entry.error("basis_confidence", f"expected checked or unsure, got {confidence!r}")
    return Term(
        id=ident,
        term=term,
        aliases=entry.words("aliases"),
        pinyin=override or term_pinyin(term),
        explanation=unfold(entry.text("explanation")),
        components=entry.texts("components"),
        basis=_basis(entry),
        basis_confidence=Confidence(confidence),
        related=entry.texts("related"),
        category=entry.optional_text("category"),
        pinyin_overridden=override is not None,
        exclusions=_exclusions(entry, term),
    )


def _exclusions(entry: Entry, term: str) -> tuple[str, ...]:
    found = entry.texts("exclusions")
    forms = (term, *entry.texts("aliases"))
    for exclusion in found:
        if not any(form in exclusion and form != exclusion for form in forms):
            raise entry.error("exclusions", f"'{exclusion}' must contain the term or an alias")
    return found


def _check_pinyin(entry: Entry, term: str, reading: str) -> None:
    syllables = reading.split()
    if not all(_SYLLABLE.match(s) for s in syllables):
        raise entry.error("pinyin", f"expected syllables with tone marks, got {reading!r}")
    if len(syllables) != len(_HAN.findall(term)):
        raise entry.error("pinyin", f"expected one syllable per Chinese character of {term}")


def _basis(entry: Entry) -> tuple[Basis, ...]:
    value = entry.values.get("basis") or []
    if not isinstance(value, list):
        raise entry.error("basis", "expected a list of {document, article}")
    found = []
    for item in value:
        if not isinstance(item, dict) or not isinstance(item.get("document"), str):
            raise entry.error("basis", "each basis needs a 'document' text")
        if set(item) - {"document", "article"}:
            raise entry.error(
                "basis", f"unknown basis keys {sorted(set(item) - {'document', 'article'})}"
            )
        article = item.get("article")
        if article is not None and not isinstance(article, str):
            raise entry.error("basis", "'article' must be text or null")
        found.append(Basis(item["document"].strip(), article.strip() if article else None))
    return tuple(found)


def _distinct_forms(
    made: list[tuple[Entry, Term]], errors: list[CuratedDataError]
) -> list[tuple[Entry, Term]]:
    """The entries whose term and aliases no earlier entry has."""
    seen: dict[str, str] = {}
    kept = []
    for entry, term in made:
        taken = [form for form in term.forms if form in seen]
        if taken:
            key = "term" if taken[0] == term.term else "aliases"
            errors.append(entry.error(key, f"'{taken[0]}' is already a form of {seen[taken[0]]}"))
            continue
        seen.update((form, term.id) for form in term.forms)
        kept.append((entry, term))
    return kept
