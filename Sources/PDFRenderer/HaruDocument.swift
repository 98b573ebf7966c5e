// HaruDocument: the one owner of a libharu document handle; libharu's error callback becomes HaruError here.

import CHaru
import DisplayList

/// Where libharu's error callback leaves the first error of an operation; found again through `user_data`.
final class HaruErrorBox {
    var code: HPDF_STATUS = 0
    var detail: HPDF_STATUS = 0
}

/// libharu calls this on every error (it never longjmps): record the first error and return; the failing API
/// call then returns an error status, which `HaruDocument.check` turns into a `HaruError`.
let haruErrorHandler: HPDF_Error_Handler = { code, detail, userData in
    guard let userData else { return }
    let box = Unmanaged<HaruErrorBox>.fromOpaque(userData).takeUnretainedValue()
    if box.code == 0 {
        box.code = code
        box.detail = detail
    }
}

/// One libharu document, reused document after document: `HPDF_NewDoc` frees the previous document's objects
/// but keeps the loaded font definitions, so fonts are parsed once per handle, not once per PDF. Not
/// thread-safe: the `PDFEngine` pool lends it to one render at a time.
final class HaruDocument: @unchecked Sendable {
    let handle: HPDF_Doc
    private let errors: HaruErrorBox
    /// Each embedded face as this handle loaded it.
    let faces: [FontID: LoadedFace]
    /// The output intent's ICC profile, compressed once (see +PDFA).
    let profileDeflated: [UInt8]

    /// The process's compressed font files (see FontFileCache).
    let fontFiles: FontFileCache

    init(fonts: EmbeddedFonts, profile: ColorProfile, fontFiles: FontFileCache = FontFileCache()) throws {
        self.fontFiles = fontFiles
        let errors = HaruErrorBox()
        guard let handle = HPDF_New(haruErrorHandler, Unmanaged.passUnretained(errors).toOpaque()) else {
            throw HaruError(code: UInt(HPDF_FAILD_TO_ALLOC_MEM), detail: 0, operation: "HPDF_New")
        }
        self.handle = handle
        self.errors = errors
        var faces: [FontID: LoadedFace] = [:]
        do {
            for (index, file) in fonts.files.enumerated() {
                faces[file.id] = try Self.loadFont(file, tag: index, into: handle, errors: errors, fonts: fonts)
            }
            guard let deflated = Self.deflated(profile.bytes, handle: handle) else {
                throw HaruError(code: UInt(HPDF_GetError(handle)), detail: 0, operation: "deflate(\(profile.path))")
            }
            profileDeflated = deflated
        } catch {
            HPDF_Free(handle)
            throw error
        }
        self.faces = faces
    }

    /// Loads a TrueType font from memory with libharu's internal API (HPDF_LoadTTFontFromFile wants a path). The
    /// memory stream also spares the per-glyph file seeks and reads libharu makes when it writes the font's
    /// glyph subset into each PDF.
    private static func loadFont(_ file: EmbeddedFonts.File, tag index: Int, into handle: HPDF_Doc,
                                 errors: HaruErrorBox, fonts: EmbeddedFonts) throws -> LoadedFace {
        func failure(_ operation: String) -> HaruError {
            HaruError(code: UInt(errors.code != 0 ? errors.code : HPDF_GetError(handle)),
                      detail: UInt(errors.code != 0 ? errors.detail : HPDF_GetErrorDetail(handle)),
                      operation: "\(operation)(\(file.id))")
        }
        let mmgr = handle.pointee.mmgr
        guard let stream = HPDF_MemStream_New(mmgr, HPDF_UINT(file.bytes.count)) else { throw failure("HPDF_MemStream_New") }
        let written = file.bytes.withUnsafeBufferPointer { HPDF_Stream_Write(stream, $0.baseAddress, HPDF_UINT($0.count)) }
        guard written == HPDF_STATUS(HPDF_OK), HPDF_Stream_Seek(stream, 0, HPDF_SEEK_SET) == HPDF_STATUS(HPDF_OK) else {
            HPDF_Stream_Free(stream)
            throw failure("HPDF_Stream_Write")
        }
        // The font definition owns the stream from here on, also when loading fails.
        guard let definition = HPDF_TTFontDef_Load(mmgr, stream, HPDF_TRUE) else { throw failure("HPDF_TTFontDef_Load") }
        // The subset tag libharu would give (HPDFAA, HPDFAB, …), fixed by load order so the bytes are stable;
        // libharu also writes it into the embedded file's name table.
        let tag = "HPDFA" + String(UnicodeScalar(UInt8(ascii: "A") + UInt8(index % 26)))
        var tagBytes = Array(tag.utf8CString)
        HPDF_TTFontDef_SetTagName(definition, &tagBytes)
        // Registered so that HPDF_Free frees it and HPDF_NewDoc clears its used-glyph marks between documents.
        guard HPDF_Doc_RegisterFontDef(handle, definition) == HPDF_STATUS(HPDF_OK) else {
            throw failure("HPDF_Doc_RegisterFontDef")
        }
        return try LoadedFace(definition: definition, baseFont: tag + "+" + file.postScriptName, fonts: fonts) {
            guard let deflated = deflated($0, handle: handle) else { throw failure("deflate(ToUnicode)") }
            return deflated
        }
    }

    deinit { HPDF_Free(handle) }

    /// Throws the recorded error if `status` is not HPDF_OK or the callback fired. libharu's internal object
    /// functions (dictionaries, streams) record their errors in the document without calling the callback;
    /// the document's error number is read then.
    func check(_ status: HPDF_STATUS, _ operation: @autoclosure () -> String) throws {
        guard status != HPDF_STATUS(HPDF_OK) || errors.code != 0 else { return }
        let recorded = HPDF_GetError(handle)
        let error = errors.code != 0
            ? HaruError(code: UInt(errors.code), detail: UInt(errors.detail), operation: operation())
            : HaruError(code: UInt(recorded != 0 ? recorded : status), detail: UInt(HPDF_GetErrorDetail(handle)),
                        operation: operation())
        errors.code = 0
        errors.detail = 0
        HPDF_ResetError(handle)
        throw error
    }

    /// Unwraps an object libharu returns (page, font, image), throwing the recorded error for NULL.
    func require<T>(_ value: T?, _ operation: @autoclosure () -> String) throws -> T {
        if let value, errors.code == 0 { return value }
        try check(HPDF_STATUS(HPDF_INVALID_OBJECT), operation())
        throw HaruError(code: UInt(HPDF_INVALID_OBJECT), detail: 0, operation: operation())
    }

    /// Starts a new, empty PDF/A-1b document (see +PDFA): compression on, metadata from `info` (never from the
    /// clock).
    func begin(info: DocumentInfo, tagged: Bool = false) throws {
        errors.code = 0
        errors.detail = 0
        HPDF_ResetError(handle)
        try check(HPDF_NewDoc(handle), "HPDF_NewDoc")
        try check(HPDF_SetCompressionMode(handle, HPDF_UINT(HPDF_COMP_ALL)), "HPDF_SetCompressionMode")
        try declarePDFA(DocumentMetadata(info, tagged: tagged))
    }

    /// Adds a page of `size` points and returns it.
    func addPage(size: Size) throws -> HPDF_Page {
        let page = try require(HPDF_AddPage(handle), "HPDF_AddPage")
        try check(HPDF_Page_SetWidth(page, HPDF_REAL(size.width)), "HPDF_Page_SetWidth")
        try check(HPDF_Page_SetHeight(page, HPDF_REAL(size.height)), "HPDF_Page_SetHeight")
        return page
    }

    /// Writes the document and returns its bytes, with their file identifier stamped (see +PDFA).
    func save() throws -> [UInt8] {
        try check(HPDF_SaveToStream(handle), "HPDF_SaveToStream")
        let size = Int(HPDF_GetStreamSize(handle))
        try check(HPDF_ResetStream(handle), "HPDF_ResetStream")
        var bytes = [UInt8](repeating: 0, count: size)
        var filled = 0
        while filled < size {
            var chunk = HPDF_UINT32(size - filled)
            let status = bytes.withUnsafeMutableBufferPointer { buffer in
                HPDF_ReadFromStream(handle, buffer.baseAddress! + filled, &chunk)
            }
            filled += Int(chunk)
            if status == HPDF_STATUS(HPDF_STREAM_EOF) || chunk == 0 { break }
            try check(status, "HPDF_ReadFromStream")
        }
        // Reaching the end is reported as an error by libharu; it is the normal way out of the loop.
        errors.code = 0
        HPDF_ResetError(handle)
        guard filled == size else {
            throw HaruError(code: UInt(HPDF_STREAM_EOF), detail: UInt(filled), operation: "HPDF_ReadFromStream")
        }
        try Self.stampIdentifier(&bytes)
        return bytes
    }
}
