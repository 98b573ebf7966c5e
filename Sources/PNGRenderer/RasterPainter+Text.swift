// RasterPainter+Text: text runs as cached FreeType glyph bitmaps at layout's unhinted advances.

import CFreeType
import DisplayList
import Typography

extension RasterPainter {
    mutating func draw(_ run: TextRun) throws {
        guard !run.text.isEmpty else { return }
        let face = try fonts.face(run.font)
        guard let ftFace = context.faces[run.font] else { throw TypographyError.unknownFace(run.font, available: fonts.faces) }
        let pixelsPerEm = run.size * scale
        let key = (ppem: Int((pixelsPerEm * 64).rounded()), scale: Int((run.horizontalScale * 65536).rounded()))
        // Pen positions come from layout's metrics (design units, no kerning), never from FreeType's advances.
        let pixelsPerUnit = pixelsPerEm * run.horizontalScale / Double(face.unitsPerEm)
        let startX = run.origin.x * scale
        let baseline = quarterPixels(run.origin.y * scale)
        var penUnits = 0
        for scalar in run.text.unicodeScalars {
            let glyph = face.glyph(for: scalar)
            let pen = quarterPixels(startX + Double(penUnits) * pixelsPerUnit)
            penUnits += face.advanceUnits(ofGlyph: glyph)
            let glyphKey = GlyphKey(face: run.font, glyph: glyph, pixelsPerEm: key.ppem, scale: key.scale,
                                    offsetX: pen.fraction, offsetY: baseline.fraction)
            let bitmap = try cachedGlyph(glyphKey, face: ftFace, unitsPerEm: face.unitsPerEm)
            composite(bitmap, x: pen.whole + bitmap.left, y: baseline.whole - bitmap.top, color: run.color)
        }
    }

    /// A pixel coordinate rounded to the nearest quarter pixel: whole pixels and quarters (0…3).
    private func quarterPixels(_ value: Double) -> (whole: Int, fraction: UInt8) {
        let quarters = Int((value * 4).rounded())
        return (quarters >> 2, UInt8(quarters & 3))
    }

    private func cachedGlyph(_ key: GlyphKey, face: FT_Face, unitsPerEm: Int) throws -> GlyphBitmap {
        if let cached = context.glyphs[key] { return cached }
        let bitmap = try renderGlyph(key, face: face, unitsPerEm: unitsPerEm)
        if context.glyphs.count >= RasterContext.glyphCacheLimit { context.glyphs.removeAll(keepingCapacity: true) }
        context.glyphs[key] = bitmap
        return bitmap
    }

    /// Loads the outline in design units (unscaled, unhinted: no integer-ppem rounding, no grid fitting), scales
    /// it with the run's horizontal compression and sub-pixel offset, and renders 8-bit coverage.
    private func renderGlyph(_ key: GlyphKey, face: FT_Face, unitsPerEm: Int) throws -> GlyphBitmap {
        let flags = FT_Int32(FT_LOAD_NO_SCALE | FT_LOAD_NO_HINTING | FT_LOAD_NO_BITMAP)
        var status = FT_Load_Glyph(face, FT_UInt(key.glyph), flags)
        guard status == 0, let slot = face.pointee.glyph else {
            throw PNGRendererError.freeType(operation: "FT_Load_Glyph(\(key.glyph))", code: status)
        }
        // Design units to 26.6 pixels, as a 16.16 matrix.
        let unitsTo26dot6 = Double(key.pixelsPerEm) / Double(unitsPerEm)
        var matrix = FT_Matrix(xx: FT_Fixed((unitsTo26dot6 * Double(key.scale)).rounded()), xy: 0, yx: 0,
                               yy: FT_Fixed((unitsTo26dot6 * 65536).rounded()))
        FT_Outline_Transform(&slot.pointee.outline, &matrix)
        // y is up in FreeType, down on the page: a pen lower on the page moves the outline down.
        FT_Outline_Translate(&slot.pointee.outline, FT_Pos(key.offsetX) * 16, -FT_Pos(key.offsetY) * 16)
        status = FT_Render_Glyph(slot, FT_RENDER_MODE_NORMAL)
        guard status == 0 else { throw PNGRendererError.freeType(operation: "FT_Render_Glyph(\(key.glyph))", code: status) }
        let bitmap = slot.pointee.bitmap
        let width = Int(bitmap.width)
        let rows = Int(bitmap.rows)
        var coverage = [UInt8](repeating: 0, count: width * rows)
        if width > 0, rows > 0, let buffer = bitmap.buffer {
            let pitch = Int(bitmap.pitch)
            // Quantised here, once per cached glyph, rather than at each pixel of each time it is drawn.
            let levels = Blend.quantisedBytes
            for row in 0..<rows {
                let source = pitch >= 0 ? buffer + row * pitch : buffer + (rows - 1 - row) * -pitch
                for column in 0..<width { coverage[row * width + column] = levels[Int(source[column])] }
            }
        }
        return GlyphBitmap(left: Int(slot.pointee.bitmap_left), top: Int(slot.pointee.bitmap_top),
                           width: width, rows: rows, coverage: coverage)
    }

    /// Blends a coverage bitmap in `color` with its top-left pixel at (x, y), clipped to the raster.
    private mutating func composite(_ bitmap: GlyphBitmap, x: Int, y: Int, color: Color) {
        guard bitmap.width > 0, bitmap.rows > 0 else { return }
        let width = raster.width
        let firstRow = max(0, -y)
        let lastRow = min(bitmap.rows, raster.height - y)
        let firstColumn = max(0, -x)
        let lastColumn = min(bitmap.width, width - x)
        guard firstRow < lastRow, firstColumn < lastColumn else { return }
        bitmap.coverage.withUnsafeBufferPointer { coverage in
            raster.pixels.withUnsafeMutableBufferPointer { pixels in
                let base = pixels.baseAddress!
                for row in firstRow..<lastRow {
                    var offset = ((y + row) * width + x + firstColumn) * 3
                    var index = row * bitmap.width + firstColumn
                    for _ in firstColumn..<lastColumn {
                        Blend.pixel(base + offset, color: color, quantisedCoverage: UInt32(coverage[index]))
                        offset += 3
                        index += 1
                    }
                }
            }
        }
    }
}
