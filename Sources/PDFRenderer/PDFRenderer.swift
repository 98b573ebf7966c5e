// PDFRenderer: display-list pages to PDF/A-1b bytes through libharu, with per-document font subsets.

import CHaru
public import DisplayList
import Synchronization
public import Typography

/// Turns pages into a PDF. Create one per process and share it (it is `Sendable`): it subsets the fonts once
/// and keeps a small pool of libharu handles whose fonts are already parsed.
///
/// What it writes: PDF/A-1b (ISO 19005-1, level B), one PDF page per `Page`, left transparent (no background: see
/// `Page.background`); text in embedded composite fonts, extractable character for character; shapes and RGB
/// images in DeviceRGB, given their meaning by an sRGB output intent. Metadata and dates come from
/// `DocumentInfo`, the file identifier is a hash of the file's content and compression is on, so the same pages
/// and info give the same bytes. `Scripts/pdfa-check.sh` validates the output with Apache PDFBox Preflight.
public struct PDFRenderer: Sendable {
    let fonts: FontSet
    let engine: PDFEngine

    /// `colorProfile`: the RGB ICC profile of the PDF/A output intent, read once; by default Debian's
    /// icc-profiles-free sRGB (ICC 2.3, 6,922 bytes, ~2.4 KB compressed in each PDF), installed by
    /// Scripts/install-system-packages.sh.
    public init(fonts: FontSet, colorProfile: String = "/usr/share/color/icc/sRGB.icc") {
        self.fonts = fonts
        self.engine = PDFEngine(fonts: fonts, colorProfile: colorProfile)
    }

    /// The libharu PDFRenderer was written for. shim.h refuses other headers at compile time; this checks the
    /// shared library actually loaded, which an upgrade can change under a built binary.
    public static let requiredLibharuVersion = "2.3.0"

    /// The version of the libharu loaded in this process.
    public static var loadedLibharuVersion: String { String(cString: HPDF_GetVersion()) }

    /// Throws `unsupportedLibharu` unless `found` is the required version (the service calls it at start).
    public static func checkLibharu(found: String = loadedLibharuVersion) throws(PDFRendererError) {
        guard found == requiredLibharuVersion else { throw .unsupportedLibharu(found: found, required: requiredLibharuVersion) }
    }

    /// The PDF of `pages`, in order.
    public func render(pages: [Page], info: DocumentInfo) throws -> [UInt8] {
        try engine.withDocument { document in
            // Tagged (PDF/UA-1, PDF/A-1a) when every page carries its structure, as laid-out documents do.
            let tagged = !pages.isEmpty && pages.allSatisfy { !$0.structure.isEmpty }
            try RenderPhases.measure(.metadata) { try document.begin(info: info, tagged: tagged) }
            let documentFonts = try RenderPhases.measure(.fontSubsetting) { try document.prepareFonts(usedCharacters(pages)) }
            try RenderPhases.measure(.pageContent) {
                var taggedPages: [HaruDocument.TaggedPage] = []
                for page in pages {
                    let handle = try document.addPage(size: page.size)
                    var painter = PagePainter(document: document, page: handle, height: page.size.height,
                                              documentFonts: documentFonts)
                    let marks = tagged ? ContentMarks(page) : ContentMarks(Page(size: page.size))
                    for (index, item) in page.items.enumerated() {
                        if marks.isTagged { try painter.beginMark(marks.marks[index]) }
                        switch item {
                        case let .text(run): try painter.draw(run)
                        case let .shape(shape): try painter.draw(shape)
                        case let .image(image): try painter.draw(image)
                        }
                        if marks.isTagged { try painter.endMark() }
                    }
                    try document.compressContent(of: handle)
                    taggedPages.append(HaruDocument.TaggedPage(handle: handle, structure: page.structure, marks: marks))
                }
                if tagged { try document.writeStructure(taggedPages, language: info.language) }
            }
            return try RenderPhases.measure(.compressionAndWriting) { try document.save() }
        }
    }

    /// True when PDFs can carry `scalar` in every face with its text extractable: ISO 8859-1..4, Latin
    /// Extended-A and common punctuation (see EmbeddedFonts.repertoire). Layout may check text with it.
    public func supports(_ scalar: Unicode.Scalar) -> Bool {
        (try? engine.embedded.get().supports(scalar)) ?? false
    }

    /// Every character of every text run, per face, sorted (so the font objects are deterministic). Throws for a
    /// character the embedded fonts do not carry.
    private func usedCharacters(_ pages: [Page]) throws -> [(face: FontID, scalars: [Unicode.Scalar])] {
        let embedded = try engine.embedded.get()
        var used: [FontID: ScalarSet] = [:]
        for page in pages {
            for item in page.items {
                switch item {
                case let .text(run):
                    _ = try fonts.face(run.font)   // an unknown face fails here, by name
                    var set = used.removeValue(forKey: run.font) ?? ScalarSet(bound: EmbeddedFonts.bound)
                    for scalar in run.text.unicodeScalars {
                        guard embedded.supports(scalar) else {
                            throw PDFRendererError.unsupportedCharacter(scalar, text: run.text)
                        }
                        set.insert(scalar)
                    }
                    used[run.font] = set
                case .shape, .image:
                    continue   // no characters
                }
            }
        }
        return used.keys.sorted().map { ($0, used[$0]!.sorted) }
    }
}

/// The renderer's shared state: the embedded font files, the colour profile and the pool of idle libharu handles.
final class PDFEngine: Sendable {
    let embedded: Result<EmbeddedFonts, any Error>
    let colorProfile: Result<ColorProfile, any Error>
    /// Compressed font files by face and glyph set, shared by every handle.
    let fontFiles = FontFileCache()
    private let idle = Mutex<[HaruDocument]>([])
    /// Handles kept for reuse; more concurrent renders than this create and free their own.
    private static let poolLimit = 8

    init(fonts: FontSet, colorProfile: String) {
        embedded = Result { try EmbeddedFonts(fonts: fonts) }
        self.colorProfile = Result { try ColorProfile(path: colorProfile) }
    }

    /// Runs `body` with a handle no other render uses. A handle that failed is freed rather than reused.
    func withDocument<T>(_ body: (HaruDocument) throws -> T) throws -> T {
        let fonts = try embedded.get()
        let document = try idle.withLock { $0.popLast() } ?? HaruDocument(fonts: fonts, profile: colorProfile.get(), fontFiles: fontFiles)
        let result = try body(document)
        idle.withLock { pool in
            if pool.count < Self.poolLimit { pool.append(document) }
        }
        return result
    }
}
