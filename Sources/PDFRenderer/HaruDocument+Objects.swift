// HaruDocument+Objects: thin wrappers over libharu's object layer, and streams compressed once per handle.

import CHaru

// Each wrapper names the object being built in the error it throws.
extension HaruDocument {
    /// A new dictionary; an indirect one is an object of its own in the file (and freed with the document).
    func dictionary(indirect: Bool, _ what: String) throws -> HPDF_Dict {
        let dict = try require(HPDF_Dict_New(handle.pointee.mmgr), "HPDF_Dict_New(\(what))")
        if indirect { try check(HPDF_Xref_Add(handle.pointee.xref, dict), "HPDF_Xref_Add(\(what))") }
        return dict
    }

    /// A new stream object (always indirect), unfiltered until its `filter` is set.
    func stream(_ what: String) throws -> HPDF_Dict {
        try require(HPDF_DictStream_New(handle.pointee.mmgr, handle.pointee.xref), "HPDF_DictStream_New(\(what))")
    }

    func write(_ bytes: [UInt8], to stream: HPDF_Dict, _ what: String) throws {
        let status = bytes.withUnsafeBufferPointer {
            HPDF_Stream_Write(stream.pointee.stream, $0.baseAddress, HPDF_UINT($0.count))
        }
        try check(status, "HPDF_Stream_Write(\(what))")
    }

    /// Writes bytes `deflated` already compressed, declaring /FlateDecode: libharu would compress them again
    /// (its stream filter) or drop the /Filter entry (for an unfiltered stream), so the entry is written by the
    /// dictionary's write hook instead. Constant streams (the colour profile, a face's /ToUnicode) are thus
    /// compressed once per handle rather than once per document: deflate's setup alone costs ~20 µs a stream.
    /// `asLibharuWritesIt` declares the filter as libharu's own filtered streams do (`/Filter [ /FlateDecode ]`), for
    /// a stream libharu used to compress itself: its bytes stay exactly what they were.
    func writeCompressed(_ deflated: [UInt8], to stream: HPDF_Dict, _ what: String, asLibharuWritesIt: Bool = false) throws {
        try write(deflated, to: stream, what)
        stream.pointee.filter = HPDF_UINT(HPDF_STREAM_FILTER_NONE)
        stream.pointee.write_fn = asLibharuWritesIt ? declareFlateDecodeArray : declareFlateDecode
    }

    /// `bytes` compressed by libharu's own deflate (what its /FlateDecode streams hold).
    static func deflated(_ bytes: [UInt8], handle: HPDF_Doc) -> [UInt8]? {
        let mmgr = handle.pointee.mmgr
        guard let source = HPDF_MemStream_New(mmgr, HPDF_UINT(max(bytes.count, 1))) else { return nil }
        defer { HPDF_Stream_Free(source) }
        guard let target = HPDF_MemStream_New(mmgr, HPDF_UINT(max(bytes.count, 1))) else { return nil }
        defer { HPDF_Stream_Free(target) }
        let written = bytes.withUnsafeBufferPointer { HPDF_Stream_Write(source, $0.baseAddress, HPDF_UINT($0.count)) }
        guard written == HPDF_STATUS(HPDF_OK),
              HPDF_Stream_WriteToStream(source, target, HPDF_UINT(HPDF_STREAM_FILTER_FLATE_DECODE), nil) == HPDF_STATUS(HPDF_OK),
              HPDF_Stream_Seek(target, 0, HPDF_SEEK_SET) == HPDF_STATUS(HPDF_OK) else { return nil }
        var result = [UInt8](repeating: 0, count: Int(HPDF_Stream_Size(target)))
        var size = HPDF_UINT(result.count)
        let read = result.withUnsafeMutableBufferPointer { HPDF_Stream_Read(target, $0.baseAddress, &size) }
        // Reading to the very end reports HPDF_STREAM_EOF in the document's error record: the normal way out.
        HPDF_ResetError(handle)
        guard read == HPDF_STATUS(HPDF_OK) || read == HPDF_STATUS(HPDF_STREAM_EOF), Int(size) == result.count else { return nil }
        return result
    }

    func add(_ dict: HPDF_Dict, _ key: String, name: String) throws {
        try check(HPDF_Dict_AddName(dict, key, name), "/\(key) /\(name)")
    }

    func add(_ dict: HPDF_Dict, _ key: String, number: Int) throws {
        try check(HPDF_Dict_AddNumber(dict, key, HPDF_INT32(number)), "/\(key) \(number)")
    }

    /// Adds any libharu object (NULL, from a failed constructor, is reported by libharu as an invalid object).
    func add(_ dict: HPDF_Dict, _ key: String, _ object: UnsafeMutableRawPointer?) throws {
        try check(HPDF_Dict_Add(dict, key, object), "/\(key)")
    }
}

/// The write hook of streams holding already-compressed bytes (see `writeCompressed`).
private let declareFlateDecode: HPDF_Dict_OnWriteFunc = { _, stream in
    HPDF_Stream_WriteStr(stream, "/Filter /FlateDecode\n")
}

/// The same, as libharu writes the entry of a stream it filters itself.
private let declareFlateDecodeArray: HPDF_Dict_OnWriteFunc = { _, stream in
    HPDF_Stream_WriteStr(stream, "/Filter [ /FlateDecode ]\n")
}
