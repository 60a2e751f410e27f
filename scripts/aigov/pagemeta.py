"""What a page's <head> says about it to link previews, reference managers and indexes: its
Open Graph tags (every page), and on a document page the `citation_*` tags that Zotero and
Google Scholar read and a schema.org description in JSON-LD. Rendered by
overrides/partials/page-head.html."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from markupsafe import Markup

from .citation import script_json
from .corpus import DocumentInfo


@dataclass(frozen=True)
class PageHead:
    og: tuple[tuple[str, str], ...]
    citation: tuple[tuple[str, str], ...] = ()
    json_ld: Markup = Markup("")  # JSON with no "<" (script_json), for a <script> element


def open_graph(
    title: str, description: str, site_name: str, og_locales: Mapping[str, str], lang: str, url: str
) -> tuple[tuple[str, str], ...]:
    """og:title, og:description, og:locale and the other language's og:locale:alternate, and
    og:url when the page has a public address. The description arrives escaped (the theme writes
    page.meta.description as it is); page-head.html escapes these values, so it is unescaped here."""
    tags = [
        ("og:type", "website"),
        ("og:site_name", site_name),
        ("og:title", title),
        ("og:description", description),
        ("og:locale", og_locales[lang]),
        *(("og:locale:alternate", locale) for other, locale in og_locales.items() if other != lang),
    ]
    if url:
        tags.append(("og:url", url))
    return tuple(tags)


def citation_tags(info: DocumentInfo, lang: str, site_name: str, url: str) -> tuple[tuple[str, str], ...]:
    """The Highwire Press tags that reference managers read: the issuing body as the author."""
    tags = [
        ("citation_title", info.title[lang]),
        ("citation_author", info.issuer[lang]),
        ("citation_publication_date", info.date.strftime("%Y/%m/%d")),
        ("citation_language", lang),
        ("citation_publisher", site_name),
    ]
    if url:
        tags.append(("citation_public_url", url))
    return tuple(tags)


def document_json_ld(
    info: DocumentInfo, lang: str, tags: Mapping[str, str], urls: Mapping[str, str], site: Mapping[str, str]
) -> Markup:
    """A schema.org CreativeWork: its name in both languages, the issuing body as author and
    publisher, its date and language, the other language's page and the official publications
    whose address was confirmed."""
    issuer = {"@type": "Organization", "name": info.issuer[lang]}
    data: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "CreativeWork",
        "name": [{"@value": info.title[code], "@language": tags[code]} for code in (lang, *(c for c in info.title if c != lang))],
        "headline": info.title[lang],
        "description": info.summary[lang],
        "author": issuer,
        "publisher": issuer,
        "datePublished": info.date.isoformat(),
        "inLanguage": tags[lang],
        "isBasedOn": [source.url for source in info.sources if source.confirmed],
        "isPartOf": {"@type": "WebSite", "name": site["name"], **({"url": site["url"]} if site["url"] else {})},
    }
    if urls[lang]:
        data["url"] = urls[lang]
        data["sameAs"] = [url for code, url in urls.items() if code != lang]
    return Markup(script_json(data))
