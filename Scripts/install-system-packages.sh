#!/usr/bin/env bash
# Installs the Debian packages AmeliDocs needs, only when some are missing (a fresh machine has only Swift).
#   build/run: libhpdf-dev (PDF), libdmtx-dev (the seal's DataMatrix), icc-profiles-free (PDF/A's sRGB profile),
#              poppler-utils (the demo walk-through scans a page with pdftoppm),
#              libfreetype-dev + libharfbuzz-dev (fonts), libpng-dev (PNG), zlib1g-dev (the PDF content's compression,
#              already a dependency of libpng-dev), libsqlite3-dev
#   tests:     poppler-utils (pdftotext, pdffonts, pdftoppm), qpdf, postgresql (a throw-away test server),
#              python3-venv (Scripts/oracles/setup.sh: zxing-cpp and cryptography from PyPI, the seal's second reader),
#              libpdfbox2-java + libactivation-java + libjaxb-api-java (PDF/A-1b Preflight, Scripts/pdfa-check.sh),
#              chromium + chromium-driver (the pages in a real browser, Scripts/browser-check.sh), chromium-l10n
#              (its French locale: without it a date field reads mm/dd/yyyy whatever the page's language)
#   load:      wrk, nginx-light (Scripts/load.sh; nginx serves the same PNG as the ceiling)
# Usage: install-system-packages.sh [--tests | --load]
set -euo pipefail
packages=(libhpdf-dev libdmtx-dev icc-profiles-free poppler-utils libfreetype-dev libharfbuzz-dev libpng-dev zlib1g-dev libsqlite3-dev pkg-config curl)
case "${1:-}" in
  --tests)
    packages+=(poppler-utils qpdf postgresql python3 python3-venv libpdfbox2-java libactivation-java libjaxb-api-java chromium chromium-driver chromium-l10n)
    # PDFBox Preflight (Scripts/pdfa-check.sh) needs a Java runtime; Debian's only when the machine has none.
    command -v java >/dev/null || packages+=(default-jre-headless) ;;
  --load) packages+=(wrk nginx-light) ;;
esac
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if (( ${#missing[@]} )); then
  echo "Installing Debian packages: ${missing[*]}"
  sudo=""; [[ $(id -u) -eq 0 ]] || sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
