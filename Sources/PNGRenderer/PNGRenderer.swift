// PNGRenderer: one display-list page to PNG bytes: FreeType paints glyphs and shapes, libpng encodes.

public import DisplayList
import Synchronization
public import Typography

/// Rasterises a page at a pixel density and encodes it as an 8-bit RGB PNG. Create one per process and share
/// it (it is `Sendable`): FreeType contexts and their glyph caches are pooled and reused across renders.
///
/// The page's `background` is painted first (a raster has to be something). Glyphs sit at the same unhinted
/// advances layout measured (no kerning), so text lines up with the PDF; shapes are filled (non-zero winding)
/// and stroked (butt caps, miter joins, limit 10: the PDF defaults) by FreeType's antialiasing rasteriser.
public struct PNGRenderer: Sendable {
    let fonts: FontSet
    let pool: ContextPool

    public init(fonts: FontSet) {
        self.fonts = fonts
        self.pool = ContextPool(fonts: fonts)
    }

    /// The PNG of `page` at `dpi` pixels per inch: round(points × dpi / 72) pixels per axis
    /// (the ID-1 card at 300 dpi is 1011 × 638).
    public func render(page: Page, dpi: Double) throws -> [UInt8] {
        let raster = try rasterize(page: page, dpi: dpi)
        return try RenderPhases.measure(.pngEncoding) { try PNGEncoding.encode(raster) }
    }

    /// The painted pixels, before encoding.
    func rasterize(page: Page, dpi: Double) throws -> Raster {
        guard dpi.isFinite, dpi > 0 else { throw PNGRendererError.invalidDensity(dpi) }
        let width = Int(Length.pixels(points: page.size.width, dpi: dpi).rounded())
        let height = Int(Length.pixels(points: page.size.height, dpi: dpi).rounded())
        guard width > 0, height > 0, width <= 20_000, height <= 20_000, width * height <= 100_000_000 else {
            throw PNGRendererError.imageTooLarge(width: width, height: height)
        }
        return try pool.withContext { context in
            // The background is the first shape painted.
            let raster = RenderPhases.measure(.rasterShapes) { Raster(width: width, height: height, background: page.background) }
            var painter = RasterPainter(raster: raster, context: context, fonts: fonts, scale: dpi / Length.pointsPerInch)
            for item in page.items {
                switch item {
                case let .text(run): try RenderPhases.measure(.rasterGlyphs) { try painter.draw(run) }
                case let .shape(shape): try RenderPhases.measure(.rasterShapes) { try painter.draw(shape) }
                case let .image(image): try RenderPhases.measure(.rasterShapes) { try painter.draw(image) }
                }
            }
            return painter.raster
        }
    }
}

/// Idle FreeType contexts. A render takes one (or makes one) and gives it back when it succeeded.
final class ContextPool: Sendable {
    let fonts: FontSet
    private let idle = Mutex<[RasterContext]>([])
    /// Contexts kept for reuse; more concurrent renders than this create and free their own.
    private static let limit = 8

    init(fonts: FontSet) { self.fonts = fonts }

    func withContext<T>(_ body: (RasterContext) throws -> T) throws -> T {
        let context = try idle.withLock { $0.popLast() } ?? RasterContext(fonts: fonts)
        let result = try body(context)
        idle.withLock { pool in
            if pool.count < Self.limit { pool.append(context) }
        }
        return result
    }
}
