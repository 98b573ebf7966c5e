// The online proxy: P_FIELDS, P_ADULT, P_CERTIFY, P_VALIDITY, P_ONE_ACTIVE, P_REVOKE, P_SCOPE.
import Testing
import Records
import TeleserviceRules

struct ProxyRulesTests {
    typealias F = Fixtures

    private func create(_ form: ProxyForm = ReceiptRulesTests.holderForm, certified: Bool = true,
                        household: Household = Fixtures.household(), on iso: String = "2026-11-24") -> Decision<ProxyTeleservice.ProxyOutcome> {
        ProxyTeleservice.create(form, certified: certified, in: household, submission: F.submission(iso))
    }

    @Test func P_FIELDS_allRequiredButUsageName() throws {
        let empty = create(ProxyForm(civility: nil, lastName: " ", firstName: nil, birthDate: nil)).refusal
        #expect(empty?.rule == .P_FIELDS && empty?.kind == .invalidInput)
        #expect(Set(empty?.fieldErrors.map(\.field) ?? []) == ["civility", "lastName", "firstName", "birthDate"])
        // Without a usage name: accepted; with one: kept.
        #expect(try create().get().proxy.holder.usageName == nil)
        var withUsage = ReceiptRulesTests.holderForm
        withUsage.usageName = "MARTIN"
        #expect(try create(withUsage).get().proxy.holder.usageName?.value == "MARTIN")
    }

    @Test(arguments: [
        (ProxyForm(civility: "Mr", lastName: "DUPONT", firstName: "Martin", birthDate: "1980-04-02"), "civility"),
        (ProxyForm(civility: "Mme", lastName: "ŒUVRE", firstName: "Martine", birthDate: "1980-04-02"), "lastName"),
        (ProxyForm(civility: "Mme", lastName: "DUPONT", firstName: "Martine", birthDate: "02/04/1980"), "birthDate"),
        (ProxyForm(civility: "Mme", lastName: "DUPONT", firstName: "Martine", birthDate: "2026-11-25"), "birthDate"),
        (ProxyForm(civility: "Mme", lastName: "DUPONT", usageName: "X😀", firstName: "Martine", birthDate: "1980-04-02"), "usageName"),
    ])
    func P_FIELDS_eachBadFieldIsNamed(form: ProxyForm, field: String) {
        let refusal = create(form).refusal
        #expect(refusal?.rule == .P_FIELDS)
        #expect(refusal?.fieldErrors.map(\.field) == [field])
    }

    /// Born 2008-11-24: 18 on 2026-11-24. The day before is refused with the seed's exact message.
    @Test(arguments: [("2026-11-23", false), ("2026-11-24", true), ("2026-11-25", true)])
    func P_ADULT_eighteenOnTheDay(today: String, accepted: Bool) {
        let form = ProxyForm(civility: "Mme", lastName: "DURAND", firstName: "Lina", birthDate: "2008-11-24")
        let decision = create(form, on: today)
        #expect((decision.outcome != nil) == accepted)
        if !accepted {
            #expect(decision.refusal?.rule == .P_ADULT)
            #expect(decision.refusal?.message == "Le formulaire comporte une ou plusieurs erreurs. Merci de vérifier votre saisie. Le mandataire doit avoir 18 ans révolus pour pouvoir vous représenter")
        }
    }

    @Test(arguments: [("2026-02-27", false), ("2026-02-28", true), ("2028-02-28", true)])
    func P_ADULT_bornOnLeapDay(today: String, accepted: Bool) {
        // Born 29 February 2008: in 2026 the birthday clamps to 28 February (DOMAIN.md month-end arithmetic).
        let form = ProxyForm(civility: "M.", lastName: "BISSEXTIL", firstName: "Léon", birthDate: "2008-02-29")
        #expect((create(form, on: today).outcome != nil) == accepted)
    }

    @Test func P_CERTIFY_boxMustBeTicked() {
        let refusal = create(certified: false).refusal
        #expect(refusal?.rule == .P_CERTIFY)
        #expect(refusal?.fieldErrors.map(\.field) == ["certified"])
    }

    @Test(arguments: [("2026-11-24", "2026-12-24"), ("2027-01-31", "2027-02-28"), ("2028-01-31", "2028-02-29")])
    func P_VALIDITY_oneMonthInclusive(created: String, until: String) throws {
        let proxy = try create(on: created).get().proxy
        #expect(proxy.validUntil == F.date(until))
        #expect(proxy.isActive(on: F.date(created)))                        // operational at once
        #expect(proxy.isActive(on: F.date(until)))                          // last day included
        #expect(!proxy.isActive(on: F.date(until).adding(days: 1)))          // the day after, over
    }

    @Test func P_ONE_ACTIVE_revokeFirst() throws {
        let first = try create().get()
        let second = create(household: first.household, on: "2026-12-01").refusal
        #expect(second?.rule == .P_ONE_ACTIVE && second?.kind == .conflict)
        #expect(second?.message.contains("révoquez") == true)
        // After expiry a new one is accepted, and after a revocation too.
        #expect(create(household: first.household, on: "2026-12-25").outcome != nil)
        let revoked = try ProxyTeleservice.revoke(in: first.household, submission: F.submission("2026-12-01")).get()
        #expect(create(household: revoked.household, on: "2026-12-01").outcome != nil)
    }

    @Test func P_REVOKE_atAnyTimeAndTwiceIsHarmless() throws {
        let created = try create().get()
        let revoked = try ProxyTeleservice.revoke(in: created.household, submission: F.submission("2026-11-25")).get()
        let proxy = try #require(revoked.revoked)
        #expect(proxy.revokedAt == F.noon("2026-11-25"))
        #expect(!ProxyTeleservice.mayRepresent(proxy, on: F.date("2026-11-25")))
        #expect(revoked.household.activeProxy(on: F.date("2026-11-25")) == nil)
        let twice = try ProxyTeleservice.revoke(in: revoked.household, submission: F.submission("2026-11-26")).get()
        #expect(twice.revoked == nil && twice.household == revoked.household)
    }

    @Test func P_SCOPE_confirmationSaysWhatAndWhatNot() throws {
        let confirmation = try create().get().confirmation
        #expect(confirmation.scope.contains("toute démarche administrative"))
        #expect(confirmation.exclusions.contains("convocations du Service Médical"))
        #expect(confirmation.instructions.contains { $0.contains("numéro de sécurité sociale ou votre carte Vitale") })
        #expect(confirmation.instructions.contains { $0.contains("pièce d'identité valide") })
        #expect(confirmation.holder.displayName == "M. DUPONT Martin")
        #expect(confirmation.validUntil == F.date("2026-12-24"))
    }
}
