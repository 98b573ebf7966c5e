// Pages+SignIn: the demo's sign-in (production puts an identity provider in front), sign-out, and the public page
// where whoever holds a paper checks its seal.
import HTTPEdge
import Procedures
import Foundation
import Hummingbird
import OpenAPIRuntime
import Records
import Seal
import Storage

extension Pages {
    func signInPage(_ request: Request, _ context: AppRequestContext, _ channel: PageChannel) async -> Response {
        var values = SignInPage(title: channel == .kiosk ? "Borne libre-service — identification" : "Connexion à mon compte",
                                demo: demoSignIn)
        if demoSignIn, let nir = try? NIR(DemoHousehold.insuredNIR), let household = try? await service.household(of: Caller(nir: nir, isAdmin: false)) {
            values.households = [.init(nir: nir.value, name: household.record.holder.map(Self.name) ?? nir.grouped)]
        }
        return await page("connexion", values, request: request, channel: channel, caller: nil)
    }

    /// Demo only: signs in as a household of the store; its session is the API's token for that NIR.
    func signIn(_ request: Request, _ context: AppRequestContext, _ channel: PageChannel) async -> Response {
        guard demoSignIn else { return await notFound(request, channel, caller: nil) }
        do {
            // Made for nobody in particular, like the page it is on: a session still open does not void it.
            guard let (form, _) = try await form(request, for: nil) else { return await forbidden(request, channel, caller: nil) }
            guard let text = form["nir"], let nir = try? NIR(text), try await service.household(of: Caller(nir: nir, isAdmin: false)) != nil else {
                return await notFound(request, channel, caller: nil)
            }
            let token = try await session.signIn(nir: nir, now: service.clock(), idle: idleSeconds(channel))
            return Self.redirect(to: channel.home, cookies: [session.setCookie(session.cookieName, token, maxAge: idleSeconds(channel))])
        } catch {
            return await failure(request, context, channel, caller: nil, error: error)
        }
    }

    /// Ends the session (the kiosk's "Terminer", and its idle sign-out). Needs the form token while a session is
    /// open; when it has already lapsed (the kiosk's idle sign-out races the server's own deadline), there is nothing
    /// left to protect and the browser just goes back to the sign-in page.
    func signOut(_ request: Request, _ context: AppRequestContext, _ channel: PageChannel) async -> Response {
        if let caller = await session.caller(of: request, now: service.clock()), (try? await form(request, for: caller)) == nil {
            return await forbidden(request, channel, caller: nil)
        }
        // Deleting the cookie is not enough: a copy of the token (another tab, a proxy's log) must stop working too.
        await session.revoke(request, now: service.clock())
        return Self.redirect(to: "\(channel.prefix)/connexion?fin=1", cookies: [session.setCookie(session.cookieName, "", maxAge: 0)])
    }

    // MARK: Vérifier un document (SEAL.md), public

    func verificationPage(_ request: Request, _ context: AppRequestContext) async -> Response {
        await page("verifier", VerificationPage(), request: request, channel: .web, caller: nil)
    }

    func verify(_ request: Request, _ context: AppRequestContext) async -> Response {
        do {
            guard let (form, _) = try await form(request, for: nil) else { return await forbidden(request, .web, caller: nil) }
            let text = (form["cachet"] ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
            let scan = form.files["scan"] ?? []
            var values = VerificationPage(seal: text)
            guard scan.isEmpty ? (!text.isEmpty && text.count <= 2000) : true else {
                values.error = "Collez le texte du cachet (le contenu du code 2D-Doc, 2 000 caractères au plus) ou joignez une image PNG du document numérisé."
                return await page("verifier", values, status: .unprocessableContent, request: request, channel: .web, caller: nil)
            }
            // A scan is read as the API reads one (the same limits, the same reader); the text is checked as typed.
            do {
                let answer = try await service.verify(scan.isEmpty ? .text(text) : .scan(scan), from: context.clientAddress ?? "local")
                values.result = Self.verdict(answer)
            } catch let problem as APIProblem where problem.status.code < 500 {
                values.error = problem.detail
                return await page("verifier", values, status: .unprocessableContent, request: request, channel: .web, caller: nil)
            }
            return await page("verifier", values, request: request, channel: .web, caller: nil)
        } catch {
            return await failure(request, context, .web, caller: nil, error: error)
        }
    }

    /// The answer in plain French: is the signature ours, is the document still good, what it says.
    static func verdict(_ answer: SealVerification) -> VerificationPage.Verdict {
        let signature: String = switch answer.signature {
        case .valid: "La signature est valide : ce cachet a été émis par l'Assurance Maladie."
        case .invalid: answer.signatureReason.map { "La signature n'est pas valable : \($0)" }
            ?? "La signature ne correspond pas : le document a été modifié ou n'a pas été émis par l'Assurance Maladie."
        case .unknownKey: "La clé de signature est inconnue : ce document n'a pas été émis par ce service."
        }
        let status: String = switch answer.status {
        case .valid: "Le document est valide."
        case .expired: "Le document a expiré."
        case .notYetValid: "Le document n'est pas encore valable."
        case .revoked: "Le document a été révoqué" + (answer.revokedReason.map { " : \($0)" } ?? ".")
        case .unknown: "Ce document n'est pas connu du registre."
        }
        let good = answer.signature == .valid && answer.status == .valid
        let fields = answer.fields.sorted { $0.key < $1.key }.map { code, value in
            // v1 seals name three fields E6–E8; their labels are those of the same fields in v2.
            let field = SealField(rawValue: code) ?? SealField.allCases.first { $0.id(in: .v1) == code }
            return VerificationPage.Verdict.Field(code: field?.frenchLabel ?? code, value: field?.frenchValue(value) ?? value)
        }
        return .init(good: good, signature: signature, status: status, id: answer.seal[.documentID] ?? "",
                     issuedOn: answer.seal.issueDate.french, fields: fields)
    }
}
