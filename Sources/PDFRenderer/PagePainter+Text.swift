// PagePainter+Text: text runs as positioned segments of single-byte codes in the document's encodings.

import CHaru
import DisplayList
import Typography

extension PagePainter {
    /// How far (points) a glyph may sit from where layout measured it before the run is restarted at the exact
    /// position. Simple-font /Widths are whole thousandths of an em (libharu truncates), so a long run drifts
    /// ~0.5/1000 em per glyph; 0.05 pt is 0.2 px at 300 dpi, and most runs need no restart at all.
    static let maximumDrift = 0.05

    mutating func draw(_ run: TextRun) throws {
        guard !run.text.isEmpty else { return }
        let face = try fonts.face(run.font)
        guard let encoding = encodings[run.font] else {
            throw PDFRendererError.unsupportedCharacter(run.text.unicodeScalars.first!, text: run.text)
        }
        try setFill(run.color)
        try document.check(HPDF_Page_BeginText(page), "HPDF_Page_BeginText")
        if horizontalScale != run.horizontalScale {
            try document.check(HPDF_Page_SetHorizontalScalling(page, HPDF_REAL(run.horizontalScale * 100)),
                               "HPDF_Page_SetHorizontalScalling")
            horizontalScale = run.horizontalScale
        }

        let unitsPerEm = face.unitsPerEm
        let pointsPerUnit = run.size * run.horizontalScale / Double(unitsPerEm)
        var exactUnits = 0          // layout's advance so far, design units
        var viewerThousandths = 0   // the viewer's advance so far, thousandths of an em
        var segment: [UInt8] = []
        var segmentFont = -1
        var segmentStartUnits = 0
        var segmentStartThousandths = 0

        for scalar in run.text.unicodeScalars {
            guard let slot = encoding.slot(for: EmbeddedFonts.encoded(scalar)) else {
                throw PDFRendererError.unsupportedCharacter(scalar, text: run.text)
            }
            let drift = (Double(exactUnits - segmentStartUnits) / Double(unitsPerEm)
                         - Double(viewerThousandths - segmentStartThousandths) / 1000) * run.size * run.horizontalScale
            if slot.font != segmentFont || abs(drift) > Self.maximumDrift {
                try show(segment, font: segmentFont, encoding: encoding, run: run,
                         x: run.origin.x + Double(segmentStartUnits) * pointsPerUnit)
                segment.removeAll(keepingCapacity: true)
                segmentFont = slot.font
                segmentStartUnits = exactUnits
                segmentStartThousandths = viewerThousandths
            }
            segment.append(slot.code)
            let advance = face.advanceUnits(ofGlyph: face.glyph(for: scalar))
            exactUnits += advance
            viewerThousandths += advance * 1000 / unitsPerEm   // libharu's integer /Widths
        }
        try show(segment, font: segmentFont, encoding: encoding, run: run,
                 x: run.origin.x + Double(segmentStartUnits) * pointsPerUnit)
        try document.check(HPDF_Page_EndText(page), "HPDF_Page_EndText")
    }

    /// Shows one segment's codes at an absolute baseline position (Tm), switching font when needed.
    private mutating func show(_ codes: [UInt8], font index: Int, encoding: FaceEncoding, run: TextRun,
                               x: Double) throws {
        guard !codes.isEmpty else { return }
        let pdfFont = encoding.fonts[index]
        if font != pdfFont || fontSize != run.size {
            try document.check(HPDF_Page_SetFontAndSize(page, pdfFont, HPDF_REAL(run.size)), "HPDF_Page_SetFontAndSize")
            font = pdfFont
            fontSize = run.size
        }
        try document.check(HPDF_Page_SetTextMatrix(page, 1, 0, 0, 1, HPDF_REAL(x), y(run.origin.y)),
                           "HPDF_Page_SetTextMatrix")
        let status = (codes + [0]).withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { HPDF_Page_ShowText(page, $0.baseAddress) }
        }
        try document.check(status, "HPDF_Page_ShowText")
    }
}
