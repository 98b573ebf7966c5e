// FontFileTests: libharu writes each document's font file whatever glyphs it holds (the 4,096-byte boundary).

import DisplayList
import Foundation
import Testing
@testable import PDFRenderer
import Typography
import EngineTestSupport

struct FontFileTests {
    /// The characters of a certificate drawn by the property test (RenderPropertyTests) whose font file, without
    /// the `prep` table EmbeddedFonts adds, came to an exact multiple of 4,096 bytes: libharu then failed with
    /// HPDF_INVALID_OBJECT (0x1033) in HPDF_TTFontDef_SaveFontData, every time, in any process. (With other fonts
    /// these sets land elsewhere; `everyFontFileSizeRenders` keeps the general case.)
    static let regular = "0020 0027 0028 0029 002C 002D 002E 002F 0030 0031 0032 0033 0034 0035 0036 0037 0038 0039 003A 0041 0042 0043 0044 0045 0046 0047 0048 0049 004A 004B 004C 004D 004E 004F 0050 0052 0053 0054 0056 0057 0059 005A 0061 0062 0063 0064 0065 0066 0067 0068 0069 006A 006B 006C 006D 006E 006F 0070 0071 0072 0073 0074 0075 0076 0077 0078 0079 00B0 00B5 00BA 00C1 00C3 00C4 00C6 00C7 00C9 00CA 00CB 00CC 00CD 00CE 00D0 00D1 00D2 00D4 00D6 00D8 00DA 00DB 00E0 00E3 00E4 00E5 00E6 00E7 00E8 00E9 00EB 00ED 00EE 00F1 00F2 00F3 00FB 00FD 00FF 0102 0103 0104 0107 0108 0109 010F 0110 0111 0113 011B 011F 0120 0121 0122 0126 0127 0128 012E 0130 0134 0135 0136 013A 013D 0142 0143 0144 0146 014A 014B 014C 014D 0150 0151 0155 0156 0158 015A 015B 0160 0161 0162 0164 0165 0166 0167 0169 016B 016D 0171 0173 0179 017D 2014"
    static let bold = "0020 0027 0028 0029 002D 002F 0030 0031 0032 0033 0034 0035 0036 0037 0038 0039 0041 0043 0044 0046 0049 004D 004E 004F 0050 0051 0052 0053 0054 0057 0061 0062 0063 0064 0065 0066 0067 0068 0069 006C 006D 006E 006F 0070 0072 0073 0074 0075 0076 0077 0078 0079 00B0 00C5 00C6 00C8 00C9 00CC 00D0 00D1 00D6 00D8 00D9 00DA 00DC 00E1 00E6 00E9 00EB 00ED 00F1 00F5 00FD 0102 0109 010A 010C 010D 010F 0110 0113 011A 011C 011D 011E 0120 0122 0126 0129 012E 0135 0136 013B 0142 0143 0144 014A 014C 014D 015B 0161 0162 0164 0168 016B 016C 016D 016E 016F 0171 017E 02C7 2013"

    static func text(_ codes: String) -> String {
        String(String.UnicodeScalarView(codes.split(separator: " ").compactMap { UInt32($0, radix: 16).flatMap(Unicode.Scalar.init) }))
    }

    static func page(regular: String, bold: String) throws -> Page {
        Page(size: .a4, items: [.text(try EngineTestSupport.run(regular, x: 10, y: 100, size: 2)),
                                .text(try EngineTestSupport.run(bold, x: 10, y: 200, font: "sans-bold", size: 2))])
    }

    @Test func theCertificateWhoseFontFileWasAMultipleOf4096BytesRenders() throws {
        let renderer = PDFRenderer(fonts: try EngineTestSupport.fonts.get())
        let bytes = try renderer.render(pages: [Self.page(regular: Self.text(Self.regular), bold: Self.text(Self.bold))],
                                        info: EngineTestSupport.info)
        #expect(bytes.starts(with: Array("%PDF-".utf8)))
    }

    /// Font files of a thousand sizes: drawn sets of characters, each rendered from the same handle.
    @Test func everyFontFileSizeRenders() throws {
        let renderer = PDFRenderer(fonts: try EngineTestSupport.fonts.get())
        let repertoire = (0x21...0x7E).compactMap(Unicode.Scalar.init) + (0xC0...0x17F).compactMap(Unicode.Scalar.init)
        var random = SeededGenerator(seed: 4096)
        var failures: [String] = []
        for _ in 0..<1000 {
            let count = Int.random(in: 1...repertoire.count, using: &random)
            let drawn = String(String.UnicodeScalarView(repertoire.shuffled(using: &random).prefix(count)))
            do {
                _ = try renderer.render(pages: [Self.page(regular: drawn, bold: String(drawn.reversed()))], info: EngineTestSupport.info)
            } catch {
                failures.append("\(error): \(drawn)")
            }
        }
        #expect(failures.isEmpty, "\(failures.count) font files failed: \(failures.prefix(2))")
    }

    /// The `prep` table libharu needs is in every embedded face (and nothing else was added or lost).
    @Test func everyEmbeddedFaceHasAPrepTable() throws {
        let embedded = try EmbeddedFonts(fonts: try EngineTestSupport.fonts.get())
        for file in embedded.files {
            let tableCount = Int(file.bytes[4]) << 8 | Int(file.bytes[5])
            let tags = (0..<tableCount).map { String(decoding: file.bytes[(12 + 16 * $0)..<(16 + 16 * $0)], as: UTF8.self) }
            #expect(tags.contains("prep"), "\(file.id): \(tags)")
            #expect(tags.contains("glyf") && tags.contains("name") && tags.contains("cmap"), "\(file.id): \(tags)")
        }
    }
}
