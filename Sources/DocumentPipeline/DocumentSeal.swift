// DocumentSeal: the seal a document carries when it is rendered — its text, as signed at issue, and its id.

/// What the register keeps for an issued document and hands to every render: the seal text exactly as encoded in
/// the symbol, and the document id printed under it.
public struct DocumentSeal: Sendable, Hashable {
    public let text: String
    public let documentID: String

    public init(text: String, documentID: String) {
        self.text = text
        self.documentID = documentID
    }
}
