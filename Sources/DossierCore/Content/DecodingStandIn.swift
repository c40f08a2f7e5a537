/// A value put in place of a required key's bad or missing one, so that decoding goes on to the
/// file's other values and reports their errors too (see `DecodingErrors`). Never seen: a file
/// with any error is discarded.
protocol DecodingStandIn {
    static var standIn: Self { get }
}

enum StandIn {
    /// `T`'s stand-in, or nil when it has none (then the error ends the object holding the key).
    static func of<T>(_ type: T.Type) -> T? {
        if let standIn = T.self as? any DecodingStandIn.Type { return standIn.standIn as? T }
        if let keyword = T.self as? any Keyword.Type { return firstWord(keyword) as? T }
        return nil
    }

    private static func firstWord<Word: Keyword>(_ type: Word.Type) -> Word? { Word.allCases.first }
}

extension String: DecodingStandIn { static var standIn: String { "" } }
extension Int: DecodingStandIn { static var standIn: Int { 0 } }
extension Double: DecodingStandIn { static var standIn: Double { 0 } }
extension Float: DecodingStandIn { static var standIn: Float { 0 } }
extension Bool: DecodingStandIn { static var standIn: Bool { false } }
extension Array: DecodingStandIn { static var standIn: Array { [] } }
extension Dictionary: DecodingStandIn { static var standIn: Dictionary { [:] } }
extension Day: DecodingStandIn { static var standIn: Day { Day(year: 2000, month: 1, day: 1)! } }
extension CalendarDate: DecodingStandIn { static var standIn: CalendarDate { .day(.standIn) } }
extension FinancialYear: DecodingStandIn { static var standIn: FinancialYear { FinancialYear(startYear: 2000) } }
extension BrandColour: DecodingStandIn { static var standIn: BrandColour { .neutral } }
