// RealMetrics: the committed DejaVu fonts as layout's TextMeasuring, so layout tests measure what documents use.
import DisplayList
import DocumentLayout
import Documents
import Typography

/// Loaded once for the test process, like the pipeline loads them once per process.
struct RealMetrics: TextMeasuring {
    static let shared = RealMetrics()
    let fonts: FontSet

    init() {
        fonts = try! FontSet(directory: try! ResourceLocator.locate().fontsDirectory)
    }

    static let sans = FontID("sans")
    static let bold = FontID("sans-bold")

    func advance(of text: String, font: FontID, size: Double) -> Double { try! fonts.face(font).advance(of: text, size: size) }
    func capHeight(of font: FontID) -> Double { 0.729 }
    func descender(of font: FontID) -> Double { try! fonts.face(font).descender }
    func covers(_ scalar: Unicode.Scalar, font: FontID) -> Bool { try! fonts.face(font).covers(scalar) }
}
