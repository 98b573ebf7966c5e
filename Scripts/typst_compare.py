#!/usr/bin/env python3
"""Speed against Typst, in the same run: Typst (PyPI `typst`, in .venv-oracles; the compiler kept warm) compiles
the reference certificate (Scripts/typst/certificate.typ, PDF/A-1a: tagged, like ours) and the reference card
(Scripts/typst/card.typ, PNG at 300 ppi); `ameli-docs bench` renders our sealed, tagged PDF/A certificate and the card
PNG at 300 dpi. Runs alternate — Typst, ours, Typst, ours… — and each pair gives a ratio (Typst's p50 / ours); the
median ratio is the figure. Each Typst compile gets a new `sys.inputs.id`, so Typst lays the page out again instead
of replaying its memoised result. Timings are reported, never asserted: absolute times on a shared machine move.

Usage: .venv-oracles/bin/python Scripts/typst_compare.py [--binary .build/release/ameli-docs] [--rounds 3]
       [--iterations 300] [--typst-seal modules|image] [--json]
"""
import argparse
import json
import statistics
import subprocess
import sys
import time
from pathlib import Path

import typst

ROOT = Path(__file__).resolve().parent.parent


def typst_p50(compiler, iterations, seal="modules", **options):
    times = []
    for index in range(iterations):
        start = time.perf_counter()
        compiler.compile(sys_inputs={"id": f"{time.monotonic_ns()}-{index}", "seal": seal}, **options)
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def ours_p50(binary, iterations):
    output = subprocess.run([binary, "bench", "--json", "--iterations", str(iterations)], check=True,
                            capture_output=True, text=True, cwd=ROOT).stdout
    rows = {(row["kind"], row["format"]): row["p50Ms"] for row in json.loads(output)}
    return rows[("certificate", "pdf")], rows[("card", "png")]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--binary", default=str(ROOT / ".build/release/ameli-docs"))
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--iterations", type=int, default=300)
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--typst-seal", choices=["modules", "image"], default="modules",
                        help="the reference certificate's seal: 48 × 48 squares (as ours, vector) or one PNG image")
    arguments = parser.parse_args()

    fonts = [str(ROOT / "Fonts")]
    certificate = typst.Compiler(input=str(ROOT / "Scripts/typst/certificate.typ"), font_paths=fonts,
                                 ignore_system_fonts=True, root=str(ROOT))
    card = typst.Compiler(input=str(ROOT / "Scripts/typst/card.typ"), font_paths=fonts, ignore_system_fonts=True,
                          root=str(ROOT))
    pdf_options = {"format": "pdf", "pdf_standards": "a-1a"}
    png_options = {"format": "png", "ppi": 300}
    for _ in range(20):   # warm: fonts parsed, caches filled
        certificate.compile(sys_inputs={"id": "warm"}, **pdf_options)
        card.compile(sys_inputs={"id": "warm"}, **png_options)

    rounds = []
    for _ in range(arguments.rounds):
        typst_certificate = typst_p50(certificate, arguments.iterations, seal=arguments.typst_seal, **pdf_options)
        typst_card = typst_p50(card, arguments.iterations, **png_options)
        ours_certificate, ours_card = ours_p50(arguments.binary, arguments.iterations)
        rounds.append({
            "typstCertificatePdfMs": round(typst_certificate, 3), "oursCertificatePdfMs": round(ours_certificate, 3),
            "certificateRatio": round(typst_certificate / ours_certificate, 2),
            "typstCardPngMs": round(typst_card, 3), "oursCardPngMs": round(ours_card, 3),
            "cardRatio": round(typst_card / ours_card, 2),
        })
    summary = {
        "rounds": rounds,
        "certificateRatioMedian": statistics.median(r["certificateRatio"] for r in rounds),
        "cardRatioMedian": statistics.median(r["cardRatio"] for r in rounds),
        "typst": typst.__version__ if hasattr(typst, "__version__") else "?",
    }
    if arguments.json:
        print(json.dumps(summary))
    else:
        for r in rounds:
            print(f"certificate PDF: Typst {r['typstCertificatePdfMs']} ms, ours {r['oursCertificatePdfMs']} ms, "
                  f"{r['certificateRatio']}× · card PNG 300 dpi: Typst {r['typstCardPngMs']} ms, ours "
                  f"{r['oursCardPngMs']} ms, {r['cardRatio']}×")
        print(f"median ratios: certificate {summary['certificateRatioMedian']}×, card {summary['cardRatioMedian']}×")
    return 0


if __name__ == "__main__":
    sys.exit(main())
