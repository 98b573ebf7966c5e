// RecordImport: reading insured records (API.md "Records") for the admin route and `ameli-docs import`.
import APIContract
import Foundation
public import Records

/// The admin PUT takes one record, the CLI an array of them. Their shape is openapi.yaml's `InsuredRecord` (the
/// generated type refuses unknown fields); the records' own decoding then checks what a schema cannot (NIR keys,
/// real dates, card histories) and names each field in French; no date may lie in the future.
public enum RecordImport {
    /// One record, checked against `today` (no birth, card or loss in the future). `shapeChecked`: the caller
    /// has already read the bytes as the contract's `InsuredRecord` (the generated server has, for the admin PUT).
    public static func record(from bytes: [UInt8], today: CivilDate, shapeChecked: Bool = false) throws -> InsuredRecord {
        if !shapeChecked { _ = try decode(Components.Schemas.InsuredRecord.self, from: bytes) }
        let record = try decode(InsuredRecord.self, from: bytes)
        let future = record.futureDates(after: today)
        if !future.isEmpty { throw APIProblem.invalid(future) }
        return record
    }

    /// A JSON array of records (`ameli-docs import FILE.json`); errors name the record's index.
    public static func records(from bytes: [UInt8], today: CivilDate) throws -> [InsuredRecord] {
        _ = try decode([Components.Schemas.InsuredRecord].self, from: bytes)
        let records = try decode([InsuredRecord].self, from: bytes)
        for (index, record) in records.enumerated() {
            let future = record.futureDates(after: today)
            if !future.isEmpty { throw APIProblem.invalid(future, under: "[\(index)]") }
        }
        return records
    }

    private static func decode<T: Decodable>(_ type: T.Type, from bytes: [UInt8]) throws -> T {
        try RequestBody.checkUTF8(bytes)
        do {
            return try JSONDecoder().decode(T.self, from: Data(bytes))
        } catch let error as RecordError {
            throw APIProblem.invalid(error)
        } catch let error as DecodingError {
            if (try? JSONSerialization.jsonObject(with: Data(bytes), options: [.fragmentsAllowed])) == nil {
                throw APIProblem(.invalidJSON, detail: "Le corps de la requête n'est pas un JSON valide.")
            }
            throw RequestBody.problem(error)
        }
    }
}
