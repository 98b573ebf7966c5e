// HaruDocument+PDFA: what makes each document PDF/A-1b: PDF 1.4, Info equal to XMP, an sRGB output intent, an /ID.

import CHaru

extension HaruDocument {
    /// Writes the document-level objects PDF/A-1b (ISO 19005-1) requires, from values only: nothing here reads
    /// the clock or a random source, so the same pages and info still give the same bytes.
    ///
    /// libharu 2.3.0's own PDF/A calls are not used: HPDF_PDFA_SetPDFAConformance writes an XMP packet that is
    /// not UTF-8 once a title has an accent (see DocumentMetadata) and an /ID hashed from ctime();
    /// HPDF_LoadIccProfileFromFile, which HPDF_PDFA_AppendOutputIntents expects, reads and compresses the file
    /// again for every document (~60 µs, measured), where the bytes here are compressed once per handle.
    func declarePDFA(_ metadata: DocumentMetadata) throws {
        // Metadata streams are PDF 1.4; PDF/A-1 is based on it. libharu writes the binary comment line after
        // the header that PDF/A-1 (6.1.2) asks for.
        handle.pointee.pdf_version = HPDF_VER_14
        try setInfo(HPDF_INFO_TITLE, "Title", metadata.title)
        try setInfo(HPDF_INFO_AUTHOR, "Author", metadata.author)
        // UTC is written +00'00': libharu writes Z as `Z00'00'`, which PDFBox does not recognise as a time zone,
        // so it would not match the XMP date.
        let offset = abs(metadata.offsetMinutes)
        let date = HPDF_Date(year: HPDF_INT(metadata.year), month: HPDF_INT(metadata.month), day: HPDF_INT(metadata.day),
                             hour: HPDF_INT(metadata.hour), minutes: HPDF_INT(metadata.minute),
                             seconds: HPDF_INT(metadata.second),
                             ind: CChar(UInt8(ascii: metadata.offsetMinutes >= 0 ? "+" : "-")),
                             off_hour: HPDF_INT(offset / 60), off_minutes: HPDF_INT(offset % 60))
        try check(HPDF_SetInfoDateAttr(handle, HPDF_INFO_CREATION_DATE, date), "HPDF_SetInfoDateAttr(CreationDate)")
        try check(HPDF_SetInfoDateAttr(handle, HPDF_INFO_MOD_DATE, date), "HPDF_SetInfoDateAttr(ModDate)")

        let catalog = try require(handle.pointee.catalog, "Catalog")
        // libharu sets /Producer itself (HPDF_NewDoc); the XMP repeats it.
        let producer = HPDF_GetInfoAttr(handle, HPDF_INFO_PRODUCER).map { String(cString: $0) } ?? ""
        let xmp = try stream("Metadata")
        try add(xmp, "Type", name: "Metadata")
        try add(xmp, "Subtype", name: "XML")
        try write(metadata.xmpPacket(producer: producer), to: xmp, "Metadata")   // unfiltered (6.7.2)
        try add(catalog, "Metadata", xmp)

        // The output intent: what DeviceRGB means (6.2.2).
        let mmgr = handle.pointee.mmgr
        let iccStream = try stream("DestOutputProfile")
        try add(iccStream, "N", number: 3)
        try writeCompressed(profileDeflated, to: iccStream, "DestOutputProfile")
        let intent = try dictionary(indirect: false, "OutputIntent")
        try add(intent, "Type", name: "OutputIntent")
        try add(intent, "S", name: "GTS_PDFA1")
        try add(intent, "OutputConditionIdentifier", HPDF_String_New(mmgr, ColorProfile.condition, nil))
        try add(intent, "Info", HPDF_String_New(mmgr, ColorProfile.condition, nil))
        try add(intent, "RegistryName", HPDF_String_New(mmgr, "http://www.color.org", nil))
        try add(intent, "DestOutputProfile", iccStream)
        let intents = try require(HPDF_Array_New(mmgr), "OutputIntents")
        try add(catalog, "OutputIntents", intents)
        try check(HPDF_Array_Add(intents, intent), "OutputIntents")

        // The file identifier (6.1.3), written as zeros and stamped by `stampIdentifier` once the bytes exist.
        let identifier = try require(HPDF_Array_New(mmgr), "ID")
        try add(handle.pointee.trailer, "ID", identifier)
        var zeros = [UInt8](repeating: 0, count: Int(HPDF_MD5_KEY_LEN))
        for _ in 0..<2 { try check(HPDF_Array_Add(identifier, HPDF_Binary_New(mmgr, &zeros, HPDF_UINT(zeros.count))), "ID") }
    }

    /// An Info text entry: PDFDocEncoding when it can say it exactly, else UTF-16BE with its byte-order mark
    /// (PDF 1.7, 7.9.2.2), since PDF/A requires the entry to equal its XMP counterpart.
    private func setInfo(_ type: HPDF_InfoType, _ key: String, _ text: String) throws {
        if let bytes = PDFDocEncoding.encode(text) {
            try check(HPDF_SetInfoAttr(handle, type, bytes), "HPDF_SetInfoAttr(\(key))")
            return
        }
        var utf16: [UInt8] = [0xFE, 0xFF] + text.utf16.flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] }
        let info = try require(handle.pointee.info, "Info")   // made by HPDF_NewDoc for /Producer
        try add(info, key, HPDF_Binary_New(handle.pointee.mmgr, &utf16, HPDF_UINT(utf16.count)))
    }

    /// Replaces the zero /ID written by `declarePDFA` with the MD5 of the file's bytes as written with it: a
    /// hash of the document's content, so equal documents get equal identifiers and different ones different
    /// identifiers. (libharu makes an /ID only for encrypted files, or from the clock in its PDF/A call.)
    static func stampIdentifier(_ bytes: inout [UInt8]) throws {
        let placeholder = Array("/ID [ <\(String(repeating: "0", count: 32))> <\(String(repeating: "0", count: 32))> ]".utf8)
        // The trailer is at the end of the file: only its last kilobyte is searched.
        let searchStart = max(0, bytes.count - 1024 - placeholder.count)
        guard let start = (searchStart...(bytes.count - placeholder.count)).last(where: { offset in
            bytes[offset..<offset + placeholder.count].elementsEqual(placeholder)
        }) else {
            throw HaruError(code: UInt(HPDF_INVALID_OBJECT), detail: 0, operation: "trailer /ID not found")
        }
        var context = HPDF_MD5_CTX()
        var digest = [UInt8](repeating: 0, count: Int(HPDF_MD5_KEY_LEN))
        HPDF_MD5Init(&context)
        bytes.withUnsafeBufferPointer { HPDF_MD5Update(&context, $0.baseAddress, HPDF_UINT32($0.count)) }
        HPDF_MD5Final(&digest, &context)
        let hex = Array(digest.map { String($0 >> 4, radix: 16, uppercase: true) + String($0 & 0xF, radix: 16, uppercase: true) }
            .joined().utf8)
        for first in [start + 7, start + 7 + 32 + 3] {
            bytes.replaceSubrange(first..<first + 32, with: hex)
        }
    }
}
