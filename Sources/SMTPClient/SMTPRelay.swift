// Where and how to reach the outgoing relay, parsed from configuration such as `smtp://relay.internal:2525`.
import Foundation
import NIOCore

/// The relay's address and the client's policy towards it.
public struct SMTPRelay: Sendable, Equatable {
    public var host: String
    public var port: Int
    /// A PEM file of the certificate(s) to trust for this relay (e.g. a test's self-signed one); `nil` trusts
    /// the system's roots.
    public var trustedCertificatesPEMFile: String?
    /// When true a relay that does not offer STARTTLS is refused even on loopback; see `tlsRequired`.
    public var requireTLS: Bool
    public var timeouts: SMTPTimeouts
    /// The name this client gives in EHLO/HELO.
    public var clientName: String

    /// Parses `smtp://host[:port]` (port 25 by default; IPv6 hosts in brackets).
    public init(
        url: String, trustedCertificatesPEMFile: String? = nil, requireTLS: Bool = false,
        timeouts: SMTPTimeouts = SMTPTimeouts(), clientName: String? = nil
    ) throws(SMTPConfigurationError) {
        func refuse(_ reason: String) -> SMTPConfigurationError { SMTPConfigurationError(setting: "url", value: url, reason: reason) }
        guard let components = URLComponents(string: url) else { throw refuse("is not a URL") }
        guard components.scheme?.lowercased() == "smtp" else { throw refuse("scheme must be smtp") }
        guard var host = components.host, !host.isEmpty else { throw refuse("has no host") }
        guard components.user == nil, components.password == nil, components.query == nil,
              components.path.isEmpty || components.path == "/" else {
            throw refuse("may hold only a host and a port")
        }
        if host.hasPrefix("["), host.hasSuffix("]") { host = String(host.dropFirst().dropLast()) }
        let port = components.port ?? 25
        guard (1...65535).contains(port) else { throw refuse("port must be between 1 and 65535") }
        self.host = host
        self.port = port
        self.trustedCertificatesPEMFile = trustedCertificatesPEMFile
        self.requireTLS = requireTLS
        self.timeouts = timeouts
        self.clientName = clientName ?? Self.defaultClientName()
    }

    /// Whether a relay that does not offer STARTTLS is refused: always, unless the relay is on this machine
    /// (127.0.0.0/8, ::1, localhost) and `requireTLS` is off. Elsewhere the messages and the addresses they carry
    /// would cross a network in clear text, and a man in the middle could strip the STARTTLS offer.
    public var tlsRequired: Bool { requireTLS || !Self.isLoopback(host) }

    /// A loopback address or the name `localhost`; any other name may resolve off the machine.
    static func isLoopback(_ host: String) -> Bool {
        let name = host.lowercased()
        if name == "localhost" || name.hasSuffix(".localhost") { return true }
        let octets = name.split(separator: ".", omittingEmptySubsequences: false)
        if octets.count == 4, octets.allSatisfy({ UInt8($0) != nil }) { return octets[0] == "127" }
        // SocketAddress compares the parsed bytes, so every spelling of ::1 matches.
        guard let v6 = try? SocketAddress(ipAddress: name, port: 0), case .v6 = v6 else { return false }
        return v6 == (try? SocketAddress(ipAddress: "::1", port: 0))
    }

    /// The machine's host name when it is a plain DNS name, else `localhost` (EHLO must not carry odd bytes).
    private static func defaultClientName() -> String {
        let name = ProcessInfo.processInfo.hostName
        let plain = !name.isEmpty && name.unicodeScalars.allSatisfy {
            $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "-" || $0 == ".")
        }
        return plain ? name : "localhost"
    }
}

/// How long each step may take, so that a silent relay cannot hold a caller forever.
/// Defaults follow RFC 5321 §4.5.3.2 loosely: the commands' 5 minutes are shortened to one.
public struct SMTPTimeouts: Sendable, Equatable {
    /// TCP connection set-up.
    public var connect: Duration
    /// The greeting, each command's reply, and the STARTTLS handshake.
    public var command: Duration
    /// Sending the message and the relay's reply to its final ".".
    public var dataEnd: Duration

    public init(connect: Duration = .seconds(30), command: Duration = .seconds(60), dataEnd: Duration = .seconds(300)) {
        self.connect = connect
        self.command = command
        self.dataEnd = dataEnd
    }

    /// The longest one delivery can take: the connection, then the greeting, EHLO, STARTTLS and its handshake,
    /// EHLO again, MAIL FROM, RCPT TO and DATA (one command timeout each, one recipient), then the message's end.
    public var worstCase: Duration { connect + command * 8 + dataEnd }
}

/// A relay setting that cannot be used: which one, its value, and why.
public struct SMTPConfigurationError: Error, Sendable, Equatable, CustomStringConvertible {
    public let setting: String
    public let value: String
    public let reason: String
    public var description: String { "SMTP relay \(setting) '\(value)' \(reason)" }
}
