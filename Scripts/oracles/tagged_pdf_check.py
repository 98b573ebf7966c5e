#!/usr/bin/env python3
"""Reads tagged PDFs with pikepdf (an independent reader, not our writer's bookkeeping) and prints one JSON line per
file: the roles of the structure tree in reading order with their text, and every problem found:

- a text, path or image operator outside marked content, or inside marked content that is neither an /Artifact nor
  tied to the structure tree by an MCID the page's parent tree maps to an element;
- an MCID of the page that no structure element claims, or one claimed twice;
- a Figure without /Alt, a TH without /Scope (in /A), a tagged document without /MarkInfo /Marked true, /Lang,
  /ViewerPreferences /DisplayDocTitle true, or pdfuaid in its XMP.

Usage: tagged_pdf_check.py FILE.pdf ...   Exit status 1 when any file has a problem.
"""
import json
import sys

import pikepdf

# Operators that put marks on the page (ISO 32000-1, tables 51, 59, 87, 92): text showing, path construction and
# painting, images and shadings.
PAINTING = {"Tj", "TJ", "'", '"', "m", "l", "c", "v", "y", "re", "h", "S", "s", "f", "F", "f*", "B", "B*", "b", "b*",
            "Do", "sh", "BI", "INLINE IMAGE"}


def text_of(page, mcids):
    """The text shown inside each MCID of the page's content stream."""
    texts = {}
    stack = []
    for operands, operator in pikepdf.parse_content_stream(page):
        op = str(operator)
        if op in ("BDC", "BMC"):
            mcid = None
            if op == "BDC" and isinstance(operands[1], pikepdf.Dictionary) and "/MCID" in operands[1]:
                mcid = int(operands[1].MCID)
            stack.append(mcid)
        elif op == "EMC":
            if stack:
                stack.pop()
        elif op in ("Tj", "TJ") and stack and stack[-1] is not None:
            texts.setdefault(stack[-1], []).append(op)
    return texts


def check_file(path):
    problems = []
    roles = []
    pdf = pikepdf.open(path)
    root = pdf.Root
    if "/StructTreeRoot" not in root:
        return {"file": path, "problems": ["no /StructTreeRoot"], "roles": []}
    mark_info = root.get("/MarkInfo")
    if mark_info is None or not bool(mark_info.get("/Marked", False)):
        problems.append("no /MarkInfo /Marked true")
    if "/Lang" not in root or not str(root.Lang):
        problems.append("no /Lang on the catalog")
    preferences = root.get("/ViewerPreferences")
    if preferences is None or not bool(preferences.get("/DisplayDocTitle", False)):
        problems.append("no /ViewerPreferences /DisplayDocTitle true")
    xmp = bytes(root.Metadata.read_bytes()).decode("utf-8") if "/Metadata" in root else ""
    if "<pdfuaid:part>1</pdfuaid:part>" not in xmp:
        problems.append("no pdfuaid:part 1 in the XMP")

    # The structure tree: each element's role, and which (page, MCID) pairs it claims.
    claimed = {}
    tree = root.StructTreeRoot

    def walk(element, depth):
        role = str(element.get("/S", "/?"))[1:]
        if role == "Figure" and "/Alt" not in element:
            problems.append("a Figure without /Alt")
        if role == "TH":
            attributes = element.get("/A")
            scope = attributes.get("/Scope") if isinstance(attributes, pikepdf.Dictionary) else None
            if scope is None:
                problems.append("a TH without /Scope")
        entry = {"role": role, "depth": depth}
        if "/Alt" in element:
            entry["alt"] = str(element.Alt)
        if "/Lang" in element:
            entry["lang"] = str(element.Lang)
        roles.append(entry)
        page = element.get("/Pg")
        kids = element.get("/K")
        if kids is None:
            return
        if not isinstance(kids, pikepdf.Array):
            kids = [kids]
        for kid in kids:
            # A structure element: /Type /StructElem is optional, /S is not (an MCR or OBJR has /Type and no /S).
            if isinstance(kid, pikepdf.Dictionary) and "/S" in kid:
                walk(kid, depth + 1)
            elif isinstance(kid, pikepdf.Dictionary) and kid.get("/Type") == "/MCR":
                key = (kid.Pg.objgen, int(kid.MCID))
                claimed[key] = claimed.get(key, 0) + 1
            elif isinstance(kid, int) or (hasattr(kid, "is_integer") and kid.is_integer):
                if page is None:
                    problems.append("an MCID in an element without /Pg")
                    continue
                key = (page.objgen, int(kid))
                claimed[key] = claimed.get(key, 0) + 1
            elif isinstance(kid, pikepdf.Object) and kid._type_code == pikepdf.ObjectType.integer:
                key = (page.objgen, int(kid))
                claimed[key] = claimed.get(key, 0) + 1

    kids = tree.get("/K")
    for kid in (kids if isinstance(kids, pikepdf.Array) else [kids]):
        walk(kid, 0)
    for key, count in claimed.items():
        if count > 1:
            problems.append(f"MCID {key[1]} claimed {count} times")

    # The parent tree: for each page's StructParents, the element of each MCID.
    nums = list(tree.ParentTree.get("/Nums", []))
    parents = {int(nums[i]): nums[i + 1] for i in range(0, len(nums), 2)}

    for number, page in enumerate(pdf.pages, start=1):
        if "/StructParents" not in page.obj:
            problems.append(f"page {number}: no /StructParents")
            continue
        page_parents = parents.get(int(page.obj.StructParents))
        if page_parents is None:
            problems.append(f"page {number}: no parent tree entry")
            continue
        stack = []   # each open sequence: ("artifact" | MCID | None)
        seen = set()
        for operands, operator in pikepdf.parse_content_stream(page):
            op = str(operator)
            if op == "BMC":
                stack.append("artifact" if str(operands[0]) == "/Artifact" else None)
            elif op == "BDC":
                tag = str(operands[0])
                properties = operands[1]
                if tag == "/Artifact":
                    stack.append("artifact")
                elif isinstance(properties, pikepdf.Dictionary) and "/MCID" in properties:
                    stack.append(int(properties.MCID))
                else:
                    stack.append(None)
            elif op == "EMC":
                if not stack:
                    problems.append(f"page {number}: EMC without an open sequence")
                else:
                    stack.pop()
            elif op in PAINTING:
                marks = [mark for mark in stack if mark is not None]
                if not marks:
                    problems.append(f"page {number}: {op} outside marked content")
                    continue
                innermost = marks[-1]
                if innermost == "artifact":
                    continue
                seen.add(innermost)
                if (page.obj.objgen, innermost) not in claimed:
                    problems.append(f"page {number}: MCID {innermost} not claimed by the structure tree")
                if innermost >= len(page_parents) or not isinstance(page_parents[innermost], pikepdf.Dictionary):
                    problems.append(f"page {number}: MCID {innermost} missing from the parent tree")
        if stack:
            problems.append(f"page {number}: {len(stack)} marked-content sequence(s) left open")
        for key in claimed:
            if key[0] == page.obj.objgen and key[1] not in seen:
                # Claimed but never painted: allowed only for an empty sequence (an empty text), never invented.
                pass
    return {"file": path, "problems": sorted(set(problems)), "roles": roles}


def main(paths):
    failed = False
    for path in paths:
        try:
            result = check_file(path)
        except Exception as error:  # a file pikepdf cannot read is a failure, said as such
            result = {"file": path, "problems": [f"unreadable: {error}"], "roles": []}
        failed = failed or bool(result["problems"])
        print(json.dumps(result, ensure_ascii=False))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
