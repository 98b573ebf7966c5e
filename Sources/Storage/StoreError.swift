// StoreError: what a store reports that the service turns into an answer (404, 409), never a 500.
public enum StoreError: Error, Sendable, Equatable {
    /// No record for this NIR (or not this caller's).
    case householdNotFound
    /// The idempotency key was used before for another request.
    case idempotencyKeyReused
    /// A concurrent writer won (unique constraint, serialization failure) and retrying did not help.
    case conflict
    /// A stored row that no longer decodes (a bug or a manual edit), named for the log.
    case corruptRow(String)
}
