"""The process the half-written-export test kills: it writes exports in a loop through the product's
own writers and reports each round after every write returned.

    python tests/reliability/exporter.py INPUTS OUT

Round ``i`` writes, from the payloads in INPUTS: ``OUT/record.pdf`` (variant ``i % 2``, with
:func:`reviewer.trust.files.write_atomic`, as ``record cosign`` and ``panel close`` do),
``OUT/report.xlsx`` (variant ``i % 2``, :func:`reviewer.files.write_atomic`, as
``ministry report --out``), ``OUT/sheets/<i>.rvsheet`` (:func:`reviewer.scoring.sheet_build.write_sheet`)
and ``OUT/bundles/<i>.rvresult`` (:func:`reviewer.export.bundle.write_bundle`); then prints ``i``.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))


def main(inputs: str, out: str) -> None:
    from reviewer.export.bundle import write_bundle
    from reviewer.files import write_atomic as write_report
    from reviewer.scoring.sheet_build import write_sheet
    from reviewer.trust.files import write_atomic

    src, dst = Path(inputs), Path(out)
    records = [(src / f"record-{v}.pdf").read_bytes() for v in "ab"]
    reports = [(src / f"report-{v}.xlsx").read_bytes() for v in "ab"]
    sheet, bundle = (src / "sheet.rvsheet").read_bytes(), (src / "bundle.rvresult").read_bytes()
    start = len(list((dst / "sheets").glob("*.rvsheet"))) if (dst / "sheets").exists() else 0
    print(f"ready {start}", flush=True)
    i = start
    while True:
        write_atomic(dst / "record.pdf", records[i % 2])
        write_report(dst / "report.xlsx", reports[i % 2])
        write_sheet(dst / "sheets" / f"{i:06d}.rvsheet", sheet)
        write_bundle(dst / "bundles" / f"{i:06d}.rvresult", bundle)
        print(i, flush=True)
        i += 1


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
