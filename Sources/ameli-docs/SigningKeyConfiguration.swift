// SigningKeyConfiguration: the seal's signing key as the environment names it (SEAL.md), or a demo key.
import Foundation
import HTTPService
import Procedures
import HTTPEdge
import Seal

/// `AMELI_DOCS_SIGNING_KEY` (a PKCS#8 PEM file) under `AMELI_DOCS_SIGNING_KEY_ID`, with the authority, the retired
/// keys (whose keys stay published so that documents signed before a key change still verify) and SEAL.md profile
/// v2's certificates: see `Settings` for each.
struct SigningKeyConfiguration: Sendable {
    let issuer: SealIssuer
    /// What `serve` says about the key at start.
    let summary: String

    static let defaultAuthority = "AM"

    static func load(_ settings: Settings, demo: Bool, demoDirectory: URL) throws -> SigningKeyConfiguration {
        let authority = settings[.sealAuthority] ?? defaultAuthority
        let retired = try retiredKeys(settings[.retiredKeys])
        guard let path = settings[.signingKey] else {
            guard demo else {
                throw SigningKeyError("""
                    AMELI_DOCS_SIGNING_KEY n'est pas défini : le service signe le cachet de chaque document et refuse de \
                    démarrer sans sa clé. Créez-en une avec « ameli-docs keygen --output cle.pem --id ABCD », puis \
                    AMELI_DOCS_SIGNING_KEY=cle.pem AMELI_DOCS_SIGNING_KEY_ID=ABCD. (Avec --demo, une clé est générée.)
                    """)
            }
            // A throw-away CA and key for the demo; only the public side is written, beside the demo database.
            let pem = SealSigner.generatePrivateKeyPEM()
            let signer = try SealSigner(privateKeyPEM: pem, certificateID: "DEMO", authority: authority)
            let authorityKeys = try SealCertificates.makeAuthority(caID: signer.caID)
            let certificate = try SealCertificates.issue(signingKeyPEM: pem, keyID: "DEMO", caKeyPEM: authorityKeys.keyPEM,
                                                         caCertificatePEM: authorityKeys.certificatePEM)
            let issuer = try SealIssuer(signer: signer, retired: retired, certificatePEM: certificate,
                                        issuerCertificatePEM: authorityKeys.certificatePEM)
            let keysFile = demoDirectory.appendingPathComponent("demo-verification-keys.json")
            try keyListJSON(issuer.published).write(to: keysFile)
            return SigningKeyConfiguration(issuer: issuer, summary: """
                Clé de signature de démonstration générée (FR\(authority)/DEMO, jamais écrite sur disque) ; \
                clés publiques : \(keysFile.path) et GET /v1/verification-keys
                """)
        }
        guard let id = settings[.signingKeyID] else {
            throw SigningKeyError("AMELI_DOCS_SIGNING_KEY_ID n'est pas défini : l'identifiant de 4 caractères (A-Z, 0-9) de la clé, inscrit dans chaque cachet.")
        }
        do { try PrivateKeyFile.checkOwnerOnly(path) } catch let error as PrivateKeyFileError {
            throw SigningKeyError(error.description)
        }
        let pem: String
        do { pem = try String(contentsOfFile: path, encoding: .utf8) } catch {
            throw SigningKeyError("La clé de signature \(path) est illisible : \(error.localizedDescription)")
        }
        let signer: SealSigner
        do { signer = try SealSigner(privateKeyPEM: pem, certificateID: id, authority: authority) } catch {
            throw SigningKeyError("La clé de signature \(path) est refusée : \(error) (attendu : une clé P-256 au format PKCS#8 PEM).")
        }
        let (certificate, caCertificate) = try certificates(settings)
        let issuer: SealIssuer
        do {
            issuer = try SealIssuer(signer: signer, retired: retired, certificatePEM: certificate, issuerCertificatePEM: caCertificate)
        } catch {
            throw SigningKeyError("Les certificats AMELI_DOCS_SIGNING_CERT / AMELI_DOCS_CA_CERT ne certifient pas la clé FR\(authority)/\(id) : \(error)")
        }
        return SigningKeyConfiguration(issuer: issuer, summary: """
            Cachets signés avec la clé FR\(authority)/\(id)\(certificate == nil ? " (sans certificat X.509)" : ", certificat publié") \
            (\(retired.count) clé(s) retirée(s) publiée(s)).
            """)
    }

    /// Both certificate files or neither: a signing certificate means nothing to a verifier without its authority's.
    static func certificates(_ settings: Settings) throws -> (signing: String?, authority: String?) {
        let variables = [Settings.Variable.signingCertificate, .authorityCertificate]
        let names = variables.map(\.name)
        let paths = variables.map { settings[$0] }
        switch (paths[0], paths[1]) {
        case (nil, nil): return (nil, nil)
        case let (signing?, authority?):
            func read(_ path: String, _ name: String) throws -> String {
                do { return try String(contentsOfFile: path, encoding: .utf8) } catch {
                    throw SigningKeyError("\(name) : le certificat \(path) est illisible.")
                }
            }
            return (try read(signing, names[0]), try read(authority, names[1]))
        default:
            throw SigningKeyError("AMELI_DOCS_SIGNING_CERT et AMELI_DOCS_CA_CERT vont ensemble : le certificat de la clé et celui de l'autorité qui l'a émis.")
        }
    }

    static func retiredKeys(_ path: String?) throws -> [VerificationKey] {
        guard let path, !path.isEmpty else { return [] }
        do {
            return try JSONDecoder().decode(VerificationKeySet.self, from: Data(contentsOf: URL(fileURLWithPath: path))).keys
        } catch {
            throw SigningKeyError("AMELI_DOCS_RETIRED_KEYS : le fichier \(path) n'est pas une liste de clés {\"keys\":[…]} lisible.")
        }
    }

    static func keyListJSON(_ keys: VerificationKeySet) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(keys)
    }
}

/// A configuration problem with the seal's keys, said in one sentence a person can act on.
struct SigningKeyError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
