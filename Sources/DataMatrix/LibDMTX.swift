// LibDMTX: every libdmtx call and handle of the module: encoding, the size table, and finding symbols in images.

import CDataMatrix

/// The only file that touches libdmtx. Each call creates its own handles and destroys them on every path
/// (`defer`), so calls share nothing and may run on any thread; no C type leaves this file.
enum LibDMTX {
    /// The single-scheme encoders used (see `DataMatrixSymbol.init(encoding:)` for why not the optimiser).
    enum Scheme {
        case c40
        case ascii

        fileprivate var value: Int32 {
            switch self {
            case .c40: DmtxSchemeC40.rawValue
            case .ascii: DmtxSchemeAscii.rawValue
            }
        }
    }

    /// A symbol libdmtx located and fitted: its size, where its modules are, and the two colours it found on
    /// the finder pattern.
    struct Region {
        let size: SymbolSize
        /// Symbol coordinates (0…1 across, 0…1 up from the finder's corner) to full-resolution image pixels
        /// (y down from the top row).
        let transform: FitTransform
        /// Grey levels of the finder's modules and of the alternate timing modules.
        let onColor: Int
        let offColor: Int
    }

    // MARK: - Sizes

    static func symbolSizes() -> [SymbolSize] {
        let count = Int(DmtxSymbolSquareCount + DmtxSymbolRectCount)
        return (0..<count).map { index in
            func attribute(_ attribute: DmtxSymAttribute) -> Int {
                Int(dmtxGetSymbolAttribute(Int32(attribute.rawValue), Int32(index)))
            }
            return SymbolSize(
                index: index,
                rows: attribute(DmtxSymAttribSymbolRows),
                columns: attribute(DmtxSymAttribSymbolCols),
                regionRows: attribute(DmtxSymAttribDataRegionRows),
                regionColumns: attribute(DmtxSymAttribDataRegionCols),
                horizontalRegions: attribute(DmtxSymAttribHorizDataRegions),
                verticalRegions: attribute(DmtxSymAttribVertDataRegions),
                dataCodewords: attribute(DmtxSymAttribSymbolDataWords),
                blocks: attribute(DmtxSymAttribInterleavedBlocks),
                errorCodewordsPerBlock: attribute(DmtxSymAttribBlockErrorWords))
        }
    }

    // MARK: - Encoding

    /// The smallest square symbol holding `bytes` in `scheme`, or nil when it does not fit (or the scheme
    /// cannot encode the bytes).
    static func encode(_ bytes: [UInt8], scheme: Scheme) throws(DataMatrixError) -> DataMatrixSymbol? {
        guard let encoder = dmtxEncodeCreate() else { throw .encodingFailed(reason: "dmtxEncodeCreate failed") }
        defer {
            var handle: UnsafeMutablePointer<DmtxEncode>? = encoder
            dmtxEncodeDestroy(&handle)
        }
        dmtxEncodeSetProp(encoder, Int32(DmtxPropScheme.rawValue), scheme.value)
        dmtxEncodeSetProp(encoder, Int32(DmtxPropSizeRequest.rawValue), DmtxSymbolSquareAuto.rawValue)
        // libdmtx always renders an image too: one grey byte per module and no margin keep it tiny.
        dmtxEncodeSetProp(encoder, Int32(DmtxPropModuleSize.rawValue), 1)
        dmtxEncodeSetProp(encoder, Int32(DmtxPropMarginSize.rawValue), 0)
        dmtxEncodeSetProp(encoder, Int32(DmtxPropPixelPacking.rawValue), Int32(DmtxPack8bppK.rawValue))
        // libdmtx takes the input as `unsigned char *` but only reads it.
        var input = bytes
        let status = input.withUnsafeMutableBufferPointer { buffer in
            dmtxEncodeDataMatrix(encoder, Int32(buffer.count), buffer.baseAddress)
        }
        guard status == UInt32(DmtxPass), let message = encoder.pointee.message else { return nil }
        let sizeIndex = encoder.pointee.region.sizeIdx
        let rows = Int(encoder.pointee.region.symbolRows)
        let columns = Int(encoder.pointee.region.symbolCols)
        guard rows > 0, columns > 0 else { return nil }
        // The message array, through libdmtx's own accessor (which also draws the finder and alignment
        // patterns), rather than the rendered pixels: no image orientation to get wrong. Its rows count up.
        var modules = [Bool](repeating: false, count: rows * columns)
        for row in 0..<rows {
            for column in 0..<columns {
                let status = dmtxSymbolModuleStatus(message, sizeIndex, Int32(rows - 1 - row), Int32(column))
                modules[row * columns + column] = status & Int32(DmtxModuleOnRGB) != 0
            }
        }
        return DataMatrixSymbol(rows: rows, columns: columns, modules: modules)
    }

    // MARK: - Finding symbols

    /// Calls `body` with each symbol libdmtx locates in an 8-bit grey image (rows top first) until `body`
    /// answers false or `timeoutMilliseconds` have passed. The scan runs on the image shrunk `shrink` times
    /// (libdmtx samples every `shrink`-th pixel); regions come back mapped to the full-resolution image.
    static func findRegions(in pixels: UnsafeBufferPointer<UInt8>, width: Int, height: Int, shrink: Int,
                            scanGap: Int, minimumSymbolSide: Int, timeoutMilliseconds: Int,
                            _ body: (Region) -> Bool) throws(DataMatrixError) {
        guard let base = pixels.baseAddress, pixels.count >= width * height else {
            throw .decodingFailed(reason: "no pixels")
        }
        // libdmtx takes the pixels as `unsigned char *`, but only writes to images it renders itself.
        guard let image = dmtxImageCreate(UnsafeMutablePointer(mutating: base), Int32(width), Int32(height),
                                          Int32(DmtxPack8bppK.rawValue)) else {
            throw .decodingFailed(reason: "dmtxImageCreate failed")
        }
        defer {
            var handle: UnsafeMutablePointer<DmtxImage>? = image
            dmtxImageDestroy(&handle)
        }
        // Rows top first, as PNG stores them: libdmtx's y then counts up from the bottom row.
        dmtxImageSetProp(image, Int32(DmtxPropImageFlip.rawValue), Int32(DmtxFlipNone.rawValue))
        guard let decoder = dmtxDecodeCreate(image, Int32(shrink)) else {
            throw .decodingFailed(reason: "dmtxDecodeCreate failed")
        }
        defer {
            var handle: UnsafeMutablePointer<DmtxDecode>? = decoder
            dmtxDecodeDestroy(&handle)
        }
        // Both in full-resolution pixels (libdmtx divides by the shrink factor).
        dmtxDecodeSetProp(decoder, Int32(DmtxPropScanGap.rawValue), Int32(scanGap))
        dmtxDecodeSetProp(decoder, Int32(DmtxPropEdgeMin.rawValue), Int32(minimumSymbolSide))
        let scaledWidth = Int(dmtxDecodeGetProp(decoder, Int32(DmtxPropWidth.rawValue)))
        let scaledHeight = Int(dmtxDecodeGetProp(decoder, Int32(DmtxPropHeight.rawValue)))

        var deadline = dmtxTimeAdd(dmtxTimeNow(), timeoutMilliseconds)
        while let located = dmtxRegionFindNext(decoder, &deadline) {
            let fitted = located.pointee
            var handle: UnsafeMutablePointer<DmtxRegion>? = located
            dmtxRegionDestroy(&handle)
            let m = fitted.fit2raw
            let scaled = FitTransform(matrix: [m.0.0, m.0.1, m.0.2, m.1.0, m.1.1, m.1.2, m.2.0, m.2.1, m.2.2])
            var more = true
            if let size = SymbolSize.all.first(where: { $0.index == Int(fitted.sizeIdx) }) {
                more = body(Region(size: size, transform: scaled.toImage(scale: shrink, imageHeight: height),
                                   onColor: Int(fitted.onColor), offColor: Int(fitted.offColor)))
            }
            markSearched(decoder, transform: scaled, width: scaledWidth, height: scaledHeight)
            if !more || dmtxTimeExceeded(deadline) != 0 { break }
        }
    }

    /// Flags the symbol's area (with a tenth of its side around it) as searched, so the scan does not find it
    /// again from the next grid point. This is what `dmtxDecodeMatrixRegion` does (bit 0x80 of the scan
    /// cache, `CacheFillQuad` in libdmtx 0.7.7); we read the modules ourselves (see `Encodation`), so we
    /// set the bit ourselves.
    private static func markSearched(_ decoder: UnsafeMutablePointer<DmtxDecode>, transform: FitTransform,
                                     width: Int, height: Int) {
        let corners = [(-0.1, -0.1), (1.1, -0.1), (1.1, 1.1), (-0.1, 1.1)].compactMap { transform.apply($0.0, $0.1) }
        guard corners.count == 4, corners.allSatisfy({ $0.x.isFinite && $0.y.isFinite }) else { return }
        // Clamped while still Double: a wild fit must not overflow the conversion to Int.
        func clamped(_ value: Double, _ limit: Int) -> Int { Int(min(max(value, 0), Double(limit - 1))) }
        let xs = corners.map(\.x), ys = corners.map(\.y)
        let left = clamped(xs.min()!.rounded(.down), width), right = clamped(xs.max()!.rounded(.up), width)
        let bottom = clamped(ys.min()!.rounded(.down), height), top = clamped(ys.max()!.rounded(.up), height)
        guard left <= right, bottom <= top else { return }
        for y in bottom...top {
            for x in left...right where FitTransform.quad(corners, contains: (Double(x), Double(y))) {
                dmtxDecodeGetCache(decoder, Int32(x), Int32(y))?.pointee |= 0x80
            }
        }
    }
}
