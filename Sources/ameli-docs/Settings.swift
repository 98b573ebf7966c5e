// Settings: every AMELI_DOCS_* variable the command line reads, checked in one place before anything starts.
import ArgumentParser
import Foundation
import Logging

/// The service's settings as the environment gives them. Each variable is named once, here, with its default and
/// its meaning (the README's table is checked against this list); each value is checked when the settings are
/// loaded, so a bad one stops `serve` with a French message naming the variable, before a port, a database or a
/// file is opened. Nothing falls back silently: an empty variable counts as unset, any other value is used or
/// refused. Files the variables name (keys, certificates) are read by the configurations that use them.
struct Settings: Sendable {
    enum Variable: String, CaseIterable, Sendable {
        case database = "AMELI_DOCS_DATABASE"
        case port = "AMELI_DOCS_PORT"
        case logLevel = "AMELI_DOCS_LOG_LEVEL"
        case publicURL = "AMELI_DOCS_PUBLIC_URL"
        case jwtSecret = "AMELI_DOCS_JWT_SECRET"
        case kioskIdleSeconds = "AMELI_DOCS_KIOSK_IDLE_SECONDS"
        case signingKey = "AMELI_DOCS_SIGNING_KEY"
        case signingKeyID = "AMELI_DOCS_SIGNING_KEY_ID"
        case sealAuthority = "AMELI_DOCS_SEAL_AUTHORITY"
        case signingCertificate = "AMELI_DOCS_SIGNING_CERT"
        case authorityCertificate = "AMELI_DOCS_CA_CERT"
        case retiredKeys = "AMELI_DOCS_RETIRED_KEYS"
        case smtpURL = "AMELI_DOCS_SMTP_URL"
        case smtpCAFile = "AMELI_DOCS_SMTP_CA_FILE"
        case smtpRequireTLS = "AMELI_DOCS_SMTP_REQUIRE_TLS"
        case mailFrom = "AMELI_DOCS_MAIL_FROM"
        case inboxURL = "AMELI_DOCS_INBOX_URL"
        case noticeLeaseSeconds = "AMELI_DOCS_NOTICE_LEASE_SECONDS"
        case noticeRetrySeconds = "AMELI_DOCS_NOTICE_RETRY_SECONDS"
        case noticeMaxAttempts = "AMELI_DOCS_NOTICE_MAX_ATTEMPTS"
        case resources = "AMELI_DOCS_RESOURCES"

        var name: String { rawValue }

        /// The default, as the README's table shows it.
        var defaultValue: String {
            switch self {
            case .database: "`sqlite:ameli-docs.sqlite`"
            case .port: "`8080`"
            case .logLevel: "`info`"
            case .publicURL: "`http://HOST:PORT`"
            case .jwtSecret: "none: required (`--demo` draws one)"
            case .kioskIdleSeconds: "`120`"
            case .signingKey: "none: required (`--demo` generates one)"
            case .signingKeyID: "none: required with the key"
            case .sealAuthority: "`AM`"
            case .signingCertificate, .authorityCertificate: "none"
            case .retiredKeys: "none"
            case .smtpURL: "none: notices stay in the outbox"
            case .smtpCAFile: "the system's trust store"
            case .smtpRequireTLS: "`0`"
            case .mailFrom: "`ne-pas-repondre@assurance-maladie.fr`"
            case .inboxURL: "`https://assure.ameli.fr`"
            case .noticeLeaseSeconds: "twice the slowest send (about 10 min)"
            case .noticeRetrySeconds: "`30`"
            case .noticeMaxAttempts: "`8`"
            case .resources: "beside the executable, else the source checkout"
            }
        }

        /// What it does, as the README's table shows it.
        var meaning: String {
            switch self {
            case .database: "`sqlite:PATH` or `postgres://user@host:port/base`, with `?sslmode=` `disable`, `prefer` (default), `require` or `verify-full`; `--database` wins"
            case .port: "listening port, 0 to 65535 (0: any free port); `--port` wins"
            case .logLevel: "`trace`, `debug`, `info`, `notice`, `warning`, `error` or `critical`"
            case .publicURL: "the service's address as people reach it (`http://` or `https://`): under each seal, and `https` makes cookies `Secure`"
            case .jwtSecret: "HS256 secret of the bearer tokens, 32 bytes at least"
            case .kioskIdleSeconds: "the kiosk signs out after this many idle seconds, 5 to 3600"
            case .signingKey: "the seals' P-256 key, PKCS#8 PEM, mode 600"
            case .signingKeyID: "the key's id in every seal, 4 of `A-Z0-9`"
            case .sealAuthority: "the certification authority after `FR` in every seal, 2 of `A-Z0-9`"
            case .signingCertificate: "the key's X.509 certificate (PEM), published with the key (SEAL.md profile v2)"
            case .authorityCertificate: "the authority's certificate (PEM); goes with `AMELI_DOCS_SIGNING_CERT`"
            case .retiredKeys: "a key list file (`{\"keys\":[…]}`) still published as retired after a key change"
            case .smtpURL: "the mail relay, `smtp://host:port`; off loopback it must offer STARTTLS"
            case .smtpCAFile: "PEM certificates to trust for the relay's STARTTLS"
            case .smtpRequireTLS: "`1`: STARTTLS required even from a relay on loopback"
            case .mailFrom: "the notices' sender address"
            case .inboxURL: "the link to the account in each notice (`http://` or `https://`)"
            case .noticeLeaseSeconds: "how long a replica holds a notice it is sending, 1 to 86400"
            case .noticeRetrySeconds: "first delay before a notice is retried, 0 to 86400"
            case .noticeMaxAttempts: "attempts before a notice is marked failed, 1 to 100"
            case .resources: "the folder holding `Fonts/` and `Templates/`; a wrong one is an error"
            }
        }
    }

    /// The set variables, by name (empty ones count as unset).
    private let values: [Variable: String]
    /// AMELI_DOCS_* names the service does not know: a typo would otherwise fall back silently.
    let unknown: [String]

    let port: Int?
    let logLevel: Logger.Level
    let kioskIdleSeconds: Int
    let noticeLeaseSeconds: Int?
    let noticeRetrySeconds: Int?
    let noticeMaxAttempts: Int?
    let smtpRequireTLS: Bool

    /// Reads and checks every variable; throws `ValidationError` naming the first bad one.
    init(environment: [String: String]) throws {
        var values: [Variable: String] = [:]
        for variable in Variable.allCases {
            if let value = environment[variable.name], !value.isEmpty { values[variable] = value }
        }
        self.values = values
        let known = Set(Variable.allCases.map(\.name))
        // The test scripts' own variables (AMELI_DOCS_TEST_*) are theirs, not the service's.
        unknown = environment.keys.filter { $0.hasPrefix("AMELI_DOCS_") && !known.contains($0) && !$0.hasPrefix("AMELI_DOCS_TEST_") }.sorted()

        func integer(_ variable: Variable, _ range: ClosedRange<Int>) throws -> Int? {
            guard let text = values[variable] else { return nil }
            guard let number = Int(text), range.contains(number) else {
                throw ValidationError("\(variable.name) doit être un entier de \(range.lowerBound) à \(range.upperBound) (reçu « \(Self.shown(text)) »).")
            }
            return number
        }
        port = try integer(.port, 0...65_535)
        kioskIdleSeconds = try integer(.kioskIdleSeconds, 5...3600) ?? 120
        noticeLeaseSeconds = try integer(.noticeLeaseSeconds, 1...86_400)
        noticeRetrySeconds = try integer(.noticeRetrySeconds, 0...86_400)
        noticeMaxAttempts = try integer(.noticeMaxAttempts, 1...100)

        if let text = values[.logLevel] {
            guard let level = Logger.Level(rawValue: text) else {
                throw ValidationError("\(Variable.logLevel.name) doit valoir trace, debug, info, notice, warning, error ou critical (reçu « \(Self.shown(text)) »).")
            }
            logLevel = level
        } else {
            logLevel = .info
        }
        switch values[.smtpRequireTLS] {
        case nil, "0": smtpRequireTLS = false
        case "1": smtpRequireTLS = true
        case let text?: throw ValidationError("\(Variable.smtpRequireTLS.name) doit valoir 0 ou 1 (reçu « \(Self.shown(text)) »).")
        }
        if let secret = values[.jwtSecret], secret.utf8.count < 32 {
            // Never echoed: it is a secret, even a short one.
            throw ValidationError("\(Variable.jwtSecret.name) doit comporter au moins 32 octets (il en a \(secret.utf8.count)).")
        }
        for variable in [Variable.publicURL, .inboxURL] {
            guard let text = values[variable] else { continue }
            guard let url = URLComponents(string: text), ["http", "https"].contains(url.scheme?.lowercased() ?? ""),
                  let host = url.host, !host.isEmpty, url.query == nil, url.fragment == nil else {
                throw ValidationError("\(variable.name) doit être une adresse http:// ou https:// sans paramètres (reçu « \(Self.shown(text)) »).")
            }
        }
        if let text = values[.database], !(text.hasPrefix("sqlite:") || text.hasPrefix("postgres://") || text.hasPrefix("postgresql://")) {
            throw ValidationError("\(Variable.database.name) doit commencer par sqlite: ou postgres:// (reçu une autre forme).")
        }
        if let id = values[.signingKeyID], !Self.isCode(id, length: 4) {
            throw ValidationError("\(Variable.signingKeyID.name) doit compter 4 caractères A-Z ou 0-9 (reçu « \(Self.shown(id)) »).")
        }
        if let authority = values[.sealAuthority], !Self.isCode(authority, length: 2) {
            throw ValidationError("\(Variable.sealAuthority.name) doit compter 2 caractères A-Z ou 0-9 (reçu « \(Self.shown(authority)) »).")
        }
    }

    /// The value of a variable, nil when unset or empty.
    subscript(_ variable: Variable) -> String? { values[variable] }

    /// The settings of this process.
    static func current() throws -> Settings { try Settings(environment: ProcessInfo.processInfo.environment) }

    private static func isCode(_ text: String, length: Int) -> Bool {
        text.utf8.count == length && text.utf8.allSatisfy { (0x41...0x5A).contains($0) || (0x30...0x39).contains($0) }
    }

    /// A bad value, shown in the message that refuses it: at most 40 characters, so that a pasted secret or a huge
    /// value does not fill the terminal or a log.
    private static func shown(_ text: String) -> String {
        text.count > 40 ? String(text.prefix(40)) + "…" : text
    }
}
