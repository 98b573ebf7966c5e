// Support: the committed fonts, a synthetic page, and the command-line oracles (poppler, qpdf) the tests call.

import DisplayList
import Foundation
import Typography

enum Support {
    static let repository = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let fonts = Result { try FontSet(directory: repository.appendingPathComponent("Fonts").path) }

    /// A run measured the way layout measures it.
    static func run(_ text: String, x: Double, y: Double, font: String = "sans", size: Double = 12,
                    scale: Double = 1, color: Color = .black) throws -> TextRun {
        let face = try fonts.get().face(FontID(font))
        return TextRun(origin: Point(x: x, y: y), text: text, font: FontID(font), size: size, color: color,
                       horizontalScale: scale, width: face.advance(of: text, size: size) * scale)
    }

    static let info = DocumentInfo(title: "Certificat provisoire — épreuve", author: "Assurance Maladie",
                                   creationSeconds: 1_767_225_600, creationOffsetMinutes: 60)

    /// Writes `bytes` to a fresh temporary file and returns its path.
    static func temporaryFile(_ bytes: [UInt8], suffix: String) throws -> String {
        let path = FileManager.default.temporaryDirectory
            .appendingPathComponent("ameli-\(UUID().uuidString)\(suffix)").path
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        return path
    }

    struct Output {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// Runs a tool found on PATH; stdout and stderr are kept apart (poppler warns on stderr about libharu files).
    static func tool(_ name: String, _ arguments: [String]) throws -> Output {
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
