// DocumentPipeline+SealReading: the seal texts found in a PNG scan — PNG decoding and DataMatrix reading together.
import DataMatrix
import PNGRenderer

extension DocumentPipeline {
    /// libdmtx's search budget for one image: a 300-dpi A4 page is found well within it (measured in DataMatrixTests).
    static let scanTimeoutMilliseconds = 1500

    /// The text of every DataMatrix code in `png`, in the order found; empty when there is none. Throws when the
    /// bytes are not a readable PNG or have more than `maximumPixels`.
    public static func sealTexts(inPNG png: [UInt8], maximumPixels: Int) throws -> [String] {
        let image = try PNGDecoding.gray(png, maximumPixels: maximumPixels)
        let payloads = try DataMatrixReader.decode(gray: image.pixels, width: image.width, height: image.height,
                                                   timeoutMilliseconds: scanTimeoutMilliseconds)
        // A seal is ASCII; anything else cannot be one and is skipped rather than mangled.
        return payloads.compactMap { $0.allSatisfy { $0 < 0x80 } ? String(decoding: $0, as: UTF8.self) : nil }
    }
}
