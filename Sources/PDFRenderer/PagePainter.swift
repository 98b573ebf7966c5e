// PagePainter: draws one page's items with libharu, remembering the graphics state it last set.

import CHaru
import DisplayList

/// Paints items onto one libharu page, in page points with the origin at the top left (flipped here: PDF's
/// origin is at the bottom left). Colour, line width and text state are set only when they change.
struct PagePainter {
    let document: HaruDocument
    let page: HPDF_Page
    /// Page height in points, to flip y.
    let height: Double
    /// Each face's font in this document.
    let documentFonts: [FontID: DocumentFont]

    var fillColor: Color?
    var strokeColor: Color?
    var lineWidth: Double?
    var horizontalScale = 1.0
    /// The Type0 font dictionary last selected with Tf.
    var font: HPDF_Dict?
    var fontSize = 0.0

    init(document: HaruDocument, page: HPDF_Page, height: Double, documentFonts: [FontID: DocumentFont]) {
        self.document = document
        self.page = page
        self.height = height
        self.documentFonts = documentFonts
    }

    func y(_ value: Double) -> HPDF_REAL { HPDF_REAL(height - value) }

    mutating func setFill(_ color: Color) throws {
        guard fillColor != color else { return }
        try document.check(HPDF_Page_SetRGBFill(page, Self.unit(color.red), Self.unit(color.green), Self.unit(color.blue)),
                           "HPDF_Page_SetRGBFill")
        fillColor = color
    }

    mutating func setStroke(_ color: Color, width: Double) throws {
        if strokeColor != color {
            try document.check(HPDF_Page_SetRGBStroke(page, Self.unit(color.red), Self.unit(color.green), Self.unit(color.blue)),
                               "HPDF_Page_SetRGBStroke")
            strokeColor = color
        }
        if lineWidth != width {
            try document.check(HPDF_Page_SetLineWidth(page, HPDF_REAL(width)), "HPDF_Page_SetLineWidth")
            lineWidth = width
        }
    }

    private static func unit(_ channel: UInt8) -> HPDF_REAL { HPDF_REAL(channel) / 255 }
}
