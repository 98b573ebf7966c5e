// ImageComparison: how far two renderings of the same page are apart, and a picture of where.

import Foundation

/// Per-pixel comparison of two images over their common area (a size difference is reported, not hidden).
/// With `neighbourhood` 1, a pixel counts as equal when it matches any pixel of `expected` at most one pixel
/// away: two rasterisers that place edges half a pixel apart agree, a glyph or shape drawn elsewhere does not.
public struct ImageComparison: Sendable, CustomStringConvertible {
    public var sameSize: Bool
    /// Largest difference of any channel of any pixel (0…255).
    public var maxChannelDifference: Int
    /// Pixels whose largest channel difference exceeds `tolerance`.
    public var differingPixels: Int
    public var comparedPixels: Int
    public var tolerance: Int
    public var neighbourhood: Int
    /// Black where equal within tolerance, red (scaled by the difference) elsewhere.
    public var diff: RGBImage

    public var differingShare: Double { comparedPixels == 0 ? 0 : Double(differingPixels) / Double(comparedPixels) }

    public init(_ actual: RGBImage, _ expected: RGBImage, tolerance: Int, neighbourhood: Int = 0) {
        let width = min(actual.width, expected.width)
        let height = min(actual.height, expected.height)
        var maxDifference = 0
        var differing = 0
        var diffPixels = [UInt8](repeating: 0, count: width * height * 3)
        for y in 0..<height {
            for x in 0..<width {
                let a = actual[x, y]
                var d = Int.max
                for dy in -neighbourhood...neighbourhood {
                    for dx in -neighbourhood...neighbourhood {
                        let ex = x + dx, ey = y + dy
                        guard ex >= 0, ey >= 0, ex < width, ey < height else { continue }
                        let e = expected[ex, ey]
                        d = min(d, max(abs(Int(a.r) - Int(e.r)), abs(Int(a.g) - Int(e.g)), abs(Int(a.b) - Int(e.b))))
                    }
                }
                maxDifference = max(maxDifference, d)
                if d > tolerance {
                    differing += 1
                    diffPixels[(y * width + x) * 3] = UInt8(min(255, 64 + d))
                }
            }
        }
        sameSize = actual.width == expected.width && actual.height == expected.height
        maxChannelDifference = maxDifference
        differingPixels = differing
        comparedPixels = width * height
        self.tolerance = tolerance
        self.neighbourhood = neighbourhood
        diff = RGBImage(width: width, height: height, pixels: diffPixels)
    }

    public var description: String {
        let share = String(format: "%.3f", differingShare * 100)
        let within = neighbourhood == 0 ? "" : " (best match within \(neighbourhood) px)"
        return "\(differingPixels) px differ by more than \(tolerance)\(within) (\(share) %), max Δ \(maxChannelDifference)"
            + (sameSize ? "" : " (sizes differ)")
    }

    /// Writes actual, expected and diff PNGs beside each other under the temporary directory; returns the paths.
    public func writeImages(named name: String, actual: RGBImage, expected: RGBImage) throws -> [String] {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("ameli-compare")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        var paths: [String] = []
        for (suffix, image) in [("actual", actual), ("expected", expected), ("diff", diff)] {
            let url = directory.appendingPathComponent("\(name).\(suffix).png")
            try Data(image.pngData()).write(to: url)
            paths.append(url.path)
        }
        return paths
    }
}
