#!/usr/bin/env bash
# Validates PDFs as PDF/A-1b with Apache PDFBox Preflight (Debian libpdfbox2-java; Java 17 also needs
# libactivation-java and libjaxb-api-java): prints Preflight's verdict and errors for each file.
#   Exit 0: every file is valid. 1: some file is not (its errors are printed). 2: usage or unreadable file.
#   3: the validator is not installed (Scripts/install-system-packages.sh --tests installs it).
# Usage: pdfa-check.sh FILE.pdf...      pdfa-check.sh --installed   (only checks the validator is there)
set -euo pipefail
jars=(preflight pdfbox2 xmpbox fontbox2 commons-logging javax.activation jaxb-api)
classpath=""
missing=()
command -v java >/dev/null || missing+=(java)
for jar in "${jars[@]}"; do
  path=/usr/share/java/$jar.jar
  [[ -r $path ]] && classpath+="${classpath:+:}$path" || missing+=("$path")
done
if (( ${#missing[@]} )); then
  echo "pdfa-check: PDFBox Preflight is not installed (missing: ${missing[*]}); run Scripts/install-system-packages.sh --tests" >&2
  exit 3
fi
[[ ${1:-} == --installed ]] && exit 0
if (( $# == 0 )); then
  echo "usage: pdfa-check.sh FILE.pdf..." >&2
  exit 2
fi
# One Java start for all files: Preflight's "group" mode reads the paths from a list file.
list=$(mktemp)
trap 'rm -f "$list"' EXIT
for file in "$@"; do
  [[ -r $file ]] || { echo "pdfa-check: cannot read $file" >&2; exit 2; }
  readlink -f -- "$file" >>"$list"
done
if java -cp "$classpath" org.apache.pdfbox.preflight.Validator_A1b group "$list"; then
  exit 0
fi
exit 1
