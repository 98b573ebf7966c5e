// DocumentPipeline+PNG: the raster path (until PNGRenderer lands on this branch, it reports itself missing).
import DisplayList

extension DocumentPipeline {
    func renderPNG(_ pages: [Page], dpi: Double) throws -> [UInt8] {
        guard pages.count == 1 else { throw DocumentPipelineError.notOnePage(pages.count) }
        throw DocumentPipelineError.notOnePage(0)
    }
}
