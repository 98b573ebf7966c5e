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
/// but keeps the loaded font definitions and registered encoders, so fonts are parsed once per handle, not once
/// per PDF. Not thread-safe: the `DocumentPool` lends it to one render at a time.
final class HaruDocument: @unchecked Sendable {
    let handle: HPDF_Doc
    private let errors: HaruErrorBox
    /// libharu's name of each loaded face (the font's PostScript name).
    let fontNames: [FontID: String]
    /// Single-byte encoders per face, registered once and refilled for each document (see +Encoding).
    var encoders: [FontID: [HPDF_Encoder]] = [:]

    init(fonts: EmbeddedFonts) throws {
        let errors = HaruErrorBox()
        guard let handle = HPDF_New(haruErrorHandler, Unmanaged.passUnretained(errors).toOpaque()) else {
            throw HaruError(code: UInt(HPDF_FAILD_TO_ALLOC_MEM), detail: 0, operation: "HPDF_New")
        }
        self.handle = handle
        self.errors = errors
        var names: [FontID: String] = [:]
        do {
            for (index, file) in fonts.files.enumerated() {
                names[file.id] = try Self.loadFont(file, tag: index, into: handle, errors: errors)
            }
        } catch {
            HPDF_Free(handle)
            throw error
        }
        fontNames = names
    }

    /// Loads a TrueType font from memory with libharu's internal API (HPDF_LoadTTFontFromFile wants a path) and
    /// returns the name HPDF_GetFont knows it by. The memory stream also spares the per-glyph file seeks and
    /// reads libharu makes when it writes the font into each PDF.
    private static func loadFont(_ file: EmbeddedFonts.File, tag index: Int, into handle: HPDF_Doc,
                                 errors: HaruErrorBox) throws -> String {
        func failure(_ operation: String) -> HaruError {
            HaruError(code: UInt(errors.code), detail: UInt(errors.detail), operation: "\(operation)(\(file.id))")
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
        // The subset tag libharu would give (HPDFAA, HPDFAB, …), fixed by load order so the bytes are stable.
        var tag = Array("HPDFA".utf8CString.dropLast()) + [CChar(UInt8(ascii: "A") + UInt8(index % 26)), 0]
        HPDF_TTFontDef_SetTagName(definition, &tag)
        guard HPDF_Doc_RegisterFontDef(handle, definition) == HPDF_STATUS(HPDF_OK) else {
            throw failure("HPDF_Doc_RegisterFontDef")
        }
        return withUnsafeBytes(of: definition.pointee.base_font) { String(cString: $0.bindMemory(to: CChar.self).baseAddress!) }
    }

    deinit { HPDF_Free(handle) }

    /// Throws the recorded error if `status` is not HPDF_OK or the callback fired.
    func check(_ status: HPDF_STATUS, _ operation: @autoclosure () -> String) throws {
        guard status != HPDF_STATUS(HPDF_OK) || errors.code != 0 else { return }
        let error = HaruError(code: UInt(errors.code != 0 ? errors.code : status), detail: UInt(errors.detail),
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

    /// Starts a new, empty document: compression on, metadata from `info` (never from the clock).
    func begin(info: DocumentInfo) throws {
        errors.code = 0
        errors.detail = 0
        HPDF_ResetError(handle)
        try check(HPDF_NewDoc(handle), "HPDF_NewDoc")
        try check(HPDF_SetCompressionMode(handle, HPDF_UINT(HPDF_COMP_ALL)), "HPDF_SetCompressionMode")
        try check(HPDF_SetInfoAttr(handle, HPDF_INFO_TITLE, PDFDocEncoding.encode(info.title)), "HPDF_SetInfoAttr(Title)")
        try check(HPDF_SetInfoAttr(handle, HPDF_INFO_AUTHOR, PDFDocEncoding.encode(info.author)), "HPDF_SetInfoAttr(Author)")
        let date = Self.date(seconds: info.creationSeconds, offsetMinutes: info.creationOffsetMinutes)
        try check(HPDF_SetInfoDateAttr(handle, HPDF_INFO_CREATION_DATE, date), "HPDF_SetInfoDateAttr(CreationDate)")
        try check(HPDF_SetInfoDateAttr(handle, HPDF_INFO_MOD_DATE, date), "HPDF_SetInfoDateAttr(ModDate)")
    }

    /// Adds a page of `size` points and returns it.
    func addPage(size: Size) throws -> HPDF_Page {
        let page = try require(HPDF_AddPage(handle), "HPDF_AddPage")
        try check(HPDF_Page_SetWidth(page, HPDF_REAL(size.width)), "HPDF_Page_SetWidth")
        try check(HPDF_Page_SetHeight(page, HPDF_REAL(size.height)), "HPDF_Page_SetHeight")
        return page
    }

    /// Writes the document and returns its bytes.
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
        return bytes
    }

    /// The instant as libharu's date record: local civil time at the given offset from UTC.
    static func date(seconds: Int64, offsetMinutes: Int) -> HPDF_Date {
        let local = seconds + Int64(offsetMinutes) * 60
        let days = local >= 0 ? local / 86_400 : (local - 86_399) / 86_400
        let secondOfDay = Int(local - days * 86_400)
        let (year, month, day) = civilFromDays(days)
        let offset = abs(offsetMinutes)
        return HPDF_Date(year: HPDF_INT(year), month: HPDF_INT(month), day: HPDF_INT(day),
                         hour: HPDF_INT(secondOfDay / 3600), minutes: HPDF_INT(secondOfDay % 3600 / 60),
                         seconds: HPDF_INT(secondOfDay % 60),
                         ind: CChar(UInt8(ascii: offsetMinutes == 0 ? "Z" : offsetMinutes > 0 ? "+" : "-")),
                         off_hour: HPDF_INT(offset / 60), off_minutes: HPDF_INT(offset % 60))
    }

    /// Days since 1970-01-01 to a proleptic Gregorian date (Howard Hinnant's civil_from_days).
    private static func civilFromDays(_ days: Int64) -> (Int, Int, Int) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let mp = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
        return (Int(year), Int(month), Int(day))
    }
}
