// ModulePlacement: where each codeword's eight bits sit in an ECC200 mapping matrix (ISO/IEC 16022, annex F).

/// The placement of every codeword in a mapping matrix of `rows × columns` modules (row 0 at the top).
///
/// Codewords are laid in diagonal "utah" shapes, with four special corner shapes, and bits that fall off one
/// edge wrap to the opposite one. When the matrix is not filled exactly, its bottom-right 2 × 2 corner holds a
/// fixed pattern (dark on the diagonal) that carries no data.
struct ModulePlacement {
    let rows: Int
    let columns: Int
    /// For codeword `k`, `positions[8k ..< 8k + 8]` are the matrix indices (`row × columns + column`) of its
    /// bits, most significant first.
    let positions: [Int]
    /// Modules of the fixed corner pattern, with their colour, when the placement leaves the corner empty.
    let fixedModules: [(index: Int, dark: Bool)]

    var codewordCount: Int { positions.count / 8 }

    init(rows: Int, columns: Int) {
        var builder = Builder(rows: rows, columns: columns)
        builder.run()
        self.rows = rows
        self.columns = columns
        self.positions = builder.positions
        self.fixedModules = builder.fixedModules
    }

    /// The codewords read from a mapping matrix (`true` = dark = bit 1).
    func codewords(from matrix: [Bool]) -> [UInt8] {
        (0..<codewordCount).map { codeword in
            var value: UInt8 = 0
            for bit in 0..<8 where matrix[positions[codeword * 8 + bit]] {
                value |= 0x80 >> UInt8(bit)
            }
            return value
        }
    }

    /// The mapping matrix that carries these codewords (the inverse of `codewords(from:)`).
    func matrix(for codewords: [UInt8]) -> [Bool] {
        var matrix = [Bool](repeating: false, count: rows * columns)
        for (codeword, value) in codewords.prefix(codewordCount).enumerated() {
            for bit in 0..<8 {
                matrix[positions[codeword * 8 + bit]] = value & (0x80 >> UInt8(bit)) != 0
            }
        }
        for module in fixedModules {
            matrix[module.index] = module.dark
        }
        return matrix
    }

    /// The annex F algorithm, recording positions instead of writing bits.
    private struct Builder {
        let rows: Int
        let columns: Int
        var assigned: [Bool]
        var positions: [Int] = []
        var fixedModules: [(index: Int, dark: Bool)] = []

        init(rows: Int, columns: Int) {
            self.rows = rows
            self.columns = columns
            self.assigned = [Bool](repeating: false, count: rows * columns)
        }

        mutating func run() {
            var row = 4
            var column = 0
            repeat {
                // The corner shapes replace the utah shape where it would leave the matrix.
                if row == rows && column == 0 { corner1() }
                if row == rows - 2 && column == 0 && columns % 4 != 0 { corner2() }
                if row == rows - 2 && column == 0 && columns % 8 == 4 { corner3() }
                if row == rows + 4 && column == 2 && columns % 8 == 0 { corner4() }
                // Sweep up and to the right…
                repeat {
                    if row < rows && column >= 0 && !assigned[row * columns + column] { utah(row, column) }
                    row -= 2
                    column += 2
                } while row >= 0 && column < columns
                row += 1
                column += 3
                // …then down and to the left.
                repeat {
                    if row >= 0 && column < columns && !assigned[row * columns + column] { utah(row, column) }
                    row += 2
                    column -= 2
                } while row < rows && column >= 0
                row += 3
                column += 1
            } while row < rows || column < columns
            let last = rows * columns - 1
            if !assigned[last] {
                fixedModules = [(last, true), (last - 1, false), (last - columns, false), (last - columns - 1, true)]
            }
        }

        /// Records one bit of the codeword being placed, wrapping positions that fall off the matrix.
        private mutating func module(_ row: Int, _ column: Int) {
            var row = row
            var column = column
            if row < 0 {
                row += rows
                column += 4 - ((rows + 4) % 8)
            }
            if column < 0 {
                column += columns
                row += 4 - ((columns + 4) % 8)
            }
            let index = row * columns + column
            assigned[index] = true
            positions.append(index)
        }

        /// The nominal shape: bit 1 (most significant) top-left, bit 8 at (row, column).
        private mutating func utah(_ row: Int, _ column: Int) {
            module(row - 2, column - 2)
            module(row - 2, column - 1)
            module(row - 1, column - 2)
            module(row - 1, column - 1)
            module(row - 1, column)
            module(row, column - 2)
            module(row, column - 1)
            module(row, column)
        }

        private mutating func corner1() {
            module(rows - 1, 0)
            module(rows - 1, 1)
            module(rows - 1, 2)
            module(0, columns - 2)
            module(0, columns - 1)
            module(1, columns - 1)
            module(2, columns - 1)
            module(3, columns - 1)
        }

        private mutating func corner2() {
            module(rows - 3, 0)
            module(rows - 2, 0)
            module(rows - 1, 0)
            module(0, columns - 4)
            module(0, columns - 3)
            module(0, columns - 2)
            module(0, columns - 1)
            module(1, columns - 1)
        }

        private mutating func corner3() {
            module(rows - 3, 0)
            module(rows - 2, 0)
            module(rows - 1, 0)
            module(0, columns - 2)
            module(0, columns - 1)
            module(1, columns - 1)
            module(2, columns - 1)
            module(3, columns - 1)
        }

        private mutating func corner4() {
            module(rows - 1, 0)
            module(rows - 1, columns - 1)
            module(0, columns - 3)
            module(0, columns - 2)
            module(0, columns - 1)
            module(1, columns - 3)
            module(1, columns - 2)
            module(1, columns - 1)
        }
    }
}

extension ModulePlacement {
    /// The placement of a symbol size, walked once per process: it depends on the size alone (30 of them), and
    /// every encode's read-back and every region a reader decodes needs it.
    static func of(_ size: SymbolSize) -> ModulePlacement {
        placements["\(size.mappingRows)x\(size.mappingColumns)"] ?? ModulePlacement(rows: size.mappingRows, columns: size.mappingColumns)
    }

    private static let placements: [String: ModulePlacement] = Dictionary(
        SymbolSize.all.map { ("\($0.mappingRows)x\($0.mappingColumns)", ModulePlacement(rows: $0.mappingRows, columns: $0.mappingColumns)) },
        uniquingKeysWith: { first, _ in first })
}
