// TemplateLoadingTests: the four committed templates load, and a broken one fails with the file, line and problem.
import DisplayList
@testable import Documents
import Foundation
import Testing

struct TemplateLoadingTests {
    let resources = try! ResourceLocator.locate()

    @Test func everyCommittedTemplateLoads() throws {
        let library = try TemplateLibrary(directory: resources.templatesDirectory)
        for kind in DocumentKind.allCases {
            let template = library.template(for: kind)
            #expect(template.kind == kind)
            #expect(template.path.hasSuffix("Templates/\(kind.rawValue).tpl"))
            #expect(!template.elements.isEmpty)
        }
        #expect(library.template(for: .card).pageSize == .id1)
        #expect(library.template(for: .certificate).pageSize == .a4)
    }

    /// A minimal valid template, line numbers fixed, into which each case injects one bad line at line 9.
    static func template(with line: String, kind: DocumentKind = .card) -> String {
        """
        # a test template
        document \(kind.rawValue)
        page size=id1
        info title="T" author="A"
        font sans face=sans
        colour blue hex=003399
        style data font=sans size=7 scale=0.9 leading=10
        text x=5 y=10 style=data "{lastName}"
        \(line)
        """
    }

    /// Each broken line, and a fragment the message must contain: every error names the file and line 9.
    static let brokenLines: [(line: String, message: String)] = [
        ("txt x=5 y=10 style=data \"x\"", "unknown keyword “txt”"),
        ("seal x=5 y=10 width=40 module=0.3 style=data", "module must be at least 0.4 mm (SEAL.md)"),
        ("seal x=5 y=10 width=90 module=0.5 style=data", "past the page's right edge"),
        ("seal x=5 y=10 width=40 module=0.5 style=data \"x\"", "seal takes no quoted text"),
        ("text x=5 y=10 colr=blue style=data \"x\"", "unknown attribute “colr” for text"),
        ("text x=5 y=10 style=body \"x\"", "style “body” is not defined"),
        ("text x=5 y=10 style=data \"{lastNmae}\"", "unknown binding {lastNmae}"),
        ("text x=5 y=10 style=data \"{lastName\"", "without its closing “}”"),
        ("text x=5 y=10 style=data \"unterminated", "unterminated quoted text"),
        ("text x=5 y=10 style=data", "text needs its quoted text"),
        ("text x=5 y=10 width=90 style=data \"x\"", "past the page's right edge"),
        ("text x=5 y=10 style=data align=right \"x\"", "align=right needs a width"),
        ("text x=5 y=10 width=20 style=data fit=shrink \"x\"", "needs the attribute “min-size”"),
        ("text x=5 y=10 width=20 style=data fit=squeeze \"x\"", "unknown fit “squeeze”"),
        ("text x=5 y=ten style=data \"x\"", "y=ten is not a length"),
        ("text x=5 y=same*2 style=data \"x\"", "write same, same+N or same-N"),
        ("colour blue hex=112233", "colour “blue” is defined twice"),
        ("colour red hex=GG0000", "six hexadecimal digits"),
        ("style big font=serif size=9", "font “serif” is not defined"),
        ("style big font=sans size=200", "size must be between 3 and 72"),
        ("rect x=1 y=1 width=5 height=5", "rect needs fill= or stroke="),
        ("rect x=1 y=1 width=5 height=5 fill=red", "colour “red” is not defined"),
        ("list x=5 y=10 width=40 style=data items=lastName", "items=lastName is not a list"),
        ("text x=5 x=6 y=10 style=data \"x\"", "attribute “x” is given twice"),
        ("page size=a4", "“page” is given twice"),
        ("info title=\"T\" author=\"{nobody}\"", "“info” is given twice"),
        ("mark x=60 y=3 width=20 height=13 field=blue stars=white square=8 style=data \"FR\"", "smaller than half the mark"),
    ]

    @Test(arguments: brokenLines.indices)
    func brokenTemplateNamesFileLineAndProblem(case index: Int) {
        let (line, message) = Self.brokenLines[index]
        do {
            _ = try TemplateLibrary.parse(Self.template(with: line), path: "Templates/card.tpl", kind: .card)
            Issue.record("“\(line)” was accepted")
        } catch {
            #expect(error.path == "Templates/card.tpl")
            #expect(error.line == 9, "\(error)")
            #expect(error.message.contains(message), "\(error)")
            #expect(error.description.hasPrefix("Templates/card.tpl:9: "))
        }
    }

    @Test func theMinimalTemplateItselfIsValid() throws {
        let template = try TemplateLibrary.parse(Self.template(with: "# nothing"), path: "t.tpl", kind: .card)
        #expect(template.elements.count == 1)
    }

    @Test func aTemplateForAnotherDocumentIsRefusedAtItsFirstLine() {
        #expect(throws: TemplateError(path: "card.tpl", line: 2,
                                      message: "this file must declare “document card”, not “document certificate”")) {
            try TemplateLibrary.parse(Self.template(with: "", kind: .certificate), path: "card.tpl", kind: .card)
        }
    }

    @Test func aTemplateWithoutInfoFailsAtItsLastLine() {
        let text = "document card\npage size=id1\nfont sans face=sans\nstyle s font=sans size=7\ntext x=1 y=5 style=s \"x\""
        #expect(throws: TemplateError(path: "t.tpl", line: 5, message: "the template ends without an “info” line (title and author)")) {
            try TemplateLibrary.parse(text, path: "t.tpl", kind: .card)
        }
    }

    @Test func aMissingFileNamesItsPath() {
        #expect(throws: TemplateError(path: "/nowhere/card.tpl", line: 0, message: "cannot read the template file")) {
            try TemplateLibrary.load(path: "/nowhere/card.tpl", kind: .card)
        }
    }

    @Test func lengthsAreMillimetresUnlessWrittenInPoints() throws {
        #expect(try TemplateParser.length("25.4", key: "x") == 72)
        #expect(try TemplateParser.length("25.4mm", key: "x") == 72)
        #expect(try TemplateParser.length("10pt", key: "x") == 10)
    }

    @Test func positionsAreAbsoluteBelowOrRelativeToTheElementBefore() throws {
        let text = """
            document card
            page size=id1
            info title="T" author="A"
            font sans face=sans
            style data font=sans size=7
            text x=5 y=10 style=data "a"
            text x=5 y=same-2 style=data "b"
            text x=5 y=+10pt style=data "c"
            text x=5 y=same+1mm style=data "d"
            """
        let template = try TemplateLibrary.parse(text, path: "t.tpl", kind: .card)
        let positions = template.elements.compactMap { element -> VerticalPosition? in
            if case .text(let block) = element.block { return block.y }
            return nil
        }
        let mm = Length.points(millimetres:)
        #expect(positions == [.absolute(mm(10)), .same(offset: -mm(2)), .below(10), .same(offset: mm(1))])
    }
}
