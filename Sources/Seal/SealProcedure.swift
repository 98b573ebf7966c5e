// SealProcedure: the closed list of values of the acknowledgement's procedure field (EC).

/// What an acknowledgement (E2) acknowledges: the only values field `EC` accepts.
public enum SealProcedure: String, CaseIterable, Sendable, Codable {
    case order = "ORDER"
    case renewal = "RENEWAL"
    case loss = "LOSS"
    case theft = "THEFT"
    case proxy = "PROXY"
    case proxyRevocation = "PROXY REVOCATION"
}
