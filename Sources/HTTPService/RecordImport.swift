// RecordImport: reading insured records (API.md "Records") for the admin route and `ameli-docs import`.
import Foundation
public import Records

/// The admin PUT takes one record, the CLI an array of them; both refuse unknown fields and dates in the future.
public enum RecordImport {
    static let cardShape = JSONShape.object([
        "number": .value, "issueDate": .value, "expiryDate": .value, "status": .value,
        "cancellation": .object(["date": .value, "kind": .value]), "replacedOn": .value,
    ])
    static let beneficiaryShape = JSONShape.object([
        "id": .value, "nir": .value, "rank": .value, "lastName": .value, "givenNames": .value, "birthDate": .value,
        "cards": .array(cardShape), "lossDeclarations": .array(.object(["date": .value, "kind": .value, "declaredOn": .value])),
    ])
    public static let recordShape = JSONShape.object([
        "nir": .value, "email": .value, "addressStatus": .value, "rights": .value,
        "institution": .object(["id": .value, "acronym": .value, "name": .value, "address": .value, "phone": .value]),
        "beneficiaries": .array(beneficiaryShape),
    ])

    /// One record, checked against `today` (no birth, card or loss in the future).
    public static func record(from bytes: [UInt8], today: CivilDate) throws -> InsuredRecord {
        let record = try RequestBody(bytes: bytes).decode(InsuredRecord.self)
        let future = record.futureDates(after: today)
        if !future.isEmpty { throw APIProblem.invalid(future) }
        return record
    }

    /// A JSON array of records (`ameli-docs import FILE.json`); errors name the record's index.
    public static func records(from bytes: [UInt8], today: CivilDate) throws -> [InsuredRecord] {
        let records = try RequestBody(bytes: bytes).decode(RecordList.self).records
        for (index, record) in records.enumerated() {
            let future = record.futureDates(after: today)
            if !future.isEmpty { throw APIProblem.invalid(future, under: "[\(index)]") }
        }
        return records
    }
}

extension InsuredRecord: RequestDecodable {
    public static var shape: JSONShape { RecordImport.recordShape }
}

struct RecordList: RequestDecodable {
    let records: [InsuredRecord]
    static var shape: JSONShape { .array(RecordImport.recordShape) }

    init(from decoder: any Decoder) throws {
        records = try decoder.singleValueContainer().decode([InsuredRecord].self)
    }
}
