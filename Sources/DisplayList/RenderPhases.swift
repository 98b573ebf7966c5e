// RenderPhases: where a render's time goes, for `ameli-docs bench --phases`; costs one task-local read otherwise.
import Synchronization

/// The steps of a render that the profile separates. Both renderers and the pipeline report into the same list.
public enum RenderPhase: String, CaseIterable, Sendable, Codable {
    /// Record bound into the template's description, then laid out into display-list pages.
    case bindingAndLayout = "binding-layout"
    /// The seal text drawn as a DataMatrix symbol (taken from the pipeline's cache after the first render).
    case sealSymbol = "seal-symbol"
    /// PDF: the used glyphs marked and each face's font file subset written (libharu), with its dictionaries.
    case fontSubsetting = "font-subsetting"
    /// PDF: text, path and image operators of the pages.
    case pageContent = "page-content"
    /// PDF: the XMP metadata, the info dictionary and the ICC output intent.
    case metadata = "metadata-icc"
    /// PDF: libharu deflates each stream as it writes the file (one call, HPDF_SaveToStream): compression and
    /// writing out are one phase.
    case compressionAndWriting = "compression-writing"
    /// PNG: glyphs rasterised and blended.
    case rasterGlyphs = "raster-glyphs"
    /// PNG: shapes and images rasterised.
    case rasterShapes = "raster-shapes"
    /// PNG: rows filtered and deflated (libpng).
    case pngEncoding = "png-encoding"
}

/// Adds up the time spent in each phase while bound as `RenderPhases.current` (a task-local): a bench binds one
/// around each render it profiles; nothing is measured when none is bound.
public final class RenderPhases: Sendable {
    @TaskLocal public static var current: RenderPhases?

    private let totals = Mutex<[RenderPhase: Duration]>([:])

    public init() {}

    /// The time measured in each phase so far.
    public var durations: [RenderPhase: Duration] { totals.withLock { $0 } }

    /// Runs `body`, adding its duration to `phase` when a profile is bound.
    public static func measure<T>(_ phase: RenderPhase, _ body: () throws -> T) rethrows -> T {
        guard let profile = current else { return try body() }
        let start = ContinuousClock.now
        defer {
            let elapsed = ContinuousClock.now - start
            profile.totals.withLock { $0[phase, default: .zero] += elapsed }
        }
        return try body()
    }
}
