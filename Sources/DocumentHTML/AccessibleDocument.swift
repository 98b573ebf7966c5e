// AccessibleDocument: the HTML twin of a document (RGAA 4.1 criterion 13.3), made from the very description the PDF
// is laid out from — not from a second copy of its content.
public import Documents
import DisplayList
import HTMLText

/// Reads a bound description in template order and gives its content a structure a screen reader can use:
/// the document's title as `h1`; bold lines standing alone as `h2`; a line whose last text is a bound field
/// (`name=…`) as a table row, the texts before it as the header cell (`th scope="row"`) and the field as the data
/// cell — a line just under it, at the label's or the value's left edge, continues that cell (the English label
/// of the certificate, an address); lists as lists; the seal's caption as a paragraph. Positions, colours and
/// rules carry no content and are left out; the European mark gives the issuing state's code when no field does.
public enum AccessibleDocument {
    /// One part of the twin, in reading order.
    enum Part: Equatable {
        case heading(level: Int, text: String)
        /// Lines set one under the other (an address, a stamp), shown as one paragraph with line breaks.
        case paragraph([String])
        case row(header: [String], value: [String])
        case list([String])
    }

    /// A complete HTML page: `lang="fr"`, the title, a small stylesheet, the content in `main`.
    public static func html(_ description: DocumentDescription, note: String? = nil) -> String {
        let body = fragment(description)
        var lines = [
            "<!DOCTYPE html>",
            "<html lang=\"fr\">",
            "<head>",
            "<meta charset=\"utf-8\">",
            "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">",
            "<title>\(HTMLText.escape(description.info.title)) — version accessible</title>",
            "<style>\(stylesheet)</style>",
            "</head>",
            "<body>",
            "<main>",
        ]
        if let note { lines.append("<p class=\"note\">\(HTMLText.escape(note))</p>") }
        lines.append(body)
        lines += ["</main>", "</body>", "</html>"]
        return lines.joined(separator: "\n") + "\n"
    }

    /// The content alone (from `h1` on), to be placed inside a page of the site.
    public static func fragment(_ description: DocumentDescription) -> String {
        var html: [String] = []
        var rows: [String] = []
        func flushRows() {
            guard !rows.isEmpty else { return }
            html.append("<table>\n<tbody>\n" + rows.joined(separator: "\n") + "\n</tbody>\n</table>")
            rows = []
        }
        for part in parts(description) {
            switch part {
            case .row(let header, let value):
                let th = header.map(HTMLText.escape).joined(separator: "<br>")
                let td = value.map(HTMLText.escape).joined(separator: "<br>")
                rows.append("<tr><th scope=\"row\">\(th)</th><td>\(td)</td></tr>")
            case .heading(let level, let text):
                flushRows()
                html.append("<h\(level)>\(HTMLText.escape(text))</h\(level)>")
            case .paragraph(let lines):
                flushRows()
                html.append("<p>" + lines.map(HTMLText.escape).joined(separator: "<br>") + "</p>")
            case .list(let items):
                flushRows()
                html.append("<ul>\n" + items.map { "<li>\(HTMLText.escape($0))</li>" }.joined(separator: "\n") + "\n</ul>")
            }
        }
        flushRows()
        return html.joined(separator: "\n")
    }

    /// The description's content as parts, in reading order: `DocumentReading`'s, which the tagged PDF reads too.
    static func parts(_ description: DocumentDescription) -> [Part] {
        var parts: [Part] = []
        var markCode: String?
        for part in DocumentReading.parts(description) {
            switch part {
            case .heading(let level, let text, _): parts.append(.heading(level: level, text: text))
            case .paragraph(let lines, _): parts.append(.paragraph(lines))
            case .row(let header, let value, _, _): parts.append(.row(header: header, value: value))
            case .list(let items, _): parts.append(.list(items))
            case .figure(let description, _): parts.append(.paragraph([description]))
            case .mark(let code, _): markCode = code
            case .seal(let caption, _):
                if !caption.isEmpty {
                    parts.append(.paragraph(["Cachet électronique visible (code 2D-Doc) : " + caption.joined(separator: " — ")]))
                }
            }
        }
        // The European mark carries the issuing state's code (the card's fields 1 and 2): a row of its own unless a
        // field already says it.
        if let code = markCode, !code.isEmpty, !parts.contains(where: { if case .row(_, let value) = $0 { value.contains(code) } else { false } }) {
            parts.insert(.row(header: ["1–2 État membre émetteur"], value: [code]), at: 1)
        }
        return parts
    }

    /// Readable on a phone and printable; contrast above 4.5:1. Public so that a server can allow exactly this
    /// inline style in its Content-Security-Policy (by hash).
    public static let stylesheet = """
        body{font-family:system-ui,sans-serif;line-height:1.5;color:#1a1a1a;background:#fff;margin:0 auto;max-width:48rem;padding:1rem}\
        h1{font-size:1.5rem;color:#003399}h2{font-size:1.15rem;color:#003399;margin-top:1.5rem}\
        table{border-collapse:collapse;width:100%}th,td{text-align:left;vertical-align:top;padding:.4rem;border-bottom:1px solid #a9b3c9}\
        th{font-weight:600;width:45%}td,th,p,li{overflow-wrap:anywhere}.note{background:#eef2fb;padding:.5rem}
        """
}
