// FontFace+Subset: a smaller copy of the face, cut with HarfBuzz's subsetter, for embedding in PDFs.

import CHarfBuzz

extension FontFace {
    /// Tables an embedded PDF font never needs: layout (no shaping: text is set glyph by glyph without kerning),
    /// device metrics and signatures. Hinting goes too (`NO_HINTING`): viewers rasterise the outlines themselves.
    private static let droppedTables = ["GSUB", "GPOS", "GDEF", "kern", "hdmx", "VDMX", "LTSH", "gasp", "FFTM",
                                        "DSIG", "MATH", "BASE", "JSTF"]

    /// The face cut down to the glyphs of `scalars` (plus the components of composite glyphs and `.notdef`), as a
    /// TrueType file. Glyph ids are renumbered; advances and outlines are unchanged, so widths stay the face's.
    /// Legacy (Macintosh) name records are kept because libharu reads the PostScript name from them.
    /// `addingTables` are put into the result where the subset has no table of that tag (see EmbeddedFonts).
    package func subset(keeping scalars: some Sequence<Unicode.Scalar>, addingTables: [String: [UInt8]] = [:]) throws -> [UInt8] {
        let blob = hb_blob_create(bytes.base.assumingMemoryBound(to: CChar.self), UInt32(bytes.count),
                                  HB_MEMORY_MODE_READONLY, nil, nil)
        defer { hb_blob_destroy(blob) }
        let face = hb_face_create(blob, 0)
        defer { hb_face_destroy(face) }
        guard let input = hb_subset_input_create_or_fail() else {
            throw TypographyError.library(operation: "hb_subset_input_create_or_fail", code: -1)
        }
        defer { hb_subset_input_destroy(input) }

        let unicodes = hb_subset_input_unicode_set(input)
        for scalar in scalars { hb_set_add(unicodes, scalar.value) }
        let dropped = hb_subset_input_set(input, HB_SUBSET_SETS_DROP_TABLE_TAG)
        for tag in Self.droppedTables { hb_set_add(dropped, Self.tag(tag)) }
        hb_subset_input_set_flags(input, HB_SUBSET_FLAGS_NO_HINTING.rawValue | HB_SUBSET_FLAGS_NAME_LEGACY.rawValue)

        guard let subset = hb_subset_or_fail(face, input) else {
            throw TypographyError.library(operation: "hb_subset_or_fail(\(path))", code: -1)
        }
        defer { hb_face_destroy(subset) }
        var result = hb_face_reference_blob(subset)
        defer { hb_blob_destroy(result) }
        if !addingTables.isEmpty {
            // The subsetter's face is a builder, whose tables cannot be listed: read its bytes back as a font first.
            let written = hb_face_create(result, 0)
            defer { hb_face_destroy(written) }
            guard let written else { throw TypographyError.library(operation: "hb_face_create(subset of \(path))", code: -1) }
            let complete = try Self.adding(addingTables, to: written)
            defer { hb_face_destroy(complete) }
            hb_blob_destroy(result)
            result = hb_face_reference_blob(complete)
        }
        var length: UInt32 = 0
        guard let data = hb_blob_get_data(result, &length), length > 0 else {
            throw TypographyError.library(operation: "hb_face_reference_blob(\(path))", code: -1)
        }
        return [UInt8](UnsafeRawBufferPointer(start: data, count: Int(length)))
    }

    /// A new face with every table of `face` and those of `extra` whose tag `face` lacks (HarfBuzz's face builder
    /// writes the table directory and checksums).
    private static func adding(_ extra: [String: [UInt8]], to face: OpaquePointer) throws -> OpaquePointer {
        guard let builder = hb_face_builder_create() else {
            throw TypographyError.library(operation: "hb_face_builder_create", code: -1)
        }
        var tags = [hb_tag_t](repeating: 0, count: 64)
        var count = UInt32(tags.count)
        let total = hb_face_get_table_tags(face, 0, &count, &tags)
        guard total <= UInt32(tags.count) else {
            hb_face_destroy(builder)
            throw TypographyError.library(operation: "hb_face_get_table_tags", code: Int32(total))
        }
        for tag in tags.prefix(Int(count)) {
            let table = hb_face_reference_table(face, tag)
            defer { hb_blob_destroy(table) }
            hb_face_builder_add_table(builder, tag, table)
        }
        for (name, bytes) in extra.sorted(by: { $0.key < $1.key }) where !tags.prefix(Int(count)).contains(tag(name)) {
            let table = bytes.withUnsafeBufferPointer {
                hb_blob_create($0.baseAddress!.withMemoryRebound(to: CChar.self, capacity: $0.count) { $0 }, UInt32($0.count),
                               HB_MEMORY_MODE_DUPLICATE, nil, nil)
            }
            defer { hb_blob_destroy(table) }
            hb_face_builder_add_table(builder, tag(name), table)
        }
        return builder
    }

    /// An OpenType table tag from its four ASCII letters (HarfBuzz's HB_TAG macro).
    private static func tag(_ name: String) -> UInt32 {
        name.utf8.reduce(0) { $0 << 8 | UInt32($1) }
    }
}
