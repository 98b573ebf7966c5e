// FontSet: the document font family, every face loaded once per process from Fonts/.

public import DisplayList

/// The faces documents may name, each loaded once and shared read-only by layout and both backends.
public final class FontSet: Sendable {
    /// Face ids and their files under the fonts directory. Templates name faces by these ids only.
    package static let files: [(id: FontID, file: String)] = [
        (FontID("sans"), "DejaVuSans.ttf"),
        (FontID("sans-bold"), "DejaVuSans-Bold.ttf"),
    ]

    private let byID: [FontID: FontFace]
    /// The ids of the loaded faces, sorted.
    public let faces: [FontID]

    /// Loads every face of `files` from `directory` (e.g. the repository's Fonts/).
    /// Throws a `TypographyError` naming the file that is missing or broken.
    public init(directory: String) throws {
        var loaded: [FontID: FontFace] = [:]
        for entry in Self.files {
            let path = directory.hasSuffix("/") ? directory + entry.file : directory + "/" + entry.file
            loaded[entry.id] = try FontFace(id: entry.id, path: path)
        }
        byID = loaded
        faces = loaded.keys.sorted()
    }

    /// The face named `id`; throws `TypographyError.unknownFace` listing the available ones.
    public func face(_ id: FontID) throws -> FontFace {
        guard let face = byID[id] else { throw TypographyError.unknownFace(id, available: faces) }
        return face
    }
}
