// Pages+Proxy: the online proxy (seed 004) — the form with the seed's labels and messages, each error tied to its
// field; the confirmation; the active proxy and its revocation after a confirmation step (P_* rules).
import HTTPEdge
import Procedures
import DocumentHTML
import DocumentPipeline
import Foundation
import Hummingbird
import OpenAPIRuntime
import Records
import Storage
import TeleserviceRules

extension Pages {
    /// The form's fields, in the seed's order, with their labels.
    static let proxyFields: [(name: String, label: String, hint: String)] = [
        ("civility", "Civilité*", ""), ("lastName", "Nom*", "Indiquez le nom"), ("usageName", "Nom d'usage", "Indiquez le nom d'usage"),
        ("firstName", "Prénom*", "Indiquez le prénom"), ("birthDate", "Date de naissance*", "JJ/MM/AAAA"),
    ]

    func proxyPage(_ page: PageRequest) async throws -> Response {
        let household = try await household(page)
        if let proxy = household.activeProxy(on: CivilDate(service.clock())) {
            let holder = proxy.holder
            return await self.page("procuration-active", ActiveProxyPage(
                title: "Procuration en ligne", holder: holder.displayName, born: holder.civility == .madame ? "née" : "né",
                birthDate: holder.birthDate.french, validUntil: proxy.validUntil.french, createdOn: proxy.createdOn.french,
                id: proxy.id.value
            ), request: page.request, channel: page.channel, caller: page.caller)
        }
        // The seed's first step: the principles, then « Je démarre ma demande ».
        return await self.page("procuration-debut", TitledPage(title: "Faire ou révoquer une procuration en ligne"),
                               request: page.request, channel: page.channel, caller: page.caller)
    }

    /// The form, after the principles (an active proxy sends back to it: one at a time, P_ONE_ACTIVE).
    func proxyRequestPage(_ page: PageRequest) async throws -> Response {
        if try await household(page).activeProxy(on: CivilDate(service.clock())) != nil {
            return Self.redirect(to: "\(page.prefix)/procuration")
        }
        return await proxyForm(page, form: nil, refusal: nil)
    }

    private func proxyForm(_ page: PageRequest, form: FormBody?, refusal: Refusal?, status: HTTPResponse.Status = .ok) async -> Response {
        let errors = Dictionary(refusal?.fieldErrors.map { ($0.field, $0.detail) } ?? [], uniquingKeysWith: { first, _ in first })
        // Civility is a pair of radio buttons of its own in the template; the other fields are text inputs.
        let fields = Self.proxyFields.filter { $0.name != "civility" }.map { field in
            ProxyFormPage.Field(name: field.name, label: field.label, hint: field.hint, value: form?[field.name] ?? "",
                                date: field.name == "birthDate", required: field.name != "usageName", error: errors[field.name])
        }
        let listed = refusal == nil ? [] : Self.proxyFields.compactMap { field in
            errors[field.name].map {
                ProxyFormPage.FieldError(field: field.name, label: field.label.replacingOccurrences(of: "*", with: "") + " :", detail: $0)
            }
        }
        let values = ProxyFormPage(title: "Faire ou révoquer une procuration en ligne", fields: fields,
                                   civilityMme: form?["civility"] == "Mme", civilityM: form?["civility"] == "M.",
                                   civilityError: errors["civility"], summary: refusal?.message, errors: listed, hasErrors: !listed.isEmpty)
        return await self.page("procuration", values, status: status, request: page.request, channel: page.channel, caller: page.caller)
    }

    /// Two steps, as the seed shows them: the holder's identity ("Suivant"), then a summary where the insured
    /// certifies it and confirms ("Valider"; "Retour" goes back to the filled form).
    func createProxy(_ page: PageRequest) async throws -> Response {
        guard let (form, bytes) = try await form(page) else {
            return await forbidden(page.request, page.channel, caller: page.caller)
        }
        let household = try await household(page)
        let certified = form["certified"] == "on"
        func blank(_ name: String) -> String? { form[name].flatMap { $0.trimmingCharacters(in: .whitespaces).isEmpty ? nil : $0 } }
        let proxyForm = ProxyForm(civility: blank("civility"), lastName: blank("lastName"), usageName: blank("usageName"),
                                  firstName: blank("firstName"), birthDate: blank("birthDate"))
        let today = CivilDate(service.clock())
        if form["etape"] == "identite" || form["retour"] != nil {
            // Step 1, or back from the summary: the identity alone is judged (the certification comes next).
            if form["retour"] == nil, let refusal = ProxyTeleservice.refusal(of: proxyForm, certified: true, in: household, today: today) {
                return await self.proxyForm(page, form: form, refusal: refusal, status: .unprocessableContent)
            }
            if form["retour"] != nil { return await self.proxyForm(page, form: form, refusal: nil) }
            return await proxySummary(page, form: form, error: nil)
        }
        // The rules judge the whole form as typed (every field error at once); the procedure judges it again in its
        // transaction, against the household as it is then.
        if let refusal = ProxyTeleservice.refusal(of: proxyForm, certified: certified, in: household, today: today) {
            if refusal.rule == .P_CERTIFY { return await proxySummary(page, form: form, error: refusal.message) }
            return await self.proxyForm(page, form: form, refusal: refusal, status: .unprocessableContent)
        }
        do {
            let (answer, _) = try await service.createProxy(try call(page, key: form["_key"], body: bytes), form: proxyForm,
                                                            certified: certified)
            return Self.redirect(to: "\(page.prefix)/demarches/\(answer.acknowledgement.value)")
        } catch let refusal as Refusal {
            return await self.proxyForm(page, form: form, refusal: refusal, status: .unprocessableContent)
        }
    }

    /// Step 2: what will be recorded, the certification, Valider or Retour.
    private func proxySummary(_ page: PageRequest, form: FormBody, error: String?) async -> Response {
        let civility = form["civility"] == "Mme" ? "Madame" : "Monsieur"
        let birth = (try? CivilDate(iso: form["birthDate"] ?? ""))?.french ?? (form["birthDate"] ?? "")
        let rows = [("Civilité", civility), ("Nom", form["lastName"] ?? ""), ("Nom d'usage", form["usageName"] ?? ""),
                    ("Prénom", form["firstName"] ?? ""), ("Date de naissance", birth)]
        let values = ProxySummaryPage(title: "Récapitulatif de la demande de procuration",
                                      rows: rows.filter { !$0.1.isEmpty }.map(ProxySummaryPage.Row.init),
                                      hidden: Self.proxyFields.map { ProxySummaryPage.Hidden(name: $0.name, value: form[$0.name] ?? "") },
                                      error: error)
        return await self.page("procuration-recapitulatif", values, status: error == nil ? .ok : .unprocessableContent,
                               request: page.request, channel: page.channel, caller: page.caller)
    }

    func revocationPage(_ page: PageRequest) async throws -> Response {
        let household = try await household(page)
        guard let proxy = household.activeProxy(on: CivilDate(service.clock())) else { return Self.redirect(to: "\(page.prefix)/procuration") }
        return await self.page("revocation", RevocationPage(title: "Révocation de procuration", holder: proxy.holder.displayName),
                               request: page.request, channel: page.channel, caller: page.caller)
    }

    func revokeProxy(_ page: PageRequest) async throws -> Response {
        guard let (_, bytes) = try await form(page) else {
            return await forbidden(page.request, page.channel, caller: page.caller)
        }
        let before = try await service.procedures(of: page.caller).first
        try await service.revokeProxy(try call(page, key: nil, body: bytes))
        // P_REVOKE: revoking twice is harmless; the history's newest line is the revocation when there was one.
        if let latest = try await service.procedures(of: page.caller).first, latest.id != before?.id, latest.kind == .proxyRevocation {
            return Self.redirect(to: "\(page.prefix)/demarches/\(latest.id.value)")
        }
        return Self.redirect(to: "\(page.prefix)/procuration")
    }

    func proxyPDF(_ page: PageRequest) async throws -> Response {
        Self.document(try await service.proxyConfirmation(page.caller, id: page.id, ifNoneMatch: page.ifNoneMatch),
                      type: "application/pdf", disposition: \.contentDisposition)
    }

    func proxyTwin(_ page: PageRequest) async throws -> Response {
        guard let id = try? Identifier(page.id), let confirmation = try await service.proxyConfirmation(id, of: page.caller) else {
            throw APIProblem.notFound
        }
        return Self.htmlDocument(try await twin(.proxyConfirmation(confirmation), documentID: id.value, nir: page.caller.nir,
                                                subject: RegisteredDocument.subject(proxy: id)))
    }
}
