// SQLiteSchema: the versioned migrations of the SQLite store (the PostgreSQL store has the same, in its dialect).
import GRDB
import Storage

/// Each migration keeps its id forever once shipped; a change is a new migration. The ids are the same as the
/// PostgreSQL store's (`PostgresSchema`), so the two databases can be compared version for version.
enum SQLiteSchema {
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1-households") { db in
            // Records are JSON text (StoredJSON); the columns beside them are what queries filter and sort on.
            // Instants are seconds since 1970 (REAL), the same in both stores.
            try db.execute(sql: """
                CREATE TABLE insured (
                    nir TEXT PRIMARY KEY NOT NULL,
                    record TEXT NOT NULL,
                    updated_at REAL NOT NULL
                );
                CREATE TABLE card_orders (
                    id TEXT PRIMARY KEY NOT NULL,
                    nir TEXT NOT NULL REFERENCES insured(nir),
                    beneficiary_id TEXT NOT NULL,
                    submitted_at REAL NOT NULL,
                    body TEXT NOT NULL
                );
                CREATE INDEX card_orders_by_nir ON card_orders(nir);
                CREATE TABLE proxies (
                    id TEXT PRIMARY KEY NOT NULL,
                    nir TEXT NOT NULL REFERENCES insured(nir),
                    created_at REAL NOT NULL,
                    body TEXT NOT NULL,
                    confirmation TEXT
                );
                CREATE INDEX proxies_by_nir ON proxies(nir, created_at);
                CREATE TABLE certificates (
                    id TEXT PRIMARY KEY NOT NULL,
                    nir TEXT NOT NULL REFERENCES insured(nir),
                    order_id TEXT NOT NULL,
                    beneficiary_id TEXT NOT NULL,
                    body TEXT NOT NULL,
                    downloaded_at REAL,
                    sha256 TEXT
                );
                CREATE TABLE messages (
                    id TEXT PRIMARY KEY NOT NULL,
                    nir TEXT NOT NULL REFERENCES insured(nir),
                    received_at REAL NOT NULL,
                    body TEXT NOT NULL
                );
                CREATE INDEX messages_by_nir ON messages(nir, received_at);
                CREATE TABLE email_notices (
                    seq INTEGER PRIMARY KEY AUTOINCREMENT,
                    nir TEXT NOT NULL REFERENCES insured(nir),
                    sent_at REAL NOT NULL,
                    body TEXT NOT NULL
                );
                CREATE INDEX email_notices_by_nir ON email_notices(nir);
                CREATE TABLE procedures (
                    id TEXT PRIMARY KEY NOT NULL,
                    nir TEXT NOT NULL REFERENCES insured(nir),
                    submitted_at REAL NOT NULL,
                    body TEXT NOT NULL
                );
                CREATE INDEX procedures_by_nir ON procedures(nir, submitted_at);
                CREATE TABLE idempotency_keys (
                    principal TEXT NOT NULL,
                    key TEXT NOT NULL,
                    fingerprint TEXT NOT NULL,
                    status INTEGER NOT NULL,
                    content_type TEXT NOT NULL,
                    body BLOB NOT NULL,
                    PRIMARY KEY (principal, key)
                );
                CREATE TABLE served_documents (
                    seq INTEGER PRIMARY KEY AUTOINCREMENT,
                    nir TEXT NOT NULL,
                    kind TEXT NOT NULL,
                    document_id TEXT NOT NULL,
                    format TEXT NOT NULL,
                    sha256 TEXT NOT NULL,
                    served_at REAL NOT NULL
                );
                CREATE INDEX served_documents_by_nir ON served_documents(nir);
                -- SQLite has no sequences: one counter row, incremented inside the procedure's transaction.
                CREATE TABLE card_serials (name TEXT PRIMARY KEY NOT NULL, last_value INTEGER NOT NULL);
                INSERT INTO card_serials (name, last_value) VALUES ('card', \(CardSerial.firstValue - 1));
                """)
        }
        migrator.registerMigration("v2-document-register") { db in
            // SEAL.md's register: one row per issued document, keyed by the upper-cased id (ids are
            // case-insensitive). Days are ISO text; instants seconds since 1970, as elsewhere.
            try db.execute(sql: """
                CREATE TABLE document_register (
                    id_key TEXT PRIMARY KEY NOT NULL,
                    id TEXT NOT NULL,
                    kind TEXT NOT NULL,
                    nir TEXT NOT NULL,
                    subject TEXT,
                    seal TEXT NOT NULL,
                    key_id TEXT NOT NULL,
                    issued_at REAL NOT NULL,
                    valid_from TEXT,
                    valid_until TEXT,
                    sha256 TEXT,
                    status TEXT NOT NULL,
                    revoked_at REAL,
                    revoked_reason TEXT
                );
                CREATE INDEX document_register_by_subject ON document_register(nir, subject);
                """)
        }
        migrator.registerMigration("v3-served-once") { db in
            // A view records its document once per distinct content, on every replica; earlier repeats go.
            try db.execute(sql: """
                DELETE FROM served_documents WHERE seq NOT IN (SELECT MIN(seq) FROM served_documents GROUP BY nir, kind, document_id, format, sha256);
                CREATE UNIQUE INDEX served_documents_once ON served_documents(nir, kind, document_id, format, sha256);
                """)
        }
        migrator.registerMigration("v4-outbox") { db in
            // Notices become a queue. Each has an id (its procedure's reference; older rows get one from
            // their sequence number), a status, its attempts and lease, and the relay's last answer. Rows already
            // there stay pending: nobody was ever told, and the documents they announce are still in the inbox.
            try db.execute(sql: """
                ALTER TABLE email_notices ADD COLUMN id TEXT;
                UPDATE email_notices SET id = 'notice-' || seq, body = json_set(body, '$.reference', 'notice-' || seq);
                CREATE UNIQUE INDEX email_notices_by_id ON email_notices(id);
                ALTER TABLE email_notices ADD COLUMN status TEXT NOT NULL DEFAULT 'pending';
                ALTER TABLE email_notices ADD COLUMN attempts INTEGER NOT NULL DEFAULT 0;
                ALTER TABLE email_notices ADD COLUMN next_attempt_at REAL NOT NULL DEFAULT 0;
                ALTER TABLE email_notices ADD COLUMN lease_owner TEXT;
                ALTER TABLE email_notices ADD COLUMN lease_until REAL;
                ALTER TABLE email_notices ADD COLUMN delivered_at REAL;
                ALTER TABLE email_notices ADD COLUMN last_error TEXT;
                CREATE INDEX email_notices_due ON email_notices(status, next_attempt_at);
                """)
        }
        migrator.registerMigration("v5-download-lease") { db in
            // The certificate's one download is taken under a lease while it renders, then completed in one
            // transaction (DownloadLease).
            try db.execute(sql: """
                ALTER TABLE certificates ADD COLUMN lease_token TEXT;
                ALTER TABLE certificates ADD COLUMN lease_until REAL;
                """)
        }
        return migrator
    }
}
