#!/usr/bin/env python3
"""Benchmark pledgectl against its own targets (issue 6), side by side in one run.

    python benchmarks/bench.py            # full sizes (200,000 signatories), a few minutes
    python benchmarks/bench.py --quick    # small sizes (20,000 signatories), under a minute

Synthetic registries are written in a temporary directory by the project's own
writer (``pledgectl.core.canonical.dumps_agency``; appends by ``pledgectl sign``),
with valid data: unique valid PNS NIPs, KPU and Bawaslu witnesses, every
checklist commitment. Every command is run through the installed ``pledgectl``
(the real path a user takes), each measured against its reference in the same
run. Timings are wall-clock. Every ratio is the median of its pairs' own ratios, each
pair timed back to back: 7 rounds for (a) and (b) (the parse, then the checks), 15 pairs
for (c) and (d). A machine that speeds up or slows down between pairs then moves both
sides of each ratio together. The machine is printed with them.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path

from pledgectl.core import canonical
from pledgectl.core.presets import settings_text
from pledgectl.core.settings import parse_settings

PY = sys.executable
PLEDGECTL = shutil.which("pledgectl") or str(Path(PY).parent / "pledgectl")
DECL_DATE = dt.date(2023, 11, 29)
DECLARATION_ID = "ikrar-2023"  # the one declaration of every generated agency

# -- synthetic data ------------------------------------------------------------------------


def nip(i: int) -> str:
    """The ``i``-th synthetic PNS NIP: unique for i < 999 * 7300, and valid (DOMAIN.md)."""
    seq = i % 999 + 1
    day = i // 999
    birth = dt.date(1965, 1, 1) + dt.timedelta(days=day % 7300)  # 1965..1984
    appointed_year = birth.year + 22 + (i % 7)
    month = (i % 12) + 1
    gender = 1 + (i % 2)
    return f"{birth:%Y%m%d}{appointed_year:04d}{month:02d}{gender}{seq:03d}"


FIRST = ("Andi", "Budi", "Citra", "Dewi", "Eko", "Fitri", "Gita", "Hadi", "Indah", "Joko")
LAST = ("Saputra", "Lestari", "Wijaya", "Kurniawan", "Hidayat", "Rahmawati", "Santoso")


def person_name(i: int) -> str:
    return f"{FIRST[i % 10]} {LAST[(i // 10) % 7]} Fiktif {i}"


def agency_table(
    index: int, signatories: int, start: int, commitments: Sequence[str]
) -> dict[str, object]:
    agency_id = f"opd-{index:05d}"
    people = [
        {
            "nip": nip(start + k),
            "name": person_name(start + k),
            "status": "PNS",
            "position": "Analis Kepegawaian",
            "signed": DECL_DATE,
        }
        for k in range(signatories)
    ]
    return {
        "schema": 1,
        "agency": {
            "id": agency_id,
            "name": f"Organisasi Perangkat Daerah Sintetis {index}",
            "region": "14.71",
        },
        "declarations": [
            {
                "id": DECLARATION_ID,
                "kind": "ikrar",
                "elections": ["pemilu-2024"],
                "date": DECL_DATE,
                "title": "Ikrar Netralitas ASN",
                "occasion": "Upacara HUT ke-52 KORPRI",
                "place": "Halaman kantor",
                "basis": ["UU 20/2023", "SKB Netralitas ASN 2022"],
                "commitments": list(commitments),
                "witnesses": [
                    {"institution": "KPU", "name": "Saksi KPU", "role": "Komisioner"},
                    {"institution": "Bawaslu", "name": "Saksi Bawaslu", "role": "Anggota"},
                ],
                "signatories": people,
            }
        ],
    }


def make_registry(root: Path, agencies: int, per_agency: int) -> Path:
    """A valid registry of ``agencies`` x ``per_agency`` signatories, written canonically."""
    root.mkdir(parents=True)
    text = settings_text()
    (root / "pledgectl.toml").write_text(text, encoding="utf-8")
    commitments = parse_settings(root / "pledgectl.toml", text.encode()).checklist_ids
    folder = root / "agencies"
    folder.mkdir()
    for a in range(agencies):
        data = agency_table(a, per_agency, a * per_agency, commitments)
        body = canonical.dumps_agency(data)
        (folder / f"opd-{a:05d}.toml").write_text(body, encoding="utf-8", newline="\n")
    return root


def empty_declaration_registry(root: Path) -> Path:
    """One agency, one complete declaration with no signatories yet (for import)."""
    make_registry(root, 1, 0)
    return root


# -- measuring -----------------------------------------------------------------------------


def env_for(cache: Path | None) -> dict[str, str]:
    env = dict(os.environ)
    env.pop("PLEDGECTL_REGISTRY", None)
    env["LANG"] = "C.UTF-8"
    if cache is None:
        env["PLEDGECTL_NO_CACHE"] = "1"
    else:
        env.pop("PLEDGECTL_NO_CACHE", None)
        env["XDG_CACHE_HOME"] = str(cache)
    return env


def timed(cmd: Sequence[str], env: dict[str, str] | None = None, ok: Sequence[int] = (0,)) -> float:
    start = time.perf_counter()
    proc = subprocess.run(
        list(cmd), env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, check=False
    )
    elapsed = time.perf_counter() - start
    if proc.returncode not in ok:
        raise SystemExit(
            f"command failed ({proc.returncode}): {' '.join(cmd)}\n{proc.stderr.decode()[-2000:]}"
        )
    return elapsed


def median_of(fn: Callable[[], float], runs: int) -> float:
    return statistics.median(fn() for _ in range(runs))


PARSE_SCRIPT = """
import sys, rtoml
from pathlib import Path
for p in sorted(Path(sys.argv[1]).glob('*.toml')):
    rtoml.load(p)
"""

RSS_SCRIPT = """
import resource, subprocess, sys
rc = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL).returncode
print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, rc)
"""


def parse_time(registry: Path) -> float:
    return timed([PY, "-c", PARSE_SCRIPT, str(registry / "agencies")])


def check_cmd(registry: Path) -> list[str]:
    return [PLEDGECTL, "check", "--registry", str(registry)]


def peak_rss_kib(cmd: Sequence[str], env: dict[str, str]) -> int:
    out = subprocess.run(
        [PY, "-c", RSS_SCRIPT, *cmd], env=env, capture_output=True, text=True, check=True
    ).stdout.split()
    if out[1] != "0":
        raise SystemExit(f"command failed: {' '.join(cmd)}")
    return int(out[0])


def parser_comparison(registry: Path, files: int) -> list[tuple[str, float]]:
    """Seconds to parse ``files`` agency files with each available parser (in-process)."""
    import tomllib

    paths = sorted((registry / "agencies").glob("*.toml"))[:files]
    texts = [p.read_text(encoding="utf-8") for p in paths]
    parsers: list[tuple[str, Callable[[str], object]]] = [("tomllib", tomllib.loads)]
    try:
        import tomli

        parsers.append(("tomli", tomli.loads))
    except ImportError:
        pass
    try:
        import rtoml

        parsers.append(("rtoml", rtoml.loads))
    except ImportError:
        pass
    out = []
    for name, loads in parsers:
        start = time.perf_counter()
        for text in texts:
            loads(text)
        out.append((name, time.perf_counter() - start))
    return out


# -- the report ----------------------------------------------------------------------------


class Table:
    def __init__(self) -> None:
        self.rows: list[tuple[str, str, str, str, str]] = []

    def add(self, label: str, measured: str, ratio: float | None, target: float) -> None:
        if ratio is None:
            self.rows.append((label, measured, "n/a", f"<= {target:g}x", "not available"))
            return
        verdict = "PASS" if ratio <= target else "FAIL"
        self.rows.append((label, measured, f"{ratio:.2f}x", f"<= {target:g}x", verdict))

    def note(self, label: str, text: str, target: float) -> None:
        self.rows.append((label, text, "-", f"<= {target:g}x", "not available"))

    def render(self) -> str:
        head = ("ratio", "measured", "ratio", "target", "result")
        widths = [max(len(r[i]) for r in [head, *self.rows]) for i in range(5)]

        def line(row: Sequence[str]) -> str:
            return "| " + " | ".join(c.ljust(w) for c, w in zip(row, widths, strict=True)) + " |"

        sep = "|" + "|".join("-" * (w + 2) for w in widths) + "|"
        return "\n".join([line(head), sep, *(line(r) for r in self.rows)])


def machine() -> str:
    cpu = "unknown CPU"
    try:
        for row in Path("/proc/cpuinfo").read_text().splitlines():
            if row.startswith("model name"):
                cpu = row.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return (
        f"{cpu}, {os.cpu_count()} cores (nproc), Python {platform.python_version()}, "
        f"{platform.system()} {platform.release()}, {dt.date.today().isoformat()}"
    )


def du(path: Path) -> int:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file())


def ensure_bytecode() -> None:
    """Compile the package as ``pip install`` does, so runs do not compile source.

    An editable install under PYTHONDONTWRITEBYTECODE=1 would otherwise recompile
    pledgectl's modules on every command, which no installed user ever pays.
    """
    import compileall

    import pledgectl

    compileall.compile_dir(Path(pledgectl.__file__).parent, quiet=1)


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--quick", action="store_true", help="small sizes, under a minute")
    ap.add_argument("--keep", action="store_true", help="keep the generated registries")
    ap.add_argument("--runs", type=int, default=15, help="pairs for start-up ratios (>= 7)")
    ap.add_argument(
        "--rounds", type=int, default=7, help="rounds for (a) and (b), median ratio (>= 3)"
    )
    args = ap.parse_args(argv)

    per_agency = 200
    big = 100 if args.quick else 1000
    small = big // 10
    sign_size = 5000
    imp_small, imp_big = (200, 2000) if args.quick else (2000, 20000)
    runs = max(7, args.runs)

    ensure_bytecode()
    work = Path(tempfile.mkdtemp(prefix="pledgectl-bench-"))
    print(f"machine: {machine()}")
    print(f"pledgectl: {PLEDGECTL}")
    print(f"work dir: {work}")
    timings: list[tuple[str, float]] = []
    table = Table()
    try:
        t0 = time.perf_counter()
        reg_big = make_registry(work / "big", big, per_agency)
        reg_small = make_registry(work / "small", small, per_agency)
        gen = time.perf_counter() - t0
        size = du(reg_big / "agencies")
        n_big = big * per_agency
        print(
            f"generated {big} x {per_agency} = {n_big:,} signatories "
            f"({size / 1e6:.1f} MB, {size / n_big:.0f} bytes/signatory) "
            f"and {small} x {per_agency} in {gen:.1f}s"
        )

        # parser choice, in-process, on the same files
        sample = min(big, 200)
        for name, secs in parser_comparison(reg_big, sample):
            timings.append((f"parse {sample * per_agency:,} signatories in-process: {name}", secs))

        # (a) cold check vs rtoml parse; (b) warm re-check vs the same parse
        # Each round times the parse and then the checks right after it; the ratio is the
        # median of the rounds' own ratios, so a machine that speeds up or slows down
        # between rounds moves both sides of each ratio together.
        parses, colds, warms, nocaches = [], [], [], []
        for i in range(max(3, args.rounds)):
            parses.append(parse_time(reg_big))
            cache_dir = work / f"cache-cold-{i}"
            colds.append(timed(check_cmd(reg_big), env_for(cache_dir)))
            warms.append(timed(check_cmd(reg_big), env_for(cache_dir)))
            nocaches.append(timed(check_cmd(reg_big), env_for(None)))
        med = statistics.median
        parse, cold, warm, nocache = med(parses), med(colds), med(warms), med(nocaches)
        timings += [
            (f"rtoml parse of {big} files (subprocess), median", parse),
            ("check, cold (empty cache dir: parse, check, write cache), median", cold),
            ("check, cache disabled (PLEDGECTL_NO_CACHE=1), median", nocache),
            ("check, warm (cache populated, nothing changed), median", warm),
            ("best of the rounds: rtoml parse", min(parses)),
            ("best of the rounds: check, cold", min(colds)),
            ("best of the rounds: check, warm", min(warms)),
        ]
        table.add(
            f"(a) cold check / rtoml parse, {n_big:,} signatories",
            f"{cold:.2f}s / {parse:.2f}s",
            med(c / p for c, p in zip(colds, parses, strict=True)),
            2.0,
        )
        table.add(
            "(b) warm re-check / rtoml parse",
            f"{warm:.3f}s / {parse:.2f}s",
            med(w / p for w, p in zip(warms, parses, strict=True)),
            0.25,
        )

        # (c) --version vs import typer, interleaved
        versions, typers = [], []
        env = env_for(None)
        for _ in range(runs):
            versions.append(timed([PLEDGECTL, "--version"], env))
            typers.append(timed([PY, "-c", "import typer"], env))
        version, typer_t = statistics.median(versions), statistics.median(typers)
        timings += [("pledgectl --version", version), ('python -c "import typer"', typer_t)]
        table.add(
            "(c) --version / import typer",
            f"{version * 1000:.0f}ms / {typer_t * 1000:.0f}ms",
            med(v / t for v, t in zip(versions, typers, strict=True)),
            1.3,
        )

        # (d) sign into an agency of 5,000 signatories vs --version
        reg_sign = make_registry(work / "sign", 1, sign_size)
        signs, versions2 = [], []
        for k in range(runs):
            who = 900_000 + k
            cmd = [
                PLEDGECTL,
                "sign",
                "opd-00000",
                "ikrar-2023",
                "--registry",
                str(reg_sign),
                "--nip",
                nip(who),
                "--name",
                person_name(who),
                "--status",
                "PNS",
                "--date",
                DECL_DATE.isoformat(),
            ]
            signs.append(timed(cmd, env))
            versions2.append(timed([PLEDGECTL, "--version"], env))
        sign, version2 = statistics.median(signs), statistics.median(versions2)
        timings.append((f"pledgectl sign into {sign_size:,} signatories", sign))
        table.add(
            f"(d) sign ({sign_size:,} signatories) / --version",
            f"{sign * 1000:.0f}ms / {version2 * 1000:.0f}ms",
            med(s / v for s, v in zip(signs, versions2, strict=True)),
            1.5,
        )

        # (e) peak RSS, 10x the agencies
        rss_big = peak_rss_kib(check_cmd(reg_big), env_for(None))
        rss_small = peak_rss_kib(check_cmd(reg_small), env_for(None))
        timings += [
            (f"peak RSS check {big} agencies (MiB)", rss_big / 1024),
            (f"peak RSS check {small} agencies (MiB)", rss_small / 1024),
        ]
        table.add(
            f"(e) peak RSS check {big} / {small} agencies",
            f"{rss_big / 1024:.0f} MiB / {rss_small / 1024:.0f} MiB",
            rss_big / rss_small,
            2.0,
        )

        # (f) import 10x the rows
        label = f"(f) import {imp_big:,} / {imp_small:,} rows"
        probe = subprocess.run([PLEDGECTL, "import", "--help"], env=env, capture_output=True)
        if probe.returncode != 0:
            table.note(label, "not available (import command missing)", 12.0)
        else:
            times = {}
            for rows in (imp_small, imp_big):
                reg = empty_declaration_registry(work / f"import-{rows}")
                sheet = work / f"rows-{rows}.csv"
                with sheet.open("w", newline="", encoding="utf-8") as handle:
                    writer = csv.writer(handle)
                    writer.writerow(["NIP", "Nama", "Jabatan", "Status"])
                    for r in range(rows):
                        writer.writerow([nip(2_000_000 + r), person_name(r), "Staf", "PNS"])
                cmd = [
                    PLEDGECTL,
                    "import",
                    "opd-00000",
                    "ikrar-2023",
                    str(sheet),
                    "--registry",
                    str(reg),
                ]
                times[rows] = timed(cmd, env)
                timings.append((f"pledgectl import {rows:,} rows", times[rows]))
            table.add(
                label,
                f"{times[imp_big]:.2f}s / {times[imp_small]:.2f}s",
                times[imp_big] / times[imp_small],
                12.0,
            )

        # repository size of the generated registry
        repo_note = git_size(reg_big, n_big)
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)

    print()
    print("absolute measurements:")
    for label, value in timings:
        unit = "" if "MiB" in label else "s"
        print(f"  {label:<62} {value:8.3f}{unit}")
    if repo_note:
        print(f"  {repo_note}")
    print()
    print(table.render())
    return 0


def git_size(registry: Path, signatories: int) -> str:
    """Bytes per signatory of a ``git gc``-ed repository holding the registry."""
    git = shutil.which("git")
    if git is None:
        return ""
    env = dict(os.environ, GIT_AUTHOR_NAME="bench", GIT_AUTHOR_EMAIL="b@example.invalid")
    env.update(GIT_COMMITTER_NAME="bench", GIT_COMMITTER_EMAIL="b@example.invalid")
    quiet = {"env": env, "cwd": registry, "capture_output": True, "check": True}
    subprocess.run([git, "init", "-q"], **quiet)  # type: ignore[call-overload]
    subprocess.run([git, "add", "-A"], **quiet)  # type: ignore[call-overload]
    subprocess.run([git, "commit", "-qm", "bench"], **quiet)  # type: ignore[call-overload]
    subprocess.run([git, "gc", "-q", "--aggressive"], **quiet)  # type: ignore[call-overload]
    size = du(registry / ".git")
    files = du(registry / "agencies")
    return (
        f"git gc'd repository: {size / 1e6:.1f} MB for {signatories:,} signatories "
        f"({size / signatories:.0f} bytes/signatory; files {files / signatories:.0f} bytes/signatory)"
    )


if __name__ == "__main__":
    sys.exit(main())
