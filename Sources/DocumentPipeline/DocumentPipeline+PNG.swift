// DocumentPipeline+PNG: the raster path — one page, at the requested density.
import DisplayList
import PNGRenderer

extension DocumentPipeline {
    func renderPNG(_ pages: [Page], dpi: Double) throws -> [UInt8] {
        // The four documents are one page each (layout fails rather than spill onto a second one).
        guard pages.count == 1 else { throw DocumentPipelineError.notOnePage(pages.count) }
        return try png.render(page: pages[0], dpi: dpi)
    }
}
