// KeygenCommand: `ameli-docs keygen --output FILE.pem [--id ABCD] [--authority AM]` writes a new signing key; with
// `--ca` a certification authority for demos and tests, with `--ca-key/--ca-cert` the key's X.509 certificate.
import ArgumentParser
import Foundation
import Seal

struct KeygenCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "keygen",
        abstract: "Écrit une nouvelle clé de signature des cachets (P-256, PKCS#8 PEM) et affiche sa clé publique.",
        discussion: """
        SEAL.md profile v2 : « keygen --ca --output ca.pem » crée une autorité de certification (CN = FR + autorité) et \
        son certificat ; « keygen --output cle.pem --id K001 --ca-key ca.pem --ca-cert ca.crt » crée une clé et son \
        certificat émis par cette autorité (CN = l'identifiant de la clé).
        """)

    @Option(help: "Fichier de la clé privée à créer (il ne doit pas exister).")
    var output: String

    @Option(help: "Identifiant de la clé, 4 caractères A-Z 0-9 (AMELI_DOCS_SIGNING_KEY_ID).")
    var id: String = "K001"

    @Option(help: "Autorité, 2 caractères après FR (AMELI_DOCS_SEAL_AUTHORITY).")
    var authority: String = SigningKeyConfiguration.defaultAuthority

    @Flag(help: "Créer une autorité de certification (pour une démonstration ou des tests) au lieu d'une clé de signature.")
    var ca = false

    @Option(help: "Clé privée de l'autorité qui certifie la nouvelle clé (avec --ca-cert).")
    var caKey: String?

    @Option(help: "Certificat de l'autorité qui certifie la nouvelle clé (avec --ca-key).")
    var caCert: String?

    @Option(help: "Fichier du certificat à créer (par défaut : celui de la clé, en .crt).")
    var certificate: String?

    func validate() throws {
        guard (caKey == nil) == (caCert == nil) else { throw ValidationError("--ca-key et --ca-cert vont ensemble.") }
        guard !(ca && caKey != nil) else { throw ValidationError("--ca crée une autorité ; --ca-key/--ca-cert certifient une clé : l'un ou l'autre.") }
    }

    /// Where the certificate goes: `--certificate`, or the key's file name with `.crt`.
    var certificatePath: String {
        certificate ?? ((output as NSString).pathExtension == "pem" ? (output as NSString).deletingPathExtension + ".crt" : output + ".crt")
    }

    func run() async throws {
        if ca { return try makeAuthority() }
        let pem = SealSigner.generatePrivateKeyPEM()
        let signer: SealSigner
        do { signer = try SealSigner(privateKeyPEM: pem, certificateID: id, authority: authority) } catch {
            throw ValidationError("\(error)")
        }
        var key = signer.verificationKey(status: .current)
        if let caKey, let caCert {
            do {
                key.issuerCertificatePem = try String(contentsOfFile: caCert, encoding: .utf8)
                key.certificatePem = try SealCertificates.issue(signingKeyPEM: pem, keyID: id,
                                                                caKeyPEM: try String(contentsOfFile: caKey, encoding: .utf8),
                                                                caCertificatePEM: key.issuerCertificatePem!)
                // The certificate must name this authority, or readers would not find it by the seal's header.
                _ = try SealVerifier(keys: VerificationKeySet(keys: [key]))
            } catch {
                throw ValidationError("certificat impossible à émettre avec \(caKey) et \(caCert) : \(error)")
            }
        }
        // The private key is readable by its owner only, from the moment the file exists.
        do { try PrivateKeyFile.create(output, contents: Array(pem.utf8)) } catch let error as PrivateKeyFileError {
            throw ValidationError(error.description)
        }
        var environment = "AMELI_DOCS_SIGNING_KEY=\(output) AMELI_DOCS_SIGNING_KEY_ID=\(id) AMELI_DOCS_SEAL_AUTHORITY=\(authority)"
        print("Clé privée écrite dans \(output) (lecture par son propriétaire seulement).")
        if let certificatePem = key.certificatePem, let caCert {
            try Data(certificatePem.utf8).write(to: URL(fileURLWithPath: certificatePath), options: .withoutOverwriting)
            print("Certificat de la clé écrit dans \(certificatePath).")
            environment += " AMELI_DOCS_SIGNING_CERT=\(certificatePath) AMELI_DOCS_CA_CERT=\(caCert)"
        }
        print(environment)
        print(String(decoding: try SigningKeyConfiguration.keyListJSON(VerificationKeySet(keys: [key])), as: UTF8.self))
    }

    /// A CA for demos and tests: its key (owner-only) and its self-signed certificate, CN = FR + authority.
    private func makeAuthority() throws {
        let caID = "FR" + authority
        let made: (keyPEM: String, certificatePEM: String)
        do { made = try SealCertificates.makeAuthority(caID: caID) } catch { throw ValidationError("\(error)") }
        do { try PrivateKeyFile.create(output, contents: Array(made.keyPEM.utf8)) } catch let error as PrivateKeyFileError {
            throw ValidationError(error.description)
        }
        try Data(made.certificatePEM.utf8).write(to: URL(fileURLWithPath: certificatePath), options: .withoutOverwriting)
        print("Autorité \(caID) : clé privée dans \(output), certificat dans \(certificatePath).")
        print("ameli-docs keygen --output cle.pem --id K001 --authority \(authority) --ca-key \(output) --ca-cert \(certificatePath)")
    }
}
