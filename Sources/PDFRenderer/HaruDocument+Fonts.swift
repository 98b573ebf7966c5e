// HaruDocument+Fonts: each face's composite font (Type0, CIDFontType2, Identity-H) for the current document.

import CHaru
import DisplayList

/// One face's font in the current document. Character codes are the embedded file's glyph ids, two bytes each.
struct DocumentFont {
    /// The Type0 font dictionary, named in the resources of each page that uses it.
    let dictionary: HPDF_Dict
    let face: LoadedFace
}

extension HaruDocument {
    /// Writes each used face's font objects for this document, before any page: the glyphs to embed are known
    /// from `uses` (sorted, so the bytes are deterministic).
    ///
    /// Why not libharu's simple TrueType fonts: PDF/A-1 (6.3.7) allows a non-symbolic TrueType font only the
    /// WinAnsi or MacRoman encoding without /Differences, which cannot carry Ł, Đ or Ő. Why not libharu's own
    /// UTF-8 Type0 fonts (HPDF_UseUTFEncodings): building one walks all 65,536 code points with a linear cmap
    /// search each, per font per document (0.49 ms per face even for our subset, measured: more than a whole
    /// certificate for two faces); its /ToUnicode is a CID map (`begincidrange`), not a Unicode one; its
    /// /CIDSystemInfo says Ordering (Identity-H); and it writes no /CIDSet. So the dictionaries are written here
    /// with libharu's object layer, and libharu still writes the font file's glyph subset.
    func prepareFonts(_ uses: [(face: FontID, scalars: [Unicode.Scalar])]) throws -> [FontID: DocumentFont] {
        var result: [FontID: DocumentFont] = [:]
        for (id, scalars) in uses {
            guard let face = faces[id] else {
                throw HaruError(code: UInt(HPDF_INVALID_FONTDEF_DATA), detail: 0, operation: "no font \(id)")
            }
            var codes: [UInt16] = []
            for scalar in scalars {
                let glyph = face.glyph(for: scalar)
                guard glyph != 0 else { throw PDFRendererError.unsupportedCharacter(scalar, text: String(scalar)) }
                // Marks the glyph (and a composite glyph's components) for the font file's subset.
                _ = HPDF_TTFontDef_GetCharWidth(face.definition, HPDF_UINT16(scalar.value))
                codes.append(glyph)
            }
            result[id] = DocumentFont(dictionary: try compositeFont(face, codes: codes.sorted()), face: face)
        }
        return result
    }

    /// The Type0 font over `face` for a document using `codes` (sorted glyph ids).
    private func compositeFont(_ face: LoadedFace, codes: [UInt16]) throws -> HPDF_Dict {
        let mmgr = handle.pointee.mmgr
        let definition = face.definition.pointee

        // PDF/A-1 (6.3.5) requires a subset's /CIDSet: one bit per CID (here glyph id) the file carries, i.e.
        // the glyphs libharu kept (used ones, their components, .notdef); the others are written empty.
        let present = face.glyphsInFile
        let last = present.lastIndex(of: true) ?? 0
        var bits = [UInt8](repeating: 0, count: last / 8 + 1)
        for (glyph, isPresent) in present.enumerated() where isPresent { bits[glyph / 8] |= 0x80 >> UInt8(glyph % 8) }

        // The font file: libharu writes the used glyphs' outlines and empties the others; the same glyphs give the
        // same file, compressed once for the process (FontFileCache).
        let fontFile = try fontFiles.file(for: .init(face: face.baseFont, glyphs: bits)) { try self.fontFile(face) }
        let file = try stream("FontFile2")
        try writeCompressed(fontFile.deflated, to: file, "FontFile2", asLibharuWritesIt: true)
        try add(file, "Length1", number: fontFile.length)
        let cidSet = try stream("CIDSet")
        try write(bits, to: cidSet, "CIDSet")

        let descriptor = try dictionary(indirect: true, "FontDescriptor")
        try add(descriptor, "Type", name: "FontDescriptor")
        try add(descriptor, "FontName", name: face.baseFont)
        try add(descriptor, "Flags", number: Int(definition.flags))
        try add(descriptor, "FontBBox", HPDF_Box_Array_New(mmgr, definition.font_bbox))
        try add(descriptor, "ItalicAngle", number: Int(definition.italic_angle))
        try add(descriptor, "Ascent", number: Int(definition.ascent))
        try add(descriptor, "Descent", number: Int(definition.descent))
        try add(descriptor, "CapHeight", number: Int(definition.cap_height))
        try add(descriptor, "XHeight", number: Int(definition.x_height))
        try add(descriptor, "StemV", number: Int(definition.stemv))
        try add(descriptor, "FontFile2", file)
        try add(descriptor, "CIDSet", cidSet)

        let cidFont = try dictionary(indirect: true, "CIDFontType2")
        try add(cidFont, "Type", name: "Font")
        try add(cidFont, "Subtype", name: "CIDFontType2")
        try add(cidFont, "BaseFont", name: face.baseFont)
        let system = try dictionary(indirect: false, "CIDSystemInfo")
        try add(system, "Registry", HPDF_String_New(mmgr, "Adobe", nil))
        try add(system, "Ordering", HPDF_String_New(mmgr, "Identity", nil))
        try add(system, "Supplement", number: 0)
        try add(cidFont, "CIDSystemInfo", system)
        try add(cidFont, "FontDescriptor", descriptor)
        try add(cidFont, "CIDToGIDMap", name: "Identity")
        try add(cidFont, "W", try widths(codes, face: face))

        let toUnicode = try stream("ToUnicode")
        try writeCompressed(face.toUnicode, to: toUnicode, "ToUnicode")

        let font = try dictionary(indirect: true, "Type0")
        try add(font, "Type", name: "Font")
        try add(font, "Subtype", name: "Type0")
        try add(font, "BaseFont", name: face.baseFont)
        try add(font, "Encoding", name: "Identity-H")
        let descendants = try require(HPDF_Array_New(mmgr), "DescendantFonts")
        try add(font, "DescendantFonts", descendants)
        try check(HPDF_Array_Add(descendants, cidFont), "DescendantFonts")
        try add(font, "ToUnicode", toUnicode)
        return font
    }

    /// The face's font file for the glyphs marked in this document, as libharu writes it, and deflated.
    private func fontFile(_ face: LoadedFace) throws -> FontFileCache.FontFile {
        let mmgr = handle.pointee.mmgr
        guard let written = HPDF_MemStream_New(mmgr, 4096) else {
            throw HaruError(code: UInt(HPDF_FAILD_TO_ALLOC_MEM), detail: 0, operation: "HPDF_MemStream_New(FontFile2)")
        }
        defer { HPDF_Stream_Free(written) }
        try check(HPDF_TTFontDef_SaveFontData(face.definition, written), "HPDF_TTFontDef_SaveFontData")
        let attr = face.definition.pointee.attr.assumingMemoryBound(to: HPDF_TTFontDefAttr_Rec.self)
        let size = Int(HPDF_Stream_Size(written))
        var bytes = [UInt8](repeating: 0, count: size)
        var read = HPDF_UINT(size)
        try check(HPDF_Stream_Seek(written, 0, HPDF_SEEK_SET), "HPDF_Stream_Seek(FontFile2)")
        let status = bytes.withUnsafeMutableBufferPointer { HPDF_Stream_Read(written, $0.baseAddress, &read) }
        // Reading to the very end reports HPDF_STREAM_EOF in the document's error record: the normal way out.
        HPDF_ResetError(handle)
        guard status == HPDF_STATUS(HPDF_OK) || status == HPDF_STATUS(HPDF_STREAM_EOF), Int(read) == size,
              let deflated = Self.deflated(bytes, handle: handle) else {
            throw HaruError(code: UInt(HPDF_INVALID_OBJECT), detail: 0, operation: "FontFile2 of \(face.baseFont)")
        }
        return FontFileCache.FontFile(deflated: deflated, length: Int(attr.pointee.length1))
    }

    /// /W: `first [w1 w2 …]` for each run of consecutive used glyph ids (PDF 1.7, 9.7.4.3), in exact
    /// thousandths of an em. (libharu's simple fonts truncate /Widths to integers, which made text drift from
    /// where layout measured it by ~0.5/1000 em per glyph and needed a restart every few words.)
    private func widths(_ codes: [UInt16], face: LoadedFace) throws -> HPDF_Array {
        let mmgr = handle.pointee.mmgr
        let array = try require(HPDF_Array_New(mmgr), "W")
        var run: HPDF_Array?
        var previous: UInt16?
        for code in codes {
            if previous.map({ $0 + 1 != code }) ?? true {
                let next = try require(HPDF_Array_New(mmgr), "W")
                try check(HPDF_Array_AddNumber(array, HPDF_INT32(code)), "W")
                try check(HPDF_Array_Add(array, next), "W")
                run = next
            }
            try check(HPDF_Array_AddReal(run, face.widths[Int(code)]), "W")
            previous = code
        }
        return array
    }
}
