#!/usr/bin/env python3
"""An independent reader of AmeliDocs seals (SEAL.md), for the tests: nothing here is shared with the Swift code.

For each PDF: rasterise it with pdftoppm at 300 dpi, decode the DataMatrix with zxing-cpp, parse the seal text
per SEAL.md, verify the ECDSA P-256 signature with the published key using `cryptography`, and check that every
field of the seal is printed on the page (pdftotext), after SEAL.md's transliteration.

Usage: seal_oracle.py --keys KEYS.json FILE.pdf...   Prints one JSON line per file; exits 1 if any check fails.
"""
import argparse, base64, json, re, subprocess, sys, tempfile, unicodedata, os

import zxingcpp
from PIL import Image
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.hazmat.primitives.asymmetric.utils import encode_dss_signature

GS, RS, US = "\x1d", "\x1e", "\x1f"
# SEAL.md's message table (profile v2): id -> (fixed length or None, maximum length). ANTS's ids (01, 60, 62, 69)
# follow ANTS's separator rules; each of ours ends with <GS> unless it is the last field.
ANTS = {"01", "60", "62", "69"}
FIELDS = {"01": (None, 40), "62": (None, 38), "60": (None, 60), "69": (8, 8), "EG": (15, 15), "EH": (None, 10),
          "EI": (20, 20), "E9": (8, 8), "EA": (8, 8), "EB": (8, 8), "EC": (None, 16), "ED": (12, 12),
          "EE": (None, 38), "EF": (None, 38)}
TYPES = {"E1": ["01", "62", "60", "69", "EG", "EH", "EI", "E9", "EA", "EB"],
         "E2": ["01", "62", "60", "EC", "ED"],
         "E3": ["01", "62", "60", "EB", "EE", "EF"],
         "E4": ["01", "62", "60", "69", "EI", "E9"]}
SPECIAL = {"Ł": "L", "Ø": "O", "Đ": "D", "Ð": "D", "Ħ": "H", "Ŧ": "T", "Ŋ": "N", "I": "I", "ĸ": "K", "ß": "SS",
           "Æ": "AE", "Þ": "TH", "ı": "I"}


def transliterate(text):
    out = []
    for ch in unicodedata.normalize("NFD", text):
        if unicodedata.combining(ch):
            continue
        up = ch.upper() if ch not in ("ß", "ĸ", "ı") else ch
        out.append(SPECIAL.get(up, SPECIAL.get(ch, up)))
    return "".join(out)


def parse(text):
    if len(text) < 26 or not text.startswith("DC04"):
        raise ValueError("no DC04 header")
    header = {"ca": text[4:8], "cert": text[8:12], "issue": int(text[12:16], 16), "signed": int(text[16:20], 16),
              "type": text[20:22], "perimeter": text[22:24], "country": text[24:26]}
    signed_part, _, signature = text.partition(US)
    if not signature:
        raise ValueError("no <US>")
    fields, truncated, i, body = {}, set(), 26, signed_part
    while i < len(body):
        fid = body[i:i + 2]; i += 2
        fixed, maximum = FIELDS[fid]
        if fixed:
            fields[fid] = body[i:i + fixed]; i += fixed
            if fid not in ANTS and i < len(body):
                if body[i] != GS:
                    raise ValueError(f"field {fid} does not end with <GS>")
                i += 1
            continue
        j = i
        while j < len(body) and j - i < maximum and body[j] not in (GS, RS):
            j += 1
        fields[fid] = body[i:j]
        if j < len(body) and body[j] == GS:
            j += 1
        elif j < len(body) and body[j] == RS:
            truncated.add(fid); j += 1
        i = j
    if list(fields) != TYPES[header["type"]]:
        raise ValueError(f"fields {list(fields)} do not match type {header['type']}")
    return header, fields, truncated, signed_part.encode("ascii"), signature


def verify(keys, header, signed_bytes, signature_b32):
    raw = base64.b32decode(signature_b32 + "=" * (-len(signature_b32) % 8))
    if len(raw) != 64:
        return "invalid"
    for key in keys["keys"]:
        if key["caId"] == header["ca"] and key["certificateId"] == header["cert"]:
            public = serialization.load_pem_public_key(key["publicKeyPem"].encode())
            der = encode_dss_signature(int.from_bytes(raw[:32], "big"), int.from_bytes(raw[32:], "big"))
            try:
                public.verify(der, signed_bytes, ec.ECDSA(hashes.SHA256()))
                return "valid"
            except InvalidSignature:
                return "invalid"
    return "unknown-key"


def printed(value, page):
    """The seal value is on the page: as it is, or abbreviated as the card prints long names (`…-V.`)."""
    if value in page:
        return True
    for k in range(1, len(value)):
        if value[k - 1] in " -" and (value[:k] + value[k] + ".") in page:
            return True
    return False


PROCEDURES = {"ORDER": "COMMANDE", "RENEWAL": "RENOUVELLEMENT", "LOSS": "PERTE", "THEFT": "VOL",
              "PROXY": "PROCURATION", "PROXY REVOCATION": "REVOCATION"}


REPERTOIRE = set("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 -'./")


def day(days_since_2000):
    import datetime
    return datetime.date(2000, 1, 1) + datetime.timedelta(days=days_since_2000)


def check_header(header, fields, page):
    """SEAL.md's header: DC04, FR + 2 characters, a 4-character key id, the issue day printed on the document
    (a card copy is dated by its card's issue day, which the face does not print), a signature day not before it,
    perimeter 01, country FR; and every value in the repertoire."""
    problems = []
    if not (re.fullmatch(r"FR[A-Z0-9]{2}", header["ca"]) and re.fullmatch(r"[A-Z0-9]{4}", header["cert"])):
        problems.append(f"header authority/key {header['ca']}/{header['cert']} is malformed")
    if header["perimeter"] != "01" or header["country"] != "FR":
        problems.append(f"header perimeter/country {header['perimeter']}/{header['country']} is not 01/FR")
    issued, signed = day(header["issue"]), day(header["signed"])
    if signed < issued:
        problems.append(f"signed on {signed}, before its issue day {issued}")
    if header["type"] != "E4" and issued.strftime("%d/%m/%Y") not in re.sub(r"\s+", "", page):
        problems.append(f"issue day {issued} is not printed on the document")
    for fid, value in fields.items():
        if not set(value) <= REPERTOIRE:
            problems.append(f"field {fid} leaves SEAL.md's repertoire: {value!r}")
    return problems


def check_fields(fields, page, reading):
    flat = re.sub(r"\s+", " ", page)
    compact = re.sub(r"\s+", "", page)
    # A name wrapped over two lines of its field reads whole in reading order (pdftotext without -layout, which
    # joins a word broken at a hyphen and drops that hyphen), not across the layout's columns.
    joined = re.sub(r"[\s-]+", "", reading)
    problems = []
    for fid, value in fields.items():
        if fid in ("69", "E9", "EA", "EB"):
            ok = f"{value[:2]}/{value[2:4]}/{value[4:]}" in compact
        elif fid == "ED":
            ok = f"{value[:2]}/{value[2:4]}/{value[4:8]}" in compact and f"{value[8:10]}H{value[10:]}" in compact
        elif fid in ("EG", "EI", "EH"):
            ok = value in compact
        elif fid == "EC":
            ok = PROCEDURES[value] in flat
        else:
            ok = printed(value, flat) or printed(value, compact) or printed(re.sub(r"[\s-]+", "", value), joined)
        if not ok:
            problems.append(f"field {fid}={value!r} is not printed on the page")
    return problems


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--keys", required=True)
    parser.add_argument("pdfs", nargs="+")
    args = parser.parse_args()
    keys = json.load(open(args.keys))
    failed = False
    for pdf in args.pdfs:
        result = {"file": os.path.basename(pdf)}
        with tempfile.TemporaryDirectory() as tmp:
            subprocess.run(["pdftoppm", "-r", "300", "-gray", "-png", "-singlefile", pdf, f"{tmp}/page"], check=True)
            # Plain text mode: the seal's <GS>/<RS>/<US> bytes as they are (the default HRI mode rewrites them).
            codes = zxingcpp.read_barcodes(Image.open(f"{tmp}/page.png"), formats=zxingcpp.BarcodeFormat.DataMatrix,
                                           text_mode=zxingcpp.TextMode.Plain)
        page = transliterate(subprocess.run(["pdftotext", "-layout", pdf, "-"], check=True, capture_output=True,
                                            text=True).stdout)
        reading = transliterate(subprocess.run(["pdftotext", pdf, "-"], check=True, capture_output=True,
                                               text=True).stdout)
        problems = []
        if len(codes) != 1:
            problems.append(f"{len(codes)} DataMatrix codes found, expected 1")
        else:
            try:
                header, fields, truncated, signed_bytes, signature = parse(codes[0].text)
                result.update(type=header["type"], fields=fields, truncated=sorted(truncated))
                result["signature"] = verify(keys, header, signed_bytes, signature)
                if result["signature"] != "valid":
                    problems.append(f"signature {result['signature']}")
                problems += check_header(header, fields, page)
                problems += check_fields(fields, page, reading)
            except (ValueError, KeyError) as error:
                problems.append(f"unreadable seal: {error}")
        result["problems"] = problems
        failed |= bool(problems)
        print(json.dumps(result, ensure_ascii=False))
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
