"""The article text of a saved web page, without menus, footers, share buttons and comments.

News sites wrap one article in navigation, "most read" lists, cookie notices and related links.
We parse with lxml, drop the elements that are never article text (scripts, navigation, headers,
footers, asides, forms, and blocks whose class or id names them as boilerplate), then keep the
container that holds the most paragraph text (an ``<article>`` or ``articleBody`` when the page
marks one). The headline (``<h1>``, else ``<title>``) comes first, then one paragraph per line.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from lxml import etree, html

from archive.errors import InputFileError

if TYPE_CHECKING:
    from archive.importing.readers import DecodedText

_NEVER_TEXT = ("script", "style", "noscript", "nav", "header", "footer", "aside", "form", "iframe",
               "svg", "button", "select", "template", "figure")
_BOILERPLATE = re.compile(
    r"(^|[\s_-])(nav|navbar|menu|footer|header|sidebar|side-bar|breadcrumbs?|share|sharing|social|"
    r"related|recommended|most-?read|popular|comments?|cookie|banner|advert|ads?|promo|newsletter|"
    r"subscribe|tags?|widget|pagination|login|search)([\s_-]|$)", re.IGNORECASE)
_BLOCKS = ("p", "h1", "h2", "h3", "h4", "li", "blockquote", "div", "td", "pre")
_SPACES = re.compile(r"[ \t\u00a0]+")
_DECLARED_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?([A-Za-z0-9_-]+)""", re.IGNORECASE)
_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>")


def decode_html_bytes(data: bytes, name: str) -> DecodedText:
    """The page's markup as text: its declared charset when it names one that decodes, else detection.

    A declared name that is no text encoding ("undefined", "base64", a made-up name) or that does
    not decode the page is ignored, as browsers do.
    """
    from archive.importing.readers import DecodedText, decode_text

    declared = _DECLARED_CHARSET.search(data[:8192])
    if declared:
        encoding = declared.group(1).decode("ascii").lower()
        try:
            return DecodedText(data.decode(encoding), encoding)
        except (LookupError, UnicodeError, ValueError):  # Python's "undefined" codec raises a plain UnicodeError
            pass
    return decode_text(data, name)


def article_text(markup: str, name: str) -> str:
    """The readable article text of an HTML page."""
    markup = _XML_DECLARATION.sub("", markup, count=1)
    if not markup.strip():
        raise InputFileError("{name} is empty.", name=name)
    parser = html.HTMLParser()
    try:
        root = html.fromstring(markup, parser=parser)
    except (etree.ParserError, ValueError) as error:
        raise InputFileError("{name} is not a readable web page.", name=name) from error
    if any(entry.type == etree.ErrorTypes.ERR_RESOURCE_LIMIT for entry in parser.error_log):
        # libxml2 stops at 256 levels and keeps an empty tree: say why, rather than "empty"
        raise InputFileError("{name} is not a readable web page: its elements are nested too deeply.", name=name)
    headline = _headline(root)
    _drop_boilerplate(root)
    body = _main_container(root)
    paragraphs = _paragraphs(body)
    if headline and (not paragraphs or _squash(paragraphs[0]) != _squash(headline)):
        paragraphs.insert(0, headline)
    return "\n\n".join(paragraphs)


def _headline(root: html.HtmlElement) -> str:
    for element in root.iter("h1"):
        text = _squash(element.text_content())
        if text:
            return text
    titles = root.findall(".//title")
    return _squash(titles[0].text_content()) if titles else ""


def _drop_boilerplate(root: html.HtmlElement) -> None:
    doomed = [element for element in root.iter() if _is_boilerplate(element)]
    for element in doomed:
        if element.getparent() is not None:
            element.drop_tree()


def _is_boilerplate(element: etree._Element) -> bool:
    if not isinstance(element.tag, str) or element.tag in ("html", "body"):
        return not isinstance(element.tag, str)  # comments and processing instructions
    if element.tag in _NEVER_TEXT:
        return True
    if element.tag == "article" or element.get("itemprop") == "articleBody":
        return False
    marker = f"{element.get('class', '')} {element.get('id', '')} {element.get('role', '')}"
    return bool(_BOILERPLATE.search(marker))


def _main_container(root: html.HtmlElement) -> html.HtmlElement:
    lengths = _TextLengths()
    marked = root.xpath("//*[@itemprop='articleBody'] | //article")
    if marked:
        return max(marked, key=lengths.paragraph_weight)
    candidates = list(root.iter("div", "section", "main", "td", "body"))
    if not candidates:
        return root
    return max(candidates, key=lengths.container_score)


class _TextLengths:
    """Squashed text lengths of one page's elements, each measured once.

    Every candidate container sums the paragraphs and links inside it, so a paragraph is counted
    once for each of its ancestors; measuring it anew each time made a page of nested blocks
    quadratic (a 1 MB page nested 250 deep took 24 s). The tree does not change meanwhile.
    """

    def __init__(self) -> None:
        self._lengths: dict[html.HtmlElement, int] = {}  # holding the element keeps its lxml proxy (and key) alive

    def of(self, element: html.HtmlElement) -> int:
        length = self._lengths.get(element)
        if length is None:
            length = self._lengths[element] = len(_squash(element.text_content()))
        return length

    def paragraph_weight(self, element: html.HtmlElement) -> int:
        return sum(self.of(p) for p in element.iter("p")) or self.of(element)

    def container_score(self, element: html.HtmlElement) -> float:
        # Direct paragraph children count most: the article's own box, not the page around it.
        own = sum(self.of(child) for child in element if child.tag in ("p", "h2", "h3", "blockquote"))
        nested = self.paragraph_weight(element)
        links = sum(self.of(a) for a in element.iter("a"))
        return own + 0.3 * nested - 2 * links


def _wraps_blocks(element: html.HtmlElement) -> bool:
    """True for an element holding blocks of its own (they are visited instead of it)."""
    return len(element) > 0 and any(True for _ in element.iter("p", "div", "li", "td"))


def _paragraphs(container: html.HtmlElement) -> list[str]:
    has_paragraphs = any(True for _ in container.iter("p"))
    if not has_paragraphs:
        return [line for line in (_squash(part) for part in _lines_of(container)) if line]
    paragraphs: list[str] = []
    for element in container.iter(*_BLOCKS):
        if element.tag in ("div", "td") and _wraps_blocks(element):
            continue  # a wrapper: its own blocks will be visited
        if any(ancestor.tag in ("p", "li", "blockquote") for ancestor in element.iterancestors()):
            continue
        text = _squash(element.text_content())
        if text:
            paragraphs.append(text)
    return paragraphs


def _lines_of(element: html.HtmlElement) -> list[str]:
    for br in element.iter("br"):
        br.tail = "\n" + (br.tail or "")
    return str(element.text_content()).split("\n")


def _squash(text: str) -> str:
    return "\n".join(_SPACES.sub(" ", line).strip() for line in text.strip().splitlines() if line.strip())
