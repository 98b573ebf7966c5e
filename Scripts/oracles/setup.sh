#!/usr/bin/env bash
# Creates .venv-oracles/ (git-ignored) with the independent test oracles from PyPI: zxing-cpp reads DataMatrix
# codes from rendered pages, cryptography verifies ECDSA signatures a second way, Pillow loads the pages,
# schemathesis checks the served API against openapi.yaml, aiosmtpd is a real SMTP relay for the notices.
# Idempotent: does nothing when the environment already has them.
set -euo pipefail
cd "$(dirname "$0")/../.."
venv=.venv-oracles
if [[ -x $venv/bin/python ]] && $venv/bin/python -c 'import zxingcpp, cryptography, PIL, schemathesis, aiosmtpd' 2>/dev/null; then
  exit 0
fi
python3 -m venv "$venv"
"$venv/bin/pip" install --quiet --disable-pip-version-check 'zxing-cpp>=2.2' 'cryptography>=42' 'pillow>=10' 'schemathesis>=4,<5' 'aiosmtpd>=1.4'
"$venv/bin/python" -c 'import zxingcpp, cryptography, PIL, schemathesis, aiosmtpd'
