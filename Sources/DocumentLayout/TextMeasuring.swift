// TextMeasuring: the font metrics layout needs, as a protocol the real font set satisfies in DocumentPipeline.
public import DisplayList

/// Widths and vertical metrics of the document faces. Layout depends only on this, so it never imports a font
/// library; DocumentPipeline adapts Typography's `FontSet` to it, and the same metrics place the glyphs in both
/// backends (so layout, PDF and PNG agree).
public protocol TextMeasuring: Sendable {
    /// Advance width of `text` set in `font` at `size` points, horizontal scale 1, in points.
    func advance(of text: String, font: FontID, size: Double) -> Double
    /// Height of the capitals above the baseline, per em (for centring a code in the European mark's square).
    func capHeight(of font: FontID) -> Double
    /// Descender below the baseline, per em, negative.
    func descender(of font: FontID) -> Double
    /// True when `font` has a glyph for `scalar`.
    func covers(_ scalar: Unicode.Scalar, font: FontID) -> Bool
    /// The first character of `text` that `font` cannot draw, if any (one face look-up for the whole text).
    func firstUncovered(in text: String, font: FontID) -> Unicode.Scalar?
}

extension TextMeasuring {
    public func firstUncovered(in text: String, font: FontID) -> Unicode.Scalar? {
        text.unicodeScalars.first { !covers($0, font: font) }
    }
}
