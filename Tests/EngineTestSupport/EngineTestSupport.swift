// EngineTestSupport: what the rendering tests share: the committed fonts, measured runs, and the command-line
// oracles (poppler, qpdf).

public import DisplayList
public import Foundation
public import Typography

public enum EngineTestSupport {
    /// The repository root, found from this file (tests never use Bundle.module).
    public static let repository = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    public static let fonts = Result { try FontSet(directory: repository.appendingPathComponent("Fonts").path) }

    /// A run measured the way layout measures it.
    public static func run(_ text: String, x: Double, y: Double, font: String = "sans", size: Double = 12,
                           scale: Double = 1, color: Color = .black) throws -> TextRun {
        let face = try fonts.get().face(FontID(font))
        return TextRun(origin: Point(x: x, y: y), text: text, font: FontID(font), size: size, color: color,
                       horizontalScale: scale, width: face.advance(of: text, size: size) * scale)
    }

    public static let info = DocumentInfo(title: "Certificat provisoire — épreuve", author: "Assurance Maladie",
                                          creationSeconds: 1_767_225_600, creationOffsetMinutes: 60)

    /// Writes `bytes` to a fresh temporary file and returns its path.
    public static func temporaryFile(_ bytes: [UInt8], suffix: String) throws -> String {
        let path = temporaryPath(suffix: suffix)
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        return path
    }

    public static func temporaryPath(suffix: String) -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("ameli-\(UUID().uuidString)\(suffix)").path
    }

    public struct Output: Sendable {
        public var status: Int32
        public var stdout: String
        public var stderr: String
    }

    /// Runs a tool found on PATH; stdout and stderr are kept apart (poppler warns on stderr about libharu files).
    public static func tool(_ name: String, _ arguments: [String]) throws -> Output {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [name] + arguments
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Output(status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
                      stderr: String(decoding: stderr, as: UTF8.self))
    }
}
