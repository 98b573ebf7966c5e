// AccessibleTwinTests: every sample's HTML twin (RGAA 13.3) is built from the description the PDF comes
// from — French, one h1 with the document's title, the fields as rows with header cells, every value the PDF
// prints, the seal's caption — and is the same text every time.
import DisplayList
import DocumentHTML
import DocumentPipeline
import HTMLText
import Documents
import Foundation
import Testing

struct AccessibleTwinTests {
    func twin(_ name: String) throws -> (record: DocumentRecord, description: DocumentDescription, html: String) {
        let record = try Fixtures.record(name)
        let description = try Fixtures.pipeline.get().describe(record, seal: record.kind == .card ? nil : try Fixtures.goldenSeal(record))
        return (record, description, AccessibleDocument.html(description))
    }

    @Test(arguments: Fixtures.exampleNames)
    func twinCarriesEveryValueInAStructureAScreenReaderReads(name: String) throws {
        let (record, description, html) = try twin(name)
        #expect(html.hasPrefix("<!DOCTYPE html>\n<html lang=\"fr\">"))
        #expect(html.components(separatedBy: "<h1>").count == 2, "one h1")
        // The h1 is the title as printed (the line named title), else the document's title.
        let printedTitle = description.blocks.lazy.compactMap { block -> String? in
            if case .text(let text) = block, text.name == "title" { text.text } else { nil }
        }.first
        #expect(html.contains("<h1>\(HTMLText.escape(printedTitle ?? description.info.title))</h1>"))
        #expect(html.contains("<th scope=\"row\">"), "the fields are rows with header cells")
        for value in PDFOracleTests.printedValues(record) {
            #expect(html.contains(HTMLText.escape(value)), "the twin lost the value “\(value)”")
        }
        // Every bound field of the description is a data cell or part of the text (the title is the h1; a page
        // footer is an artifact, repeated layout, in the twin as in the tagged PDF).
        for case .text(let text) in description.blocks
        where text.name != nil && !text.text.isEmpty && !text.isPagination && text.text.lowercased() != description.info.title.lowercased() {
            #expect(html.contains(HTMLText.escape(text.text)), "\(text.name ?? "") “\(text.text)”")
        }
        if record.kind != .card {
            #expect(html.contains("Cachet électronique visible"), "the seal's caption")
        }
        #expect(AccessibleDocument.html(try Fixtures.pipeline.get().describe(record, seal: record.kind == .card ? nil : try Fixtures.goldenSeal(record))) == html)
    }

    /// The certificate's fields 1 to 9 (S2), each a row: the number and French label as the header cell, the
    /// English label under it, the value in the data cell.
    @Test func certificateFieldsAreRowsWithTheirLabels() throws {
        let (_, _, html) = try twin("certificate")
        #expect(html.contains("<tr><th scope=\"row\">3 Nom<br>Name</th><td>DUPONT</td></tr>"), "\(html)")
        #expect(html.contains("<h2>Titulaire de la carte / Card holder</h2>"))
        let rows = html.components(separatedBy: "<tr>").count - 1
        #expect(rows >= 9, "\(rows) rows")
    }

    /// A section title after a row starts a section; the lines just under a value continue it.
    @Test func acknowledgementSectionsAreHeadingsAndAddressesContinueTheirRow() throws {
        let (_, _, html) = try twin("acknowledgement")
        #expect(html.contains("<h2>Suite donnée à votre demande</h2>"), "\(html)")
        #expect(html.contains("<th scope=\"row\">Service chargé de votre demande</th><td>CPAM"), "\(html)")
        #expect(html.contains("<br>Téléphone : "), "the address and phone continue the service's cell")
    }

    @Test func escapingLeavesNoMarkupThrough() {
        #expect(HTMLText.escape("<script>\"a\" & 'b'</script>") == "&lt;script&gt;&quot;a&quot; &amp; &#39;b&#39;&lt;/script&gt;")
    }
}
