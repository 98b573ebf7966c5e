// Page: one page of a document, ready for any backend.

/// A page: its size in points and its items in painting order (later items paint over earlier ones).
public struct Page: Hashable, Sendable {
    public var size: Size
    public var items: [Item]
    /// What is under the items. A raster has to paint something (white); a PDF page is left transparent so it
    /// prints on whatever paper it is given. A named difference of the shared model, not a backend's whim.
    public var background: Color
    /// How the page reads, top-level elements in reading order. Items no element holds are artifacts, of the kind
    /// `artifacts` gives (layout when absent). Empty: an untagged page.
    public var structure: [StructureElement]
    /// Artifacts that are not mere layout, by item index (a footer: pagination).
    public var artifacts: [Int: ArtifactKind]

    public init(size: Size, items: [Item] = [], background: Color = .white, structure: [StructureElement] = [],
                artifacts: [Int: ArtifactKind] = [:]) {
        self.size = size
        self.items = items
        self.background = background
        self.structure = structure
        self.artifacts = artifacts
    }
}

/// Document-level facts a backend writes but does not decide: title, and the creation instant, which comes from
/// the record (never from the clock) so that the same record gives the same bytes.
public struct DocumentInfo: Hashable, Sendable {
    public var title: String
    public var author: String
    /// Seconds since 1970-01-01T00:00:00Z, and the offset to show it in, in minutes (Paris: +60 or +120).
    public var creationSeconds: Int64
    public var creationOffsetMinutes: Int
    /// The document's language (BCP 47), for a tagged PDF's /Lang: the documents are French.
    public var language: String

    public init(title: String, author: String, creationSeconds: Int64, creationOffsetMinutes: Int, language: String = "fr-FR") {
        self.title = title
        self.author = author
        self.creationSeconds = creationSeconds
        self.creationOffsetMinutes = creationOffsetMinutes
        self.language = language
    }
}
