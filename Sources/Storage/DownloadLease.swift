// DownloadLease: the certificate's one download taken by one request while it renders (R_CERTIFICATE).
public import Foundation

/// Rendering happens under the lease, not before a claim: concurrent requests for one certificate, on any replica,
/// render it once, and every other request is answered at the cost of one conditional update. The lease expires,
/// so a replica that dies while rendering does not use the download up.
public struct DownloadLease: Sendable, Hashable {
    /// Random, per request: only the holder may complete or release.
    public let token: String
    /// When the lease is taken (also the instant recorded as the download's, on completion).
    public let at: Date
    /// Until when it holds; after that another request may take the download.
    public let until: Date

    public init(token: String, at instant: Date, until: Date) {
        self.token = token
        self.at = instant
        self.until = until
    }
}

/// What taking the lease found.
public enum CertificateLeaseOutcome: Sendable, Hashable {
    /// This request holds the download: render and complete (or release).
    case granted(StoredCertificate)
    /// Another request holds an unexpired lease: it is downloading the certificate now.
    case taken
    /// The one download has happened.
    case downloaded
    /// No such certificate in this household (another household's id included).
    case notFound
}
