// ImportAtomicityTests: `importRecords` (ameli-docs import) writes every record or none, even when the database
// fails part-way — made to fail by a trigger that refuses one NIR, on a real SQLite file and a real PostgreSQL.
import Foundation
import GRDB
import PostgresNIO
import Records
import Storage
import StoragePostgres
import StorageSQLite
import Testing

@Suite struct ImportAtomicityTests {
    /// Makes the database refuse any write of `StoreTests.otherNIR`'s record, as a disk or constraint failure would.
    static func refuseOtherNIR(_ store: any Store) async throws -> Bool {
        let nir = StoreTests.otherNIR.value
        if let sqlite = store as? SQLiteStore {
            let queue = try DatabaseQueue(path: sqlite.path)
            try await queue.write { db in
                try db.execute(sql: """
                    CREATE TRIGGER refuse_insert BEFORE INSERT ON insured WHEN NEW.nir = '\(nir)'
                    BEGIN SELECT RAISE(ABORT, 'refused by the test'); END
                    """)
            }
            return true
        }
        if let postgres = store as? PostgresStore {
            try await postgres.client.query(PostgresQuery(unsafeSQL: """
                CREATE FUNCTION refuse_insert() RETURNS trigger AS $$
                BEGIN IF NEW.nir = '\(nir)' THEN RAISE EXCEPTION 'refused by the test'; END IF; RETURN NEW; END $$ LANGUAGE plpgsql
                """))
            try await postgres.client.query(PostgresQuery(unsafeSQL: """
                CREATE TRIGGER refuse_insert BEFORE INSERT ON insured FOR EACH ROW EXECUTE FUNCTION refuse_insert()
                """))
            return true
        }
        return false   // the in-memory store has no database to fail
    }

    @Test func aFailureAtTheSecondRecordLeavesTheFirstUntouched() async throws {
        try await StoreTests.withStores { (store: any Store, kind: String) async throws in
            // The in-memory store has no database to make fail; the two real ones are what this test is about.
            guard try await Self.refuseOtherNIR(store) else { #expect(kind == "memory"); return }
            await #expect(throws: (any Error).self, "\(kind)") {
                _ = try await store.importRecords([StoreTests.record(), StoreTests.record(StoreTests.otherNIR)], at: StoreTests.now)
            }
            #expect(try await store.household(of: StoreTests.nir) == nil, "\(kind): the first record was written and not rolled back")
            // Without the failing record, the same import goes through: the trigger refuses one NIR only.
            #expect(try await store.importRecords([StoreTests.record()], at: StoreTests.now) == [.created], "\(kind)")
        }
    }
}
