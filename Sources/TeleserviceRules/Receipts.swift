// Receipts: the acknowledgement and e-mail notice every accepted procedure gives rise to (R_ACK).
import Foundation
import Records

enum Receipts {
    struct Receipt {
        let acknowledgement: Acknowledgement
        let notice: EmailNotice
    }

    /// "Eva DUPONT": given names then last name, as French correspondence addresses people.
    static func name(of beneficiary: Beneficiary) -> String { "\(beneficiary.givenNames.value) \(beneficiary.lastName.value)" }

    static func person(_ beneficiary: Beneficiary) -> ConcernedPerson {
        ConcernedPerson(lastName: beneficiary.lastName, givenNames: beneficiary.givenNames)
    }

    static func person(_ holder: ProxyHolder) -> ConcernedPerson {
        ConcernedPerson(lastName: holder.lastName, givenNames: holder.firstName)
    }

    static func insuredName(_ record: InsuredRecord) -> String {
        record.holder.map(name(of:)) ?? "Madame, Monsieur"
    }

    static func make(_ kind: ProcedureKind, submission: Submission, household: Household, concerning: String,
                     person: ConcernedPerson, lossKind: LossKind? = nil, nextSteps: [String]) -> Receipt {
        let record = household.record
        let acknowledgement = Acknowledgement(
            reference: submission.reference, procedure: kind, receivedAt: submission.receivedAt,
            insuredName: insuredName(record), concerning: concerning, concernedPerson: person, lossKind: lossKind, institution: record.institution,
            subject: "Accusé de réception : \(kind.french)", nextSteps: nextSteps)
        return Receipt(acknowledgement: acknowledgement,
                       notice: .documentAwaits(to: record.email, reference: submission.reference, at: submission.receivedAt))
    }
}
