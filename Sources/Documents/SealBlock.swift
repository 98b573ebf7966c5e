// SealBlock: where a template puts the document's seal (SEAL.md: a DataMatrix symbol, the document id and the
// verification address under it). The symbol itself is the seal's, attached after binding.
import DisplayList

/// The modules of a square DataMatrix symbol, as the seal's encoder made them: `size` × `size`, row-major from the
/// top-left, true for a dark module. Documents knows no encoder: the pipeline attaches the symbol.
public struct SealSymbol: Hashable, Sendable {
    public let size: Int
    public let dark: [Bool]

    public init(size: Int, dark: [Bool]) {
        precondition(size > 0 && dark.count == size * size, "a square symbol has size × size modules")
        self.size = size
        self.dark = dark
    }

    public subscript(row: Int, column: Int) -> Bool { dark[row * size + column] }
}

/// A `seal` line: a box `width` wide whose top is at `y`; the symbol (with its quiet zone) is aligned in the box,
/// the caption lines under it in `style`. Without an attached symbol the block draws nothing: a document rendered
/// for a test or a sample has no seal, and layout must not invent one.
public struct SealBlock: Hashable, Sendable {
    public var source: SourceLocation
    public var x: Double
    public var y: VerticalPosition
    public var width: Double
    /// Side of one module, points (SEAL.md: at least 0.4 mm on paper).
    public var module: Double
    public var alignment: Alignment
    public var captionStyle: TextStyle
    public var symbol: SealSymbol?
    /// The document id and the verification address, one a line.
    public var caption: [String]

    /// SEAL.md: a quiet zone of at least 2 modules on every side.
    public static let quietZoneModules = 2

    public init(source: SourceLocation, x: Double, y: VerticalPosition, width: Double, module: Double,
                alignment: Alignment, captionStyle: TextStyle, symbol: SealSymbol? = nil, caption: [String] = []) {
        self.source = source
        self.x = x
        self.y = y
        self.width = width
        self.module = module
        self.alignment = alignment
        self.captionStyle = captionStyle
        self.symbol = symbol
        self.caption = caption
    }
}

extension DocumentDescription {
    /// The description with `symbol` and `caption` in its seal block(s). A template without a `seal` line is left as
    /// it is (the card face: SEAL.md keeps the card image bare).
    public func sealed(with symbol: SealSymbol, caption: [String]) -> DocumentDescription {
        var copy = self
        copy.blocks = blocks.map { block in
            guard case .seal(var seal) = block else { return block }
            seal.symbol = symbol
            seal.caption = caption
            return .seal(seal)
        }
        return copy
    }

    /// True when the template has a place for a seal.
    public var hasSealBlock: Bool {
        blocks.contains { if case .seal = $0 { true } else { false } }
    }
}
