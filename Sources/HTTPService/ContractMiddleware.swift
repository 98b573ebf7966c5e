// ContractMiddleware: a body is read once, within its limit and encoding, before the generated code decodes it;
// decoding errors become the API's answers, and the forms' missing fields go to the rules that name them.
import HTTPEdge
import Procedures
import APIContract
import Foundation
import HTTPTypes
import OpenAPIRuntime
import Records
import Storage
import TeleserviceRules

struct ContractMiddleware: ServerMiddleware {
    let service: AmeliService

    /// Every POST and PUT of openapi.yaml takes a body; reading it here for all of them (not from a list kept by
    /// hand) means none escapes the limits, the UTF-8 check or the idempotency key's fingerprint.
    static func takesBody(_ request: HTTPRequest) -> Bool {
        request.method == .post || request.method == .put
    }

    func intercept(
        _ request: HTTPRequest, body: HTTPBody?, metadata: ServerRequestMetadata, operationID: String,
        next: @Sendable (HTTPRequest, HTTPBody?, ServerRequestMetadata) async throws -> (HTTPResponse, HTTPBody?)
    ) async throws -> (HTTPResponse, HTTPBody?) {
        let (response, responseBody) = Self.takesBody(request)
            ? try await withCheckedBody(request, body: body, metadata: metadata, operationID: operationID, next: next)
            : try await next(request, body, metadata)
        return (Self.restoringQuotes(response), responseBody)
    }

    /// The runtime writes string headers in URI "simple" style, which percent-encodes the quotes that RFC 9110
    /// makes part of these fields' syntax (an ETag is `"…"`, a file name is `filename="…"`); they are restored.
    private static func restoringQuotes(_ response: HTTPResponse) -> HTTPResponse {
        var response = response
        for name in [HTTPField.Name.eTag, .contentDisposition, .cacheControl] {
            if let value = response.headerFields[name], let plain = value.removingPercentEncoding { response.headerFields[name] = plain }
        }
        return response
    }

    private func withCheckedBody(
        _ request: HTTPRequest, body: HTTPBody?, metadata: ServerRequestMetadata, operationID: String,
        next: @Sendable (HTTPRequest, HTTPBody?, ServerRequestMetadata) async throws -> (HTTPResponse, HTTPBody?)
    ) async throws -> (HTTPResponse, HTTPBody?) {
        var request = request
        // A body without a media type is read as JSON, as API.md's callers have always sent it.
        let mediaType = request.headerFields[.contentType]?.split(separator: ";").first?
            .trimmingCharacters(in: .whitespaces).lowercased() ?? "application/json"
        if request.headerFields[.contentType] == nil { request.headerFields[.contentType] = "application/json" }
        let isScan = operationID == Operations.Verify.id && mediaType == "image/png"
        guard mediaType == "application/json" || isScan else {
            throw APIProblem(.unsupportedMediaType, detail: operationID == Operations.Verify.id
                ? "Envoyez le texte du cachet en JSON (application/json) ou une image PNG du document (image/png)."
                : "Le corps de la requête doit être du JSON (application/json).")
        }
        let bytes = try await Self.collect(body, request: request, limit: isScan ? AmeliService.maximumScanSize : Procedures.RequestBody.maximumSize)
        if !isScan {
            try Procedures.RequestBody.checkUTF8(bytes)
            if bytes.allSatisfy({ [0x20, 0x09, 0x0A, 0x0D].contains($0) }) {
                throw APIProblem(.invalidJSON, detail: "Le corps de la requête est vide : un objet JSON est attendu.")
            }
        }
        var scope = try RequestScope.require()
        scope.body = bytes
        return try await RequestScope.$current.withValue(scope) {
            do {
                return try await next(request, HTTPBody(bytes), metadata)
            } catch let error as ServerError {
                guard error.operationInput == nil, let decoding = error.underlyingError as? DecodingError else { throw error }
                // Text that is not JSON at all says so, whatever the decoder's path (read again only on this error).
                if (try? JSONSerialization.jsonObject(with: Data(bytes), options: [.fragmentsAllowed])) == nil {
                    throw APIProblem(.invalidJSON, detail: "Le corps de la requête n'est pas un JSON valide.")
                }
                try await ruleCheckedForm(operationID, decoding: decoding, bytes: bytes, request: request, metadata: metadata)
                throw Procedures.RequestBody.problem(decoding)
            }
        }
    }

    /// The proxy form and the departure question are checked by their rules (P_FIELDS naming every field at once,
    /// P_CERTIFY, R_DEPARTURE after the rules that block the beneficiary), not refused at the first field the
    /// contract's type misses. Throws the rules' refusal; returns when the error is the contract's to answer.
    /// Nothing is performed: the form is judged with the household read, not changed, and a card order without its answer is always refused by
    /// `CardTeleservice.requestCard` inside a transaction that is rolled back (on PostgreSQL the card serial it drew
    /// leaves a gap in the sequence, as any refused order does).
    private func ruleCheckedForm(_ operationID: String, decoding: DecodingError, bytes: [UInt8], request: HTTPRequest,
                                 metadata: ServerRequestMetadata) async throws {
        if case .dataCorrupted(let context) = decoding, context.codingPath.isEmpty || context.debugDescription.hasPrefix("Additional") {
            return   // not JSON, or an unknown field: answered as such
        }
        switch (operationID, decoding) {
        case (Operations.CreateProxy.id, _):
            let input: ProxyInput
            do { input = try JSONDecoder().decode(ProxyInput.self, from: Data(bytes)) } catch let error as DecodingError {
                throw Procedures.RequestBody.problem(error)
            }
            try await service.checkProxyForm(try RequestScope.caller(), form: input.form, certified: input.certified ?? false)
        case (Operations.OrderCard.id, .keyNotFound), (Operations.OrderCard.id, .valueNotFound):
            _ = try await service.orderCard(try .ofRequest(idempotencyKey: request.headerFields[HTTPField.Name("Idempotency-Key")!]),
                                            beneficiary: metadata.pathParameters["id"].map(String.init) ?? "",
                                            departureWithin15Days: nil)
        default:
            return
        }
    }

    /// The whole body, refusing more than `limit` bytes (also when Content-Length announces it) with 413.
    private static func collect(_ body: HTTPBody?, request: HTTPRequest, limit: Int) async throws -> [UInt8] {
        let tooLarge = APIProblem(.payloadTooLarge, detail: "La requête dépasse la taille maximale admise (\(limit / 1024) Kio).")
        if let length = request.headerFields[.contentLength].flatMap(Int.init), length > limit { throw tooLarge }
        guard let body else { return [] }
        do {
            return try await [UInt8](collecting: body, upTo: limit)
        } catch {
            throw tooLarge
        }
    }
}

/// A proxy body the contract's type refused, read as the rules read a form: every field optional, so that the rules
/// name every missing or invalid one (P_FIELDS, P_ADULT), and the certification box absent is not ticked (P_CERTIFY).
struct ProxyInput: Decodable {
    let form: ProxyForm
    let certified: Bool?

    init(from decoder: any Decoder) throws {
        form = try ProxyForm(from: decoder)
        certified = try decoder.container(keyedBy: Key.self).decodeIfPresent(Bool.self, forKey: .certified)
    }

    private enum Key: String, CodingKey {
        case certified
    }
}
