"""Links in the offline copy. The site's templates write directory URLs relative to a page's
directory URL (`../shanghai-declaration/#shd-1-1` from `documents/global-ai-governance-initiative/`);
the offline copy has no directory URLs (Material's offline plugin turns use_directory_urls off,
so that pages open from file://), and these links are pointed at the files they stand for."""

from __future__ import annotations

import posixpath
import re

# A relative href or src: no scheme, not absolute, not only a fragment; path, then ?query/#fragment.
_LINK = re.compile(r'\b(href|src)="(?![a-z][a-z0-9+.-]*:|/|#)([^"?#]*)([^"]*)"')


def directory_url(file_url: str) -> str:
    """The URL a page has online: documents/x.html -> documents/x/, zh/index.html -> zh/."""
    if posixpath.basename(file_url) == "index.html":
        return file_url[: -len("index.html")]
    return file_url.removesuffix(".html") + "/"


def _resolve(base_dir: str, path: str) -> str:
    target = posixpath.normpath(posixpath.join(base_dir, path))
    target = "" if target == "." else target
    return f"{target}/" if path.endswith("/") and target else target


def offline_links(html: str, page_url: str, urls: set[str]) -> str:
    """`html` of the page at `page_url` with each link that does not reach one of `urls` (the
    site's files), but does when read from the page's directory URL, pointed at that file."""
    pages = {directory_url(url): url for url in urls if url.endswith(".html")}
    offline_dir = posixpath.dirname(page_url)
    online_dir = directory_url(page_url).rstrip("/")

    def point(match: re.Match[str]) -> str:
        attribute, path, rest = match.groups()
        if not path or _resolve(offline_dir, path) in urls:
            return match.group(0)
        target = _resolve(online_dir, path)
        file_url = pages.get(target) or (target if target in urls else None)
        if file_url is None:
            return match.group(0)
        return f'{attribute}="{posixpath.relpath(file_url, offline_dir or ".")}{rest}"'

    return _LINK.sub(point, html)
