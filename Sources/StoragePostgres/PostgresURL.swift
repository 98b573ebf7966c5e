// PostgresURL: `postgres://user[:password]@host[:port]/database[?sslmode=…]`, parsed once, with libpq's sslmode.
import Foundation
import NIOSSL
import PostgresNIO

/// libpq's `sslmode` values that the service honours. `allow` and `verify-ca` are refused rather than approximated.
public enum PostgresSSLMode: String, Sendable, CaseIterable {
    /// Clear text only: for a database on loopback or a private network, asked for by name.
    case disable
    /// TLS when the server offers it, else clear text (libpq's default, and ours).
    case prefer
    /// TLS or no connection; the certificate is not checked (as libpq does without a root certificate).
    case require
    /// TLS with the certificate checked against the system's roots and the host name.
    case verifyFull = "verify-full"
}

/// A database URL, checked: the scheme, a host and a known `sslmode`.
public struct PostgresURL: Sendable {
    public let host: String
    public let port: Int
    public let username: String
    public let password: String?
    public let database: String?
    public let sslMode: PostgresSSLMode

    public init(_ url: String) throws {
        guard let parts = URLComponents(string: url), ["postgres", "postgresql"].contains(parts.scheme ?? ""),
              let host = parts.host, !host.isEmpty else {
            throw PostgresURLError(url: url)
        }
        self.host = host
        self.port = parts.port ?? 5432
        self.username = parts.user ?? "postgres"
        self.password = parts.password
        let database = parts.path.hasPrefix("/") ? String(parts.path.dropFirst()) : parts.path
        self.database = database.isEmpty ? nil : database
        let asked = parts.queryItems?.last(where: { $0.name == "sslmode" })?.value
        guard let mode = asked.map(PostgresSSLMode.init(rawValue:)) ?? .prefer else {
            throw PostgresURLError(url: url, sslMode: asked)
        }
        self.sslMode = mode
    }

    /// The pool's TLS setting for `sslMode`.
    var clientTLS: PostgresClient.Configuration.TLS {
        switch sslMode {
        case .disable: .disable
        case .prefer: .prefer(Self.encryptionOnly)
        case .require: .require(Self.encryptionOnly)
        case .verifyFull: .require(.makeClientConfiguration())
        }
    }

    /// One connection's TLS setting for `sslMode`, for the check at start.
    func connectionTLS() throws -> PostgresConnection.Configuration.TLS {
        switch sslMode {
        case .disable: .disable
        case .prefer: .prefer(try NIOSSLContext(configuration: Self.encryptionOnly))
        case .require: .require(try NIOSSLContext(configuration: Self.encryptionOnly))
        case .verifyFull: .require(try NIOSSLContext(configuration: .makeClientConfiguration()))
        }
    }

    /// libpq's `prefer` and `require` encrypt without checking the certificate; `verify-full` is the mode that checks.
    private static var encryptionOnly: TLSConfiguration {
        var tls = TLSConfiguration.makeClientConfiguration()
        tls.certificateVerification = .none
        return tls
    }

    /// Whether a connection in clear text must never happen.
    var requiresTLS: Bool {
        switch sslMode {
        case .disable, .prefer: false
        case .require, .verifyFull: true
        }
    }
}
