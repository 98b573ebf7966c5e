// TemplateParser: reads a template file line by line into a Template, or fails naming the line and the problem.
import DisplayList
import Foundation

/// The template language (Templates/README.md): one statement a line, lengths in millimetres unless suffixed
/// `pt`, font sizes and line widths in points. Checks everything that can be checked without a record: known
/// keywords and attributes, defined colours, fonts and styles, bindings the document offers, boxes inside the page.
struct TemplateParser {
    let path: String
    let kind: DocumentKind
    private let fileName: String

    private var colours: [String: Color] = ["black": .black, "white": .white]
    private var fonts: [String: FontID] = [:]
    private var styles: [String: TextStyle] = [:]
    private var fontDeclarations: [Template.FontDeclaration] = []
    private var sawDocument = false
    private var pageSize: Size?
    private var background: Color = .white
    private var contentBottom: Double?
    private var title: TemplateString?
    private var author: TemplateString?
    private var elements: [Template.Element] = []

    static let keywords = ["document", "page", "info", "colour", "font", "style", "text", "list", "rect", "rule", "mark", "seal"]

    init(path: String, kind: DocumentKind) {
        self.path = path
        self.kind = kind
        self.fileName = (path as NSString).lastPathComponent
    }

    static func parse(_ text: String, path: String, kind: DocumentKind) throws(TemplateError) -> Template {
        var parser = TemplateParser(path: path, kind: kind)
        var lastLine = 0
        for (index, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            lastLine = index + 1
            let trimmed = raw.hasSuffix("\r") ? raw.dropLast() : raw
            do {
                guard let line = try TemplateLine(trimmed, number: lastLine) else { continue }
                try parser.read(line)
            } catch {
                throw TemplateError(path: path, line: lastLine, message: error.message)
            }
        }
        return try parser.finish(lastLine: lastLine)
    }

    private mutating func read(_ line: TemplateLine) throws(TemplateLineError) {
        if !sawDocument, line.keyword != "document" {
            throw TemplateLineError("the first statement must be “document \(kind.rawValue)”")
        }
        if ["text", "list", "rect", "rule", "mark", "seal"].contains(line.keyword), pageSize == nil {
            throw TemplateLineError("“page” must come before the first \(line.keyword)")
        }
        switch line.keyword {
        case "document": try readDocument(line)
        case "page": try readPage(line)
        case "info": try readInfo(line)
        case "colour": try readColour(line)
        case "font": try readFont(line)
        case "style": try readStyle(line)
        case "text": try readText(line)
        case "list": try readList(line)
        case "rect": try readRect(line)
        case "rule": try readRule(line)
        case "mark": try readMark(line)
        case "seal": try readSeal(line)
        default:
            throw TemplateLineError("unknown keyword “\(line.keyword)” (known: \(Self.keywords.joined(separator: ", ")))")
        }
        if !["text", "mark"].contains(line.keyword), line.content != nil {
            throw TemplateLineError("\(line.keyword) takes no quoted text")
        }
    }

    private func finish(lastLine: Int) throws(TemplateError) -> Template {
        func missing(_ what: String) -> TemplateError {
            TemplateError(path: path, line: lastLine, message: "the template ends without \(what)")
        }
        guard sawDocument else { throw missing("“document \(kind.rawValue)”") }
        guard let pageSize else { throw missing("a “page” line") }
        guard let title, let author else { throw missing("an “info” line (title and author)") }
        guard !elements.isEmpty else { throw missing("any element") }
        return Template(kind: kind, path: path, pageSize: pageSize, background: background,
                        contentBottom: contentBottom ?? pageSize.height, title: title, author: author,
                        elements: elements, fontDeclarations: fontDeclarations)
    }

    // MARK: Statements

    private mutating func readDocument(_ line: TemplateLine) throws(TemplateLineError) {
        try line.allow([])
        guard !sawDocument else { throw TemplateLineError("“document” is given twice") }
        guard line.words == [kind.rawValue] else {
            throw TemplateLineError("this file must declare “document \(kind.rawValue)”, not “document \(line.words.joined(separator: " "))”")
        }
        sawDocument = true
    }

    private mutating func readPage(_ line: TemplateLine) throws(TemplateLineError) {
        try line.allow(["size", "width", "height", "background", "margin-bottom"])
        guard pageSize == nil else { throw TemplateLineError("“page” is given twice") }
        if let size = line.optional("size") {
            guard line.optional("width") == nil, line.optional("height") == nil else {
                throw TemplateLineError("give either size= or width= and height=, not both")
            }
            switch size {
            case "a4": pageSize = .a4
            case "id1": pageSize = .id1
            default: throw TemplateLineError("unknown page size “\(size)” (known: a4, id1)")
            }
        } else {
            pageSize = Size(width: try length(line, "width"), height: try length(line, "height"))
        }
        if line.optional("background") != nil { background = try colour(line, "background") }
        if line.optional("margin-bottom") != nil { contentBottom = pageSize!.height - (try length(line, "margin-bottom")) }
    }

    private mutating func readInfo(_ line: TemplateLine) throws(TemplateLineError) {
        try line.allow(["title", "author"])
        guard title == nil else { throw TemplateLineError("“info” is given twice") }
        title = try templateString(try line.required("title"))
        author = try templateString(try line.required("author"))
    }

    private mutating func readColour(_ line: TemplateLine) throws(TemplateLineError) {
        try line.allow(["hex"])
        let name = try declaredName(line, taken: colours.keys.contains)
        let hex = try line.required("hex")
        guard hex.utf8.count == 6, let value = UInt32(hex, radix: 16) else {
            throw TemplateLineError("colour “\(name)”: hex must be six hexadecimal digits (RRGGBB), not “\(hex)”")
        }
        colours[name] = Color(red: UInt8(value >> 16 & 0xFF), green: UInt8(value >> 8 & 0xFF), blue: UInt8(value & 0xFF))
    }

    private mutating func readFont(_ line: TemplateLine) throws(TemplateLineError) {
        try line.allow(["face"])
        let name = try declaredName(line, taken: fonts.keys.contains)
        let face = FontID(try line.required("face"))
        fonts[name] = face
        fontDeclarations.append(.init(face: face, source: SourceLocation(file: fileName, line: line.number)))
    }

    private mutating func readStyle(_ line: TemplateLine) throws(TemplateLineError) {
        try line.allow(["font", "size", "colour", "scale", "leading", "lang"])
        let name = try declaredName(line, taken: styles.keys.contains)
        let fontName = try line.required("font")
        guard let font = fonts[fontName] else {
            throw TemplateLineError("font “\(fontName)” is not defined (defined: \(fonts.keys.sorted().joined(separator: ", ")))")
        }
        let size = try points(line, "size")
        guard size >= 3, size <= 72 else { throw TemplateLineError("size must be between 3 and 72 points") }
        let scale = line.optional("scale") == nil ? 1 : try number(line, "scale")
        guard scale >= 0.5, scale <= 1.5 else { throw TemplateLineError("scale must be between 0.5 and 1.5") }
        let leading = line.optional("leading") == nil ? nil : try points(line, "leading")
        let colour = line.optional("colour") == nil ? Color.black : try colour(line, "colour")
        let language = line.optional("lang")
        if let language, !(2...3).contains(language.count) || !language.allSatisfy({ $0.isASCII && $0.isLowercase }) {
            throw TemplateLineError("lang must be a language code such as en")
        }
        styles[name] = TextStyle(font: font, size: size, color: colour, scale: scale, leading: leading, language: language)
    }

    private mutating func readText(_ line: TemplateLine) throws(TemplateLineError) {
        try line.allow(["name", "x", "y", "width", "style", "align", "fit", "min-size", "max-lines", "then", "when", "figure", "artifact"])
        try noWords(line)
        guard let content = line.content else { throw TemplateLineError("text needs its quoted text") }
        let artifact = line.optional("artifact")
        guard artifact == nil || artifact == "pagination" else { throw TemplateLineError("artifact must be pagination") }
        let string = try templateString(content)
        try checkBindings(string, shape: .text)
        let style = try style(line)
        let x = try length(line, "x")
        let width = line.optional("width") == nil ? nil : try length(line, "width")
        let alignment = try alignment(line)
        if alignment != .left, width == nil { throw TemplateLineError("align=\(alignment.rawValue) needs a width") }
        let fit = try fit(line, style: style)
        if fit != .exact, width == nil { throw TemplateLineError("fit=\(line.optional("fit")!) needs a width") }
        try inside(x: x, width: width ?? 0)
        let block = TextBlock(name: line.optional("name"), source: source(line), x: x, y: try position(line),
                              width: width, style: style, alignment: alignment, fit: fit, text: "",
                              figure: line.optional("figure"), isPagination: artifact != nil)
        elements.append(.init(block: .text(block), content: .text(string), condition: try condition(line)))
    }

    private mutating func readList(_ line: TemplateLine) throws(TemplateLineError) {
        try line.allow(["name", "x", "y", "width", "style", "bullet", "indent", "gap", "items", "when"])
        try noWords(line)
        let items = try line.required("items")
        guard kind.bindingSchema[items] == .list else {
            throw TemplateLineError("items=\(items) is not a list of the \(kind.rawValue) document (lists: \(names(of: .list)))")
        }
        let x = try length(line, "x"), width = try length(line, "width")
        try inside(x: x, width: width)
        let indent = line.optional("indent") == nil ? Length.points(millimetres: 4) : try length(line, "indent")
        guard indent < width else { throw TemplateLineError("indent must be smaller than width") }
        let block = ListBlock(name: line.optional("name"), source: source(line), x: x, y: try position(line),
                              width: width, style: try style(line), bullet: line.optional("bullet") ?? "•",
                              indent: indent, gap: line.optional("gap") == nil ? 0 : try length(line, "gap"), items: [])
        elements.append(.init(block: .list(block), content: .list(items), condition: try condition(line)))
    }

    private mutating func readRect(_ line: TemplateLine) throws(TemplateLineError) {
        try line.allow(["x", "y", "width", "height", "fill", "stroke", "line", "radius", "when", "figure"])
        try noWords(line)
        let fill = line.optional("fill") == nil ? nil : try colour(line, "fill")
        let strokeColour = line.optional("stroke") == nil ? nil : try colour(line, "stroke")
        guard fill != nil || strokeColour != nil else { throw TemplateLineError("rect needs fill= or stroke= (or both)") }
        let lineWidth = line.optional("line") == nil ? 0.5 : try points(line, "line")
        let x = try length(line, "x"), width = try length(line, "width"), height = try length(line, "height")
        try inside(x: x, width: width)
        let radius = line.optional("radius") == nil ? 0 : try length(line, "radius")
        guard radius * 2 <= min(width, height) else { throw TemplateLineError("radius is larger than half the rectangle") }
        let block = RectBlock(source: source(line), x: x, y: try position(line), width: width, height: height, fill: fill,
                              stroke: strokeColour.map { Stroke(color: $0, width: lineWidth) }, radius: radius,
                              figure: line.optional("figure"))
        elements.append(.init(block: .rect(block), content: .none, condition: try condition(line)))
    }

    private mutating func readRule(_ line: TemplateLine) throws(TemplateLineError) {
        try line.allow(["x", "y", "width", "colour", "line", "when"])
        try noWords(line)
        let x = try length(line, "x"), width = try length(line, "width")
        try inside(x: x, width: width)
        let colour = line.optional("colour") == nil ? Color.black : try colour(line, "colour")
        let lineWidth = line.optional("line") == nil ? 0.5 : try points(line, "line")
        let block = RuleBlock(source: source(line), x: x, y: try position(line), width: width,
                              stroke: Stroke(color: colour, width: lineWidth))
        elements.append(.init(block: .rule(block), content: .none, condition: try condition(line)))
    }

    private mutating func readMark(_ line: TemplateLine) throws(TemplateLineError) {
        try line.allow(["x", "y", "width", "height", "field", "stars", "square", "style"])
        try noWords(line)
        guard let content = line.content else { throw TemplateLineError("mark needs its quoted country code") }
        let string = try templateString(content)
        try checkBindings(string, shape: .text)
        let x = try length(line, "x"), width = try length(line, "width"), height = try length(line, "height")
        try inside(x: x, width: width)
        let y = try length(line, "y")
        let square = try length(line, "square")
        guard square < min(width, height) / 2 else { throw TemplateLineError("the square must be smaller than half the mark") }
        let block = MarkBlock(source: source(line), frame: Rect(x: x, y: y, width: width, height: height),
                              field: try colour(line, "field"), stars: try colour(line, "stars"), square: square,
                              codeStyle: try style(line), code: "")
        elements.append(.init(block: .mark(block), content: .text(string), condition: nil))
    }

    private mutating func readSeal(_ line: TemplateLine) throws(TemplateLineError) {
        try line.allow(["x", "y", "width", "module", "style", "align"])
        try noWords(line)
        guard !elements.contains(where: { if case .seal = $0.block { true } else { false } }) else {
            throw TemplateLineError("a document has one seal")
        }
        let x = try length(line, "x"), width = try length(line, "width")
        try inside(x: x, width: width)
        let module = try length(line, "module")
        // SEAL.md: at least 0.4 mm a module on paper, or readers miss modules on a worn print.
        guard module >= Length.points(millimetres: 0.4) - 1e-9 else { throw TemplateLineError("module must be at least 0.4 mm (SEAL.md)") }
        let block = SealBlock(source: source(line), x: x, y: try position(line), width: width, module: module,
                              alignment: try alignment(line), captionStyle: try style(line))
        elements.append(.init(block: .seal(block), content: .none, condition: nil))
    }

    // MARK: Values

    private func source(_ line: TemplateLine) -> SourceLocation { SourceLocation(file: fileName, line: line.number) }

    private func declaredName(_ line: TemplateLine, taken: (String) -> Bool) throws(TemplateLineError) -> String {
        guard line.words.count == 1, let name = line.words.first else {
            throw TemplateLineError("\(line.keyword) needs exactly one name, e.g. “\(line.keyword) body …”")
        }
        guard !taken(name) else { throw TemplateLineError("\(line.keyword) “\(name)” is defined twice") }
        return name
    }

    private func noWords(_ line: TemplateLine) throws(TemplateLineError) {
        if let word = line.words.first {
            throw TemplateLineError("unexpected word “\(word)” (attributes are written key=value, texts in double quotes)")
        }
    }

    private func templateString(_ text: String) throws(TemplateLineError) -> TemplateString {
        do { return try TemplateString(parsing: text) } catch { throw TemplateLineError(error.message) }
    }

    private func names(of shape: BindingShape) -> String {
        kind.bindingSchema.filter { $0.value == shape }.keys.sorted().joined(separator: ", ")
    }

    private func checkBindings(_ string: TemplateString, shape: BindingShape) throws(TemplateLineError) {
        for name in string.bindingNames {
            guard let found = kind.bindingSchema[name] else {
                throw TemplateLineError("unknown binding {\(name)} for the \(kind.rawValue) document (known: \(names(of: .text)))")
            }
            guard found == shape else {
                throw TemplateLineError("{\(name)} is a list: show it with “list … items=\(name)”")
            }
        }
    }

    private func condition(_ line: TemplateLine) throws(TemplateLineError) -> String? {
        guard let name = line.optional("when") else { return nil }
        guard kind.bindingSchema[name] != nil else {
            throw TemplateLineError("when=\(name) names no binding of the \(kind.rawValue) document")
        }
        return name
    }

    private func style(_ line: TemplateLine) throws(TemplateLineError) -> TextStyle {
        let name = try line.required("style")
        guard let style = styles[name] else {
            throw TemplateLineError("style “\(name)” is not defined (defined: \(styles.keys.sorted().joined(separator: ", ")))")
        }
        return style
    }

    private func colour(_ line: TemplateLine, _ key: String) throws(TemplateLineError) -> Color {
        let name = try line.required(key)
        guard let colour = colours[name] else {
            throw TemplateLineError("colour “\(name)” is not defined (defined: \(colours.keys.sorted().joined(separator: ", ")))")
        }
        return colour
    }

    private func alignment(_ line: TemplateLine) throws(TemplateLineError) -> Alignment {
        guard let text = line.optional("align") else { return .left }
        guard let alignment = Alignment(rawValue: text) else {
            throw TemplateLineError("unknown alignment “\(text)” (known: left, right, centre)")
        }
        return alignment
    }

    private func fit(_ line: TemplateLine, style: TextStyle) throws(TemplateLineError) -> Fit {
        let text = line.optional("fit") ?? "exact"
        if line.optional("min-size") != nil, text != "shrink", text != "wrap" {
            throw TemplateLineError("min-size goes with fit=shrink or fit=wrap")
        }
        if line.optional("max-lines") != nil, text != "wrap" { throw TemplateLineError("max-lines goes with fit=wrap") }
        if line.optional("then") != nil, line.optional("max-lines") == nil { throw TemplateLineError("then= goes with fit=wrap max-lines=N min-size=PT") }
        func minimumSize() throws(TemplateLineError) -> Double {
            let minimum = try points(line, "min-size")
            guard minimum >= 3, minimum < style.size else {
                throw TemplateLineError("min-size must be at least 3 pt and smaller than the style's size (\(style.size) pt)")
            }
            return minimum
        }
        switch text {
        case "exact": return .exact
        case "abbreviate": return .abbreviate
        case "wrap":
            guard line.optional("max-lines") != nil else {
                if line.optional("min-size") != nil { throw TemplateLineError("min-size with fit=wrap needs max-lines") }
                return .wrap(maxLines: nil)
            }
            let value = try number(line, "max-lines")
            guard value >= 1, value == value.rounded() else { throw TemplateLineError("max-lines must be a whole number ≥ 1") }
            let minimum = line.optional("min-size") == nil ? nil : try minimumSize()
            switch line.optional("then") {
            case nil: return .wrap(maxLines: Int(value), minimumSize: minimum)
            case "abbreviate" where minimum != nil: return .wrap(maxLines: Int(value), minimumSize: minimum, abbreviates: true)
            case let other: throw TemplateLineError("then=\(other ?? "") goes with fit=wrap max-lines=N min-size=PT and must be then=abbreviate")
            }
        case "shrink":
            return .shrink(minimumSize: try minimumSize())
        default:
            throw TemplateLineError("unknown fit “\(text)” (known: exact, wrap, shrink, abbreviate)")
        }
    }

    private func inside(x: Double, width: Double) throws(TemplateLineError) {
        guard let page = pageSize, x + width <= page.width + 0.001 else {
            throw TemplateLineError("the box (x + width) goes past the page's right edge")
        }
    }

    private func number(_ line: TemplateLine, _ key: String) throws(TemplateLineError) -> Double {
        let text = try line.required(key)
        guard let value = Double(text), value.isFinite, value >= 0 else {
            throw TemplateLineError("\(key)=\(text) is not a number ≥ 0")
        }
        return value
    }

    /// A length in points: `12.5` or `12.5mm` are millimetres, `10pt` points.
    private func length(_ line: TemplateLine, _ key: String) throws(TemplateLineError) -> Double {
        try Self.length(try line.required(key), key: key)
    }

    static func length(_ text: String, key: String) throws(TemplateLineError) -> Double {
        let (number, isPoints): (Substring, Bool) =
            text.hasSuffix("pt") ? (text.dropLast(2), true) : text.hasSuffix("mm") ? (text.dropLast(2), false) : (Substring(text), false)
        guard let value = Double(number), value.isFinite, value >= 0 else {
            throw TemplateLineError("\(key)=\(text) is not a length (e.g. 12.5 or 12.5mm for millimetres, 10pt for points)")
        }
        return isPoints ? value : Length.points(millimetres: value)
    }

    /// A size in points (`9` or `9pt`).
    private func points(_ line: TemplateLine, _ key: String) throws(TemplateLineError) -> Double {
        let text = try line.required(key)
        let number = text.hasSuffix("pt") ? String(text.dropLast(2)) : text
        guard let value = Double(number), value.isFinite, value > 0 else {
            throw TemplateLineError("\(key)=\(text) is not a size in points (e.g. 9 or 9pt)")
        }
        return value
    }

    /// `y=40` (millimetres from the page top), `y=+6` (below the flow), `y=same` (the previous element's line),
    /// `y=same+6` or `y=same-2` (that far below or above it), `y=after+4` (below the previous element's last line).
    private func position(_ line: TemplateLine) throws(TemplateLineError) -> VerticalPosition {
        let text = try line.required("y")
        if text.hasPrefix("after+") {
            guard !elements.isEmpty else { throw TemplateLineError("y=\(text) needs an element before it") }
            return .after(offset: try Self.length(String(text.dropFirst(6)), key: "y"))
        }
        if text.hasPrefix("same") {
            guard !elements.isEmpty else { throw TemplateLineError("y=\(text) needs an element before it") }
            let rest = text.dropFirst(4)
            if rest.isEmpty { return .same(offset: 0) }
            guard let sign = rest.first, sign == "+" || sign == "-" else {
                throw TemplateLineError("y=\(text): write same, same+N or same-N")
            }
            let offset = try Self.length(String(rest.dropFirst()), key: "y")
            return .same(offset: sign == "+" ? offset : -offset)
        }
        if text.hasPrefix("+") { return .below(try Self.length(String(text.dropFirst()), key: "y")) }
        let value = try Self.length(text, key: "y")
        guard let page = pageSize, value <= page.height else { throw TemplateLineError("y=\(text) is below the page") }
        return .absolute(value)
    }
}
