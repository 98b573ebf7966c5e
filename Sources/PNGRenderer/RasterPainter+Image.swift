// RasterPainter+Image: RGB images resampled (nearest pixel) into their frame.

import DisplayList

extension RasterPainter {
    /// Each raster pixel whose centre lies in the frame takes the image pixel under that centre.
    mutating func draw(_ image: Image) throws {
        guard image.pixelWidth > 0, image.pixelHeight > 0,
              image.rgb.count == image.pixelWidth * image.pixelHeight * 3 else {
            throw PNGRendererError.invalidImage(width: image.pixelWidth, height: image.pixelHeight)
        }
        let x0 = image.frame.minX * scale, x1 = image.frame.maxX * scale
        let y0 = image.frame.minY * scale, y1 = image.frame.maxY * scale
        // Pixel columns/rows whose centres c + 0.5 fall in [start, end).
        let columns = max(0, Int((x0 - 0.5).rounded(.up)))..<min(raster.width, Int((x1 - 0.5).rounded(.up)))
        let rows = max(0, Int((y0 - 0.5).rounded(.up)))..<min(raster.height, Int((y1 - 0.5).rounded(.up)))
        guard !columns.isEmpty, !rows.isEmpty else { return }
        let sourceColumn = columns.map { min(image.pixelWidth - 1, Int((Double($0) + 0.5 - x0) / (x1 - x0) * Double(image.pixelWidth))) }
        let width = raster.width
        image.rgb.withUnsafeBufferPointer { source in
            raster.pixels.withUnsafeMutableBufferPointer { pixels in
                for row in rows {
                    let sourceRow = min(image.pixelHeight - 1, Int((Double(row) + 0.5 - y0) / (y1 - y0) * Double(image.pixelHeight)))
                    var offset = (row * width + columns.lowerBound) * 3
                    for column in sourceColumn {
                        let from = (sourceRow * image.pixelWidth + column) * 3
                        pixels[offset] = source[from]
                        pixels[offset + 1] = source[from + 1]
                        pixels[offset + 2] = source[from + 2]
                        offset += 3
                    }
                }
            }
        }
    }
}
