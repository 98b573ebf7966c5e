// FontSetMeasuring: Typography's font set seen through layout's TextMeasuring protocol.
import DisplayList
import DocumentLayout
import Typography

/// Layout measures with exactly the advances the backends draw with (Typography's unhinted `hmtx` widths).
struct FontSetMeasuring: TextMeasuring {
    /// The faces by id, looked up once: measuring is the hottest path of layout.
    private let faces: [FontID: FontFace]

    init(fonts: FontSet) throws {
        var faces: [FontID: FontFace] = [:]
        for id in fonts.faces { faces[id] = try fonts.face(id) }
        self.faces = faces
    }

    func face(_ id: FontID) -> FontFace? { faces[id] }

    func advance(of text: String, font: FontID, size: Double) -> Double {
        faces[font]?.advance(of: text, size: size) ?? 0
    }

    /// DejaVu Sans's capital height (OS/2 sCapHeight 1493 / 2048 em, both faces): Typography does not expose the
    /// OS/2 table, and the value only centres the mark's country code.
    func capHeight(of font: FontID) -> Double { 1493.0 / 2048.0 }

    func descender(of font: FontID) -> Double { faces[font]?.descender ?? -0.25 }

    func covers(_ scalar: Unicode.Scalar, font: FontID) -> Bool { faces[font]?.covers(scalar) ?? false }

    func firstUncovered(in text: String, font: FontID) -> Unicode.Scalar? {
        guard let face = faces[font] else { return text.unicodeScalars.first }
        return text.unicodeScalars.first { !face.covers($0) }
    }
}
