// DocumentPipeline: record → description → pages → PDF or PNG bytes; the one module that knows both renderers.
public import DisplayList
// Callers (the HTTP service, the CLI) need ResourceLocator and DocumentKind with the pipeline: one import gives both.
@_exported public import Documents
import DocumentLayout
import Foundation
import Synchronization
import DataMatrix
import PDFRenderer
import PNGRenderer
import TeleserviceRules
public import Typography

/// Loads fonts and templates once, then renders any number of documents, concurrently if asked (every part is
/// immutable and `Sendable`). Deterministic: the same record gives the same bytes, dated from the record.
public final class DocumentPipeline: Sendable {
    public let resources: ResourceLocator
    public let fonts: FontSet
    public let templates: TemplateLibrary
    let layout: DocumentLayout
    let pdf: PDFRenderer
    let png: PNGRenderer
    /// A fingerprint of what rendering depends on besides the record: the engine's version and the bytes of the
    /// templates and fonts. Equal on every replica of one build with the same files.
    public let contentVersion: String

    /// Bumped when the engine's output changes for the same templates and fonts (a renderer fix, PDF/A, the seal).
    public static let engineVersion = "2026-11-30.seal"

    /// Printed under every seal: where anyone can check the document (SEAL.md, "Symbol").
    public let verificationAddress: String

    /// The address printed under seals when the deployment names none.
    public static let defaultVerificationAddress = "http://127.0.0.1:8080/v1/verifications"

    /// The densities a PNG may be asked at: below 18 dpi a card is a smudge, above 1200 an A4 page is 140 MB.
    public static let dpiRange: ClosedRange<Double> = 18...1200

    /// Checks the loaded libharu, loads the fonts and the four templates from `resources`, and checks that every face
    /// a template names exists and draws every fixed text of the templates. Throws naming the file (and line) to fix.
    public init(resources: ResourceLocator, verificationAddress: String = DocumentPipeline.defaultVerificationAddress) throws {
        // Before anything is rendered: a libharu other than the one whose internal structs we read would corrupt memory.
        try PDFRenderer.checkLibharu()
        self.resources = resources
        self.verificationAddress = verificationAddress
        fonts = try FontSet(directory: resources.fontsDirectory)
        templates = try TemplateLibrary(directory: resources.templatesDirectory)
        let measuring = try FontSetMeasuring(fonts: fonts)
        try Self.check(templates, against: measuring, fonts: fonts)
        layout = DocumentLayout(measuring: measuring)
        // Every seal prints the verification address: one too long for two caption lines would make documents
        // taller than their templates allow, so it is refused here, at start, rather than at some download.
        for template in templates.all {
            for seal in template.sealBlocks {
                do { try layout.checkCaption(Self.verificationCaption(verificationAddress), under: seal) } catch {
                    throw DocumentPipelineError.verificationAddressTooLong(verificationAddress, error.description)
                }
            }
        }
        contentVersion = try Self.fingerprint(of: resources)
        pdf = PDFRenderer(fonts: fonts)
        png = PNGRenderer(fonts: fonts)
    }

    /// The document of `record` as PDF or PNG, with its seal when given. `dpi` applies to PNG only (a PDF is vector
    /// and true size). The seal was signed once, at issue; here it is only encoded as a symbol and drawn, so the same
    /// record and seal always give the same bytes.
    public func render(_ record: DocumentRecord, seal: DocumentSeal? = nil, format: OutputFormat,
                       dpi: Double = 300) throws -> [UInt8] {
        let description = try describe(record, seal: seal)
        // The reading structure is for the tagged PDF only.
        var pages = try RenderPhases.measure(.bindingAndLayout) { try layout.layout(description, structured: format == .pdf) }
        if case .card = record, format == .pdf, let seal {
            // The print copy: the bare face on a sheet with the seal beside it (SEAL.md); the screen PNG stays bare.
            let symbol = try RenderPhases.measure(.sealSymbol) { try Self.symbol(for: seal.text) }
            pages = [try RenderPhases.measure(.bindingAndLayout) { try layout.printSheet(card: pages[0], symbol: symbol, caption: caption(seal)) }]
        }
        switch format {
        case .pdf:
            return try pdf.render(pages: pages, info: description.info)
        case .png:
            guard Self.dpiRange.contains(dpi) else { throw DocumentPipelineError.dpiOutOfRange(dpi) }
            return try renderPNG(pages, dpi: dpi)
        }
    }

    /// The bound description of `record` (template order, strings resolved): for tests and diagnostics.
    public func describe(_ record: DocumentRecord) -> DocumentDescription {
        switch record {
        case .certificate(let content): templates.template(for: .certificate).bind(content)
        case .card(let content): templates.template(for: .card).bind(content)
        case .acknowledgement(let content): templates.template(for: .acknowledgement).bind(content)
        case .proxyConfirmation(let content): templates.template(for: .proxyConfirmation).bind(content)
        }
    }

    /// FNV-1a (64 bits) over the engine version and every template and font file, in name order. Not a security
    /// hash: it only has to change when they change.
    static func fingerprint(of resources: ResourceLocator) throws -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        func mix<Bytes: Sequence<UInt8>>(_ bytes: Bytes) { for byte in bytes { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 } }
        mix(engineVersion.utf8)
        for directory in [resources.templatesDirectory, resources.fontsDirectory] {
            for name in try FileManager.default.contentsOfDirectory(atPath: directory).sorted() {
                // Templates/web/ holds the site's pages, which no document is made from.
                var isDirectory: ObjCBool = false
                let path = (directory as NSString).appendingPathComponent(name)
                if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue { continue }
                mix(name.utf8)
                mix(try Data(contentsOf: URL(fileURLWithPath: directory).appendingPathComponent(name)))
            }
        }
        return String(hash, radix: 16)
    }

    /// The bound description with the seal's symbol and caption in the template's `seal` block.
    public func describe(_ record: DocumentRecord, seal: DocumentSeal?) throws -> DocumentDescription {
        let description = RenderPhases.measure(.bindingAndLayout) { describe(record) }
        guard let seal, description.hasSealBlock else { return description }
        let symbol = try RenderPhases.measure(.sealSymbol) { try Self.symbol(for: seal.text) }
        return description.sealed(with: symbol, caption: caption(seal))
    }

    /// SEAL.md: beside the symbol, the document id and the address of the verification page.
    func caption(_ seal: DocumentSeal) -> [String] {
        ["N° \(seal.documentID)", Self.verificationCaption(verificationAddress)]
    }

    static func verificationCaption(_ address: String) -> String { "Vérification : \(address)" }

    /// The seal text as a DataMatrix symbol (ECC200, square).
    public static func symbol(for sealText: String) throws -> SealSymbol {
        // A seal is signed once and drawn at every render of its document (and read by its twin): its symbol —
        // a libdmtx encode and a full read-back — is kept, up to a bound, rather than made again each time.
        if let known = symbols.withLock({ $0[sealText] }) { return known }
        let symbol = try encodedSymbol(for: sealText)
        symbols.withLock { cache in
            if cache.count >= symbolCacheLimit { cache.removeAll(keepingCapacity: true) }
            cache[sealText] = symbol
        }
        return symbol
    }

    /// The symbol made anew, without the cache: what `symbol(for:)` does on a first sight (and what the bench times).
    public static func encodedSymbol(for sealText: String) throws -> SealSymbol {
        let matrix = try DataMatrixSymbol(encoding: Array(sealText.utf8))
        return SealSymbol(size: matrix.rows, dark: matrix.modules)
    }

    /// About 4 MB at most (a 48 × 48 symbol is ~2.3 KB of modules).
    static let symbolCacheLimit = 2048
    private static let symbols = Mutex<[String: SealSymbol]>([:])

    /// The laid-out pages of `record`: what both renderers draw, and what display-list tests assert on.
    public func pages(_ record: DocumentRecord, seal: DocumentSeal? = nil) throws -> [Page] {
        try layout.layout(describe(record, seal: seal))
    }

    /// Every face a template declares must be in the font set, and every fixed text must be drawable.
    static func check(_ templates: TemplateLibrary, against measuring: FontSetMeasuring, fonts: FontSet) throws {
        for template in templates.all {
            for declaration in template.fontDeclarations where measuring.face(declaration.face) == nil {
                throw DocumentPipelineError.unknownFace(declaration.face, at: declaration.source, available: fonts.faces)
            }
            for literal in template.literalTexts {
                for scalar in literal.text.unicodeScalars where !measuring.covers(scalar, font: literal.font) {
                    throw DocumentPipelineError.uncoveredCharacter(scalar, at: literal.source)
                }
            }
        }
    }
}

/// A pipeline problem that is neither a template's, a font's nor a layout's own.
public enum DocumentPipelineError: Error, Hashable, Sendable, CustomStringConvertible {
    case unknownFace(FontID, at: SourceLocation, available: [FontID])
    case uncoveredCharacter(Unicode.Scalar, at: SourceLocation)
    case dpiOutOfRange(Double)
    case notOnePage(Int)
    case verificationAddressTooLong(String, String)

    public var description: String {
        switch self {
        case let .unknownFace(face, source, available):
            "\(source): font face “\(face)” is not in Fonts/ (available: \(available.map(\.name).joined(separator: ", ")))"
        case let .uncoveredCharacter(scalar, source):
            "\(source): the fonts cannot draw “\(scalar)” (U+\(String(scalar.value, radix: 16, uppercase: true)))"
        case let .dpiOutOfRange(dpi):
            "densité \(dpi) dpi hors limites (\(Int(DocumentPipeline.dpiRange.lowerBound))–\(Int(DocumentPipeline.dpiRange.upperBound))) / dpi out of range"
        case let .notOnePage(count):
            "a PNG shows one page; the document has \(count)"
        case let .verificationAddressTooLong(address, layout):
            "l'adresse de vérification « \(address) » est trop longue pour la légende des cachets (deux lignes au plus) : raccourcissez AMELI_DOCS_PUBLIC_URL / the verification address is too long for the seals' caption (\(layout))"
        }
    }
}
