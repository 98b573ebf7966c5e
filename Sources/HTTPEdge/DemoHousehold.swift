// DemoHousehold: the household `serve --demo` imports, and the requests that walk through each seed flow.
public import Foundation
public import Records

/// An insured with two children: his card is active, Léa's expires within two months (renewal possible),
/// Hugo has none. Dates are relative to the day the demo starts, so the situations hold whenever it runs.
public enum DemoHousehold {
    public static let insuredNIR = "185037512000696"

    public static func record(today: CivilDate) throws -> InsuredRecord {
        let institution = try Institution(id: "0175", acronym: "CPAM PARIS", name: "CPAM de Paris",
                                          address: "21 rue Georges Auric, 75948 Paris Cedex 19", phone: "3646")
        let marcCard = Card(number: try CardNumber("80250017510000000101"), issueDate: today.adding(months: -6))
        // Expiry is issue + 2 years: issued 2 years minus 1 month ago, it expires in a month.
        let leaCard = Card(number: try CardNumber("80250017510000000102"), issueDate: today.adding(months: -23))
        return try InsuredRecord(
            nir: try NIR(insuredNIR), email: "marc.martin@example.org", addressStatus: .ok, rights: .open,
            institution: institution,
            beneficiaries: [
                try Beneficiary(id: "marc", nir: try NIR(insuredNIR), lastName: try PersonName("MARTIN"), givenNames: try PersonName("Marc"),
                                birthDate: try CivilDate(iso: "1985-03-14"), cards: [marcCard]),
                try Beneficiary(id: "lea", nir: try NIR("215037512001275"), lastName: try PersonName("MARTIN"), givenNames: try PersonName("Léa"),
                                birthDate: try CivilDate(iso: "2015-03-02"), cards: [leaCard]),
                try Beneficiary(id: "hugo", nir: try NIR("118069205003394"), lastName: try PersonName("MARTIN"), givenNames: try PersonName("Hugo"),
                                birthDate: try CivilDate(iso: "2018-06-21")),
            ])
    }

    /// 32 random bytes in hex: a demo-only secret, printed so that `ameli-docs token` can use it too.
    /// A shell line that takes one string field out of a JSON answer held in a variable (no jq needed).
    private static func capture(_ name: String, from variable: String, key: String) -> String {
        "\(name)=$(echo \"$\(variable)\" | sed -n 's/.*\"\(key)\":\"\\([^\"]*\\)\".*/\\1/p')"
    }

    public static func randomSecret() -> String {
        var generator = SystemRandomNumberGenerator()
        return (0..<32).map { _ in String(format: "%02x", UInt8.random(in: 0...255, using: &generator)) }.joined()
    }

    /// `mail` says where the e-mail notices go (the relay, or nowhere yet), as `serve` configured it.
    /// `drawnSecret` is the secret the demo drew for itself, or nil when the secret came from elsewhere (the
    /// environment): that one is not the demo's to show, nor are tokens signed with it, which would open any service
    /// sharing the secret. The instructions then make the tokens with `ameli-docs token`, which reads the environment.
    public static func instructions(base: String, tokens: AccessTokens, drawnSecret: String?, now: Date, storeDescription: String,
                                    mail: String) async throws -> String {
        let nir = try NIR(insuredNIR)
        let credentials: String
        if let drawnSecret {
            let user = try await tokens.sign(nir: nir, issuedAt: now, expiresAt: now.addingTimeInterval(12 * 3600))
            let admin = try await tokens.sign(nir: nir, admin: true, issuedAt: now, expiresAt: now.addingTimeInterval(12 * 3600))
            credentials = """
                export AMELI_DOCS_JWT_SECRET=\(drawnSecret)
                export TOKEN=\(user)
                export ADMIN_TOKEN=\(admin)
                """
        } else {
            credentials = """
                # Le secret des jetons vient de l'environnement : il n'est pas affiché, ni aucun jeton signé avec lui.
                export TOKEN=$(ameli-docs token --nir \(insuredNIR))
                export ADMIN_TOKEN=$(ameli-docs token --nir \(insuredNIR) --admin)
                """
        }
        let today = CivilDate(now)
        let minor = today.adding(years: -17).iso
        let json = "-H 'Content-Type: application/json'"
        return """

        AmeliDocs — démonstration (\(storeDescription)) sur \(base)
        Dans un navigateur : \(base)/compte/connexion (compte web et appli), \(base)/borne/connexion (borne), \(base)/verifier
        Foyer : Marc MARTIN (carte active), Léa (carte expirant dans un mois), Hugo (sans carte).
        \(mail)

        \(credentials)
        export AUTH="Authorization: Bearer $TOKEN"

        # Le foyer et les actions possibles (R_ACTIONS)
        curl -s -H "$AUTH" \(base)/v1/beneficiaries

        # 1. Commande pour Hugo avec départ sous 15 jours → certificat provisoire, téléchargeable une fois → accusé dans la messagerie
        ORDER=$(curl -s -H "$AUTH" \(json) -d '{"departureWithin15Days":true}' \(base)/v1/beneficiaries/hugo/card-orders); echo "$ORDER"
        \(capture("CERTIFICATE_URL", from: "ORDER", key: "downloadUrl"))
        \(capture("ORDER_ID", from: "ORDER", key: "messageId"))
        curl -s -H "$AUTH" -o certificat.pdf -w '%{http_code}\\n' "\(base)$CERTIFICATE_URL"   # 200, le PDF
        curl -s -H "$AUTH" -w '\\n%{http_code}\\n' "\(base)$CERTIFICATE_URL"                # 410 gone (R_CERTIFICATE)
        curl -s -H "$AUTH" \(base)/v1/inbox
        curl -s -H "$AUTH" -o accuse.pdf -w '%{http_code}\\n' \(base)/v1/inbox/$ORDER_ID/attachment.pdf

        # 2. Renouvellement anticipé de la carte de Léa (fenêtre des 2 mois)
        curl -s -H "$AUTH" \(json) -d '{"departureWithin15Days":false}' \(base)/v1/beneficiaries/lea/card-orders

        # 3. Déclaration de perte de la carte de Marc → carte annulée → commande possible
        curl -s -H "$AUTH" \(json) -d '{"kind":"loss","date":"\(today.iso)","sworn":true}' \(base)/v1/beneficiaries/marc/loss-declarations
        curl -s -H "$AUTH" \(json) -d '{"departureWithin15Days":false}' \(base)/v1/beneficiaries/marc/card-orders

        # 4. Procuration : mandataire de 17 ans refusé (P_ADULT), puis majeur accepté, puis révocation
        curl -s -H "$AUTH" \(json) -d '{"civility":"Mme","lastName":"DURAND","firstName":"Claire","birthDate":"\(minor)","certified":true}' \(base)/v1/proxy
        PROXY=$(curl -s -H "$AUTH" \(json) -d '{"civility":"Mme","lastName":"DURAND","firstName":"Claire","birthDate":"1990-05-04","certified":true}' \(base)/v1/proxy); echo "$PROXY"
        \(capture("CONFIRMATION_URL", from: "PROXY", key: "confirmationUrl"))
        curl -s -H "$AUTH" -o procuration.pdf -w '%{http_code}\\n' "\(base)$CONFIRMATION_URL"
        curl -s -H "$AUTH" \(base)/v1/proxy
        curl -s -H "$AUTH" -X DELETE -w '%{http_code}\\n' \(base)/v1/proxy

        # 5. La carte de Marc en PNG (300 dpi) et celle de Léa en PDF à taille réelle
        curl -s -H "$AUTH" -o marc.png -w '%{http_code}\\n' '\(base)/v1/beneficiaries/marc/card.png?dpi=300'   # 409 R_VIEW après la perte (3.)
        curl -s -H "$AUTH" -o lea.png -w '%{http_code}\\n' '\(base)/v1/beneficiaries/lea/card.png?dpi=300'
        curl -s -H "$AUTH" -o lea.pdf -w '%{http_code}\\n' \(base)/v1/beneficiaries/lea/card.pdf

        # 6. Historique, note de la commande, fabrication de la carte de Hugo (administrateur, R_FULFIL)
        curl -s -H "$AUTH" \(base)/v1/procedures
        curl -s -H "$AUTH" \(json) -d '{"score":5}' -w '%{http_code}\\n' \(base)/v1/procedures/$ORDER_ID/rating
        curl -s -H "Authorization: Bearer $ADMIN_TOKEN" \(json) -d '{}' \(base)/v1/admin/card-orders/$ORDER_ID/fulfilment

        # 7. Le cachet (SEAL.md) : lire le code d'une page numérisée, vérifier, révoquer, vérifier encore
        curl -s \(base)/v1/verification-keys > cles.json
        pdftoppm -r 300 -png -singlefile certificat.pdf scan        # « numérise » le certificat (poppler-utils)
        curl -s -H 'Content-Type: image/png' --data-binary @scan.png \(base)/v1/verifications   # signature valid, status valid
        .build/debug/ameli-docs verify --image scan.png --keys cles.json   # la même vérification, hors ligne
        CERT_ID=$(basename "$CERTIFICATE_URL" .pdf)
        curl -s -H "Authorization: Bearer $ADMIN_TOKEN" \(json) -d '{"reason":"Démonstration"}' -w '%{http_code}\\n' \(base)/v1/admin/documents/$CERT_ID/revocation
        curl -s -H 'Content-Type: image/png' --data-binary @scan.png \(base)/v1/verifications   # status revoked
        pdftoppm -r 300 -png -singlefile procuration.pdf scan-procuration   # procuration révoquée au 4. → status revoked
        curl -s -H 'Content-Type: image/png' --data-binary @scan-procuration.png \(base)/v1/verifications

        # 8. Les avis de dépôt (un par démarche acceptée) : la file d'envoi vue par le back-office
        curl -s -H "Authorization: Bearer $ADMIN_TOKEN" '\(base)/v1/admin/notices?status=pending'
        curl -s -H "Authorization: Bearer $ADMIN_TOKEN" '\(base)/v1/admin/notices?status=sent'
        # Pour les recevoir : un relais local (.venv-oracles/bin/python -m aiosmtpd -n -l 127.0.0.1:2525 affiche chaque message),
        # puis relancer avec AMELI_DOCS_SMTP_URL=smtp://127.0.0.1:2525 ; les avis en attente partent alors.

        Exploitation : \(base)/health · \(base)/metrics · \(base)/openapi.yaml

        """
    }
}
