/// A date written as a day (`2003-07-31`) or a whole month (`2003-07`), as plans and timelines
/// give them.
public enum CalendarDate: Hashable, Comparable, Sendable, Decodable, CustomStringConvertible {
    case day(Day)
    case month(year: Int, month: Int)

    public init?(text: String) {
        if let day = Day(iso: text) {
            self = .day(day)
            return
        }
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 2, parts[0].count == 4, parts[1].count == 2,
              let year = Int(parts[0]), let month = Int(parts[1]), Day(year: year, month: month, day: 1) != nil else { return nil }
        self = .month(year: year, month: month)
    }

    public init(from decoder: Decoder) throws {
        self = try decoder.decodeText(CalendarDate.init(text:)) { "'\($0)' is not a date or a month" }
    }

    /// The first day it covers.
    public var first: Day {
        switch self {
        case let .day(day): return day
        case let .month(year, month): return Day(year: year, month: month, day: 1)!
        }
    }

    /// The last day it covers: a task due in "2003-07" is due by 31 July 2003.
    public var last: Day {
        switch self {
        case let .day(day): return day
        case let .month(year, month): return Day(year: year, month: month, day: Day.daysIn(month: month, year: year))!
        }
    }

    /// "31 July 2003" or "July 2003".
    public var long: String {
        switch self {
        case let .day(day): return day.long
        case let .month(year, month): return "\(Day.monthNames[month - 1]) \(year)"
        }
    }

    /// `2003-07-31` or `2003-07`, for `<time datetime>`.
    public var iso: String {
        switch self {
        case let .day(day): return day.iso
        case .month: return String(first.iso.prefix(7))
        }
    }

    public var description: String { iso }

    public static func < (a: CalendarDate, b: CalendarDate) -> Bool { (a.first, a.last) < (b.first, b.last) }
}
