// ContentCompression: a page's content stream compressed by zlib at a fast level, instead of libharu's default.

import CHaru
import CZlib

/// Measured on the sealed certificate's content stream (35 KB: its text and the seal's hundreds of module
/// rectangles), zlib level → bytes, time: 6 (libharu's, the default) → 6 598 B, 0.42 ms; 4 → 7 159 B, 0.15 ms;
/// 2 → 8 063 B, 0.07 ms; 1 → 8 417 B, 0.07 ms. Level 6 was almost half of a whole PDF render; level 2 costs 1.5 KB a
/// document. The bytes are zlib's for that level and input: the same page still gives the same file.
enum ContentCompression {
    static let level: Int32 = 2

    /// `bytes` as a zlib stream (what /FlateDecode reads); nil only if zlib fails, which it does for no input.
    static func deflate(_ bytes: [UInt8]) -> [UInt8]? {
        var length = compressBound(uLong(bytes.count))
        var output = [UInt8](repeating: 0, count: Int(length))
        let status = output.withUnsafeMutableBufferPointer { target in
            bytes.withUnsafeBufferPointer { source in
                compress2(target.baseAddress, &length, source.baseAddress, uLong(source.count), level)
            }
        }
        guard status == Z_OK else { return nil }
        output.removeSubrange(Int(length)...)
        return output
    }
}

extension HaruDocument {
    /// Replaces what was painted on `page` by its compression at `ContentCompression.level`, declared /FlateDecode as
    /// libharu declares its own, so that libharu writes the bytes as they are.
    func compressContent(of page: HPDF_Page) throws {
        let attributes = page.pointee.attr.assumingMemoryBound(to: HPDF_PageAttr_Rec.self).pointee
        // libharu closes what a page left open (a text or path object, a saved graphics state) by writing to its
        // stream when the file is saved; after this the stream holds compressed bytes, so nothing may be left open.
        guard attributes.gmode == HPDF_UINT16(HPDF_GMODE_PAGE_DESCRIPTION), attributes.gstate?.pointee.prev == nil else {
            throw HaruError(code: UInt(HPDF_INVALID_OBJECT), detail: UInt(attributes.gmode), operation: "page content left open")
        }
        let stream = try require(attributes.stream, "page content stream")
        let contents = try require(attributes.contents, "page /Contents")
        var painted = [UInt8](repeating: 0, count: Int(HPDF_Stream_Size(stream)))
        if !painted.isEmpty {
            try check(HPDF_Stream_Seek(stream, 0, HPDF_SEEK_SET), "HPDF_Stream_Seek(page content)")
            var size = HPDF_UINT(painted.count)
            let read = painted.withUnsafeMutableBufferPointer { HPDF_Stream_Read(stream, $0.baseAddress, &size) }
            // Reading to the very end reports HPDF_STREAM_EOF in the document's error record: the normal way out.
            HPDF_ResetError(handle)
            guard read == HPDF_STATUS(HPDF_OK) || read == HPDF_STATUS(HPDF_STREAM_EOF), Int(size) == painted.count else {
                throw HaruError(code: UInt(read), detail: UInt(size), operation: "HPDF_Stream_Read(page content)")
            }
        }
        guard let deflated = ContentCompression.deflate(painted) else {
            throw HaruError(code: UInt(HPDF_INVALID_OBJECT), detail: 0, operation: "compress2(page content)")
        }
        HPDF_MemStream_FreeData(stream)
        try writeCompressed(deflated, to: contents, "page content", asLibharuWritesIt: true)
    }
}
