// DataMatrixSymbol: a payload as the dark and light modules of a square ECC200 symbol, ready to be drawn.

/// The modules of a square DataMatrix ECC200 symbol, finder and alignment patterns included, quiet zone
/// excluded: draw it with a light margin of at least 2 modules on every side (SEAL.md, "Symbol").
///
/// Encoding is deterministic (the same bytes always give the same modules) and safe to call from any thread:
/// each call uses its own libdmtx encoder.
public struct DataMatrixSymbol: Hashable, Sendable {
    /// Modules from top to bottom.
    public let rows: Int
    /// Modules from left to right.
    public let columns: Int
    /// `rows × columns` modules, row-major, top row first; `true` is dark.
    public let modules: [Bool]

    /// Payloads longer than this never fit (144 × 144 holds 1558 data codewords, at most 2 digits each).
    static let maximumPayloadCount = 3116

    init(rows: Int, columns: Int, modules: [Bool]) {
        precondition(rows > 0 && columns > 0 && modules.count == rows * columns, "modules must fill the symbol")
        self.rows = rows
        self.columns = columns
        self.modules = modules
    }

    /// Encodes `bytes` in the smallest square symbol, with C40 encodation unless plain ASCII gives a strictly
    /// smaller one.
    ///
    /// C40 packs three characters of `A-Z 0-9 space` into two codewords and reaches everything else (the seal's
    /// `GS`/`RS`/`US` separators, punctuation) through its shift sets; ASCII spends a codeword a character but
    /// packs two digits in one. On seal texts C40 wins by one or two sizes (the 279-byte certificate seal:
    /// 52 × 52 instead of 64 × 64) or ties; digit-only payloads go to ASCII.
    ///
    /// libdmtx's multi-scheme optimiser (`DmtxSchemeAutoBest`) is not used although 0.7.7 has it: its own
    /// KNOWNBUG file calls it experimental, producing codeword sequences "not 100% legal", and a seal must read
    /// in any verifier's reader (it would save one size on some lengths, e.g. 48 instead of 52 at 260 bytes).
    /// Every symbol is read back with this module's decoder before it is returned: what we print is what we read.
    ///
    /// - Throws: `DataMatrixError.emptyPayload`, `.payloadTooLong` when not even 144 × 144 holds it,
    ///   `.encodingFailed` when libdmtx cannot allocate or its symbol does not read back.
    public init(encoding bytes: [UInt8]) throws(DataMatrixError) {
        guard !bytes.isEmpty else { throw .emptyPayload }
        guard bytes.count <= Self.maximumPayloadCount else { throw .payloadTooLong(byteCount: bytes.count) }
        var best: DataMatrixSymbol?
        var unreadable = false
        for scheme in [LibDMTX.Scheme.c40, .ascii] {
            // ASCII is tried only when it could give a smaller square than C40 did: its codeword count is known
            // without encoding. For a seal (capitals, digits, separators) it never can, which halves the cost.
            if scheme == .ascii, let c40 = best, !Self.asciiMightBeSmaller(than: c40, bytes) { continue }
            guard let symbol = try LibDMTX.encode(bytes, scheme: scheme) else { continue }
            guard symbol.payload() == bytes else {
                unreadable = true
                continue
            }
            if let current = best, current.rows <= symbol.rows { continue }
            best = symbol
        }
        guard let best else {
            if unreadable { throw .encodingFailed(reason: "libdmtx's symbol does not read back as the payload") }
            throw .payloadTooLong(byteCount: bytes.count)
        }
        self = best
    }

    /// True when some square smaller than `symbol` holds the ASCII encodation of `bytes` (two digits make one
    /// codeword, bytes above 127 take two).
    static func asciiMightBeSmaller(than symbol: DataMatrixSymbol, _ bytes: [UInt8]) -> Bool {
        var codewords = 0
        var index = 0
        while index < bytes.count {
            let isDigit = { (byte: UInt8) in (0x30...0x39).contains(byte) }
            if isDigit(bytes[index]), index + 1 < bytes.count, isDigit(bytes[index + 1]) {
                index += 2
            } else {
                index += 1
                codewords += bytes[index - 1] > 127 ? 1 : 0
            }
            codewords += 1
        }
        return SymbolSize.all.contains { $0.rows == $0.columns && $0.rows < symbol.rows && $0.dataCodewords >= codewords }
    }

    /// Whether the module at `row` (from the top) and `column` (from the left) is dark.
    public subscript(row row: Int, column column: Int) -> Bool {
        precondition((0..<rows).contains(row) && (0..<columns).contains(column), "module outside the symbol")
        return modules[row * columns + column]
    }
}
