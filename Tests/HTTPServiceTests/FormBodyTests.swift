// FormBodyTests: the pages' forms as browsers send them, read by Hummingbird's URL-encoded decoder and by
// MultipartKit; a body that cannot be read gives nothing rather than half a form.
@testable import HTTPService
@testable import Procedures
@testable import HTTPEdge
@testable import Pages
import Testing

struct FormBodyTests {
    @Test func urlEncodedFieldsAreDecoded() {
        let form = FormBody(Array("nature=perte&date=2026-03-14&sworn=on&lastName=D%27ARTAGNAN+DE+CASTELMORE&vide=".utf8))
        #expect(form["nature"] == "perte" && form["date"] == "2026-03-14" && form["sworn"] == "on")
        #expect(form["lastName"] == "D'ARTAGNAN DE CASTELMORE", "+ is a space, %27 an apostrophe")
        #expect(form["vide"] == "" && form["absent"] == nil)
        #expect(FormBody(Array("_csrf=a%ZZ&x=1".utf8)).fields.isEmpty, "a malformed escape gives no fields")
    }

    @Test func multipartFieldsAndFilesAreSeparated() throws {
        let boundary = "----form7MA4YWxkTrZu0gW"
        let body = "--\(boundary)\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\nabc.def\r\n"
            + "--\(boundary)\r\nContent-Disposition: form-data; name=\"scan\"; filename=\"scan.png\"\r\nContent-Type: image/png\r\n\r\n\u{1}\u{2}\u{3}\r\n"
            + "--\(boundary)--\r\n"
        let parts = try #require(FormBody.multipart(Array(body.utf8), contentType: "multipart/form-data; boundary=\(boundary)"))
        #expect(parts.fields == ["_csrf": "abc.def"])
        #expect(parts.files == ["scan": [1, 2, 3]])
        #expect(FormBody.multipart(Array(body.utf8), contentType: "multipart/form-data") == nil, "no boundary, no form")
        #expect(FormBody.multipart(Array("--\(boundary)\r\nbroken".utf8), contentType: "multipart/form-data; boundary=\(boundary)") == nil
                || FormBody.multipart(Array("--\(boundary)\r\nbroken".utf8), contentType: "multipart/form-data; boundary=\(boundary)")?.fields.isEmpty == true)
    }
}
