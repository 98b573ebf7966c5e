// Caller: who runs a procedure, as a verified token or a page's session proves it.
public import Records

/// The caller, once the API's `AuthorizationMiddleware` or a page's session has verified their token. Procedures
/// take it as an argument: no door reaches a household but its own, nor an admin procedure without the role.
public struct Caller: Sendable, Hashable {
    /// The insured's NIR (`sub`): the only household this caller reaches.
    public let nir: NIR
    public let isAdmin: Bool

    public init(nir: NIR, isAdmin: Bool) {
        self.nir = nir
        self.isAdmin = isAdmin
    }
}
