/// One indicator's result in a quarterly report.
public struct IndicatorResult: StrictDecodable, Sendable, Equatable {
    public var indicator: String
    public var actual: Double?
    public var volume: Int?
    public var volumeUnit: String?
    public var comment: String?
    /// Replaces the registry's target for this report.
    public var target: Double?

    enum CodingKeys: String, CodingKey, CaseIterable {
        case indicator, actual, volume, comment, target
        case volumeUnit = "volume_unit"
    }

    static let keySchema = KeySchema(CodingKeys.self)
}

/// A quarterly performance report.
public struct QuarterlyReport: StrictDecodable, Sendable, Equatable {
    public var financialYear: FinancialYear
    public var quarter: Int
    /// Made-up figures for the example site, shown with a banner.
    public var illustrative: Bool?
    public var headlines: [String]?
    public var results: [IndicatorResult]?
    public var scorecard: Scorecard?

    enum CodingKeys: String, CodingKey, CaseIterable {
        case quarter, illustrative, headlines, results, scorecard
        case financialYear = "financial_year"
    }

    static let keySchema = KeySchema(CodingKeys.self, nested: ["results": IndicatorResult.keySchema, "scorecard": Scorecard.embeddedKeySchema])

    /// Nil when `quarter` is not 1–4 (reported by validation).
    public var period: FinancialQuarter? { FinancialQuarter(year: financialYear, quarter: quarter) }
}
