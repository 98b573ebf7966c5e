// Golden: compares a PNG with its committed golden image; on a mismatch writes the actual and diff images beside
// it and says how to accept the change.
import EngineTestSupport
import Foundation
import Testing

enum Golden {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden")
    /// Each channel of each pixel may differ by this much (a FreeType or zlib update, not a moved field).
    static let tolerance = 16
    static var updating: Bool { ProcessInfo.processInfo.environment["UPDATE_GOLDENS"] == "1" }

    static func path(_ name: String, _ suffix: String = "png") -> String {
        directory.appendingPathComponent("\(name).\(suffix)").path
    }

    /// Records an issue unless `png` matches `Golden/NAME.png`; with UPDATE_GOLDENS=1 rewrites the golden instead.
    static func check(_ png: [UInt8], name: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let golden = path(name)
        let actualPath = path(name, "actual.png")
        let diffPath = path(name, "diff.png")
        if updating {
            try Data(png).write(to: URL(fileURLWithPath: golden))
            try? FileManager.default.removeItem(atPath: actualPath)
            try? FileManager.default.removeItem(atPath: diffPath)
            print("golden updated \(name) | \(golden)")
            return
        }
        let accept = "accept with: UPDATE_GOLDENS=1 swift test --filter GoldenImageTests (and say why in the commit)"
        guard FileManager.default.fileExists(atPath: golden) else {
            try Data(png).write(to: URL(fileURLWithPath: actualPath))
            let message = "golden missing \(name)\n  live | \(actualPath)\n  ref | \(golden) (absent)\n  \(accept)"
            print(message)
            Issue.record(Comment(rawValue: message), sourceLocation: sourceLocation)
            return
        }
        let actual = try RGBImage(png: png)
        let expected = try RGBImage(contentsOf: golden)
        let comparison = ImageComparison(actual, expected, tolerance: tolerance)
        guard comparison.sameSize, comparison.differingPixels == 0 else {
            try Data(png).write(to: URL(fileURLWithPath: actualPath))
            try Data(comparison.diff.pngData()).write(to: URL(fileURLWithPath: diffPath))
            let size = comparison.sameSize ? "" : " (size \(actual.width)×\(actual.height), golden \(expected.width)×\(expected.height))"
            let message = "golden mismatch \(name): \(comparison.differingPixels) px differ (max Δ \(comparison.maxChannelDifference))\(size)"
                + "\n  live | \(actualPath)\n  ref | \(golden)\n  diff | \(diffPath)\n  \(accept)"
            print(message)
            Issue.record(Comment(rawValue: message), sourceLocation: sourceLocation)
            return
        }
        // A passing run leaves no stale images from an earlier failure.
        try? FileManager.default.removeItem(atPath: actualPath)
        try? FileManager.default.removeItem(atPath: diffPath)
    }
}
