// TextFitterTests: the fitting rules with the real DejaVu metrics — abbreviate, wrap, shrink, exact.
import DisplayList
@testable import DocumentLayout
import Documents
import Testing

struct TextFitterTests {
    let fitter = TextFitter(measuring: RealMetrics.shared)
    /// The card's data style: 7 pt, compressed to 90 %.
    let data = TextStyle(font: RealMetrics.sans, size: 7, scale: 0.9, leading: 10)

    func width(_ text: String) -> Double { fitter.width(text, style: data) }

    @Test func D_CARD_abbreviatesAfterTheLastWholeWordThatFits() throws {
        let name = "ŁUKASIEWICZ-ØRSTED-VAN DER BERG"
        // A field just wide enough for the two first names and an initial.
        let box = width("ŁUKASIEWICZ-ØRSTED-V.") + 0.5
        #expect(box < width("ŁUKASIEWICZ-ØRSTED-VAN D."))
        let lines = try fitter.fit(name, style: data, boxWidth: box, fit: .abbreviate)
        #expect(lines.map(\.text) == ["ŁUKASIEWICZ-ØRSTED-V."])
        #expect(lines[0].width <= box)
        #expect(lines[0].size == 7)
        // A little wider, and the next word is kept whole.
        let wider = try fitter.fit(name, style: data, boxWidth: width("ŁUKASIEWICZ-ØRSTED-VAN D.") + 0.5, fit: .abbreviate)
        #expect(wider.map(\.text) == ["ŁUKASIEWICZ-ØRSTED-VAN D."])
    }

    @Test func D_CARD_aValueThatFitsIsNotAbbreviated() throws {
        let lines = try fitter.fit("DUPONT", style: data, boxWidth: width("DUPONT"), fit: .abbreviate)
        #expect(lines.map(\.text) == ["DUPONT"])
    }

    /// Every width from tiny to full: the result fits, ends with a full stop when shortened, and is the original's
    /// beginning — never cut silently, never overflowing.
    @Test(arguments: stride(from: 12.0, through: 170.0, by: 3.5).map { $0 })
    func D_CARD_abbreviationAlwaysFitsAndSaysSo(box: Double) throws {
        let name = "ŁUKASIEWICZ-ØRSTED-VAN DER BERG-SZŐLLŐSI d'ARCY"
        let line = try #require(try fitter.fit(name, style: data, boxWidth: box, fit: .abbreviate).first)
        #expect(line.width <= box + TextFitter.tolerance)
        if line.text != name {
            #expect(line.text.hasSuffix("."))
            #expect(name.hasPrefix(String(line.text.dropLast())))
        }
    }

    @Test func D_CARD_aSingleLongWordIsCutToWhatFitsWithAFullStop() throws {
        let word = "WOLFESCHLEGELSTEINHAUSENBERGERDORFF"
        let line = try #require(try fitter.fit(word, style: data, boxWidth: 60, fit: .abbreviate).first)
        #expect(line.text.hasSuffix("."))
        #expect(line.text.count > 5)
        #expect(line.width <= 60)
        #expect(width(String(word.prefix(line.text.count)) + ".") > 60)  // one more letter would not fit
    }

    @Test func nothingFitsIsAnErrorNotAnEmptyField() {
        #expect(throws: LayoutError.Reason.doesNotFit(boxWidth: 2, minimumSize: nil)) {
            try fitter.fit("DUPONT", style: data, boxWidth: 2, fit: .abbreviate)
        }
    }

    @Test func exactFailsWhenTooWide() {
        #expect(throws: LayoutError.Reason.doesNotFit(boxWidth: 20, minimumSize: nil)) {
            try fitter.fit("ŁUKASIEWICZ-ØRSTED", style: data, boxWidth: 20, fit: .exact)
        }
    }

    @Test func wrapBreaksAtSpacesAndKeepsEveryWord() throws {
        let body = TextStyle(font: RealMetrics.sans, size: 9.5, leading: 12.5)
        let text = "Un certificat provisoire de remplacement, valable du 14/03/2026 au 14/06/2026, est disponible dans votre compte ameli ; il ne peut être téléchargé qu'une seule fois."
        let lines = try fitter.fit(text, style: body, boxWidth: 200, fit: .wrap(maxLines: nil))
        #expect(lines.count >= 3)
        #expect(lines.allSatisfy { $0.width <= 200 })
        #expect(lines.map(\.text).joined(separator: " ") == text)
        // Greedy: the next word would not have fitted on any line.
        for (line, next) in zip(lines, lines.dropFirst()) {
            let firstWord = String(next.text.split(separator: " ")[0])
            #expect(fitter.width(line.text + " " + firstWord, style: body) > 200)
        }
    }

    @Test func wrapBreaksAWordTooLongForTheBoxAfterAHyphen() throws {
        let lines = try fitter.fit("ŁUKASIEWICZ-ØRSTED-VAN", style: data, boxWidth: width("ŁUKASIEWICZ-ØRS"), fit: .wrap(maxLines: nil))
        #expect(lines.map(\.text) == ["ŁUKASIEWICZ-", "ØRSTED-VAN"])
    }

    @Test func wrapFailsPastMaxLines() {
        #expect(throws: LayoutError.Reason.tooManyLines(needed: 3, allowed: 2)) {
            try fitter.fit("un deux trois", style: data, boxWidth: ["un", "deux", "trois"].map(width).max()!, fit: .wrap(maxLines: 2))
        }
    }

    @Test func shrinkLowersTheSizeInQuarterPointsUntilItFits() throws {
        let value = TextStyle(font: RealMetrics.bold, size: 11)
        let name = "ŁUKASIEWICZ-ØRSTED-VAN DER BERG-SZŐLLŐSI"
        let box = 200.0
        let line = try #require(try fitter.fit(name, style: value, boxWidth: box, fit: .shrink(minimumSize: 7)).first)
        #expect(line.size < 11)
        #expect((line.size * 4).rounded() == line.size * 4)
        #expect(line.width <= box)
        #expect(fitter.width(name, style: value, size: line.size + 0.25) > box)
        #expect(line.text == name)
    }

    @Test func shrinkFailsClearlyBelowTheMinimum() {
        let value = TextStyle(font: RealMetrics.bold, size: 11)
        #expect(throws: LayoutError.Reason.doesNotFit(boxWidth: 60, minimumSize: 7)) {
            try fitter.fit("ŁUKASIEWICZ-ØRSTED-VAN DER BERG-SZŐLLŐSI", style: value, boxWidth: 60, fit: .shrink(minimumSize: 7))
        }
    }
}
