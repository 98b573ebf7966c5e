// ImportCommand: `ameli-docs import FILE.json` creates or replaces insured records from a JSON array.
import ArgumentParser
import Foundation
import HTTPService
import Procedures
import HTTPEdge
import Logging
import Records
import Storage

struct ImportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import", abstract: "Importe un tableau JSON de dossiers d'assurés (format de PUT /v1/admin/insured/{nir}).")

    @Argument(help: "Fichier JSON : un tableau de dossiers.")
    var file: String

    @OptionGroup var database: DatabaseOption

    func run() async throws {
        let logger = Logger(label: "ameli-docs.import")
        guard let data = FileManager.default.contents(atPath: file) else {
            throw ValidationError("Impossible de lire \(file).")
        }
        let now = Date()
        let records: [InsuredRecord]
        do {
            records = try RecordImport.records(from: Array(data), today: CivilDate(now))
        } catch let problem as APIProblem {
            let details = problem.errors.map { "  \($0.field) : \($0.detail)" }.joined(separator: "\n")
            throw ValidationError("\(file) : \(problem.detail)\(details.isEmpty ? "" : "\n" + details)")
        }
        let opened = try database.open(try Settings.current(), logger: logger)
        // One transaction: every record of the file, or none of them.
        let results = try await opened.withRunning(logger: logger) { store in try await store.importRecords(records, at: now) }
        let created = results.filter { $0 == .created }.count
        print("\(records.count) dossier(s) importé(s) dans \(opened.description) : \(created) créé(s), \(records.count - created) remplacé(s).")
    }
}
