// PNGEncodingTests: the indexed writer gives back every pixel, whatever the runs, repeated rows and stream length.

import DisplayList
import EngineTestSupport
@testable import PNGRenderer
import Testing

struct PNGEncodingTests {
    /// A raster of up to 200 colours: runs of every length from 1 to 40 (the palette reads runs 8 pixels at a time),
    /// rows repeated from the one above, and noisy rows that make the compressed stream span several 8 KiB IDAT
    /// chunks. An odd width puts run boundaries at every offset. libpng's own reader must return each pixel.
    @Test(arguments: [1, 7, 1013])
    func everyPixelReadsBack(_ width: Int) throws {
        var raster = Raster(width: width, height: 300, background: Color(red: 250, green: 250, blue: 250))
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        func next() -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int(truncatingIfNeeded: state >> 33)
        }
        func colour(_ index: Int) -> (UInt8, UInt8, UInt8) { (UInt8(index * 37 % 256), UInt8(index * 11 % 256), UInt8(index % 200)) }
        for row in 0..<raster.height {
            let base = row * width * 3
            if row % 5 == 1 {
                // The row above, again.
                for offset in 0..<(width * 3) { raster.pixels[base + offset] = raster.pixels[base - width * 3 + offset] }
                continue
            }
            var column = 0
            while column < width {
                let run = row % 7 == 3 ? 1 : 1 + next() % 40
                let (r, g, b) = colour(next() % 200)
                for x in column..<min(width, column + run) {
                    (raster.pixels[base + x * 3], raster.pixels[base + x * 3 + 1], raster.pixels[base + x * 3 + 2]) = (r, g, b)
                }
                column += run
            }
        }
        let png = try PNGEncoding.encode(raster)
        #expect(png[25] == 3, "written with a palette (colour type 3)")
        let image = try RGBImage(png: png)
        #expect(image.width == width && image.height == raster.height)
        #expect(image.pixels == raster.pixels)
        if width == 1013 {
            let idat = Array("IDAT".utf8)
            let chunks = (0..<(png.count - 4)).filter { Array(png[$0..<($0 + 4)]) == idat }.count
            #expect(chunks > 1, "the stream spans several IDAT chunks")
        }
    }
}
