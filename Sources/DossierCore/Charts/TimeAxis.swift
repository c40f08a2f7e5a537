/// The month axis of the timeline: whole months from the first stage to the last, ticked every 1, 2,
/// 3, 6 or 12 months (whichever is the first whose "Jan 04" labels fit), on calendar boundaries.
struct TimeAxis: Sendable, Equatable {
    /// Months since year 0 (`year * 12 + month - 1`) at the two ends: the first of a month.
    var firstMonth: Int
    var endMonth: Int
    /// Labelled ticks, and unlabelled minor ticks between them (quarters, when they fit).
    var ticks: [Int]
    var minorTicks: [Int]
    var stepMonths: Int

    /// Whole months covering `days`, with ticks whose labels fit in `length` user units.
    static func covering(_ days: [Day], length: Double, labelSize: Double) -> TimeAxis {
        let first = days.map(\.monthIndex).min() ?? 0
        let end = (days.map(\.monthIndex).max() ?? 0) + 1
        let months = Double(end - first)
        let step = [1, 2, 3, 6, 12, 24, 60, 120, 240, 600, 1200].first { step in
            let probe = step % 12 == 0 ? "2000" : "May 00"
            return Double(step) * length / months >= TextFit.width(probe, size: labelSize) + 12
        } ?? 1200
        let minorStep = [3, 6, 1].first { step % $0 == 0 && $0 < step && Double($0) * length / months >= 6 }
        func aligned(_ every: Int) -> [Int] { (first...end).filter { $0 % every == 0 } }
        let ticks = aligned(step)
        let minor = minorStep.map { every in aligned(every).filter { $0 % step != 0 } } ?? []
        return TimeAxis(firstMonth: first, endMonth: end, ticks: ticks, minorTicks: minor, stepMonths: step)
    }

    var startDay: Int { Day.ordinal(monthIndex: firstMonth) }
    var endDay: Int { Day.ordinal(monthIndex: endMonth) }

    /// Where the start of `day` falls between `start` and `end`.
    func position(_ day: Int, from start: Double, to end: Double) -> Double {
        start + Double(day - startDay) / Double(max(1, endDay - startDay)) * (end - start)
    }

    /// "Jan 04"; yearly ticks are just the year.
    func label(_ monthIndex: Int) -> String {
        let year = monthIndex / 12
        if stepMonths % 12 == 0 { return String(year) }
        let short = String(Day.monthNames[monthIndex % 12].prefix(3))
        let yy = year % 100
        return short + " " + (yy < 10 ? "0\(yy)" : "\(yy)")
    }
}

extension Day {
    /// Months since year 0: January 2004 is 2004 × 12.
    var monthIndex: Int { year * 12 + month - 1 }

    /// Days since 1 March of year 0 (any fixed origin will do): the number line for the timeline.
    var ordinal: Int { Day.ordinal(year: year, month: month, day: day) }

    static func ordinal(monthIndex: Int) -> Int { ordinal(year: monthIndex / 12, month: monthIndex % 12 + 1, day: 1) }

    /// The civil-from-days algorithm's inverse: proleptic Gregorian days, exact integers.
    static func ordinal(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let shifted = month > 2 ? month - 3 : month + 9
        let dayOfYear = (153 * shifted + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146097 + dayOfEra
    }

    /// "May 2004".
    var monthAndYear: String { "\(Day.monthNames[month - 1]) \(year)" }
}
