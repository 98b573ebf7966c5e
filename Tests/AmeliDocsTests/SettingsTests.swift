// SettingsTests: every variable is checked at start (a bad value stops `serve`, naming it, before anything opens),
// and the README's table is the settings' own list.
@testable import ameli_docs
import Foundation
import Testing

struct SettingsTests {
    let commands = RenderCommandTests()

    /// Each bad value, alone in an otherwise valid environment, stops `serve` with a French message that names
    /// its variable; none falls back to a default.
    @Test(arguments: [
        ("AMELI_DOCS_PORT", "abc"), ("AMELI_DOCS_PORT", "70000"), ("AMELI_DOCS_LOG_LEVEL", "loud"),
        ("AMELI_DOCS_KIOSK_IDLE_SECONDS", "2"), ("AMELI_DOCS_PUBLIC_URL", "ftp://example.org"),
        ("AMELI_DOCS_PUBLIC_URL", "https://example.org/?x=1"), ("AMELI_DOCS_INBOX_URL", "javascript:alert(1)"),
        ("AMELI_DOCS_JWT_SECRET", "short"), ("AMELI_DOCS_SMTP_REQUIRE_TLS", "yes"),
        ("AMELI_DOCS_NOTICE_MAX_ATTEMPTS", "0"), ("AMELI_DOCS_NOTICE_LEASE_SECONDS", "-1"),
        ("AMELI_DOCS_NOTICE_RETRY_SECONDS", "1e3"), ("AMELI_DOCS_DATABASE", "mysql://db/x"),
        ("AMELI_DOCS_SIGNING_KEY_ID", "abc"), ("AMELI_DOCS_SEAL_AUTHORITY", "A"),
    ])
    func aBadValueStopsTheStartNamingItsVariable(_ name: String, _ value: String) throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("settings-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let database = "sqlite:" + directory.appendingPathComponent("s.sqlite").path
        var environment = ["PATH": "/usr/bin:/bin", "AMELI_DOCS_JWT_SECRET": String(repeating: "s", count: 40)]
        environment[name] = value
        let serve = try commands.run(["serve", "--demo", "--port", "0", "--database", database], environment: environment)
        #expect(serve.status != 0, "\(name)=\(value) started")
        #expect(serve.stderr.contains(name), "\(name)=\(value): \(serve.stderr)")
        #expect(!FileManager.default.fileExists(atPath: directory.appendingPathComponent("s.sqlite").path),
                "\(name)=\(value): nothing is opened before the settings are checked")
        if name == "AMELI_DOCS_JWT_SECRET" { #expect(!serve.stderr.contains(value), "a secret is never echoed") }
    }

    @Test func goodValuesAreRead() throws {
        let settings = try Settings(environment: [
            "AMELI_DOCS_PORT": "0", "AMELI_DOCS_LOG_LEVEL": "debug", "AMELI_DOCS_KIOSK_IDLE_SECONDS": "5",
            "AMELI_DOCS_SMTP_REQUIRE_TLS": "1", "AMELI_DOCS_NOTICE_RETRY_SECONDS": "0", "AMELI_DOCS_PUBLIC_URL": "https://docs.example.org/",
            "AMELI_DOCS_SIGNING_KEY_ID": "AB12", "AMELI_DOCS_SEAL_AUTHORITY": "AM", "AMELI_DOCS_PROT": "8081",
            "AMELI_DOCS_TEST_POSTGRES_URL": "postgres://x", "AMELI_DOCS_MAIL_FROM": "",
        ])
        #expect(settings.port == 0 && "\(settings.logLevel)" == "debug" && settings.kioskIdleSeconds == 5)
        #expect(settings.smtpRequireTLS && settings.noticeRetrySeconds == 0)
        #expect(settings[.publicURL] == "https://docs.example.org/" && settings[.signingKeyID] == "AB12")
        #expect(settings[.mailFrom] == nil, "an empty variable is unset")
        #expect(settings.unknown == ["AMELI_DOCS_PROT"], "a typo is reported; the test scripts' own variables are not")
        let defaults = try Settings(environment: [:])
        #expect(defaults.port == nil && "\(defaults.logLevel)" == "info" && defaults.kioskIdleSeconds == 120 && !defaults.smtpRequireTLS)
    }

    /// The README's « Settings » table lists exactly the variables the code reads, with their defaults.
    @Test func theReadmeTableIsTheSettingsList() throws {
        let readme = try String(contentsOf: RenderCommandTests.root.appendingPathComponent("README.md"), encoding: .utf8)
        let rows = readme.split(separator: "\n").filter { $0.hasPrefix("| `AMELI_DOCS_") }.map(String.init)
        let expected = Settings.Variable.allCases.map { "| `\($0.name)` | \($0.defaultValue) | \($0.meaning) |" }
        #expect(rows == expected, "README.md's table should read:\n\(expected.joined(separator: "\n"))")
    }

    /// Every AMELI_DOCS_* name in the sources is one of the settings (or the test scripts' own).
    @Test func theSourcesReadNoOtherVariable() throws {
        let sources = RenderCommandTests.root.appendingPathComponent("Sources")
        let known = Set(Settings.Variable.allCases.map(\.name))
        var found: Set<String> = []
        for case let file as URL in FileManager.default.enumerator(at: sources, includingPropertiesForKeys: nil)! where file.pathExtension == "swift" {
            let text = try String(contentsOf: file, encoding: .utf8)
            let expression = try Regex("AMELI_DOCS_[A-Z_]*[A-Z]")
            for match in text.matches(of: expression) { found.insert(String(text[match.range])) }
        }
        let unknown = found.subtracting(known).filter { !$0.hasPrefix("AMELI_DOCS_TEST") }
        #expect(unknown.isEmpty, "\(unknown.sorted())")
    }
}
