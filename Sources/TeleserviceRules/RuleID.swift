// RuleID: the ids of DOMAIN.md's rules, the stable codes of every refusal and of the tests that prove them.

public enum RuleID: String, CaseIterable, Hashable, Sendable, Codable {
    // CEAM procedures
    case R_ONE_AT_A_TIME, R_ORDER, R_RENEW_WINDOW, R_ONE_OPEN_ORDER, R_NPAI, R_RIGHTS, R_LOSS_LIMIT
    case R_CANCELLED_PENDING, R_LOSS, R_DEPARTURE, R_CERTIFICATE, R_ACK, R_HISTORY, R_VIEW, R_FULFIL
    case R_ACTIONS, R_RATING
    // Online proxy
    case P_FIELDS, P_ADULT, P_CERTIFY, P_VALIDITY, P_ONE_ACTIVE, P_REVOKE, P_SCOPE
}
