// PagePainter+Marks: marked-content sequences around each item (BDC/BMC … EMC), written into the content stream
// directly: libharu 2.3.0 has no marked-content calls (hpdf.h lists BDC and EMC as not implemented).

import CHaru
import DisplayList

extension PagePainter {
    /// Opens the item's sequence: `/P <</MCID 3>> BDC`, `/Artifact BMC`, or a pagination artifact.
    func beginMark(_ mark: ContentMarks.Mark) throws {
        let operator_: String = switch mark {
        case .content(let tag, let mcid): "/\(tag.rawValue) <</MCID \(mcid)>> BDC\n"
        case .artifact(.layout): "/Artifact BMC\n"
        case .artifact(.pagination): "/Artifact <</Type /Pagination>> BDC\n"
        }
        try document.check(HPDF_Stream_WriteStr(contentStream, operator_), "BDC")
    }

    func endMark() throws {
        try document.check(HPDF_Stream_WriteStr(contentStream, "EMC\n"), "EMC")
    }
}
