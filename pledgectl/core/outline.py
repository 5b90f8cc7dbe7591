"""Where each record of an agency file starts and ends, found without parsing.

A regex pass over the text finds table headers and the few keys that identify
records (``id``, ``nip``, ``name``, ``institution``). It serves two jobs: line
numbers for findings (the parser keeps none), and insertion points for appends,
so recording one signatory costs a scan, not a parse and rewrite. Lines inside
multi-line strings are masked so a header-looking line there is not mistaken.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable

Path_ = tuple[str | int, ...]
END_OF_RECORD = "~end"  # comment anchor: after a record's own keys (see pledgectl.core.comments)

# Words separated by blanks, matched greedily: ~40% faster than a lazy "[...]+?" here.
_HEADER = re.compile(
    r"^[ \t]*(\[\[?)[ \t]*([A-Za-z0-9_.\-\"']+(?:[ \t]+[A-Za-z0-9_.\-\"']+)*)"
    r"[ \t]*\]\]?[ \t]*(?:#[^\n]*)?\r?$",
    re.M,
)
# Basic strings are matched "unrolled", "[^"\\]*(\\.[^"\\]*)*": the form "(a|b)*" keeps
# backtracking state per character (~160 bytes), so one 5 MB string cost ~800 MB and 4 s.
_KEY = re.compile(
    r"^[ \t]*(id|nip|nik|name|institution)[ \t]*=[ \t]*(\"[^\"\\\n]*(?:\\.[^\"\\\n]*)*\"|'[^'\n]*')",
    re.M,
)
_SCHEMA = re.compile(r"^[ \t]*schema[ \t]*=[ \t]*([0-9_+\-]+)", re.M)
_INLINE_RECORDS = re.compile(r"[ \t]*(declarations|roster|witnesses|signatories)[ \t]*=[ \t]*\[")
# Where any key's value opens an array: a literal first character, so the scan skips
# ahead in C (a pattern opening with "^" in MULTILINE mode is tried at every offset).
_ARRAY_VALUE = re.compile(r"=[ \t]*\[")
_TOKENS = re.compile(r"\"\"\"|'''|\"[^\"\\\n]*(?:\\.[^\"\\\n]*)*\"|'[^'\n]*'|#[^\n]*")
_ML_END = {'"""': re.compile(r'(?<!\\)(?:\\\\)*"""("{0,2})'), "'''": re.compile(r"'''('{0,2})")}

RECORD_KINDS = {
    ("agency",): "agency",
    ("roster",): "roster",
    ("declarations",): "declaration",
    ("declarations", "witnesses"): "witness",
    ("declarations", "signatories"): "signatory",
    ("declarations", "seals"): "seal",
}


class Block:
    """One table header and the lines up to the next header."""

    __slots__ = ("_keys", "end", "kind", "name", "outline", "path", "start")

    def __init__(
        self, outline: Outline, kind: str, path: Path_, name: tuple[str, ...], start: int, end: int
    ) -> None:
        self.outline = outline
        self.kind = kind  # agency | roster | declaration | witness | signatory | seal | other
        self.path = path
        self.name = name
        self.start = start  # offset of the header line
        self.end = end  # offset of the next header (or end of text)
        self._keys: dict[str, tuple[str, int]] | None = None

    @property
    def keys(self) -> dict[str, tuple[str, int]]:
        """Identifying keys of this block (``id``, ``nip``, ``name``, ``institution``) -> (value, offset).

        Found on first use, so outlining a big file costs one header scan.
        """
        if self._keys is None:
            found: dict[str, tuple[str, int]] = {}
            for match in _KEY.finditer(self.outline.text, self.start, self.end):
                if not self.outline.hidden(match.start()):
                    found.setdefault(match.group(1), (_unquote(match.group(2)), match.start()))
            self._keys = found
        return self._keys

    @property
    def line(self) -> int:
        """1-based line of the header."""
        return self.outline.line_at(self.start)

    def value(self, key: str) -> str:
        found = self.keys.get(key)
        return found[0] if found else ""


class Outline:
    """Blocks of an agency file in text order, with helpers to find places in them."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.blocks: list[Block] = []
        self.schema: int | None = None
        self.inline_records = False  # records written as inline arrays: appends would be invalid
        self._newlines: list[int] | None = None
        self._by_path: dict[Path_, Block] | None = None
        self._masked: list[tuple[int, int]] = []
        self._masked_starts: list[int] = []

    def hidden(self, offset: int) -> bool:
        """Whether ``offset`` lies inside a multi-line string."""
        if not self._masked:
            return False
        i = bisect_right(self._masked_starts, offset) - 1
        return i >= 0 and self._masked[i][0] < offset < self._masked[i][1]

    def values(self, key: str, start: int, end: int) -> list[tuple[str, int]]:
        """Every ``key = "value"`` (an identifying key) between two offsets, in order."""
        return [
            (_unquote(m.group(2)), m.start())
            for m in _KEY.finditer(self.text, start, end)
            if m.group(1) == key and not self.hidden(m.start())
        ]

    def by_path(self) -> dict[Path_, Block]:
        if self._by_path is None:
            self._by_path = {b.path: b for b in self.blocks if b.kind != "other"}
        return self._by_path

    def line_at(self, offset: int) -> int:
        if self._newlines is None:
            self._newlines = [m.start() for m in re.finditer("\n", self.text)]
        return bisect_right(self._newlines, offset - 1) + 1

    def declarations(self) -> list[Block]:
        return [b for b in self.blocks if b.kind == "declaration"]

    def region_end(self, index: int) -> int:
        """Offset just after everything that belongs to block ``index`` and its sub-tables."""
        head = self.blocks[index]
        prefix = head.name
        end = len(self.text)
        for block in self.blocks[index + 1 :]:
            if block.name[: len(prefix)] != prefix or block.name == prefix:
                end = block.start
                break
        return back_over_trivia(self.text, end)

    def children(self, index: int, kind: str) -> list[Block]:
        head = self.blocks[index]
        size = len(head.name)
        out = []
        for block in self.blocks[index + 1 :]:
            if block.name[:size] != head.name or block.name == head.name:
                break
            if block.kind == kind:
                out.append(block)
        return out

    def key_line(self, path: Path_, key: str) -> int | None:
        """Line of ``key = ...`` inside the block at ``path`` (first match)."""
        block = self.by_path().get(path)
        if block is None:
            return None
        if key in block.keys:
            return self.line_at(block.keys[key][1])
        pattern = re.compile(rf"^[ \t]*\"?{re.escape(key)}\"?[ \t]*=", re.M)
        match = pattern.search(self.text, block.start, block.end)
        return self.line_at(match.start()) if match else None


def back_over_trivia(text: str, end: int) -> int:
    """Move back over blank and comment lines that lead into the next header."""
    pos = end
    while pos > 0:
        line_start = text.rfind("\n", 0, pos - 1) + 1
        line = text[line_start:pos].strip()
        if line and not line.startswith("#"):
            break
        pos = line_start
    return pos


def _masked_spans(text: str) -> list[tuple[int, int]]:
    """Spans of multi-line strings, where header-like lines are data."""
    spans: list[tuple[int, int]] = []
    pos = 0
    while True:
        match = _TOKENS.search(text, pos)
        if match is None:
            return spans
        token = match.group(0)
        if token in _ML_END:
            end = _ML_END[token].search(text, match.end())
            stop = end.end() if end else len(text)
            spans.append((match.start(), stop))
            pos = stop
        else:
            pos = match.end()


def _split_name(raw: str) -> tuple[str, ...]:
    parts = []
    for part in re.findall(r"\"[^\"]*\"|'[^']*'|[^.]+", raw.replace(" ", "").replace("\t", "")):
        parts.append(part.strip("\"'"))
    return tuple(parts)


def _unquote(raw: str) -> str:
    if raw.startswith("'") or "\\" not in raw:
        return raw[1:-1]
    import tomllib  # only for a value with escapes

    try:
        value = tomllib.loads("v = " + raw)["v"]
    except tomllib.TOMLDecodeError:
        return raw[1:-1]
    return str(value)


_NAMES: dict[tuple[str, str], tuple[tuple[str, ...], str]] = {}  # (header, bracket) -> (name, kind)


def build(text: str) -> Outline:
    """Outline ``text``; never raises, whatever the text."""
    outline = Outline(text)
    if '"""' in text or "'''" in text:
        outline._masked = _masked_spans(text)
        outline._masked_starts = [start for start, _ in outline._masked]
    hidden = outline.hidden
    found = _HEADER.finditer(text)
    headers = [m for m in found if not hidden(m.start())] if outline._masked else list(found)
    starts = [m.start() for m in headers]
    starts.append(len(text))
    counters = {"roster": 0, "declaration": 0, "witness": 0, "signatory": 0, "seal": 0}
    blocks: list[Block] = []
    append = blocks.append
    for i, match in enumerate(headers):
        bracket, raw = match.group(1, 2)
        cached = _NAMES.get((raw, bracket))
        if cached is None:
            name = _split_name(raw)
            kind = RECORD_KINDS.get(name, "other")
            if (kind == "agency") == (bracket == "[[") and kind != "other":
                kind = "other"
            cached = _NAMES.setdefault((raw, bracket), (name, kind))
        name, kind = cached
        path: Path_
        if kind == "signatory" or kind == "witness" or kind == "seal":
            decl = counters["declaration"] - 1
            if decl < 0:
                kind, path = "other", name
            else:
                path = ("declarations", decl, name[1], counters[kind])
                counters[kind] += 1
        elif kind == "declaration":
            path = ("declarations", counters["declaration"])
            counters["declaration"] += 1
            counters["witness"] = counters["signatory"] = counters["seal"] = 0
        elif kind == "roster":
            path = ("roster", counters["roster"])
            counters["roster"] += 1
        elif kind == "agency":
            path = ("agency",)
        else:
            path = name
        append(Block(outline, kind, path, name, starts[i], starts[i + 1]))
    outline.blocks = blocks

    outline.schema, outline.inline_records = preflight(text, hidden)
    return outline


def _hider(text: str) -> Callable[[int], bool]:
    """``hidden(offset)``: whether an offset lies inside a multi-line string of ``text``."""
    if '"""' not in text and "'''" not in text:
        return lambda offset: False
    probe = Outline(text)
    probe._masked = _masked_spans(text)
    probe._masked_starts = [start for start, _ in probe._masked]
    return probe.hidden


def preflight(text: str, hidden: Callable[[int], bool] | None = None) -> tuple[int | None, bool]:
    """The file's ``schema`` version, and whether records are written as inline arrays.

    What decides whether an append is allowed at all, found without outlining the file.
    """
    hidden = hidden or _hider(text)
    first = next((m.start() for m in _HEADER.finditer(text) if not hidden(m.start())), len(text))
    schema: int | None = None
    match = _SCHEMA.search(text, 0, first)
    if match and not hidden(match.start()):
        try:
            schema = int(match.group(1).replace("_", ""))
        except ValueError:
            schema = None
    return schema, _has_inline_records(text, hidden)


def _has_inline_records(text: str, hidden: Callable[[int], bool]) -> bool:
    return inline_records_line(text, hidden) is not None


def inline_records_line(
    text: str, hidden: Callable[[int], bool] | None = None
) -> tuple[int, str] | None:
    """The first line reading ``signatories = [`` (or roster, ...) outside multi-line
    strings, and its key; None when records are all ``[[...]]`` tables.

    The one rule behind ``sign``'s refusal to append and ``check``'s warning.
    """
    for match in _ARRAY_VALUE.finditer(text):
        line_start = text.rfind("\n", 0, match.start()) + 1
        found = _INLINE_RECORDS.match(text, line_start)
        if found is None:
            continue
        hidden = hidden or _hider(text)
        if not hidden(line_start):
            return text.count("\n", 0, line_start) + 1, found.group(1)
    return None


# -- the append fast path -------------------------------------------------------

# A line opening with "[" that is not a plain [name] or [[name]] header alone on its line.
_NOT_PLAIN_HEADER = re.compile(r"\n\[(?!\[?[A-Za-z0-9_.\-]+\]\]?\n)")
_INDENTED_BRACKET = re.compile(r"\n[ \t]+\[")
# The first header after a declaration that is not one of its own sub-tables.
_REGION_END = re.compile(r"\n\[(?!\[?declarations\.)")
_DECLARATION = "\n[[declarations]]\n"
_SIGNATORY = "\n[[declarations.signatories]]\n"


def plain_lines(part: str) -> bool:
    """:func:`is_plain`'s rules for whole lines of a text (``part`` starts at a line start
    and ends at one, or at the end of the text)."""
    return not (
        "\r" in part
        or '"""' in part
        or "'''" in part
        or part[:1] in (" ", "\t")
        or _INDENTED_BRACKET.search(part)
        or _NOT_PLAIN_HEADER.search(part)
        or (part[:1] == "[" and _NOT_PLAIN_HEADER.match("\n" + part[: part.find("\n") + 1]))
    )


def is_plain(text: str) -> bool:
    """Whether ``text`` is spelt as the tool writes it: every header a bare ``[name]`` or
    ``[[name]]`` alone at the start of its line, no multi-line strings, no CR, a final
    newline. In such a text the lines opening with ``[`` are all the headers there are
    (a line like ``[1]`` inside a multi-line array looks like one too, but no value
    can look like a ``declarations`` header)."""
    return not (
        not text.endswith("\n")
        or "\r" in text
        or '"""' in text
        or "'''" in text
        or text[:1] in (" ", "\t", "[")
        or _INDENTED_BRACKET.search(text)
        or _NOT_PLAIN_HEADER.search(text)
    )


class DeclarationSite:
    """Where one declaration's records are, found by literal searches (see :func:`locate`)."""

    __slots__ = ("end", "first_signatory", "start", "table_end")

    def __init__(self, start: int, table_end: int, end: int, first_signatory: int | None) -> None:
        self.start = start  # its [[declarations]] header
        self.table_end = table_end  # end of its own table (before its first sub-table)
        self.end = end  # where a new record of the declaration goes (after its last one)
        self.first_signatory = first_signatory


def locate(text: str) -> dict[str, DeclarationSite] | None:
    """Declarations by id with their sites, without outlining the whole file.

    Exact only for plain text -- every header a bare ``[name]`` or ``[[name]]``
    alone at the start of its line, no multi-line strings, no CR -- as the tool
    writes it; for anything else it returns None and callers use :func:`build`.
    A test holds it to :func:`build` on generated files.
    """
    if not is_plain(text):
        return None
    sites: dict[str, DeclarationSite] = {}
    pos = text.find(_DECLARATION)
    while pos >= 0:
        start = pos + 1
        after = start + len(_DECLARATION) - 1
        nxt = text.find("\n[", after - 1)
        table_end = nxt + 1 if nxt >= 0 else len(text)
        region = _REGION_END.search(text, after - 1)
        region_end = region.start() + 1 if region else len(text)
        ident = next(
            (
                _unquote(m.group(2))
                for m in _KEY.finditer(text, start, table_end)
                if m.group(1) == "id"
            ),
            None,
        )
        if ident is None or ident in sites:
            return None  # leave the unusual to the full outline and its messages
        first = text.find(_SIGNATORY, start, region_end)
        sites[ident] = DeclarationSite(
            start, table_end, back_over_trivia(text, region_end), first + 1 if first >= 0 else None
        )
        pos = text.find(_DECLARATION, region_end - 1)
    return sites
