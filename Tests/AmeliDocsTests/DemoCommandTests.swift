// DemoCommandTests: `serve --demo` shows only what it drew itself, and stays off PostgreSQL.
import Foundation
import Synchronization
import Testing

struct DemoCommandTests {
    let commands = RenderCommandTests()

    @Test func demoRefusesPostgreSQL() throws {
        let environment = ["PATH": "/usr/bin:/bin"]
        for database in ["postgres://demo@127.0.0.1:1/demo", "postgresql://demo@127.0.0.1:1/demo"] {
            let serve = try commands.run(["serve", "--demo", "--port", "0", "--database", database], environment: environment)
            #expect(serve.status != 0 && serve.stderr.contains("--demo ne fonctionne qu'avec SQLite"), "\(database): \(serve.stderr)")
        }
        let fromEnvironment = try commands.run(["serve", "--demo", "--port", "0"],
                                               environment: environment.merging(["AMELI_DOCS_DATABASE": "postgres://demo@127.0.0.1:1/demo"]) { $1 })
        #expect(fromEnvironment.status != 0 && fromEnvironment.stderr.contains("--demo ne fonctionne qu'avec SQLite"), "\(fromEnvironment.stderr)")
    }

    /// With AMELI_DOCS_JWT_SECRET from the environment, the demo's instructions carry neither it nor a token.
    @Test func demoDoesNotPrintASecretFromTheEnvironment() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("demo-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let secret = "environment-secret-" + UUID().uuidString
        let process = Process()
        process.executableURL = URL(fileURLWithPath: RenderCommandTests.binary)
        process.arguments = ["serve", "--demo", "--port", "0", "--database", "sqlite:" + directory.appendingPathComponent("d.sqlite").path]
        process.currentDirectoryURL = directory
        process.environment = ["PATH": "/usr/bin:/bin", "AMELI_DOCS_LOG_LEVEL": "error", "AMELI_DOCS_JWT_SECRET": secret]
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        let output = Mutex("")
        pipe.fileHandleForReading.readabilityHandler = { handle in
            let data = handle.availableData
            output.withLock { $0 += String(decoding: data, as: UTF8.self) }
        }
        try process.run()
        defer {
            if process.isRunning { process.terminate() }
            process.waitUntilExit()
        }
        var text = ""
        for _ in 0..<300 where !text.contains("Exploitation :") {
            try await Task.sleep(for: .milliseconds(100))
            text = output.withLock { $0 }
        }
        try #require(text.contains("Exploitation :"), "the demo printed no instructions: \(text)")
        #expect(!text.contains(secret))
        #expect(!text.contains("eyJ"), "a token signed with the environment's secret: \(text)")
        #expect(text.contains("export TOKEN=$(ameli-docs token --nir"))
    }
}
