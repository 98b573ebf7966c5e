// PrivateKeyFile: the signing key's file is created by its owner alone, and read only while it stays that way.
import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

enum PrivateKeyFile {
    /// Creates `path` with mode 600 in one step: O_EXCL refuses an existing file or a symbolic link (even one pointing
    /// nowhere), so that nothing can be put in the key's place between a check and the write.
    static func create(_ path: String, contents: [UInt8]) throws {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else {
            let code = errno
            if code == EEXIST { throw PrivateKeyFileError("\(path) existe déjà : une clé de signature ne s'écrase pas.") }
            throw PrivateKeyFileError("Impossible de créer \(path) : \(String(cString: strerror(code))).")
        }
        defer { close(descriptor) }
        // The umask may only have removed bits; this makes the mode exactly owner read-write whatever it was.
        guard fchmod(descriptor, 0o600) == 0 else {
            throw PrivateKeyFileError("Impossible de restreindre les droits de \(path) : \(String(cString: strerror(errno))).")
        }
        var written = 0
        while written < contents.count {
            let count = contents[written...].withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
            guard count > 0 else {
                throw PrivateKeyFileError("Impossible d'écrire \(path) : \(String(cString: strerror(errno))).")
            }
            written += count
        }
    }

    /// Refuses a key file that its group or others may read or write: whoever reads it can sign documents.
    static func checkOwnerOnly(_ path: String) throws {
        // A missing file is reported by the read that follows. (FileManager rather than stat(2): in release builds
        // the C struct's members resolve through CoreFoundation, which this module does not import.)
        // The file itself, not a link to it (mounted secrets are often links): its mode is what protects the key.
        let target = URL(fileURLWithPath: path).resolvingSymlinksInPath().path
        guard let attributes = try? FileManager.default.attributesOfItem(atPath: target),
              let permissions = attributes[.posixPermissions] as? Int else { return }
        let mode = permissions & 0o777
        guard mode & 0o077 == 0 else {
            throw PrivateKeyFileError("""
                La clé de signature \(path) est accessible à d'autres que son propriétaire (droits \(String(mode, radix: 8))) : \
                quiconque la lit peut signer des documents. Restreignez-la avec « chmod 600 \(path) », puis relancez.
                """)
        }
    }
}

/// A key file that cannot be created or used as it is, said in French with what to do.
struct PrivateKeyFileError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
