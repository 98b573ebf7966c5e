// SymbolSize: the geometry and error-correction layout of one ECC200 symbol size, as libdmtx tabulates it.

/// One of the 30 ECC200 sizes (24 square, 6 rectangular). The numbers come from libdmtx's own table
/// (`dmtxGetSymbolAttribute`), read once, so the encoder and our reader can never disagree about a size.
struct SymbolSize: Hashable, Sendable {
    /// libdmtx's size index (`DmtxSymbol10x10` = 0 …).
    let index: Int
    /// Modules, finder and alignment patterns included, quiet zone excluded.
    let rows: Int
    let columns: Int
    /// Data modules of one data region (inside its finder/alignment border).
    let regionRows: Int
    let regionColumns: Int
    let horizontalRegions: Int
    let verticalRegions: Int
    /// Data codewords of the whole symbol.
    let dataCodewords: Int
    /// Reed-Solomon blocks the codewords are interleaved over.
    let blocks: Int
    /// Error-correction codewords of each block.
    let errorCodewordsPerBlock: Int

    /// The mapping matrix is the data regions put side by side, without their borders.
    var mappingRows: Int { regionRows * verticalRegions }
    var mappingColumns: Int { regionColumns * horizontalRegions }
    var totalCodewords: Int { dataCodewords + blocks * errorCodewordsPerBlock }

    /// Every size libdmtx knows, by index.
    static let all: [SymbolSize] = LibDMTX.symbolSizes()

    /// The size with these dimensions, if ECC200 has one.
    static func with(rows: Int, columns: Int) -> SymbolSize? {
        all.first { $0.rows == rows && $0.columns == columns }
    }

    /// Symbol row (top first) of a mapping-matrix row: each data region is framed by one module on each side.
    func symbolRow(ofMappingRow row: Int) -> Int {
        (row / regionRows) * (regionRows + 2) + 1 + row % regionRows
    }

    func symbolColumn(ofMappingColumn column: Int) -> Int {
        (column / regionColumns) * (regionColumns + 2) + 1 + column % regionColumns
    }
}
