"""Head links to the other language, which Material's language selector misreads.

mkdocs-static-i18n points each page's `<link rel="alternate" hreflang>` at the same page in the
other language; Material's script takes those links for language roots and fetches
`<page>/sitemap.xml` from each, two 404s on every page load (mkdocs-material#6582). The
sitemap already carries the hreflang alternates, and the selector's own links stay per page.
"""

import re

_HEAD_ALTERNATE = re.compile(r'\n?[ \t]*<link rel="alternate" href="[^"]*" hreflang="[^"]*">')


def without_head_alternates(html: str) -> str:
    head, separator, body = html.partition("</head>")
    return _HEAD_ALTERNATE.sub("", head) + separator + body
