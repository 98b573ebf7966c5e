// DataMatrixReader: finds the DataMatrix codes in an untrusted grey image (a scan, a rasterised page) in bounded time.

/// Reads DataMatrix ECC200 codes in an 8-bit grey image.
///
/// libdmtx locates and fits the symbols; this module then samples their modules, repairs them with
/// Reed-Solomon and reads the data codewords itself, because libdmtx's own data decoder aborts the process on
/// some hostile symbols (see `Encodation`). The work is bounded: a pixel-count ceiling checked before anything
/// is allocated, a deadline, a number of codes after which the search stops, and candidates smaller than
/// `minimumSymbolSide` dropped before libdmtx fits them.
public enum DataMatrixReader {
    /// The largest image searched: an A4 page at 600 dpi (4961 × 7016 = 34.8 Mpx) with room to spare.
    /// libdmtx keeps one byte of scan state per searched pixel, on top of the caller's image.
    public static let maximumPixelCount = 40_000_000

    /// Codes narrower than this many pixels are not looked for. Why: every glyph of a text page is a dark
    /// rectangle-ish shape libdmtx would otherwise try to fit as a symbol, and that fitting is where its time
    /// goes (measured, libdmtx alone scanning a dense 150 dpi text page in full: 2.8 s with this limit, over 30 s
    /// without). A seal is at least 40 × 40 modules, so this is 1.2 px a module; a 10 × 10 code needs 4.8.
    public static let minimumSymbolSide = 48

    /// Images whose shorter side is at least this (a 600 dpi A4 page is 4961 px wide) are searched at half
    /// resolution, so they cost what a 300 dpi page costs; a seal printed at 0.4 mm a module keeps 4.7 px.
    /// Smaller images are searched at full resolution: on a 300 dpi page, halving first saved little when the
    /// code was found (0.04–0.2 s instead of 0.1–0.55 s) and cost a whole extra scan (3.4 s on dense text)
    /// when the code was too fine for it.
    static let halfResolutionSide = 4000

    /// Distance in pixels between libdmtx's scan lines at the finest level of its coarse-to-fine grid: a
    /// third of `minimumSymbolSide`, so every symbol worth finding is crossed several times each way.
    static let scanGap = 16

    /// The distinct payloads of the codes found, in the order they were found (libdmtx's grid goes from
    /// coarse to fine, so large codes tend to come first); empty when there is none or none was read in time.
    ///
    /// Finding a code on a page takes a fraction of a second; making sure there is none means scanning the
    /// whole page, which on dense text takes seconds (measured: 5–9 s for a 150 or 300 dpi A4 page of text and
    /// boxes), so the search stops at the first `maximumCount` codes or at the deadline.
    ///
    /// - Parameters:
    ///   - gray: `width × height` bytes, rows from the top, 0 black to 255 white (dark-on-light and
    ///     light-on-dark codes are both read).
    ///   - timeoutMilliseconds: how long the search may run; the result may then be partial.
    ///   - maximumCount: stop after this many codes (at least 1; a page carries one seal).
    /// - Throws: `DataMatrixError.invalidImage` when the buffer does not match the size,
    ///   `.imageTooLarge` past `maximumPixelCount`, `.invalidTimeout`, `.decodingFailed` when libdmtx cannot
    ///   allocate.
    public static func decode(gray: [UInt8], width: Int, height: Int, timeoutMilliseconds: Int,
                              maximumCount: Int = 1) throws(DataMatrixError) -> [[UInt8]] {
        let (pixelCount, overflow) = width.multipliedReportingOverflow(by: height)
        guard width > 0, height > 0, !overflow, gray.count == pixelCount else {
            throw .invalidImage(width: width, height: height, byteCount: gray.count)
        }
        guard pixelCount <= maximumPixelCount else {
            throw .imageTooLarge(width: width, height: height, maximumPixelCount: maximumPixelCount)
        }
        guard timeoutMilliseconds > 0 else { throw .invalidTimeout(milliseconds: timeoutMilliseconds) }
        // Too small for any code looked for (and libdmtx asserts on images under 3 pixels).
        guard min(width, height) > minimumSymbolSide else { return [] }
        let shrink = min(width, height) >= halfResolutionSide ? 2 : 1
        let maximumCount = max(1, maximumCount)

        let found: Result<[[UInt8]], DataMatrixError> = gray.withUnsafeBufferPointer { pixels in
            let sampler = ModuleSampler(pixels: pixels, width: width, height: height)
            var payloads: [[UInt8]] = []
            do throws(DataMatrixError) {
                try LibDMTX.findRegions(in: pixels, width: width, height: height, shrink: shrink, scanGap: scanGap,
                                        minimumSymbolSide: minimumSymbolSide,
                                        timeoutMilliseconds: timeoutMilliseconds) { region in
                    if let payload = sampler.symbol(in: region).payload(), !payloads.contains(payload) {
                        payloads.append(payload)
                    }
                    return payloads.count < maximumCount
                }
            } catch {
                return .failure(error)
            }
            return .success(payloads)
        }
        return try found.get()
    }
}
