// KeygenCommand: `ameli-docs keygen --output FILE.pem [--id ABCD] [--authority AM]` writes a new signing key.
import ArgumentParser
import Foundation
import Seal

struct KeygenCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "keygen",
        abstract: "Écrit une nouvelle clé de signature des cachets (P-256, PKCS#8 PEM) et affiche sa clé publique.")

    @Option(help: "Fichier de la clé privée à créer (il ne doit pas exister).")
    var output: String

    @Option(help: "Identifiant de la clé, 4 caractères A-Z 0-9 (AMELI_DOCS_SIGNING_KEY_ID).")
    var id: String = "K001"

    @Option(help: "Autorité, 2 caractères après FR (AMELI_DOCS_SEAL_AUTHORITY).")
    var authority: String = SigningKeyConfiguration.defaultAuthority

    func run() async throws {
        let pem = SealSigner.generatePrivateKeyPEM()
        let signer: SealSigner
        do { signer = try SealSigner(privateKeyPEM: pem, certificateID: id, authority: authority) } catch {
            throw ValidationError("\(error)")
        }
        // The private key is readable by its owner only, from the moment the file exists.
        do { try PrivateKeyFile.create(output, contents: Array(pem.utf8)) } catch let error as PrivateKeyFileError {
            throw ValidationError(error.description)
        }
        let keys = VerificationKeySet(keys: [signer.verificationKey(status: .current)])
        print("Clé privée écrite dans \(output) (lecture par son propriétaire seulement).")
        print("AMELI_DOCS_SIGNING_KEY=\(output) AMELI_DOCS_SIGNING_KEY_ID=\(id) AMELI_DOCS_SEAL_AUTHORITY=\(authority)")
        print(String(decoding: try SigningKeyConfiguration.keyListJSON(keys), as: UTF8.self))
    }
}
