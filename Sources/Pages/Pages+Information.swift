// Pages+Information: « Mes informations » — the account's identity, its CEAM entry and its active proxy (seed 004).
import HTTPEdge
import Procedures
import Foundation
import Hummingbird
import Records
import TeleserviceRules

extension Pages {
    /// The seed's « Mes informations »: who the record says the insured is, the way into the CEAM (« Carte CEAM »),
    /// the contact permissions as the seed shows them, and the active proxy, « Accordée à … - jusqu'au … », with
    /// « Révoquer » (the first of the seed's two ways to revoke it).
    func information(_ page: PageRequest) async throws -> Response {
        let household = try await household(page)
        let record = household.record
        let today = CivilDate(service.clock())
        var values = InformationPage(
            title: "Mes informations", nir: record.nir.grouped, email: record.email, institution: record.institution.name,
            rights: record.rights == .open ? "Vos droits à l'Assurance Maladie sont ouverts."
                                           : "Vos droits ne permettent pas de délivrer une carte européenne : contactez votre caisse.")
        if let holder = record.holder {
            values.name = holder.lastName.value
            values.givenNames = holder.givenNames.value
            if let card = holder.latestCard, card.status == .active {
                values.card = "Carte valable jusqu'au \(card.expiryDate.french)."
            }
        }
        if let proxy = household.activeProxy(on: today) {
            values.proxy = true
            values.holder = proxy.holder.displayName
            values.validUntil = proxy.validUntil.french
        }
        return await self.page("informations", values, request: page.request, channel: page.channel, caller: page.caller)
    }
}
