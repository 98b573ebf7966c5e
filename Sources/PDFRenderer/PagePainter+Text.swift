// PagePainter+Text: text runs as two-byte glyph codes in the face's composite font, one Tj per run.

import CHaru
import DisplayList

extension PagePainter {
    /// Draws a run as one `Tj` from its origin: the font's /W widths are the exact advances layout measured with
    /// (see LoadedFace.widths), so every glyph lands where layout put it without repositioning.
    mutating func draw(_ run: TextRun) throws {
        guard !run.text.isEmpty else { return }
        guard let pdfFont = documentFonts[run.font] else {
            throw PDFRendererError.unsupportedCharacter(run.text.unicodeScalars.first!, text: run.text)
        }
        var codes: [UInt16] = []
        codes.reserveCapacity(run.text.utf8.count)
        for scalar in run.text.unicodeScalars {
            let code = pdfFont.face.glyph(for: scalar)
            guard code != 0 else { throw PDFRendererError.unsupportedCharacter(scalar, text: run.text) }
            codes.append(code)
        }
        try setFill(run.color)
        try document.check(HPDF_Page_BeginText(page), "HPDF_Page_BeginText")
        if horizontalScale != run.horizontalScale {
            try document.check(HPDF_Page_SetHorizontalScalling(page, HPDF_REAL(run.horizontalScale * 100)),
                               "HPDF_Page_SetHorizontalScalling")
            horizontalScale = run.horizontalScale
        }
        try setFont(pdfFont.dictionary, size: run.size)
        try show(codes, run: run)
        try document.check(HPDF_Page_EndText(page), "HPDF_Page_EndText")
    }

    /// `/Fn size Tf`, when font or size change. Written into the content stream directly, as libharu's
    /// HPDF_Page_SetFontAndSize would (same name resource, same number format): that call accepts only fonts
    /// libharu made itself.
    private mutating func setFont(_ pdfFont: HPDF_Dict, size: Double) throws {
        guard font != pdfFont || fontSize != size else { return }
        let name = try document.require(HPDF_Page_GetLocalFontName(page, pdfFont), "HPDF_Page_GetLocalFontName")
        let stream = contentStream
        var status = HPDF_Stream_WriteEscapeName(stream, name)
        if status == HPDF_STATUS(HPDF_OK) { status = HPDF_Stream_WriteChar(stream, CChar(UInt8(ascii: " "))) }
        if status == HPDF_STATUS(HPDF_OK) { status = HPDF_Stream_WriteReal(stream, HPDF_REAL(size)) }
        if status == HPDF_STATUS(HPDF_OK) { status = HPDF_Stream_WriteStr(stream, " Tf\n") }
        try document.check(status, "Tf")
        font = pdfFont
        fontSize = size
    }

    /// Shows the codes at the run's baseline origin (Tm): `<hex codes> Tj`, as libharu writes text of its own
    /// composite fonts.
    private func show(_ codes: [UInt16], run: TextRun) throws {
        try document.check(HPDF_Page_SetTextMatrix(page, 1, 0, 0, 1, HPDF_REAL(run.origin.x), y(run.origin.y)),
                           "HPDF_Page_SetTextMatrix")
        var bytes: [UInt8] = [UInt8(ascii: "<")]
        bytes.reserveCapacity(codes.count * 4 + 6)
        for code in codes {
            for shift in [12, 8, 4, 0] as [UInt16] { bytes.append(Self.hexDigits[Int(code >> shift & 0xF)]) }
        }
        bytes.append(contentsOf: Array("> Tj\n".utf8))
        let status = bytes.withUnsafeBufferPointer { HPDF_Stream_Write(contentStream, $0.baseAddress, HPDF_UINT($0.count)) }
        try document.check(status, "Tj")
    }

    private static let hexDigits = Array("0123456789ABCDEF".utf8)

    /// The page's content stream (libharu's page record, hpdf_pages.h).
    var contentStream: HPDF_Stream {
        page.pointee.attr.assumingMemoryBound(to: HPDF_PageAttr_Rec.self).pointee.stream
    }
}
