// DatabaseOption: `--database sqlite:PATH | postgres://…` (or AMELI_DOCS_DATABASE), opened as a store.
import ArgumentParser
import Foundation
import Logging
import ServiceLifecycle
import Storage
import StoragePostgres
import StorageSQLite

struct DatabaseOption: ParsableArguments {
    @Option(name: .long, help: "sqlite:CHEMIN (par défaut ameli-docs.sqlite dans le répertoire courant) ou postgres://utilisateur@hôte:port/base. Aussi : AMELI_DOCS_DATABASE.")
    var database: String?

    /// The database named on the command line, else in the settings, else the SQLite file in the working directory.
    func resolved(_ settings: Settings) -> String {
        database ?? settings[.database] ?? "sqlite:ameli-docs.sqlite"
    }

    /// Whether the database named is a PostgreSQL server (rather than a SQLite file).
    func isPostgres(_ settings: Settings) -> Bool {
        let url = resolved(settings)
        return url.hasPrefix("postgres://") || url.hasPrefix("postgresql://")
    }

    /// The store, migrated, and the services that must run for it (PostgreSQL's connection pool).
    func open(_ settings: Settings, logger: Logger) throws -> OpenedStore {
        let url = resolved(settings)
        if isPostgres(settings) {
            let store = try PostgresStore(url: url, logger: logger)
            return OpenedStore(store: store, services: [store], description: "PostgreSQL")
        }
        guard url.hasPrefix("sqlite:") else {
            throw ValidationError("--database : attendu sqlite:CHEMIN ou postgres://…")
        }
        let path = String(url.dropFirst("sqlite:".count))
        guard !path.isEmpty else { throw ValidationError("--database sqlite: demande un chemin de fichier.") }
        return OpenedStore(store: try SQLiteStore(path: path), services: [], description: "SQLite \(path)")
    }
}

struct OpenedStore {
    let store: any Store
    let services: [any Service]
    let description: String

    /// Runs `body` with the store migrated and its services running, then stops them.
    func withRunning<T: Sendable>(logger: Logger, _ body: @Sendable @escaping (any Store) async throws -> T) async throws -> T {
        guard !services.isEmpty else {
            try await store.migrate()
            return try await body(store)
        }
        return try await withThrowingTaskGroup(of: T?.self) { group in
            let serviceGroup = ServiceGroup(services: services, gracefulShutdownSignals: [], cancellationSignals: [], logger: logger)
            group.addTask { try await serviceGroup.run(); return nil }
            try await store.migrate()
            let result = try await body(store)
            await serviceGroup.triggerGracefulShutdown()
            for try await _ in group {}
            return result
        }
    }
}
