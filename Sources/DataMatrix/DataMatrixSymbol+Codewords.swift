// DataMatrixSymbol+Codewords: a symbol's modules to its repaired codewords and payload, and back.

extension DataMatrixSymbol {
    /// The bytes the symbol carries once Reed-Solomon has repaired what it can; nil when the modules are not an
    /// ECC200 size, a block is beyond repair, or the data codewords are not a valid stream.
    func payload() -> [UInt8]? {
        dataCodewords().flatMap(Encodation.decode)
    }

    /// The data codewords once Reed-Solomon has repaired what it can; nil when the modules are not an ECC200
    /// size or a block is beyond repair.
    func dataCodewords() -> [UInt8]? {
        guard let size = SymbolSize.with(rows: rows, columns: columns),
              var codewords = rawCodewords(size: size) else { return nil }
        for block in 0..<size.blocks {
            let indices = Self.blockIndices(block, size: size)
            var words = indices.map { codewords[$0] }
            guard ReedSolomon.correct(&words, errorCodewordCount: size.errorCodewordsPerBlock) else { return nil }
            for (index, word) in zip(indices, words) { codewords[index] = word }
        }
        return Array(codewords[..<size.dataCodewords])
    }

    /// The symbol of `size` carrying these data codewords (padded by the caller), with its error correction,
    /// finder and alignment patterns: the inverse of `payload()` before the data is interpreted. Tests use it
    /// to build symbols no encoder would write.
    init?(size: SymbolSize, dataCodewords: [UInt8]) {
        guard dataCodewords.count == size.dataCodewords else { return nil }
        var codewords = dataCodewords + [UInt8](repeating: 0, count: size.totalCodewords - size.dataCodewords)
        for block in 0..<size.blocks {
            let indices = Self.blockIndices(block, size: size)
            let data = indices.prefix { $0 < size.dataCodewords }.map { codewords[$0] }
            let check = ReedSolomon.errorCodewords(for: data, count: size.errorCodewordsPerBlock)
            for (index, word) in zip(indices.dropFirst(data.count), check) { codewords[index] = word }
        }
        let placement = ModulePlacement.of(size)
        guard placement.codewordCount == size.totalCodewords else { return nil }
        let mapping = placement.matrix(for: codewords)
        var modules = [Bool](repeating: false, count: size.rows * size.columns)
        for row in 0..<size.rows {
            for column in 0..<size.columns {
                modules[row * size.columns + column] = Self.patternModule(size: size, row: row, column: column) ?? false
            }
        }
        for row in 0..<size.mappingRows {
            for column in 0..<size.mappingColumns {
                let symbolIndex = size.symbolRow(ofMappingRow: row) * size.columns
                    + size.symbolColumn(ofMappingColumn: column)
                modules[symbolIndex] = mapping[row * size.mappingColumns + column]
            }
        }
        self.init(rows: size.rows, columns: size.columns, modules: modules)
    }

    /// All codewords as the modules place them, before any repair.
    private func rawCodewords(size: SymbolSize) -> [UInt8]? {
        let placement = ModulePlacement.of(size)
        guard placement.codewordCount == size.totalCodewords else { return nil }
        var mapping = [Bool](repeating: false, count: size.mappingRows * size.mappingColumns)
        for row in 0..<size.mappingRows {
            let symbolRow = size.symbolRow(ofMappingRow: row)
            for column in 0..<size.mappingColumns {
                mapping[row * size.mappingColumns + column] =
                    modules[symbolRow * columns + size.symbolColumn(ofMappingColumn: column)]
            }
        }
        return placement.codewords(from: mapping)
    }

    /// Codeword indices of one Reed-Solomon block: codewords are dealt to the blocks in turn, data first, then
    /// error correction (so 144 × 144, whose 1558 data codewords do not divide by 10, has two shorter blocks).
    private static func blockIndices(_ block: Int, size: SymbolSize) -> [Int] {
        Array(stride(from: block, to: size.dataCodewords, by: size.blocks))
            + (0..<size.errorCodewordsPerBlock).map { size.dataCodewords + block + $0 * size.blocks }
    }

    /// The finder or alignment module at (row from the top, column), or nil for a data module: solid lines on
    /// the left and bottom of each data region, alternating ones on its top and right.
    private static func patternModule(size: SymbolSize, row: Int, column: Int) -> Bool? {
        let rowFromBottom = size.rows - 1 - row
        if rowFromBottom % (size.regionRows + 2) == 0 || column % (size.regionColumns + 2) == 0 { return true }
        if (rowFromBottom + 1) % (size.regionRows + 2) == 0 { return column % 2 == 0 }
        if (column + 1) % (size.regionColumns + 2) == 0 { return rowFromBottom % 2 == 0 }
        return nil
    }
}
