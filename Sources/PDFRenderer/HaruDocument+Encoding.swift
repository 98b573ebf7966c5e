// HaruDocument+Encoding: per-document single-byte encodings holding exactly the characters a document uses.

import CHaru
import DisplayList

/// Where each character of one face is in the current document: which of the face's PDF fonts and which byte.
struct FaceEncoding {
    /// One PDF font (same embedded font file, different /Encoding) per 256-code page of characters.
    var fonts: [HPDF_Font]
    /// Font index << 8 | code, by code point (0: not in this document). An array, not a dictionary: it is read
    /// once per character drawn.
    private var packed: [UInt16]

    struct Slot {
        var font: Int
        var code: UInt8
    }

    init(fonts: [HPDF_Font], slots: [(Unicode.Scalar, Slot)]) {
        self.fonts = fonts
        packed = [UInt16](repeating: 0, count: Int(EmbeddedFonts.bound))
        for (scalar, slot) in slots where scalar.value < EmbeddedFonts.bound {
            packed[Int(scalar.value)] = UInt16(slot.font) << 8 | UInt16(slot.code)
        }
    }

    func slot(for scalar: Unicode.Scalar) -> Slot? {
        guard scalar.value < EmbeddedFonts.bound else { return nil }
        let value = packed[Int(scalar.value)]
        return value == 0 ? nil : Slot(font: Int(value >> 8), code: UInt8(value & 0xFF))
    }
}

extension HaruDocument {
    /// Codes for characters beyond ASCII in a face's first encoding (ASCII keeps its own codes, so content
    /// streams stay readable): the upper half first, then the C0 controls' codes, which fonts may use freely.
    private static let firstEncodingExtraCodes: [UInt8] = Array(128...255) + Array(1...31) + [127]
    /// Every later encoding has no ASCII identity part; 32 is left out so that no character borrows the
    /// space code that PDF word spacing applies to.
    private static let laterEncodingCodes: [UInt8] = Array(1...31) + Array(33...255)

    /// Builds this document's encodings: for each face, its used characters (sorted, so the bytes are
    /// deterministic) get codes in as many 256-code encodings as needed, and a PDF font per encoding.
    ///
    /// Why not libharu's UTF-8 encoder: it makes a Type0 font whose construction walks all 65,536 code points
    /// (building a CIDToGIDMap and a /W array) for each font of each document — most of a certificate's render
    /// time. A simple TrueType font whose /Differences names each used glyph keeps text extractable (viewers
    /// map standard glyph names to Unicode) at the cost of a 256-character page per encoding.
    func prepareEncodings(_ uses: [(face: FontID, scalars: [Unicode.Scalar])]) throws -> [FontID: FaceEncoding] {
        var result: [FontID: FaceEncoding] = [:]
        for (face, scalars) in uses {
            guard let fontName = fontNames[face] else {
                throw HaruError(code: UInt(HPDF_FONT_INVALID_WIDTHS_TABLE), detail: 0, operation: "no font \(face)")
            }
            // Assign codes.
            var pages: [[(code: UInt8, scalar: Unicode.Scalar)]] = [[]]
            var slots: [(Unicode.Scalar, FaceEncoding.Slot)] = []
            var extra = Self.firstEncodingExtraCodes[...]
            var later = Self.laterEncodingCodes[...]
            for scalar in scalars {
                let slot: FaceEncoding.Slot
                if scalar.value >= 0x20 && scalar.value <= 0x7E {
                    slot = .init(font: 0, code: UInt8(scalar.value))
                } else if let code = extra.popFirst() {
                    slot = .init(font: 0, code: code)
                } else {
                    if later.isEmpty || pages.count == 1 {
                        pages.append([])
                        later = Self.laterEncodingCodes[...]
                    }
                    slot = .init(font: pages.count - 1, code: later.removeFirst())
                }
                pages[slot.font].append((slot.code, scalar))
                slots.append((scalar, slot))
            }
            // Fill the encoders (created once per handle, reused) and make the fonts.
            var fonts: [HPDF_Font] = []
            for (index, page) in pages.enumerated() {
                let encoder = try encoder(for: face, index: index)
                fill(encoder, with: page)
                let encoderName = withUnsafeBytes(of: encoder.pointee.name) { String(cString: $0.bindMemory(to: CChar.self).baseAddress!) }
                fonts.append(try require(HPDF_GetFont(handle, fontName, encoderName), "HPDF_GetFont(\(face), \(index))"))
            }
            result[face] = FaceEncoding(fonts: fonts, slots: slots)
        }
        return result
    }

    /// The face's encoder number `index`, created and registered with the document handle on first use.
    private func encoder(for face: FontID, index: Int) throws -> HPDF_Encoder {
        if let existing = encoders[face], index < existing.count { return existing[index] }
        // A WinAnsi-based encoder whose map is overwritten; only /BaseEncoding and /Differences reach the PDF.
        let encoder = try require(HPDF_BasicEncoder_New(handle.pointee.mmgr, "WinAnsiEncoding"), "HPDF_BasicEncoder_New")
        let name = Array("Ameli-\(face.name)-\(index)".utf8CString.prefix(Int(HPDF_LIMIT_MAX_NAME_LEN)))
        withUnsafeMutableBytes(of: &encoder.pointee.name) { raw in
            raw.initializeMemory(as: UInt8.self, repeating: 0)
            for (offset, byte) in name.enumerated() { raw[offset] = UInt8(bitPattern: byte) }
        }
        try check(HPDF_Doc_RegisterEncoder(handle, encoder), "HPDF_Doc_RegisterEncoder")
        encoders[face, default: []].append(encoder)
        return encoder
    }

    /// Overwrites the encoder's map with `page`: every used code gets its character and is listed in
    /// /Differences (so its glyph name, hence its Unicode value, is explicit), and FirstChar…LastChar spans
    /// only the used codes.
    private func fill(_ encoder: HPDF_Encoder, with page: [(code: UInt8, scalar: Unicode.Scalar)]) {
        let attr = encoder.pointee.attr.assumingMemoryBound(to: HPDF_BasicEncoderAttr_Rec.self)
        withUnsafeMutableBytes(of: &attr.pointee.unicode_map) { raw in
            let map = raw.bindMemory(to: HPDF_UNICODE.self)
            for code in map.indices { map[code] = 0 }
            for (code, scalar) in page { map[Int(code)] = HPDF_UNICODE(scalar.value) }
        }
        withUnsafeMutableBytes(of: &attr.pointee.differences) { raw in
            for code in raw.indices { raw[code] = 0 }
            for (code, _) in page { raw[Int(code)] = 1 }
        }
        let first = page.map(\.code).min() ?? 32
        let last = page.map(\.code).max() ?? 32
        attr.pointee.first_char = first
        attr.pointee.last_char = last
        attr.pointee.has_differences = HPDF_TRUE
    }
}
