// DocumentContent: what a record must say to be bound into its document's template.
import DisplayList
public import Foundation
import TeleserviceRules

/// A content type of TeleserviceRules that one document template renders.
public protocol DocumentContent: Sendable {
    /// The document this content is rendered as.
    static var kind: DocumentKind { get }
    /// The names the template may use, and their shapes: checked when the template loads.
    static var bindingSchema: [String: BindingShape] { get }
    /// The record's values by binding name: exactly the names of `bindingSchema`.
    var bindings: Bindings { get }
    /// When the document was made, from the record (never the clock): the PDF's creation date.
    var creationInstant: Date { get }
}

extension DocumentContent {
    /// The PDF metadata: title and author come from the template, the instant from the record.
    func documentInfo(title: String, author: String) -> DocumentInfo {
        let instant = creationInstant
        return DocumentInfo(title: title, author: author,
                            creationSeconds: Int64(instant.timeIntervalSince1970.rounded(.down)),
                            creationOffsetMinutes: ParisTime.offsetMinutes(at: instant))
    }
}

extension DocumentKind {
    /// The names each document's template may use, and their shapes. Checked when templates load.
    public var bindingSchema: [String: BindingShape] {
        switch self {
        case .certificate: ProvisionalCertificate.bindingSchema
        case .card: CardFace.bindingSchema
        case .acknowledgement: Acknowledgement.bindingSchema
        case .proxyConfirmation: ProxyConfirmation.bindingSchema
        }
    }
}
