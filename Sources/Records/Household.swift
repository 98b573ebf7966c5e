// Household: everything the rules need to decide one request — the record, open orders, proxies.

/// A snapshot of one insured's state, as the store holds it at the moment of a request.
public struct Household: Hashable, Sendable {
    public var record: InsuredRecord
    /// Orders of any status; the rules look at those in progress.
    public var orders: [CardOrder]
    /// Proxies ever given, newest last; at most one of them active on a day (P_ONE_ACTIVE).
    public var proxies: [Proxy]

    public init(record: InsuredRecord, orders: [CardOrder] = [], proxies: [Proxy] = []) {
        self.record = record
        self.orders = orders
        self.proxies = proxies
    }

    public func openOrder(for beneficiary: Identifier) -> CardOrder? {
        orders.first { $0.beneficiaryID == beneficiary && $0.status == .inProgress }
    }

    public func activeProxy(on today: CivilDate) -> Proxy? {
        proxies.last { $0.isActive(on: today) }
    }
}
