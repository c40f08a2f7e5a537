import Foundation

/// The span of time an offline archive covers, as `dossier archive PERIOD` names it:
/// `2006` (the calendar year), `2006/07` (the financial year April 2006 to March 2007) or
/// `2006-Q3` (quarter 3 of the financial year that starts in 2006: October to December 2006).
public enum ArchivePeriod: Hashable, Sendable, CustomStringConvertible {
    case calendarYear(Int)
    case financialYear(FinancialYear)
    case financialQuarter(FinancialQuarter)

    /// The forms PERIOD takes, for help text and error hints.
    public static let forms = "a calendar year (2006), a financial year (2006/07: April 2006 to March 2007) or a financial quarter (2006-Q3: quarter 3 of 2006/07, October to December 2006)"

    /// Parses `2006`, `2006/07` or `2006-Q3` (`2006-q3` too).
    public init(parsing raw: String) throws(ArchiveError) {
        let text = raw.trimmingCharacters(in: .whitespaces)
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        let dashed = text.split(separator: "-", omittingEmptySubsequences: false)
        func year(_ part: Substring, last: Int) -> Int? {
            guard part.count == 4, part.allSatisfy({ $0.isASCII && $0.isNumber }), let value = Int(part), (1...last).contains(value) else { return nil }
            return value
        }
        if let calendar = year(Substring(text), last: 9999) {
            self = .calendarYear(calendar)
        } else if parts.count == 2, let start = year(parts[0], last: 9998) {
            guard let financial = FinancialYear(text: text) else {
                throw ArchiveError("'\(raw)' is not a financial year", hint: "a financial year is written with the two years it spans, such as \(FinancialYear(startYear: start).label)")
            }
            self = .financialYear(financial)
        } else if dashed.count == 2, let start = year(dashed[0], last: 9998), dashed[1].first == "Q" || dashed[1].first == "q" {
            let number = dashed[1].dropFirst()
            guard number.count == 1, let quarter = Int(number), let value = FinancialQuarter(year: FinancialYear(startYear: start), quarter: quarter) else {
                throw ArchiveError("'\(raw)' is not a financial quarter", hint: "quarters are Q1 (April to June) to Q4 (January to March), such as \(start)-Q3")
            }
            self = .financialQuarter(value)
        } else if dashed.count == 2, let start = year(dashed[0], last: 9998), dashed[1].count == 2, dashed[1].allSatisfy({ $0.isASCII && $0.isNumber }) {
            throw ArchiveError("'\(raw)' is not a period", hint: "for the financial year write \(FinancialYear(startYear: start).label); a month is not a period the archive takes")
        } else {
            throw ArchiveError("'\(raw)' is not a period", hint: "write \(Self.forms)")
        }
    }

    /// As the command line writes it: `2006`, `2006/07`, `2006-Q3`.
    public var text: String {
        switch self {
        case let .calendarYear(year): return String(year)
        case let .financialYear(year): return year.label
        case let .financialQuarter(quarter): return "\(quarter.year.startYear)-Q\(quarter.quarter)"
        }
    }

    /// For file names: `2006`, `2006-07`, `2006-Q3`.
    public var slug: String { text.replacingOccurrences(of: "/", with: "-") }

    /// As a reader would say it: `2006`, `2006/07`, `Q3 2006/07`.
    public var label: String {
        switch self {
        case let .financialQuarter(quarter): return quarter.label
        default: return text
        }
    }

    public var description: String { label }

    /// "the calendar year 2006 (January to December 2006)", "the financial year 2006/07 (April 2006 to
    /// March 2007)", "Q3 2006/07 (October to December 2006)".
    public var explanation: String {
        let span = "\(Day.monthNames[firstDay.month - 1])\(firstDay.year == lastDay.year ? "" : " \(firstDay.year)") to \(Day.monthNames[lastDay.month - 1]) \(lastDay.year)"
        switch self {
        case .calendarYear: return "the calendar year \(label) (\(span))"
        case .financialYear: return "the financial year \(label) (\(span))"
        case .financialQuarter: return "\(label) (\(span))"
        }
    }

    public var firstDay: Day {
        switch self {
        case let .calendarYear(year): return Day(year: year, month: 1, day: 1)!
        case let .financialYear(year): return FinancialQuarter(year: year, quarter: 1)!.firstDay
        case let .financialQuarter(quarter): return quarter.firstDay
        }
    }

    public var lastDay: Day {
        switch self {
        case let .calendarYear(year): return Day(year: year, month: 12, day: 31)!
        case let .financialYear(year): return FinancialQuarter(year: year, quarter: 4)!.lastDay
        case let .financialQuarter(quarter): return quarter.lastDay
        }
    }

    public func contains(_ day: Day) -> Bool { firstDay <= day && day <= lastDay }

    /// Whether a page is one of this period's reports: a page with a date in the period, except that a
    /// quarterly report counts by the quarter it covers, not the day it was issued (the Q3 2006/07
    /// report, dated January 2007, is in 2006-Q3, 2006/07 and 2006, not in 2007).
    public func includes(_ page: PublishedPage) -> Bool {
        guard let date = page.date else { return false }
        if page.kind == .quarterly, let quarter = page.quarter {
            return contains(quarter.firstDay) && contains(quarter.lastDay)
        }
        return contains(date)
    }

    /// The day a report is sorted by: the start of the quarter a quarterly covers, else its date.
    static func sortDay(_ page: PublishedPage) -> Day? {
        if page.kind == .quarterly, let quarter = page.quarter { return quarter.firstDay }
        return page.date
    }
}

/// Why an archive could not be made: a bad period, a period with no reports, a build that failed
/// (its diagnostics), or an output file that cannot be written.
public struct ArchiveError: Error, Sendable, CustomStringConvertible {
    public var message: String
    public var hint: String?
    /// The build's diagnostics, when the site itself has errors.
    public var diagnostics: [Diagnostic]

    public init(_ message: String, hint: String? = nil, diagnostics: [Diagnostic] = []) {
        self.message = message
        self.hint = hint
        self.diagnostics = diagnostics
    }

    public var description: String { hint.map { "\(message)\n  hint: \($0)" } ?? message }
}
