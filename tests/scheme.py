"""The public clause-id scheme, written out independently of the site's code."""

SECTIONS = {1: 7, 2: 5, 3: 3, 4: 2, 5: 2}

CLAUSE_IDS = {
    "ini": [f"ini-p{n}" for n in range(1, 5)] + [f"ini-{n}" for n in range(1, 12)],
    "shd": ["shd-p1", "shd-p2"]
    + [f"shd-{section}-{n}" for section, count in SECTIONS.items() for n in range(1, count + 1)]
    + ["shd-c1"],
    "cap": ["cap-p1"] + [f"cap-g{n}" for n in range(1, 6)] + [f"cap-a{n}" for n in range(1, 11)],
    "gap": ["gap-p1", "gap-p2"] + [f"gap-{n}" for n in range(1, 14)],
}

SLUGS = {
    "ini": "global-ai-governance-initiative",
    "shd": "shanghai-declaration",
    "cap": "capacity-building-action-plan",
    "gap": "global-ai-governance-action-plan",
}


def page_path(document: str, lang: str) -> str:
    """Where a document's page is published, relative to the site root."""
    prefix = "" if lang == "en" else f"{lang}/"
    return f"{prefix}documents/{SLUGS[document]}/index.html"
