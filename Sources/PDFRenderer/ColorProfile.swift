// ColorProfile: the ICC profile of the PDF/A output intent, read once per process.

import Foundation

/// An RGB ICC profile for the output intent that gives the pages' DeviceRGB colours (`rg`, `RG`, RGB images) a
/// meaning, as PDF/A-1 (6.2.2) requires. Read and checked once; every document embeds the same bytes.
struct ColorProfile: Sendable {
    /// /OutputConditionIdentifier and /Info of the output intent: the colour space the profile characterises.
    static let condition = "sRGB IEC61966-2.1"

    let path: String
    let bytes: [UInt8]

    init(path: String) throws {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw PDFRendererError.unreadableColorProfile(path: path, reason: "cannot read the file")
        }
        let bytes = [UInt8](data)
        // The ICC header (ICC.1:2001-04, 6.1): signature 'acsp' at 36, data colour space 'RGB ' at 16, version
        // at 8 (PDF/A-1, 6.2.2: PDF 1.4 reads profiles up to version 2.4).
        guard bytes.count > 128, bytes[36..<40].elementsEqual("acsp".utf8) else {
            throw PDFRendererError.unreadableColorProfile(path: path, reason: "not an ICC profile")
        }
        guard bytes[16..<20].elementsEqual("RGB ".utf8) else {
            throw PDFRendererError.unreadableColorProfile(path: path, reason: "not an RGB profile")
        }
        guard bytes[8] < 2 || (bytes[8] == 2 && bytes[9] <= 0x40) else {
            throw PDFRendererError.unreadableColorProfile(
                path: path, reason: "ICC version \(bytes[8]).\(bytes[9] >> 4), PDF/A-1 reads 2.4 at most")
        }
        self.path = path
        self.bytes = bytes
    }
}
