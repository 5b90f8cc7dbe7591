"""``duplicates``: one NIP under different names, or on two agencies' rosters; reported on both sides.

Both sides when they are in two files; once, at the second name, when one file
holds both.

Between files only compact keys travel, a few bytes per person: the file's
agency, its people's NIPs (64-bit integers when they are 18 ASCII digits) and
the NIPs the file itself names under two names. ``finish_from`` indexes them in
file order, NIP -> first file, streaming: only a NIP seen in two files, or
under two names in one, can have a finding, and only the files holding such
NIPs are read again, where the full comparison (:func:`_compare`) runs on
those NIPs alone and the lines are found.
"""

from __future__ import annotations

import re
from array import array
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from pledgectl.checks._util import text_column
from pledgectl.checks.base import Context, KeyedCheck
from pledgectl.core.findings import Finding
from pledgectl.core.identity import name_key
from pledgectl.core.lines import FileLines
from pledgectl.core.reader import AgencyFile
from pledgectl.core.walk import agency_of, groups

# [agency, NIPs as int64 bytes, [[index, NIP], ...] where not 18 ASCII digits, [NIP keys
# the file gives two folded names]]
Keys = list[Any]
NipKey = int | str
RecordPath = tuple[str | int, ...]
# (nip, name, record path, declaration, on roster)
Occurrence = tuple[str, str, RecordPath, str | None, bool]
# (file, agency, code, record path, declaration, nip, params, the other side for "where")
Wanted = tuple[
    str, str, str, list[Any], str | None, str, dict[str, str], tuple[str, list[Any]] | None
]
_ASCII18 = re.compile(r"[0-9]{18}")


def nip_key(nip: str) -> NipKey:
    """A NIP as the index keeps it: an integer (it fits in 64 bits) when it is 18 ASCII digits."""
    return int(nip) if _ASCII18.fullmatch(nip) else nip


def occurrences(af: AgencyFile) -> Iterator[Occurrence]:
    """Every roster entry and signatory with a NIP and a name, in file order."""
    for prefix, decl, group in groups(af):
        for index, person in enumerate(group):
            if not isinstance(person, dict):
                continue
            nip, name = person.get("nip"), person.get("name")
            if isinstance(nip, str) and nip and isinstance(name, str) and name:
                yield nip, name, (*prefix, index), decl, prefix[0] == "roster"


def _nips_and_names(af: AgencyFile) -> tuple[list[str], list[str]]:
    """The NIPs and names of :func:`occurrences`, without building a record path each."""
    nips: list[str] = []
    names: list[str] = []
    for _prefix, _decl, group in groups(af):
        got_nips = text_column(group, "nip", af._extra)
        got_names = text_column(group, "name", af._extra)
        if got_nips is not None and got_names is not None:
            nips += got_nips
            names += got_names
            continue
        for person in group:
            if isinstance(person, dict):
                nip, name = person.get("nip"), person.get("name")
                if isinstance(nip, str) and nip and isinstance(name, str) and name:
                    nips.append(nip)
                    names.append(name)
    return nips, names


def file_keys(af: AgencyFile) -> Keys:
    nips, names = _nips_and_names(af)
    joined = "".join(nips)
    if set(map(len, nips)) <= {18} and joined.isascii() and joined.isdigit():
        ints, odd = array("q", map(int, nips)), []
    else:
        keys = [nip_key(n) for n in nips]
        odd = [[i, k] for i, k in enumerate(keys) if isinstance(k, str)]
        ints = array("q", (k if isinstance(k, int) else -1 for k in keys))
    mixed: list[NipKey] = []
    if len(set(nips)) != len(nips):  # someone named twice in this file: under one name?
        folds: dict[str, set[str]] = {}
        for nip, name in zip(nips, names, strict=True):
            folds.setdefault(nip, set()).add(name_key(name))
        mixed = [nip_key(n) for n, seen in folds.items() if len(seen) > 1]
    return [agency_of(af), ints.tobytes(), odd, mixed]


def _unpack(keys: Keys) -> tuple[list[NipKey], list[NipKey]]:
    _agency, blob, odd, mixed = keys
    ints = array("q")
    ints.frombytes(blob)
    nips: list[NipKey] = list(ints.tolist())
    for index, nip in odd:
        nips[index] = nip
    return nips, mixed


class DuplicatesCheck(KeyedCheck):
    name = "duplicates"

    def file_keys(self, af: AgencyFile) -> Keys:
        return file_keys(af)

    def finish_from(self, keys: list[tuple[str, Keys]], ctx: Context) -> Iterator[Finding]:
        first: dict[NipKey, int] = {}  # NIP -> index of the first file naming it
        suspects: set[NipKey] = set()  # NIPs that can have a finding
        again: set[int] = set()  # files to read again, for the suspects
        for index, (_file, file_keys_) in enumerate(keys):
            nips, mixed = _unpack(file_keys_)
            if first.keys().isdisjoint(nips):
                first.update(dict.fromkeys(nips, index))  # the common case, in C
            else:
                for nip in nips:
                    at = first.setdefault(nip, index)
                    if at != index:
                        suspects.add(nip)
                        again.update((at, index))
            if mixed:
                suspects.update(mixed)
                again.add(index)
        del first
        if suspects:
            files = [(keys[i][0], 0) for i in sorted(again)]
            lines = FileLines(keep=None)  # the files read for the comparison give the lines
            yield from _at_lines(self.name, _compare(files, suspects, lines), ctx, lines)


def across_registries(
    members: list[tuple[Context, list[tuple[str, Keys]]]],
) -> list[tuple[int, Finding]]:
    """Duplicates whose two sides lie in different registries checked together.

    ``members``: each registry's context and its files' keys, as its own run
    collected them (that run reported the duplicates inside it). Found here:
    one NIP under two names in two registries, or on two registries' rosters,
    each finding with the index of the registry it is in. The first
    registry's policy sets the severity (the engine does not call this when it is off).
    """
    ctx = members[0][0]
    first: dict[NipKey, int] = {}  # NIP -> the first registry naming it
    suspects: set[NipKey] = set()
    for index, (_ctx, keys) in enumerate(members):
        mine: set[NipKey] = set()
        for _file, file_keys_ in keys:
            mine.update(_unpack(file_keys_)[0])
        if first.keys().isdisjoint(mine):
            first.update(dict.fromkeys(mine, index))
        else:
            suspects.update(n for n in mine if first.setdefault(n, index) != index)
    del first
    if not suspects:
        return []
    files = [
        (file, index)
        for index, (_ctx, keys) in enumerate(members)
        for file, file_keys_ in keys
        if not suspects.isdisjoint(_unpack(file_keys_)[0])
    ]
    labels = [c.display_path(c.registry.root) for c, _keys in members]
    member_of = {ctx.display_path(Path(file)): index for file, index in files}
    lines = FileLines(keep=None)
    wanted = _compare(files, suspects, lines, labels)
    found = _at_lines(DuplicatesCheck.name, wanted, ctx, lines)
    return [(member_of.get(f.file or "", 0), f) for f in found]


def _compare(
    files: list[tuple[str, int]],
    suspects: set[NipKey],
    lines: FileLines,
    labels: list[str] | None = None,
) -> list[Wanted]:
    """The duplicates among ``suspects``, comparing every occurrence in file order.

    ``files``: (file, registry index). With ``labels`` (one per registry) only
    pairs across registries count, and an agency is named with its registry.
    """
    # nip -> (name, file, agency, path, declaration, registry) where it was first seen
    names: dict[str, tuple[str, str, str, list[Any], str | None, int]] = {}
    # nip -> (file, agency, path, registry) of its first roster entry
    rosters: dict[str, tuple[str, str, list[Any], int]] = {}
    reported: set[tuple[str, str]] = set()
    wanted: list[Wanted] = []
    for file, member in files:
        af = lines.agency_file(file)
        if af is None:  # gone meanwhile: nothing left to compare
            continue
        agency = agency_of(af)
        for nip, name, record, decl, on_roster in occurrences(af):
            if nip_key(nip) not in suspects:
                continue
            path = list(record)
            first = names.get(nip)
            if first is None:
                names[nip] = (name, file, agency, path, decl, member)
            elif (
                (labels is None or first[5] != member)
                and (nip, "name") not in reported
                and name_key(first[0]) != name_key(name)
            ):
                reported.add((nip, "name"))
                wanted.append(
                    (file, agency, "duplicates-name", path, decl, nip,
                     {"nip_": nip, "name": name, "other": first[0]}, (first[1], first[3]))
                )  # fmt: skip
                if first[1] != file:  # one conflict inside one file is one finding
                    wanted.append(
                        (first[1], first[2], "duplicates-name", first[3], first[4], nip,
                         {"nip_": nip, "name": first[0], "other": name}, (file, path))
                    )  # fmt: skip
            if on_roster:
                seen = rosters.get(nip)
                if seen is None:
                    rosters[nip] = (file, agency, path, member)
                    continue
                elsewhere = seen[3] != member if labels else seen[1] != agency
                if elsewhere and (nip, "roster") not in reported:
                    reported.add((nip, "roster"))
                    here_name, there_name = agency, seen[1]
                    if labels:
                        here_name = f"{agency} ({labels[member]})"
                        there_name = f"{seen[1]} ({labels[seen[3]]})"
                    wanted.append(
                        (file, agency, "duplicates-roster", path, None, nip,
                         {"nip_": nip, "other": there_name}, None)
                    )  # fmt: skip
                    wanted.append(
                        (seen[0], seen[1], "duplicates-roster", seen[2], None, nip,
                         {"nip_": nip, "other": here_name}, None)
                    )  # fmt: skip
    return wanted


def _at_lines(
    check: str,
    wanted: list[Wanted],
    ctx: Context,
    lines: FileLines,
) -> Iterator[Finding]:
    """The findings with their lines, from the files :func:`_compare` read (kept in ``lines``)."""

    def line(file: str, path: list[Any]) -> int | None:
        return lines.line(file, tuple(path))

    severity = ctx.severity(check, "warning")
    for file, agency, code, path, decl, nip, params, other in wanted:
        if other is not None:
            params["where"] = f"{ctx.display_path(Path(other[0]))}:{line(*other) or 1}"
        yield Finding(
            code,
            check,
            severity,
            agency,
            ctx.display_path(Path(file)),
            line(file, path),
            declaration=decl,
            nip=nip,
            params=params,
        )


CHECK = DuplicatesCheck()
