#!/usr/bin/env python3
"""Benchmark witness seals (issue 15): what verifying every seal adds to ``check``.

    python benchmarks/seals.py            # 1,000 agencies x 200 = 200,000 signatories
    python benchmarks/seals.py --quick    # 100 x 200 = 20,000 (a smoke run)

Two registries are generated as ``bench.py`` generates its own (same agencies,
people and writer); in the second, every declaration is then sealed as
``pledgectl seal`` seals it (``ssh-keygen -Y sign`` with one of two keys, ed25519
and ecdsa-p256, alternating; the record appended by the one writer), with the
matching ``allowed_signers`` and ``sealers``. Then, through the installed ``pledgectl`` as a user runs it:

(a) cold ``check`` (empty cache) of the sealed registry / the same check of the
    unsealed one: target <= 1.25x;
(b) warm re-check of the sealed registry (cache populated, nothing changed) /
    an rtoml parse of its files: target <= 0.25x.

Each ratio is the median of the rounds' own ratios, each round timing both
sides back to back (as ``bench.py`` does). Timings are wall-clock.
"""

from __future__ import annotations

import argparse
import datetime as dt
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import bench

KEYS = (("kpu-bench", "KPU", "ed25519"), ("bawaslu-bench", "Bawaslu", "ecdsa"))
WHEN = dt.datetime(2023, 11, 29, 10, 0, tzinfo=dt.UTC)


def make_keys(folder: Path) -> list[tuple[str, str, Path]]:
    folder.mkdir(parents=True)
    out = []
    for principal, institution, kind in KEYS:
        path = folder / principal
        subprocess.run(
            ["ssh-keygen", "-q", "-t", kind, "-N", "", "-C", principal, "-f", str(path)],
            check=True,
        )
        out.append((principal, institution, path))
    return out


def sealed_settings(text: str) -> str:
    for principal, institution, _ in KEYS:
        anchor = f'id = "{institution}"\n'
        start = text.index(anchor)
        end = text.index("\n", text.index("name = ", start)) + 1
        text = text[:end] + f'sealers = ["{principal}"]\n' + text[end:]
    return text


def make_sealed_registry(root: Path, agencies: int, per_agency: int, keys: Path) -> Path:
    """As ``bench.make_registry``, then every declaration sealed by one of two ssh-keygen keys
    through the same library call ``pledgectl seal`` makes (signing by ``ssh-keygen -Y sign``,
    the record appended by the one writer)."""
    from pledgectl.core.registry import Registry
    from pledgectl.edit.seal import seal

    made = make_keys(keys)
    bench.make_registry(root, agencies, per_agency)
    settings = root / "pledgectl.toml"
    settings.write_text(sealed_settings(settings.read_text("utf-8")), encoding="utf-8")
    lines = []
    for principal, _, path in made:
        kind, blob = path.with_suffix(".pub").read_text().split()[:2]
        lines.append(f'{principal} namespaces="pledgectl-seal" {kind} {blob}\n')
    (root / "allowed_signers").write_text("".join(lines), encoding="utf-8")
    registry = Registry(root)
    for a in range(agencies):
        principal, institution, key = made[a % 2]
        seal(
            registry,
            f"opd-{a:05d}",
            bench.DECLARATION_ID,
            institution=institution,
            key=key,
            principal=principal,
            now=WHEN,
        )
    return root


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--quick", action="store_true", help="100 agencies: a smoke run")
    ap.add_argument("--rounds", type=int, default=7, help="rounds, median ratio (>= 3)")
    ap.add_argument("--keep", action="store_true", help="keep the generated registries")
    args = ap.parse_args()
    if shutil.which("ssh-keygen") is None:
        print("ssh-keygen (OpenSSH) is needed to make the seals", file=sys.stderr)
        return 2
    per_agency, agencies = 200, (100 if args.quick else 1000)
    bench.ensure_bytecode()
    work = Path(tempfile.mkdtemp(prefix="pledgectl-bench-seals-"))
    print(f"machine: {bench.machine()}")
    print(f"pledgectl: {bench.PLEDGECTL}")
    print(f"work dir: {work}")
    try:
        t0 = time.perf_counter()
        plain = bench.make_registry(work / "plain", agencies, per_agency)
        sealed = make_sealed_registry(work / "sealed", agencies, per_agency, work / "keys")
        n = agencies * per_agency
        print(
            f"generated {agencies} x {per_agency} = {n:,} signatories, unsealed and with "
            f"{agencies} seals (two keys), in {time.perf_counter() - t0:.1f}s; "
            f"{bench.du(plain / 'agencies') / 1e6:.1f} MB vs {bench.du(sealed / 'agencies') / 1e6:.1f} MB"
        )
        # both must check clean (no finding at error level): the seals all verify
        for reg in (plain, sealed):
            bench.timed(bench.check_cmd(reg), bench.env_for(None))
        colds_plain, colds_sealed, warms, parses = [], [], [], []
        for i in range(max(3, args.rounds)):
            colds_plain.append(
                bench.timed(bench.check_cmd(plain), bench.env_for(work / f"cache-plain-{i}"))
            )
            sealed_cache = work / f"cache-sealed-{i}"
            colds_sealed.append(bench.timed(bench.check_cmd(sealed), bench.env_for(sealed_cache)))
            parses.append(bench.parse_time(sealed))
            warms.append(bench.timed(bench.check_cmd(sealed), bench.env_for(sealed_cache)))
        med = statistics.median
        table = bench.Table()
        table.add(
            f"(a) cold check, sealed / unsealed, {n:,} signatories, {agencies} seals",
            f"{med(colds_sealed):.2f}s / {med(colds_plain):.2f}s",
            med(s / p for s, p in zip(colds_sealed, colds_plain, strict=True)),
            1.25,
        )
        table.add(
            "(b) warm re-check, sealed / rtoml parse",
            f"{med(warms):.3f}s / {med(parses):.2f}s",
            med(w / p for w, p in zip(warms, parses, strict=True)),
            0.25,
        )
        print()
        print(table.render())
        print()
        print(
            f"best of the rounds: cold unsealed {min(colds_plain):.2f}s, "
            f"cold sealed {min(colds_sealed):.2f}s, warm sealed {min(warms):.3f}s, "
            f"parse {min(parses):.2f}s"
        )
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
