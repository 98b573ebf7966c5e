// Page: one page of a document, ready for any backend.

/// A page: its size in points and its items in painting order (later items paint over earlier ones).
public struct Page: Hashable, Sendable {
    public var size: Size
    public var items: [Item]
    /// What is under the items. A raster has to paint something (white); a PDF page is left transparent so it
    /// prints on whatever paper it is given. A named difference of the shared model, not a backend's whim.
    public var background: Color

    public init(size: Size, items: [Item] = [], background: Color = .white) {
        self.size = size
        self.items = items
        self.background = background
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

    public init(title: String, author: String, creationSeconds: Int64, creationOffsetMinutes: Int) {
        self.title = title
        self.author = author
        self.creationSeconds = creationSeconds
        self.creationOffsetMinutes = creationOffsetMinutes
    }
}
