// VerifyCommand: `ameli-docs verify (--seal TEXT | --image FILE.png) --keys FILE` checks a seal offline.
import ArgumentParser
import DocumentPipeline
import Foundation
import Records
import Seal

struct VerifyCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify",
        abstract: "Vérifie hors ligne le cachet d'un document avec une liste de clés publiques enregistrée.",
        discussion: "Sortie 0 : signature valide ; 1 : signature invalide ou clé inconnue ; 2 : pas de cachet lisible.")

    @Option(help: "Le texte lu dans le code DataMatrix.")
    var seal: String?

    @Option(help: "Une image PNG du document (numérisation ou page rendue) ; le code y est cherché.")
    var image: String?

    @Option(help: "La liste des clés publiques, au format de GET /v1/verification-keys.")
    var keys: String

    func validate() throws {
        guard (seal == nil) != (image == nil) else { throw ValidationError("Donnez --seal ou --image, l'un des deux.") }
    }

    func run() async throws {
        let keySet: VerificationKeySet
        do { keySet = try JSONDecoder().decode(VerificationKeySet.self, from: Data(contentsOf: URL(fileURLWithPath: keys))) } catch {
            throw ValidationError("\(keys) n'est pas une liste de clés {\"keys\":[…]} lisible.")
        }
        let verifier: SealVerifier
        do { verifier = try SealVerifier(keys: keySet) } catch { throw ValidationError("Liste de clés refusée : \(error)") }
        let text = try sealText()
        let parsed: SignedSeal
        do { parsed = try SignedSeal.parse(text) } catch {
            printError("Ce texte n'est pas un cachet lisible : \(error)")
            throw ExitCode(2)
        }
        let (check, reason) = verifier.verdict(parsed)
        print("signature: \(check.rawValue)")
        if let reason { print("reason: \(reason)") }
        print("seal: \(text)")
        print("type: \(parsed.unsigned.type.rawValue)")
        print("issuedOn: \(parsed.unsigned.issueDate.iso)")
        for (id, value) in parsed.fieldsByID().sorted(by: { $0.key < $1.key }) { print("\(id): \(value)") }
        print("status: hors ligne, non vérifié (le registre répond à POST /v1/verifications)")
        if check != .valid { throw ExitCode(1) }
    }

    private func sealText() throws -> String {
        if let seal { return seal }
        let bytes: [UInt8]
        do { bytes = Array(try Data(contentsOf: URL(fileURLWithPath: image!))) } catch {
            throw ValidationError("\(image!) est illisible.")
        }
        let texts = (try? DocumentPipeline.sealTexts(inPNG: bytes, maximumPixels: 60_000_000)) ?? []
        guard let text = texts.first(where: { (try? SignedSeal.parse($0)) != nil }) ?? texts.first else {
            printError("Aucun code DataMatrix lisible dans \(image!).")
            throw ExitCode(2)
        }
        return text
    }

    private func printError(_ message: String) {
        FileHandle.standardError.write(Data((message + "\n").utf8))
    }
}
