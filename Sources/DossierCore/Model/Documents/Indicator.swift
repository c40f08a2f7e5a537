/// How an indicator is measured.
public enum IndicatorUnit: String, Keyword {
    case percent, count, days, hours, score
}

/// Which way is better.
public enum Direction: String, Keyword {
    case higher, lower
}

/// A performance indicator, defined once in `content/indicators.yaml`.
public struct Indicator: StrictDecodable, Sendable, Equatable {
    public var id: String
    public var name: String
    public var group: String?
    public var description: String?
    public var unit: IndicatorUnit
    public var direction: Direction
    /// The service standard in words: "90% of faults fixed within 4 hours".
    public var standard: String?
    public var target: Double
    /// How far short of the target still counts as "near"; the site's default when absent.
    public var tolerance: Double?
    /// Targets for particular financial years, keyed `2007/08`.
    public var targets: [String: Double]?

    enum CodingKeys: String, CodingKey, CaseIterable {
        case id, name, group, description, unit, direction, standard, target, tolerance, targets
    }

    static let keySchema = KeySchema(CodingKeys.self)

    /// The target in force in a financial year.
    public func target(in year: FinancialYear?) -> Double {
        year.flatMap { targets?[$0.label] } ?? target
    }
}

/// `content/indicators.yaml`.
public struct IndicatorRegistry: StrictDecodable, Sendable, Equatable {
    public static let fileName = "indicators.yaml"
    public var indicators: [Indicator]

    public init(indicators: [Indicator] = []) { self.indicators = indicators }

    /// The indicator with this id. Registries hold tens of indicators, so a scan is cheapest.
    func indicator(_ id: String) -> Indicator? { indicators.first { $0.id == id } }

    enum CodingKeys: String, CodingKey, CaseIterable {
        case indicators
    }

    static let keySchema = KeySchema(CodingKeys.self, nested: ["indicators": Indicator.keySchema])
}

/// A result's verdict against its target, computed, never written by hand.
public enum IndicatorStatus: String, Sendable, CaseIterable {
    case exceeded, met, near, missed

    /// Better than the target is "exceeded", equal is "met", worse by no more than the tolerance is
    /// "near" (the seed's "just missed"), worse still is "missed". No actual, no status.
    public static func of(actual: Double?, target: Double, direction: Direction, tolerance: Double) -> IndicatorStatus? {
        guard let actual else { return nil }
        let better = direction == .higher ? actual - target : target - actual
        if better > 0 { return .exceeded }
        if better == 0 { return .met }
        return -better <= tolerance ? .near : .missed
    }

    /// "Target exceeded", "Target met", "Target just missed", "Target missed" (see `StatusLook`).
    public var words: String { StatusLook.of(self).words }
}
