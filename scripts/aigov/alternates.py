"""Links between the languages: the head links that Material's language selector misreads,
and each language's home.

mkdocs-static-i18n points each page's `<link rel="alternate" hreflang>` at the same page in the
other language; Material's script takes those links for language roots and fetches
`<page>/sitemap.xml` from each, two 404s on every page load (mkdocs-material#6582). The
sitemap already carries the hreflang alternates, and the selector's own links stay per page.
"""

import re
from urllib.parse import urlsplit

from .corpus import DEFAULT_LANGUAGE, LANGUAGES

_HEAD_ALTERNATE = re.compile(r'\n?[ \t]*<link rel="alternate" href="[^"]*" hreflang="[^"]*">')


def without_head_alternates(html: str) -> str:
    head, separator, body = html.partition("</head>")
    return _HEAD_ALTERNATE.sub("", head) + separator + body


def language_roots(site_url: str | None) -> dict[str, str]:
    """Each language's home page as an absolute path below the site's own path: the default
    language at the root, the others under /<lang>/, as mkdocs-static-i18n lays them out."""
    base = urlsplit(site_url or "/").path.rstrip("/")
    return {lang: f"{base}/" if lang == DEFAULT_LANGUAGE else f"{base}/{lang}/" for lang in LANGUAGES}
