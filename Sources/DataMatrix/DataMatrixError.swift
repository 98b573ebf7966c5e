// DataMatrixError: every way encoding a payload or reading an image can be refused, as one typed error.

/// Why a payload could not become a symbol, or an image could not be searched for codes.
///
/// A search that simply finds no code is not an error: `DataMatrixReader` answers an empty list.
public enum DataMatrixError: Error, Hashable, Sendable, CustomStringConvertible {
    /// There is nothing to encode.
    case emptyPayload
    /// The payload does not fit in the largest square ECC200 symbol (144 × 144 modules) in C40 or ASCII.
    case payloadTooLong(byteCount: Int)
    /// libdmtx could not allocate, or the symbol it produced did not read back as the payload.
    case encodingFailed(reason: String)
    /// The pixel buffer does not hold `width × height` bytes, or a side is not positive.
    case invalidImage(width: Int, height: Int, byteCount: Int)
    /// The image has more pixels than the reader is willing to search (`DataMatrixReader.maximumPixelCount`).
    case imageTooLarge(width: Int, height: Int, maximumPixelCount: Int)
    /// The search time is not a positive number of milliseconds.
    case invalidTimeout(milliseconds: Int)
    /// libdmtx could not allocate what the search needs.
    case decodingFailed(reason: String)

    public var description: String {
        switch self {
        case .emptyPayload: "a DataMatrix symbol needs at least one byte to encode"
        case .payloadTooLong(let count): "\(count) bytes do not fit in a square DataMatrix symbol (144 × 144 at most)"
        case .encodingFailed(let reason): "DataMatrix encoding failed: \(reason)"
        case .invalidImage(let width, let height, let count):
            "a \(width) × \(height) grayscale image needs \(width) × \(height) bytes, not \(count)"
        case .imageTooLarge(let width, let height, let limit):
            "a \(width) × \(height) image is larger than the \(limit) pixels searched for a DataMatrix code"
        case .invalidTimeout(let milliseconds): "a search time of \(milliseconds) ms is not positive"
        case .decodingFailed(let reason): "DataMatrix search failed: \(reason)"
        }
    }
}
