// ServiceConfiguration: what the service needs to start: where to listen and the token secret.
public struct ServiceConfiguration: Sendable {
    public var host: String
    public var port: Int
    /// HS256 secret for the bearer tokens (AMELI_DOCS_JWT_SECRET).
    public var jwtSecret: String
    public var serverName: String

    public init(host: String = "127.0.0.1", port: Int = 8080, jwtSecret: String, serverName: String = "AmeliDocs") {
        self.host = host
        self.port = port
        self.jwtSecret = jwtSecret
        self.serverName = serverName
    }
}
