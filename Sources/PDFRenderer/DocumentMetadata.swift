// DocumentMetadata: title, author and date as both the Info dictionary and the XMP packet state them (PDF/A).

import DisplayList
import Records

/// The metadata texts and dates a PDF states twice, in its Info dictionary and in its XMP packet (PDF/A-1 6.7.3
/// requires the two to agree), made once from `DocumentInfo`.
struct DocumentMetadata {
    let title: String
    let author: String
    /// Local civil time at `offsetMinutes` from UTC.
    let year: Int, month: Int, day: Int, hour: Int, minute: Int, second: Int
    let offsetMinutes: Int
    /// A tagged document claims PDF/A-1a and PDF/UA-1; an untagged one PDF/A-1b.
    let tagged: Bool

    init(_ info: DocumentInfo, tagged: Bool = false) {
        self.tagged = tagged
        title = Self.cleaned(info.title)
        author = Self.cleaned(info.author)
        let local = info.creationSeconds + Int64(info.creationOffsetMinutes) * 60
        let days = local >= 0 ? local / 86_400 : (local - 86_399) / 86_400
        let secondOfDay = Int(local - days * 86_400)
        (year, month, day) = CivilDate.civil(daysSince1970: Int(days))
        hour = secondOfDay / 3600
        minute = secondOfDay % 3600 / 60
        second = secondOfDay % 60
        offsetMinutes = info.creationOffsetMinutes
    }

    /// Control characters (and the two XML forbids) become "?": XML 1.0 cannot carry most of them, and a line
    /// break would be normalised by the XMP parser and no longer match the Info entry.
    private static func cleaned(_ text: String) -> String {
        var result = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            let value = scalar.value
            let control = value < 0x20 || (0x7F...0x9F).contains(value) || value == 0xFFFE || value == 0xFFFF
            result.append(control ? "?" : scalar)
        }
        return String(result)
    }

    /// The date as XMP writes it (ISO 8601 with the offset): `2026-01-01T01:00:00+01:00`. UTC is `+00:00`, not
    /// `Z`, like the Info entry (see HaruDocument+PDFA).
    var xmpDate: String {
        func two(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
        let offset = (offsetMinutes >= 0 ? "+" : "-") + two(abs(offsetMinutes) / 60) + ":" + two(abs(offsetMinutes) % 60)
        let yearText = String(repeating: "0", count: max(0, 4 - String(year).count)) + String(year)
        return "\(yearText)-\(two(month))-\(two(day))T\(two(hour)):\(two(minute)):\(two(second))\(offset)"
    }

    /// The XMP packet (UTF-8, uncompressed as PDF/A-1 requires): Dublin Core title and creator, creation and
    /// modification dates, the producer, and the PDF/A-1b identification. libharu 2.3.0's own packet
    /// (HPDF_PDFA_SetPDFAConformance) copies the Info strings' PDFDocEncoding bytes into XML unescaped, which is
    /// not UTF-8 as soon as a title has an accent, and unescaped; it also fails on a UTC date.
    func xmpPacket(producer: String) -> [UInt8] {
        let date = xmpDate
        let text = """
            <?xpacket begin="\u{FEFF}" id="W5M0MpCehiHzreSzNTczkc9d"?>
            <x:xmpmeta xmlns:x="adobe:ns:meta/">
            <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
            <rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/">
            <dc:format>application/pdf</dc:format>
            <dc:title><rdf:Alt><rdf:li xml:lang="x-default">\(Self.escaped(title))</rdf:li></rdf:Alt></dc:title>
            <dc:creator><rdf:Seq><rdf:li>\(Self.escaped(author))</rdf:li></rdf:Seq></dc:creator>
            </rdf:Description>
            <rdf:Description rdf:about="" xmlns:xmp="http://ns.adobe.com/xap/1.0/">
            <xmp:CreateDate>\(date)</xmp:CreateDate>
            <xmp:ModifyDate>\(date)</xmp:ModifyDate>
            </rdf:Description>
            <rdf:Description rdf:about="" xmlns:pdf="http://ns.adobe.com/pdf/1.3/">
            <pdf:Producer>\(Self.escaped(producer))</pdf:Producer>
            </rdf:Description>
            <rdf:Description rdf:about="" xmlns:pdfaid="http://www.aiim.org/pdfa/ns/id/">
            <pdfaid:part>1</pdfaid:part>
            <pdfaid:conformance>\(tagged ? "A" : "B")</pdfaid:conformance>
            </rdf:Description>

            """
        return Array(text.utf8) + (tagged ? Self.universalAccessibility : []) + Self.packetEnd
    }

    /// PDF/UA-1's identification (ISO 14289-1, 5), with the extension schema PDF/A-1 requires for a property
    /// outside its predefined schemas (ISO 19005-1, 6.7.8).
    static let packetEnd = Array("</rdf:RDF>\n</x:xmpmeta>\n<?xpacket end=\"r\"?>".utf8)

    static let universalAccessibility = Array("""
        <rdf:Description rdf:about="" xmlns:pdfaExtension="http://www.aiim.org/pdfa/ns/extension/" \
        xmlns:pdfaSchema="http://www.aiim.org/pdfa/ns/schema#" xmlns:pdfaProperty="http://www.aiim.org/pdfa/ns/property#">
        <pdfaExtension:schemas><rdf:Bag><rdf:li rdf:parseType="Resource">
        <pdfaSchema:schema>PDF/UA Universal Accessibility Schema</pdfaSchema:schema>
        <pdfaSchema:namespaceURI>http://www.aiim.org/pdfua/ns/id/</pdfaSchema:namespaceURI>
        <pdfaSchema:prefix>pdfuaid</pdfaSchema:prefix>
        <pdfaSchema:property><rdf:Seq><rdf:li rdf:parseType="Resource">
        <pdfaProperty:name>part</pdfaProperty:name>
        <pdfaProperty:valueType>Integer</pdfaProperty:valueType>
        <pdfaProperty:category>internal</pdfaProperty:category>
        <pdfaProperty:description>Indicates which part of ISO 14289 the file follows</pdfaProperty:description>
        </rdf:li></rdf:Seq></pdfaSchema:property>
        </rdf:li></rdf:Bag></pdfaExtension:schemas>
        </rdf:Description>
        <rdf:Description rdf:about="" xmlns:pdfuaid="http://www.aiim.org/pdfua/ns/id/">
        <pdfuaid:part>1</pdfuaid:part>
        </rdf:Description>

        """.utf8)

    private static func escaped(_ text: String) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count)
        for character in text {
            switch character {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            default: result.append(character)
            }
        }
        return result
    }
}
