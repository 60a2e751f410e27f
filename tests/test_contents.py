"""The contents list leaves out the headings folded in a <details> (scripts/aigov/contents.py)."""

from __future__ import annotations

from mkdocs.structure.toc import get_toc

from aigov.contents import contents_without, folded_heading_ids


def test_the_headings_inside_a_fold_are_found_at_any_depth_and_only_there():
    html = """<h1 id="title">T</h1>
<details><summary>About</summary><h2 id="sources">Sources</h2>
<details><summary>More</summary><h3 id="inner">Inner</h3></details>
<h3 id="after-inner">Still folded</h3></details>
<h2 id="clause">Clause</h2><h2>No id</h2>"""
    assert folded_heading_ids(html) == {"sources", "inner", "after-inner"}
    assert folded_heading_ids("<h2 id='a'>A</h2>") == set()


def test_the_contents_list_drops_the_entries_and_what_is_under_them_and_keeps_the_rest():
    def token(anchor: str, level: int, *children: dict) -> dict:
        return {"level": level, "id": anchor, "name": anchor.title(), "children": list(children)}

    toc = get_toc([token("title", 1, token("sources", 2, token("publisher", 3)), token("clause-1", 2), token("clause-2", 2))])
    kept = contents_without(toc, {"sources"})
    assert [(link.id, [child.id for child in link.children]) for link in kept] == [("title", ["clause-1", "clause-2"])]
    assert [child.id for child in next(iter(toc)).children] == ["sources", "clause-1", "clause-2"], (
        "the page's own list is left as it was"
    )
