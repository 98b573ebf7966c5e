// DocumentKind: the four documents AmeliDocs renders, by the names the CLI, the templates and the tests use.

/// One document of DOMAIN.md "Documents". The raw value is the CLI's KIND and the template's file name.
public enum DocumentKind: String, Hashable, Sendable, CaseIterable, Comparable {
    /// D_CPR: the provisional replacement certificate.
    case certificate
    /// D_CARD: the digital card image (PNG for screens, true-size PDF for printing).
    case card
    /// D_ACK: the acknowledgement of receipt of an online request.
    case acknowledgement
    /// D_PROXY: the proxy confirmation.
    case proxyConfirmation = "proxy-confirmation"

    /// The template's file name under Templates/.
    public var templateFileName: String { rawValue + ".tpl" }

    /// The DOMAIN.md id of the document.
    public var domainID: String {
        switch self {
        case .certificate: "D_CPR"
        case .card: "D_CARD"
        case .acknowledgement: "D_ACK"
        case .proxyConfirmation: "D_PROXY"
        }
    }

    public static func < (lhs: DocumentKind, rhs: DocumentKind) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}
