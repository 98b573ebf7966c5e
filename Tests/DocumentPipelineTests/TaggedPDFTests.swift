// TaggedPDFTests: every document kind, sealed as served, is a tagged PDF that readers outside our writer accept:
// PyPI `pdfua check` finds nothing; pikepdf (Scripts/oracles/tagged_pdf_check.py) finds every painting operator in
// marked content tied to the structure tree or marked as an artifact, every Figure described and every TH scoped;
// poppler's `pdfinfo -struct-text` reads the roles we expect and the page's words in reading order.
import DocumentPipeline
import Documents
import EngineTestSupport
import Foundation
import Records
import TeleserviceRules
import Testing

struct TaggedPDFTests {
    static let oracles = ConditionTrait.enabled(
        if: FileManager.default.isExecutableFile(atPath: SealOracleTests.python) || ProcessInfo.processInfo.environment["CI"] != nil,
        "no .venv-oracles: Scripts/test.sh creates it (pdfua, pikepdf)")

    /// Each kind (the card as its sealed print copy), and the acknowledgement with its list.
    static let samples = ["certificate", "card", "proxy-confirmation", "acknowledgement", "certificate.long-names"]

    /// The roles each kind must have.
    static func expectedRoles(_ kind: DocumentKind) -> Set<String> {
        switch kind {
        case .certificate: ["Document", "H1", "H2", "P", "Span", "Table", "TR", "TH", "TD", "Figure"]
        case .card: ["Document", "H1", "P", "Table", "TR", "TH", "TD", "Figure"]
        case .acknowledgement: ["Document", "H1", "H2", "P", "Table", "TR", "TH", "TD", "L", "LI", "Lbl", "LBody", "Figure"]
        case .proxyConfirmation: ["Document", "H1", "H2", "P", "Table", "TR", "TH", "TD", "L", "LI", "Lbl", "LBody", "Figure"]
        }
    }

    struct Check: Decodable {
        struct Role: Decodable {
            let role: String
            let alt: String?
            let lang: String?
        }
        let file: String
        let problems: [String]
        let roles: [Role]
    }

    /// The sample as served: sealed with the golden seal, written to a temporary file.
    static func served(_ name: String, in directory: URL) throws -> (record: DocumentRecord, path: String) {
        let record = try Fixtures.record(name)
        let bytes = try Fixtures.pipeline.get().render(record, seal: try Fixtures.goldenSeal(record), format: .pdf)
        let path = directory.appendingPathComponent("\(name).pdf")
        try Data(bytes).write(to: path)
        return (record, path.path)
    }

    static func temporaryDirectory() throws -> URL {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("tagged-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        return directory
    }

    @Test(oracles)
    func pdfuaFindsNothingOnAnyKind() throws {
        let directory = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let paths = try Self.samples.map { try Self.served($0, in: directory).path }
        let pdfua = Fixtures.repository.appendingPathComponent(".venv-oracles/bin/pdfua").path
        let run = try EngineTestSupport.tool(pdfua, ["check"] + paths)
        #expect(run.status == 0, "\(run.stdout)\(run.stderr)")
        #expect(run.stdout.components(separatedBy: "result: PASS").count == paths.count + 1, "\(run.stdout)")
    }

    @Test(oracles)
    func everyOperatorIsMarkedEveryFigureDescribedEveryHeaderScoped() throws {
        let directory = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        var kinds: [String: DocumentKind] = [:]
        var paths: [String] = []
        for name in Self.samples {
            let (record, path) = try Self.served(name, in: directory)
            kinds[path] = record.kind
            paths.append(path)
        }
        let script = Fixtures.repository.appendingPathComponent("Scripts/oracles/tagged_pdf_check.py").path
        let run = try EngineTestSupport.tool(SealOracleTests.python, [script] + paths)
        let checks = try run.stdout.split(separator: "\n").map { try JSONDecoder().decode(Check.self, from: Data($0.utf8)) }
        #expect(run.status == 0 && checks.count == paths.count, "\(run.stdout)\(run.stderr)")
        for check in checks {
            let kind = try #require(kinds[check.file])
            #expect(check.problems.isEmpty, "\(check.file): \(check.problems)")
            let roles = Set(check.roles.map(\.role))
            #expect(roles.isSuperset(of: Self.expectedRoles(kind)), "\(check.file): missing \(Self.expectedRoles(kind).subtracting(roles))")
            #expect(check.roles.filter { $0.role == "H1" }.count == 1, "\(check.file): one H1")
            // The seal's figure says what it is and where to verify it.
            #expect(check.roles.contains { $0.role == "Figure" && ($0.alt ?? "").contains("2D-Doc") && ($0.alt ?? "").contains("/v1/verifications") },
                    "\(check.file): the seal's description")
            if kind == .certificate {
                #expect(check.roles.contains { $0.role == "Span" && $0.lang == "en" }, "\(check.file): the English captions are marked English")
                #expect(check.roles.contains { $0.role == "Figure" && ($0.alt ?? "").hasPrefix("Cachet de l'institution") }, "the stamp")
            }
        }
    }

    /// poppler reads the tree: the certificate's field 3 reads number, French caption, English caption, value; and
    /// every word on the page (pdftotext) is in the tree's text, except a footer (an artifact).
    @Test(oracles)
    func popplerReadsTheTreeInReadingOrder() throws {
        let directory = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        for name in Self.samples {
            let (record, path) = try Self.served(name, in: directory)
            let tree = try EngineTestSupport.tool("pdfinfo", ["-struct-text", path])
            #expect(tree.status == 0, "\(tree.stderr)")
            let treeText = Self.quoted(tree.stdout)
            let page = try EngineTestSupport.tool("pdftotext", ["-layout", path, "-"])
            let description = try Fixtures.pipeline.get().describe(record, seal: try Fixtures.goldenSeal(record))
            let footer = Set(description.blocks.flatMap { block -> [String] in
                if case .text(let text) = block, text.isPagination { Self.words(text.text) } else { [] }
            })
            let missing = Set(Self.words(page.stdout)).subtracting(Self.words(treeText)).subtracting(footer)
            #expect(missing.isEmpty, "\(name): words on the page that the structure does not read: \(missing.sorted())")
            if record.kind == .certificate {
                let squeezed = treeText.split(whereSeparator: \.isWhitespace).joined(separator: " ")
                #expect(squeezed.contains("3 Nom Name \(Self.lastName(record))"), "\(name): \(squeezed.prefix(600))")
            }
        }
    }

    /// The quoted strings of `pdfinfo -struct-text`, in order.
    static func quoted(_ output: String) -> String {
        output.split(separator: "\n").compactMap { line -> String? in
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            guard trimmed.hasPrefix("\""), trimmed.hasSuffix("\""), trimmed.count >= 2 else { return nil }
            return String(trimmed.dropFirst().dropLast())
        }.joined(separator: " ")
    }

    static func words(_ text: String) -> [String] {
        text.split(whereSeparator: { $0.isWhitespace }).map(String.init)
    }

    static func lastName(_ record: DocumentRecord) -> String {
        if case .certificate(let certificate) = record { return certificate.lastName.value.split(separator: " ").first.map(String.init) ?? "" }
        return ""
    }
}
