// ServiceConfiguration: what the service needs to start: where to listen and the token secret.
public struct ServiceConfiguration: Sendable {
    public var host: String
    public var port: Int
    /// HS256 secret for the bearer tokens (AMELI_DOCS_JWT_SECRET).
    public var jwtSecret: String
    public var serverName: String
    /// The pages' demo sign-in (`serve --demo`): lists the demo household instead of an identity provider.
    public var demoSignIn: Bool
    /// `Secure` on the pages' cookies: set when the service is reached over HTTPS (AMELI_DOCS_PUBLIC_URL https://…).
    public var secureCookies: Bool
    /// The kiosk's idle sign-out (AMELI_DOCS_KIOSK_IDLE_SECONDS; 120 by default, as the kiosk's seed asks).
    public var kioskIdleSeconds: Int

    public init(host: String = "127.0.0.1", port: Int = 8080, jwtSecret: String, serverName: String = "AmeliDocs",
                demoSignIn: Bool = false, secureCookies: Bool = false, kioskIdleSeconds: Int = 120) {
        self.kioskIdleSeconds = kioskIdleSeconds
        self.host = host
        self.port = port
        self.jwtSecret = jwtSecret
        self.serverName = serverName
        self.demoSignIn = demoSignIn
        self.secureCookies = secureCookies
    }
}
