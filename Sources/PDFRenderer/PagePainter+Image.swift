// PagePainter+Image: 8-bit RGB images placed in their frame (compressed with the rest of the document).

import CHaru
import DisplayList

extension PagePainter {
    mutating func draw(_ image: Image) throws {
        guard image.pixelWidth > 0, image.pixelHeight > 0,
              image.rgb.count == image.pixelWidth * image.pixelHeight * 3 else {
            throw PDFRendererError.invalidImage(width: image.pixelWidth, height: image.pixelHeight)
        }
        let handle = try image.rgb.withUnsafeBufferPointer { pixels in
            try document.require(HPDF_LoadRawImageFromMem(document.handle, pixels.baseAddress,
                                                          HPDF_UINT(image.pixelWidth), HPDF_UINT(image.pixelHeight),
                                                          HPDF_CS_DEVICE_RGB, 8), "HPDF_LoadRawImageFromMem")
        }
        let frame = image.frame
        try document.check(HPDF_Page_DrawImage(page, handle, HPDF_REAL(frame.minX), y(frame.maxY),
                                               HPDF_REAL(frame.size.width), HPDF_REAL(frame.size.height)),
                           "HPDF_Page_DrawImage")
    }
}
