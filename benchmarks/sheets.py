#!/usr/bin/env python3
"""Benchmark the spreadsheet outputs: a 5,000-person signing sheet in xlsx, and start-up.

    python benchmarks/sheets.py              # 5,000 people, 5 runs each
    python benchmarks/sheets.py --people 20000 --runs 3

Through the installed ``pledgectl`` (the path a user takes), in a fresh registry
(``pledgectl init``) with one agency whose roster holds N people (valid PNS NIPs,
written by the project's canonical writer), a declaration, and half the roster
signed. Measured, each the median of ``--runs`` runs:

- wall time and peak RSS (``getrusage(RUSAGE_CHILDREN)`` in a fresh wrapper process
  per run) of ``sheet --format xlsx``, ``sheet --format html``, ``sheet --format csv``
  and ``export --format xlsx``;
- the same for ``pledgectl --version`` as the baseline of a process doing nothing;
- the time ``import xlsxwriter`` adds to a process that has loaded the CLI, and whether
  ``pledgectl --version`` or ``pledgectl sign`` loads it (they must not).

Wall-clock and noisy on a shared machine: compare within one run. Not a test.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

from pledgectl.core import canonical

PY = sys.executable
PLEDGECTL = shutil.which("pledgectl") or str(Path(PY).parent / "pledgectl")
AGENCY = "dinas-besar"
DECL = "ikrar-2023-11-29"

# runs one command, prints {"wall": seconds, "rss_kb": peak RSS of the child}
_WRAPPER = """
import json, resource, subprocess, sys, time
start = time.perf_counter()
done = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
wall = time.perf_counter() - start
rss = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
print(json.dumps({"wall": wall, "rss_kb": rss, "code": done.returncode}))
"""


def nip(i: int) -> str:
    birth = dt.date(1970, 1, 1) + dt.timedelta(days=i % 9000)
    tmt = f"{2000 + i % 20}{1 + i % 12:02d}"
    return f"{birth:%Y%m%d}{tmt}{1 + i % 2}{i % 1000:03d}"


def build(root: Path, people: int) -> None:
    subprocess.run([PLEDGECTL, "init", str(root)], check=True, capture_output=True)
    nips = sorted({nip(i) for i in range(people * 2)})[:people]
    roster = [
        {"nip": n, "name": f"Pegawai Nomor {i}", "status": "PNS", "position": "Analis SDM"}
        for i, n in enumerate(nips)
    ]
    signed = [{**p, "signed": dt.date(2023, 11, 29)} for p in roster[::2]]
    data = {
        "schema": 1,
        "agency": {"id": AGENCY, "name": "Dinas Besar Kota Uji", "region": "14.71"},
        "roster": roster,
        "declarations": [
            {
                "id": DECL,
                "kind": "ikrar",
                "elections": ["pemilu-2024"],
                "date": dt.date(2023, 11, 29),
                "title": "Ikrar Netralitas ASN",
                "place": "Kota Uji",
                "commitments": [
                    "no-campaign",
                    "rule-compliance",
                    "fair-service",
                    "neutral-conduct",
                ],
                "witnesses": [
                    {"institution": "KPU", "name": "Perwakilan KPU"},
                    {"institution": "Bawaslu", "name": "Perwakilan Bawaslu"},
                ],
                "signatories": signed,
            }
        ],
    }
    path = root / "agencies" / f"{AGENCY}.toml"
    path.write_text(canonical.dumps_agency(data), "utf-8")


def measure(args: list[str], cwd: Path, runs: int) -> dict[str, float]:
    results = []
    for _ in range(runs):
        out = subprocess.run(
            [PY, "-c", _WRAPPER, *args], cwd=cwd, capture_output=True, text=True, check=True
        )
        results.append(json.loads(out.stdout))
    assert all(r["code"] == 0 for r in results), (args, results)
    return {
        "wall": statistics.median(r["wall"] for r in results),
        "rss_mb": statistics.median(r["rss_kb"] for r in results) / 1024,
    }


def import_cost(module: str, runs: int = 9) -> float:
    """Milliseconds that ``import module`` adds to a process that has loaded the CLI
    (what a command that writes xlsx pays), median of ``runs`` fresh processes."""
    probe = (
        "import time, pledgectl.cli.app, typer\n"
        "t = time.perf_counter()\n"
        f"import {module}\n"
        "print((time.perf_counter() - t) * 1000)"
    )
    costs = [
        float(subprocess.run([PY, "-c", probe], capture_output=True, text=True).stdout)
        for _ in range(runs)
    ]
    return statistics.median(costs)


def loads_xlsxwriter(code: str) -> bool:
    probe = f"import sys\n{code}\nprint('xlsxwriter' in sys.modules)"
    out = subprocess.run([PY, "-c", probe], capture_output=True, text=True).stdout
    return out.strip().endswith("True")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--people", type=int, default=5000)
    parser.add_argument("--runs", type=int, default=5)
    options = parser.parse_args()
    print(
        f"machine: {platform.machine()} {platform.python_implementation()} "
        f"{platform.python_version()} on {platform.system()}"
    )
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp) / "r"
        build(root, options.people)
        print(f"registry: 1 agency, {options.people} on the roster, {options.people // 2} signed")
        out = Path(tmp)
        cases = {
            "pledgectl --version": ["--version"],
            "sheet --format xlsx": ["sheet", AGENCY, DECL, "-f", "xlsx", "-o", str(out / "s.xlsx")],
            "sheet --format html": ["sheet", AGENCY, DECL, "-f", "html", "-o", str(out / "s.html")],
            "sheet --format csv": ["sheet", AGENCY, DECL, "-f", "csv", "-o", str(out / "s.csv")],
            "export --format xlsx": ["export", "-f", "xlsx", "-o", str(out / "e.xlsx")],
            "export --format csv": ["export", "-f", "csv", "-o", str(out / "e.csv")],
        }
        print(f"{'command':<24} {'wall (s)':>9} {'peak RSS (MB)':>14}   (median of {options.runs})")
        for label, args in cases.items():
            m = measure([PLEDGECTL, *args], root, options.runs)
            print(f"{label:<24} {m['wall']:>9.3f} {m['rss_mb']:>14.1f}")
        size = (out / "s.xlsx").stat().st_size
        print(f"sheet.xlsx: {size / 1024:.0f} KiB for {options.people} rows")
    print(f"import xlsxwriter after the CLI: {import_cost('xlsxwriter'):.1f} ms (median of 9)")
    version = (
        "from pledgectl.cli.app import main\nsys.argv=['pledgectl','--version']\n"
        "try:\n    main()\nexcept SystemExit:\n    pass"
    )
    print(f"`pledgectl --version` loads xlsxwriter: {loads_xlsxwriter(version)}")
    sign = "import pledgectl.cli.sign"
    print(f"importing the sign command loads xlsxwriter: {loads_xlsxwriter(sign)}")


if __name__ == "__main__":
    main()
