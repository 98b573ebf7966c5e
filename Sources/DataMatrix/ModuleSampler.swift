// ModuleSampler: reads a located symbol's modules from the grey pixels, and the projective map that places them.

/// libdmtx's fitted map from symbol coordinates (0…1 each way, y up from the finder's corner) to pixels: a
/// 3 × 3 projective matrix in libdmtx's row-vector convention, `[x y 1] · M` then divide by the third term.
struct FitTransform {
    /// Row-major: m[3i + j] is M[i][j].
    let matrix: [Double]

    func apply(_ x: Double, _ y: Double) -> (x: Double, y: Double)? {
        let m = matrix
        let w: Double = x * m[2] + y * m[5] + m[8]
        guard abs(w) > 1e-9 else { return nil }
        let px: Double = x * m[0] + y * m[3] + m[6]
        let py: Double = x * m[1] + y * m[4] + m[7]
        return (px / w, py / w)
    }

    /// The same map onto the full-resolution image, rows counted down from the top: libdmtx fits on the
    /// image shrunk `scale` times, with y counting up from the bottom row.
    func toImage(scale: Int, imageHeight: Int) -> FitTransform {
        let s = Double(scale), top = Double(imageHeight - 1), m = matrix
        // M · [[s, 0, 0], [0, −s, 0], [0, top, 1]]
        var product: [Double] = []
        for i in 0..<3 {
            let x: Double = m[3 * i] * s
            let y: Double = m[3 * i + 2] * top - m[3 * i + 1] * s
            product += [x, y, m[3 * i + 2]]
        }
        return FitTransform(matrix: product)
    }

    /// Whether a point lies inside a convex quadrilateral given in order (either winding).
    static func quad(_ corners: [(x: Double, y: Double)], contains point: (Double, Double)) -> Bool {
        var sign = 0.0
        for index in 0..<4 {
            let a = corners[index], b = corners[(index + 1) % 4]
            let cross = (b.x - a.x) * (point.1 - a.y) - (b.y - a.y) * (point.0 - a.x)
            if cross == 0 { continue }
            if sign == 0 { sign = cross } else if (cross > 0) != (sign > 0) { return false }
        }
        return true
    }
}

/// Samples each module of a located symbol: the mean of five pixels around its centre (as libdmtx's
/// `ReadModuleColor` does), called dark when nearer the finder's colour than the timing modules' light one.
struct ModuleSampler {
    let pixels: UnsafeBufferPointer<UInt8>
    let width: Int
    let height: Int

    /// Offsets inside a module, in module units: the centre and four points a tenth of a module around it.
    private static let offsets: [(Double, Double)] = [(0.5, 0.5), (0.4, 0.5), (0.5, 0.4), (0.6, 0.5), (0.5, 0.6)]

    func symbol(in region: LibDMTX.Region) -> DataMatrixSymbol {
        let size = region.size
        var modules = [Bool](repeating: false, count: size.rows * size.columns)
        for row in 0..<size.rows {
            let rowFromBottom = size.rows - 1 - row
            for column in 0..<size.columns {
                var sum = 0
                for (dx, dy) in Self.offsets {
                    let x = (Double(column) + dx) / Double(size.columns)
                    let y = (Double(rowFromBottom) + dy) / Double(size.rows)
                    sum += grey(at: region.transform.apply(x, y)) ?? region.offColor
                }
                let mean = sum / Self.offsets.count
                modules[row * size.columns + column] = abs(mean - region.onColor) < abs(mean - region.offColor)
            }
        }
        return DataMatrixSymbol(rows: size.rows, columns: size.columns, modules: modules)
    }

    /// The pixel nearest to a point, or nil outside the image.
    private func grey(at point: (x: Double, y: Double)?) -> Int? {
        guard let point, point.x.isFinite, point.y.isFinite,
              point.x > -0.5, point.y > -0.5, point.x < Double(width) - 0.5, point.y < Double(height) - 0.5
        else { return nil }
        return Int(pixels[Int(point.y.rounded()) * width + Int(point.x.rounded())])
    }
}
