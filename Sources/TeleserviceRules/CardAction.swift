// CardAction: the four things an insured can do with a beneficiary's card, and whether each is possible now.
public import Records

public enum CardAction: String, Hashable, Sendable, Codable, CaseIterable {
    case order
    case renew
    case declareLoss = "declare-loss"
    case view
}

/// One line of R_ACTIONS: available, or blocked by a rule with the message to show and, when time will lift
/// the block, the first day it will be lifted. The web page and the kiosk show exactly this.
public struct ActionAvailability: Hashable, Sendable, Codable {
    public let action: CardAction
    public let available: Bool
    public let blockedBy: RuleID?
    public let detail: String?
    public let availableFrom: CivilDate?

    init(_ action: CardAction, blocker: Refusal?) {
        self.action = action
        self.available = blocker == nil
        self.blockedBy = blocker?.rule
        self.detail = blocker?.message
        self.availableFrom = blocker?.availableFrom
    }
}
