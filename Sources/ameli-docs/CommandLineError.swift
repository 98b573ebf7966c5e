// CommandLineError: any failure of a command as the one line a person reads, in French then English.
import ArgumentParser
import DocumentLayout
import DocumentPipeline
import Documents
import Foundation
import Records
import Typography

/// What a command prints to standard error before exiting with a failure code: never a stack trace.
enum CommandLineError {
    /// The message for `error`: a record refusal names its field; malformed JSON says where; configuration
    /// problems (templates, fonts, resources) say which file to fix.
    static func message(for error: any Error) -> String {
        switch error {
        case let error as RecordError:
            let field = error.field.isEmpty ? "" : " « \(error.field) »"
            return "enregistrement refusé, champ\(field) : \(error.detail) / invalid record field\(field)"
        case let error as DecodingError:
            return decodingMessage(error)
        case let error as LayoutError:
            return error.description
        case let error as DocumentPipelineError:
            return error.description
        case let error as TemplateError:
            return "modèle de document invalide / broken template: \(error)"
        case let error as TypographyError:
            return "police de caractères / font: \(error)"
        case let error as ResourceLocatorError:
            return "ressources introuvables / resources not found: \(error)"
        case let error as FileError:
            return error.message
        default:
            return "échec du rendu / rendering failed: \(error)"
        }
    }

    private static func path(_ codingPath: [any CodingKey]) -> String {
        let path = codingPath.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined()
        return path.hasPrefix(".") ? String(path.dropFirst()) : path
    }

    private static func decodingMessage(_ error: DecodingError) -> String {
        switch error {
        case let .keyNotFound(key, context):
            let field = path(context.codingPath + [key])
            return "champ « \(field) » manquant / missing field \(field)"
        case let .valueNotFound(_, context):
            let field = path(context.codingPath)
            return "champ « \(field) » vide / field \(field) is null"
        case let .typeMismatch(type, context):
            let field = path(context.codingPath)
            return "champ « \(field) » : type inattendu (\(type) attendu) / field \(field) has the wrong type"
        case let .dataCorrupted(context):
            let field = path(context.codingPath)
            if field.isEmpty { return "JSON illisible / unreadable JSON: \(context.debugDescription)" }
            return "champ « \(field) » invalide / invalid field \(field): \(context.debugDescription)"
        @unknown default:
            return "JSON illisible / unreadable JSON"
        }
    }
}

/// A file that could not be read or written, with the French and English message.
struct FileError: Error {
    let message: String

    static func read(_ path: String) -> FileError {
        FileError(message: "impossible de lire « \(path) » / cannot read \(path)")
    }

    static func write(_ path: String, _ reason: String) -> FileError {
        FileError(message: "impossible d'écrire « \(path) » / cannot write \(path): \(reason)")
    }
}

extension ParsableCommand {
    /// Prints `error` as one line on standard error and exits with status 1.
    func fail(_ error: any Error) -> ExitCode {
        let line = "ameli-docs \(Self.configuration.commandName ?? ""): \(CommandLineError.message(for: error))\n"
        FileHandle.standardError.write(Data(line.utf8))
        return ExitCode.failure
    }
}
