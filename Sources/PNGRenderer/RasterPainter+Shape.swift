// RasterPainter+Shape: paths filled and stroked by FreeType (FT_Outline_Render, FT_Stroker), never by hand.

import CFreeType
import DisplayList

extension RasterPainter {
    /// PDF's default miter limit (PDF 1.7, 8.4.3.5), as FreeType's 16.16 reciprocal-sine limit.
    static let miterLimit = FT_Fixed(10 << 16)

    mutating func draw(_ shape: Shape) throws {
        let subpaths = Subpath.split(shape.path, scale: scale)
        guard !subpaths.isEmpty else { return }
        if let fill = shape.fill {
            var outline = FillOutline(subpaths)
            try outline.withOutline { try render($0, color: fill) }
        }
        if let stroke = shape.stroke {
            // A zero width is PDF's thinnest line: one device pixel.
            let width = stroke.width > 0 ? stroke.width * scale : 1
            FT_Stroker_Set(context.stroker, FT_Fixed((width / 2 * 64).rounded()), FT_STROKER_LINECAP_BUTT,
                           FT_STROKER_LINEJOIN_MITER_VARIABLE, Self.miterLimit)
            for subpath in subpaths {
                var start = subpath.start
                try check(FT_Stroker_BeginSubPath(context.stroker, &start, subpath.closed ? 0 : 1), "FT_Stroker_BeginSubPath")
                for segment in subpath.segments {
                    switch segment {
                    case var .line(to):
                        try check(FT_Stroker_LineTo(context.stroker, &to), "FT_Stroker_LineTo")
                    case .cubic(var c1, var c2, var to):
                        try check(FT_Stroker_CubicTo(context.stroker, &c1, &c2, &to), "FT_Stroker_CubicTo")
                    }
                }
                try check(FT_Stroker_EndSubPath(context.stroker), "FT_Stroker_EndSubPath")
            }
            var points: FT_UInt = 0
            var contours: FT_UInt = 0
            try check(FT_Stroker_GetCounts(context.stroker, &points, &contours), "FT_Stroker_GetCounts")
            var outline = FT_Outline()
            try check(FT_Outline_New(context.library, points, FT_Int(contours), &outline), "FT_Outline_New")
            defer { FT_Outline_Done(context.library, &outline) }
            outline.n_points = 0
            outline.n_contours = 0
            FT_Stroker_Export(context.stroker, &outline)
            try render(&outline, color: stroke.color)
        }
    }

    /// Antialiased non-zero fill of `outline` (26.6 pixels, y negated) straight into the raster's pixels.
    private mutating func render(_ outline: UnsafeMutablePointer<FT_Outline>, color: Color) throws {
        let width = raster.width
        let height = raster.height
        let library = context.library
        let status = raster.pixels.withUnsafeMutableBufferPointer { pixels in
            var target = SpanTarget(pixels: pixels.baseAddress!, width: width, height: height, color: color)
            return withUnsafeMutablePointer(to: &target) { targetPointer in
                var params = FT_Raster_Params()
                params.source = UnsafeRawPointer(outline)
                params.flags = Int32(FT_RASTER_FLAG_AA | FT_RASTER_FLAG_DIRECT | FT_RASTER_FLAG_CLIP)
                params.gray_spans = rasterSpanCallback
                params.user = UnsafeMutableRawPointer(targetPointer)
                params.clip_box = FT_BBox(xMin: 0, yMin: FT_Pos(-height), xMax: FT_Pos(width), yMax: 0)
                return FT_Outline_Render(library, outline, &params)
            }
        }
        try check(status, "FT_Outline_Render")
    }

    private func check(_ status: FT_Error, _ operation: String) throws {
        guard status == 0 else { throw PNGRendererError.freeType(operation: operation, code: status) }
    }
}

/// One contour of a path in 26.6 pixel coordinates with y negated (FreeType's y points up).
struct Subpath {
    enum Segment {
        case line(FT_Vector)
        case cubic(FT_Vector, FT_Vector, FT_Vector)
    }

    var start: FT_Vector
    var segments: [Segment] = []
    var closed = false

    /// Splits a path at its moves and closes. After a close, drawing continues from the closed subpath's start
    /// (PDF semantics); a subpath without segments draws nothing and is dropped.
    static func split(_ path: Path, scale: Double) -> [Subpath] {
        func vector(_ p: Point) -> FT_Vector {
            FT_Vector(x: FT_Pos((p.x * scale * 64).rounded()), y: FT_Pos((-p.y * scale * 64).rounded()))
        }
        var result: [Subpath] = []
        var current: Subpath?
        func finish() {
            if let done = current, !done.segments.isEmpty { result.append(done) }
        }
        for element in path.elements {
            switch element {
            case let .move(p):
                finish()
                current = Subpath(start: vector(p))
            case let .line(p):
                if current == nil { current = Subpath(start: vector(p)) }
                current!.segments.append(.line(vector(p)))
            case let .cubic(c1, c2, end):
                if current == nil { current = Subpath(start: vector(c1)) }
                current!.segments.append(.cubic(vector(c1), vector(c2), vector(end)))
            case .close:
                guard let closing = current else { continue }
                var done = closing
                done.closed = true
                current = done
                finish()
                current = Subpath(start: closing.start)
            }
        }
        finish()
        return result
    }
}

/// The subpaths as one FT_Outline (on-curve points and cubic control points), every contour implicitly closed,
/// as filling requires.
struct FillOutline {
    var points: [FT_Vector] = []
    var tags: [CChar] = []
    var contourEnds: [Int16] = []

    init(_ subpaths: [Subpath]) {
        let onCurve = CChar(FT_CURVE_TAG_ON)
        let cubic = CChar(FT_CURVE_TAG_CUBIC)
        for subpath in subpaths {
            points.append(subpath.start)
            tags.append(onCurve)
            for segment in subpath.segments {
                switch segment {
                case let .line(to):
                    points.append(to)
                    tags.append(onCurve)
                case let .cubic(c1, c2, to):
                    points += [c1, c2, to]
                    tags += [cubic, cubic, onCurve]
                }
            }
            contourEnds.append(Int16(clamping: points.count - 1))
        }
    }

    mutating func withOutline(_ body: (UnsafeMutablePointer<FT_Outline>) throws -> Void) throws {
        guard points.count <= Int(Int16.max) else { return }   // beyond FreeType's outline limit: nothing drawn
        let count = points.count
        let contours = contourEnds.count
        try points.withUnsafeMutableBufferPointer { points in
            try tags.withUnsafeMutableBufferPointer { tags in
                try contourEnds.withUnsafeMutableBufferPointer { ends in
                    var outline = FT_Outline(n_contours: Int16(contours), n_points: Int16(count),
                                             points: points.baseAddress, tags: tags.baseAddress,
                                             contours: ends.baseAddress, flags: 0)
                    try body(&outline)
                }
            }
        }
    }
}
