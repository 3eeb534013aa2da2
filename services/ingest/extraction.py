"""HTML to text with trafilatura, off the event loop.

Why trafilatura: it is maintained, parses with lxml (HTML5-tolerant: `<head>` without `</head>`, unclosed
tags), drops navigation, footers and link lists such as "related stories" (whose facility names would raise
alerts about other stories), and keeps table cells apart. Its article extractor expects a page: on a fragment
(no `<html>`/`<body>`) it may drop a headline or return nothing, so a fragment — or a page where it finds no
main text — is read whole with trafilatura's `html2txt` (visible text, block and cell boundaries kept as
spaces, scripts and styles dropped). inscriptis was the alternative: layout-preserving, but it keeps all
boilerplate, glues cells of a row outside a `<table>` and brings `requests` along.
"""

from __future__ import annotations

import re

import anyio
import lxml.html
from lxml.etree import ParserError
from trafilatura import extract, html2txt

_DOCUMENT = re.compile(r"<\s*(html|body)[\s>/]", re.IGNORECASE)


def html_to_text(html: str) -> str:
    """The readable text of an HTML page or fragment; '' when it has none. Pure and CPU-bound."""
    if not html.strip():
        return ""
    text = None
    if _DOCUMENT.search(html):
        text = extract(html, include_tables=True, include_comments=False, favor_recall=True, deduplicate=False)
    if not text:
        try:
            tree = lxml.html.document_fromstring(html)
        except (ParserError, ValueError):
            return ""
        text = html2txt(tree)
    lines = (" ".join(line.split()) for line in text.splitlines())
    return "\n".join(line for line in lines if line)


class Extractor:
    """Runs `html_to_text` in worker threads, at most `concurrency` at once, so a large page neither blocks the
    event loop (health checks, other requests) nor lets a burst of pages take every core."""

    def __init__(self, concurrency: int) -> None:
        self.limiter = anyio.CapacityLimiter(concurrency)

    async def text(self, html: str) -> str:
        return await anyio.to_thread.run_sync(html_to_text, html, limiter=self.limiter)
