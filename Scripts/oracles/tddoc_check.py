#!/usr/bin/env python3
"""Reads AmeliDocs seals as a 2D-Doc verifier written elsewhere would: PyPI `tddoc` (ANTS's data definitions).

For each PDF: rasterise it at 300 dpi (pdftoppm), decode the DataMatrix with zxing-cpp as raw bytes, parse the text
with tddoc, and verify the signature through a tddoc KeyChain holding the authority's certificate and the signing
certificate (found by the header's authority and certificate ids, the signing one checked against the authority's).

Usage: tddoc_check.py --ca CA.crt --cert SIGNING.crt FILE.pdf...   One JSON line per file:
{"file", "type", "ca", "cert", "fields": {id: value}, "signature": true|false, "signatureError"?}; exits 1 if any seal is
unreadable or its signature is not valid.
"""
import argparse, json, os, subprocess, sys, tempfile

import zxingcpp
from PIL import Image
from cryptography import x509
from cryptography.hazmat.primitives.serialization import Encoding
from tddoc.doc import TwoDDoc
from tddoc.keychain import KeyChain


def keychain(paths):
    chain = KeyChain(check_expiry=True)
    for path in paths:
        certificate = x509.load_pem_x509_certificate(open(path, "rb").read())
        chain.der_add(certificate.public_bytes(Encoding.DER))
    return chain


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--ca", required=True)
    parser.add_argument("--cert", required=True)
    parser.add_argument("pdfs", nargs="+")
    args = parser.parse_args()
    chain = keychain([args.ca, args.cert])
    failed = False
    for pdf in args.pdfs:
        result = {"file": os.path.basename(pdf)}
        with tempfile.TemporaryDirectory() as tmp:
            subprocess.run(["pdftoppm", "-r", "300", "-gray", "-png", "-singlefile", pdf, f"{tmp}/page"], check=True)
            codes = zxingcpp.read_barcodes(Image.open(f"{tmp}/page.png"), formats=zxingcpp.BarcodeFormat.DataMatrix)
        if len(codes) != 1:
            result["error"] = f"{len(codes)} DataMatrix codes"
            failed = True
            print(json.dumps(result)); continue
        # The symbol's bytes as they are: the seal is ASCII, its separators included.
        text = codes[0].bytes.decode("latin-1")
        try:
            doc = TwoDDoc.from_code(text)
            result.update(type=text[20:22], ca=doc.header.ca_id,
                          cert=doc.header.cert_id,
                          fields={d.definition.id: str(d.value) for d in doc.message.dataset},
                          names={d.definition.id: d.definition.name for d in doc.message.dataset})
            try:
                result["signature"] = doc.signature_is_valid(chain)
            except Exception as error:  # KeyError (no certificate), ExpiredCertificateError, InvalidSignature on the chain
                result["signature"] = False
                result["signatureError"] = f"{type(error).__name__}: {error}"
            if result["signature"] is not True:
                failed = True
        except Exception as error:
            result["error"] = f"{type(error).__name__}: {error}"
            failed = True
        print(json.dumps(result, ensure_ascii=False))
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
