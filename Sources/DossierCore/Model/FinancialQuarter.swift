/// A UK local-government financial year, April to March, written `2006/07`.
public struct FinancialYear: Hashable, Comparable, Sendable, Decodable, CustomStringConvertible {
    /// The calendar year in which it starts: 2006 for 2006/07.
    public let startYear: Int

    public init(startYear: Int) { self.startYear = startYear }

    public init?(text: String) {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, parts[0].count == 4, parts[1].count == 2,
              let start = Int(parts[0]), let end = Int(parts[1]), (start + 1) % 100 == end else { return nil }
        startYear = start
    }

    public init(from decoder: Decoder) throws {
        self = try decoder.decodeText(FinancialYear.init(text:)) { "'\($0)' is not a financial year such as 2006/07" }
    }

    /// The financial year a day falls in.
    public init(containing day: Day) { startYear = day.month >= 4 ? day.year : day.year - 1 }

    /// "2006/07".
    public var label: String {
        let end = (startYear + 1) % 100
        return "\(startYear)/\(end < 10 ? "0" : "")\(end)"
    }

    public var description: String { label }
    public static func < (a: FinancialYear, b: FinancialYear) -> Bool { a.startYear < b.startYear }
}

/// A quarter of a financial year: Q1 is April–June, Q3 of 2006/07 is October–December 2006,
/// Q4 of 2006/07 is January–March 2007.
public struct FinancialQuarter: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let year: FinancialYear
    public let quarter: Int

    public init?(year: FinancialYear, quarter: Int) {
        guard (1...4).contains(quarter) else { return nil }
        self.year = year
        self.quarter = quarter
    }

    /// The quarter a day falls in.
    public init(containing day: Day) {
        year = FinancialYear(containing: day)
        quarter = day.month >= 4 ? (day.month - 4) / 3 + 1 : 4
    }

    /// The quarter before: Q1 2007/08 → Q4 2006/07.
    public var previous: FinancialQuarter {
        quarter == 1 ? FinancialQuarter(year: FinancialYear(startYear: year.startYear - 1), quarter: 4)!
            : FinancialQuarter(year: year, quarter: quarter - 1)!
    }

    public var firstDay: Day {
        let month = quarter == 4 ? 1 : quarter * 3 + 1
        return Day(year: quarter == 4 ? year.startYear + 1 : year.startYear, month: month, day: 1)!
    }

    public var lastDay: Day {
        let first = firstDay
        let month = first.month + 2
        return Day(year: first.year, month: month, day: Day.daysIn(month: month, year: first.year))!
    }

    /// "Q3 2006/07".
    public var label: String { "Q\(quarter) \(year.label)" }

    /// "October to December 2006"; "January to March 2007".
    public var months: String {
        "\(Day.monthNames[firstDay.month - 1]) to \(Day.monthNames[lastDay.month - 1]) \(lastDay.year)"
    }

    public var description: String { label }
    public static func < (a: FinancialQuarter, b: FinancialQuarter) -> Bool { (a.year, a.quarter) < (b.year, b.quarter) }
}
