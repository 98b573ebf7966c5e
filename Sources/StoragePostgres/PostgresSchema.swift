// PostgresSchema: the same versioned migrations as the SQLite store, in PostgreSQL's dialect.
import Storage

/// Migration ids match `SQLiteSchema`'s. Each migration is a list of statements (PostgresNIO's extended protocol
/// runs one statement per query) applied in one transaction with its id recorded in `schema_migrations`.
enum PostgresSchema {
    static let migrations: [(id: String, statements: [String])] = [
        ("v1-households", [
            // Records are JSON text (StoredJSON); instants are seconds since 1970, as in SQLite.
            """
            CREATE TABLE insured (
                nir text PRIMARY KEY,
                record text NOT NULL,
                updated_at double precision NOT NULL
            )
            """,
            """
            CREATE TABLE card_orders (
                id text PRIMARY KEY,
                nir text NOT NULL REFERENCES insured(nir),
                beneficiary_id text NOT NULL,
                submitted_at double precision NOT NULL,
                body text NOT NULL
            )
            """,
            "CREATE INDEX card_orders_by_nir ON card_orders(nir)",
            """
            CREATE TABLE proxies (
                id text PRIMARY KEY,
                nir text NOT NULL REFERENCES insured(nir),
                created_at double precision NOT NULL,
                body text NOT NULL,
                confirmation text
            )
            """,
            "CREATE INDEX proxies_by_nir ON proxies(nir, created_at)",
            """
            CREATE TABLE certificates (
                id text PRIMARY KEY,
                nir text NOT NULL REFERENCES insured(nir),
                order_id text NOT NULL,
                beneficiary_id text NOT NULL,
                body text NOT NULL,
                downloaded_at double precision,
                sha256 text
            )
            """,
            """
            CREATE TABLE messages (
                id text PRIMARY KEY,
                nir text NOT NULL REFERENCES insured(nir),
                received_at double precision NOT NULL,
                body text NOT NULL
            )
            """,
            "CREATE INDEX messages_by_nir ON messages(nir, received_at)",
            """
            CREATE TABLE email_notices (
                seq bigserial PRIMARY KEY,
                nir text NOT NULL REFERENCES insured(nir),
                sent_at double precision NOT NULL,
                body text NOT NULL
            )
            """,
            "CREATE INDEX email_notices_by_nir ON email_notices(nir)",
            """
            CREATE TABLE procedures (
                id text PRIMARY KEY,
                nir text NOT NULL REFERENCES insured(nir),
                submitted_at double precision NOT NULL,
                body text NOT NULL
            )
            """,
            "CREATE INDEX procedures_by_nir ON procedures(nir, submitted_at)",
            """
            CREATE TABLE idempotency_keys (
                principal text NOT NULL,
                key text NOT NULL,
                fingerprint text NOT NULL,
                status integer NOT NULL,
                content_type text NOT NULL,
                body bytea NOT NULL,
                PRIMARY KEY (principal, key)
            )
            """,
            """
            CREATE TABLE served_documents (
                seq bigserial PRIMARY KEY,
                nir text NOT NULL,
                kind text NOT NULL,
                document_id text NOT NULL,
                format text NOT NULL,
                sha256 text NOT NULL,
                served_at double precision NOT NULL
            )
            """,
            "CREATE INDEX served_documents_by_nir ON served_documents(nir)",
            // A real sequence: nextval never blocks other transactions; a rolled-back order leaves a gap, harmless.
            "CREATE SEQUENCE card_serial START WITH \(CardSerial.firstValue)",
        ]),
        ("v2-document-register", [
            // SEAL.md's register, as in SQLiteSchema: keyed by the upper-cased id, days as ISO text.
            """
            CREATE TABLE document_register (
                id_key text PRIMARY KEY,
                id text NOT NULL,
                kind text NOT NULL,
                nir text NOT NULL,
                subject text,
                seal text NOT NULL,
                key_id text NOT NULL,
                issued_at double precision NOT NULL,
                valid_from text,
                valid_until text,
                sha256 text,
                status text NOT NULL,
                revoked_at double precision,
                revoked_reason text
            )
            """,
            "CREATE INDEX document_register_by_subject ON document_register(nir, subject)",
        ]),
        // A view records its document once per distinct content, on every replica; earlier repeats go.
        ("v3-served-once", [
            "DELETE FROM served_documents WHERE seq NOT IN (SELECT MIN(seq) FROM served_documents GROUP BY nir, kind, document_id, format, sha256)",
            "CREATE UNIQUE INDEX served_documents_once ON served_documents(nir, kind, document_id, format, sha256)",
        ]),
        ("v4-outbox", [
            // See SQLiteSchema's v4-outbox: notices become a queue; rows already there stay pending.
            "ALTER TABLE email_notices ADD COLUMN id text",
            """
            UPDATE email_notices SET id = 'notice-' || seq,
                body = jsonb_set(body::jsonb, '{reference}', to_jsonb('notice-' || seq::text))::text
            """,
            "ALTER TABLE email_notices ALTER COLUMN id SET NOT NULL",
            "CREATE UNIQUE INDEX email_notices_by_id ON email_notices(id)",
            """
            ALTER TABLE email_notices
                ADD COLUMN status text NOT NULL DEFAULT 'pending',
                ADD COLUMN attempts integer NOT NULL DEFAULT 0,
                ADD COLUMN next_attempt_at double precision NOT NULL DEFAULT 0,
                ADD COLUMN lease_owner text,
                ADD COLUMN lease_until double precision,
                ADD COLUMN delivered_at double precision,
                ADD COLUMN last_error text
            """,
            "CREATE INDEX email_notices_due ON email_notices(status, next_attempt_at)",
        ]),
        ("v5-download-lease", [
            // See SQLiteSchema's v5-download-lease: the one download taken under a lease while it renders.
            "ALTER TABLE certificates ADD COLUMN lease_token text, ADD COLUMN lease_until double precision",
        ]),
    ]
}
