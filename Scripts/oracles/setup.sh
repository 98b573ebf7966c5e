#!/usr/bin/env bash
# Creates .venv-oracles/ (git-ignored) with the independent test oracles from PyPI: zxing-cpp reads DataMatrix
# codes from rendered pages, cryptography verifies ECDSA signatures a second way, Pillow loads the pages,
# schemathesis checks the served API against openapi.yaml, aiosmtpd is a real SMTP relay for the notices,
# selenium drives Debian's chromium through /usr/bin/chromedriver (it never downloads a driver) and
# axe-selenium-python brings axe-core, for the pages' browser and accessibility checks.
# tddoc is a 2D-Doc reader written elsewhere, with ANTS's data definitions: it reads and verifies our seals (profile v2).
# pikepdf reads the tagged PDFs' content streams and structure trees; pdfua checks the machine-checkable part of PDF/UA-1.
# Idempotent: does nothing when the environment already has them.
set -euo pipefail
cd "$(dirname "$0")/../.."
venv=.venv-oracles
if [[ -x $venv/bin/python ]] && $venv/bin/python -c 'import zxingcpp, cryptography, PIL, schemathesis, aiosmtpd, selenium, axe_selenium_python, tddoc, pikepdf, pdfua' 2>/dev/null; then
  exit 0
fi
python3 -m venv "$venv"
"$venv/bin/pip" install --quiet --disable-pip-version-check 'zxing-cpp>=2.2' 'cryptography>=42' 'pillow>=10' 'schemathesis>=4,<5' 'aiosmtpd>=1.4' 'selenium>=4.20' 'axe-selenium-python>=2.1' 'tddoc>=0.3' 'pikepdf>=9' 'pdfua>=0.1.3'
"$venv/bin/python" -c 'import zxingcpp, cryptography, PIL, schemathesis, aiosmtpd, selenium, axe_selenium_python, tddoc, pikepdf, pdfua'
