/// Value axes: a domain that suits the unit, ticks on round numbers (1, 2, 2.5 or 5 × 10ⁿ), and
/// the linear map from values to positions.
struct Axis: Sendable, Equatable {
    /// The values at the two ends of the axis.
    var lower: Double
    var upper: Double
    var ticks: [Double]

    /// An axis for `values` in `unit`, with at most `maxTicks` ticks.
    ///
    /// When `zero` is true the axis always includes 0 (bars grow from it); otherwise 0 is included
    /// when the values come near it or go negative. A per cent axis that includes 0 runs to 100; no
    /// per cent axis goes past 100 unless a value does. Other axes end on the first round numbers
    /// at or past the values.
    static func fitting(_ values: [Double], unit: ChartUnit?, zero: Bool, maxTicks: Int) -> Axis {
        let finite = values.filter(\.isChartValue)
        var low = finite.min() ?? 0
        var high = finite.max() ?? 0
        if low == high {
            // One value: an axis from 0 to it.
            if low > 0 { low = 0 } else if low < 0 { high = 0 } else { high = 1 }
        }
        let nearZero = low >= 0 && low <= high / 2
        if zero || low < 0 || high < 0 || nearZero {
            low = min(low, 0)
            high = max(high, 0)
        }
        if unit == .percent && low >= 0 && high <= 100 {
            // Never past 100: 100 is a multiple of every step, so rounding up stops there.
            if low == 0 { return fixed(lower: 0, upper: 100, integer: false, maxTicks: maxTicks) }
        }
        return rounded(lower: low, upper: high, integer: unit == .count, maxTicks: maxTicks)
    }

    /// An axis whose ends are the first ticks at or beyond `lower` and `upper`.
    static func rounded(lower: Double, upper: Double, integer: Bool, maxTicks: Int) -> Axis {
        guard let ticks = ticks(lower: lower, upper: upper, outwards: true, integer: integer, maxTicks: maxTicks),
              let first = ticks.first, let last = ticks.last else {
            return Axis(lower: lower, upper: upper, ticks: [lower, upper])
        }
        return Axis(lower: first, upper: last, ticks: ticks)
    }

    /// An axis from `lower` to `upper` exactly, ticked at the round numbers inside.
    static func fixed(lower: Double, upper: Double, integer: Bool, maxTicks: Int) -> Axis {
        Axis(lower: lower, upper: upper,
             ticks: ticks(lower: lower, upper: upper, outwards: false, integer: integer, maxTicks: maxTicks) ?? [lower, upper])
    }

    /// The ticks of the smallest step that needs at most `maxTicks` of them: from the first tick at
    /// or below `lower` to the first at or above `upper` (`outwards`), or from the first at or above
    /// `lower` to the last at or below `upper` (none when no tick falls between them). Nil when no
    /// step fits.
    private static func ticks(lower: Double, upper: Double, outwards: Bool, integer: Bool, maxTicks: Int) -> [Double]? {
        for step in steps(integer: integer) {
            let first = (lower / step).rounded(outwards ? .down : .up)
            let last = (upper / step).rounded(outwards ? .up : .down)
            guard first.magnitude < 1e15, last.magnitude < 1e15 else { continue }
            if last - first + 1 <= Double(max(2, maxTicks)) {
                return first <= last ? (Int(first)...Int(last)).map { Double($0) * step } : []
            }
        }
        return nil
    }

    /// Candidate tick steps in increasing order: 0.01, 0.02, 0.025, 0.05, 0.1 … up to 10¹⁵.
    /// Counts never tick between whole numbers.
    private static func steps(integer: Bool) -> [Double] {
        var result: [Double] = []
        var power = 0.01
        for exponent in -2...15 {
            for mantissa in [1.0, 2.0, 2.5, 5.0] {
                let step = mantissa * power
                if integer && (exponent < 0 || (exponent == 0 && mantissa == 2.5)) { continue }
                result.append(step)
            }
            power = exponent < 0 ? [0.1, 1.0][exponent + 2] : power * 10
        }
        return result
    }

    /// Where `value` falls between `start` and `end` (positions in user units).
    func position(_ value: Double, from start: Double, to end: Double) -> Double {
        guard upper > lower else { return start }
        return start + (value - lower) / (upper - lower) * (end - start)
    }

    /// A horizontal axis with as many ticks as their labels, written by `label`, leave room for.
    static func fitting(_ values: [Double], unit: ChartUnit?, zero: Bool, length: Double,
                        label: (Double) -> String) -> Axis {
        var maxTicks = max(2, Int(length / 40) + 1)
        while true {
            let axis = fitting(values, unit: unit, zero: zero, maxTicks: maxTicks)
            guard axis.ticks.count > 1, maxTicks > 2 else { return axis }
            let spacing = length * (axis.ticks[1] - axis.ticks[0]) / (axis.upper - axis.lower)
            if AxisLabels.widest(axis.ticks.map(label)) + 14 <= spacing { return axis }
            maxTicks = min(maxTicks, axis.ticks.count) - 1
        }
    }

    /// How many ticks fit along `length` when each needs `labelSize` plus room around it.
    static func maxTicks(length: Double, labelWidth: Double) -> Int {
        max(2, Int(length / (labelWidth + 14)) + 1)
    }
}

/// An axis laid along a stretch of the chart: values to positions.
struct ValueScale: Sendable, Equatable {
    var axis: Axis
    var start: Double
    var end: Double

    func x(_ value: Double) -> Double { axis.position(value, from: start, to: end) }
}
