// FontBytes: a font file's bytes at a fixed address for the life of the process' font set.

/// FreeType (`FT_New_Memory_Face`) and HarfBuzz (`hb_blob_create`) keep pointers into the bytes they are given,
/// so the bytes live in one allocation that never moves and is freed only when the last face is gone.
/// Never written after `init`, hence safe to share.
package final class FontBytes: @unchecked Sendable {
    package let base: UnsafeRawPointer
    package let count: Int

    init(_ bytes: [UInt8]) {
        let storage = UnsafeMutableRawPointer.allocate(byteCount: max(bytes.count, 1), alignment: 16)
        bytes.withUnsafeBytes { source in
            if let from = source.baseAddress { storage.copyMemory(from: from, byteCount: source.count) }
        }
        base = UnsafeRawPointer(storage)
        count = bytes.count
    }

    deinit { UnsafeMutableRawPointer(mutating: base).deallocate() }
}
