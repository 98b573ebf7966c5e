// HaruDocument+Structure: the structure tree of a tagged PDF (ISO 32000-1 §14.7), through libharu's object layer.

import CHaru
import DisplayList

extension HaruDocument {
    /// A page as written: its libharu page, its structure and the marks its items carry.
    struct TaggedPage {
        let handle: HPDF_Page
        let structure: [StructureElement]
        let marks: ContentMarks
    }

    /// Writes the structure tree of `pages` (a `Document` element over each page's elements, in order), the
    /// parent tree that maps each page's MCIDs back to their elements, and what a tagged document declares in its
    /// catalog: /MarkInfo, /Lang, and a viewer that shows the title rather than the file name (PDF/UA-1 7.1).
    func writeStructure(_ pages: [TaggedPage], language: String) throws {
        let mmgr = handle.pointee.mmgr
        let catalog = try require(handle.pointee.catalog, "Catalog")
        let root = try dictionary(indirect: true, "StructTreeRoot")
        try add(root, "Type", name: "StructTreeRoot")
        let document = try element(role: "Document", parent: root)
        try add(root, "K", document)
        let documentKids = try require(HPDF_Array_New(mmgr), "Document /K")
        try add(document, "K", documentKids)

        let nums = try require(HPDF_Array_New(mmgr), "ParentTree /Nums")
        for (index, page) in pages.enumerated() {
            try add(page.handle, "StructParents", number: index)
            var parents = [HPDF_Dict?](repeating: nil, count: page.marks.count)
            var nextMCID = 0
            for element in page.structure {
                let written = try write(element, parent: document, page: page.handle, marks: page.marks, next: &nextMCID,
                                        parents: &parents)
                try check(HPDF_Array_Add(documentKids, written), "Document /K")
            }
            let array = try require(HPDF_Array_New(mmgr), "ParentTree array")
            for parent in parents {
                try check(HPDF_Array_Add(array, try require(parent, "an MCID without its element")), "ParentTree array")
            }
            try check(HPDF_Array_AddNumber(nums, HPDF_INT32(index)), "ParentTree /Nums")
            try check(HPDF_Array_Add(nums, array), "ParentTree /Nums")
        }
        let parentTree = try dictionary(indirect: false, "ParentTree")
        try add(parentTree, "Nums", nums)
        try add(root, "ParentTree", parentTree)
        try add(root, "ParentTreeNextKey", number: pages.count)

        try add(catalog, "StructTreeRoot", root)
        let markInfo = try dictionary(indirect: false, "MarkInfo")
        try add(markInfo, "Marked", HPDF_Boolean_New(mmgr, HPDF_TRUE))
        try add(catalog, "MarkInfo", markInfo)
        try add(catalog, "Lang", try textString(language))
        let preferences = try dictionary(indirect: false, "ViewerPreferences")
        try add(preferences, "DisplayDocTitle", HPDF_Boolean_New(mmgr, HPDF_TRUE))
        try add(catalog, "ViewerPreferences", preferences)
    }

    /// One element and its descendants. MCIDs are met in the same reading order `ContentMarks` gave them.
    private func write(_ element: StructureElement, parent: HPDF_Dict, page: HPDF_Page, marks: ContentMarks,
                       next: inout Int, parents: inout [HPDF_Dict?]) throws -> HPDF_Dict {
        let dict = try self.element(role: element.role.rawValue, parent: parent)
        // /Pg where the element itself holds marked content (its MCIDs are on that page); containers need none.
        if element.children.contains(where: { if case .item = $0 { true } else { false } }) { try add(dict, "Pg", page) }
        if let text = element.alternateText { try add(dict, "Alt", try textString(text)) }
        if let language = element.language { try add(dict, "Lang", try textString(language)) }
        if element.headsRow {
            let attributes = try dictionary(indirect: false, "TH /A")
            try add(attributes, "O", name: "Table")
            try add(attributes, "Scope", name: "Row")
            try add(dict, "A", attributes)
        }
        let kids = try require(HPDF_Array_New(handle.pointee.mmgr), "/K")
        for child in element.children {
            switch child {
            case .element(let inner):
                try check(HPDF_Array_Add(kids, try write(inner, parent: dict, page: page, marks: marks, next: &next, parents: &parents)), "/K")
            case .item(let index):
                // An item already held by an earlier element (ContentMarks keeps the first) is not listed twice.
                guard let mcid = marks.mcid(of: index), mcid == next else { continue }
                try check(HPDF_Array_AddNumber(kids, HPDF_INT32(mcid)), "/K")
                parents[mcid] = dict
                next += 1
            }
        }
        try add(dict, "K", kids)
        return dict
    }

    /// /Type /StructElem is optional (ISO 32000-1, table 323) and left out: sixty-odd elements a document.
    private func element(role: String, parent: HPDF_Dict) throws -> HPDF_Dict {
        let dict = try dictionary(indirect: true, "StructElem /\(role)")
        try add(dict, "S", name: role)
        try add(dict, "P", parent)
        return dict
    }

    /// A text string: PDFDocEncoding when it says the text exactly, else UTF-16BE with its byte-order mark.
    func textString(_ text: String) throws -> UnsafeMutableRawPointer? {
        let mmgr = handle.pointee.mmgr
        if let bytes = PDFDocEncoding.encode(text) {
            return UnsafeMutableRawPointer(try require(HPDF_String_New(mmgr, bytes, nil), "text string"))
        }
        var utf16: [UInt8] = [0xFE, 0xFF] + text.utf16.flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] }
        return UnsafeMutableRawPointer(try require(HPDF_Binary_New(mmgr, &utf16, HPDF_UINT(utf16.count)), "text string"))
    }
}
