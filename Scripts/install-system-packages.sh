#!/usr/bin/env bash
# Installs the Debian packages AmeliDocs needs, only when some are missing (a fresh machine has only Swift).
#   build/run: libhpdf-dev (PDF), libfreetype-dev + libharfbuzz-dev (fonts), libpng-dev (PNG), libsqlite3-dev
#   tests:     poppler-utils (pdftotext, pdffonts, pdftoppm), qpdf, postgresql (a throw-away test server)
#   load:      wrk (Scripts/load.sh)
# Usage: install-system-packages.sh [--tests | --load]
set -euo pipefail
packages=(libhpdf-dev libfreetype-dev libharfbuzz-dev libpng-dev libsqlite3-dev pkg-config curl)
case "${1:-}" in
  --tests) packages+=(poppler-utils qpdf postgresql) ;;
  --load) packages+=(wrk) ;;
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
