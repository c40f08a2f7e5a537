/// What the trend and the sparkline say in words: the latest value and the change, each period's
/// result and target, and the table of them. A missing value is "no result", never zero.
enum TrendWords {
    static func value(_ point: TrendData.Point) -> Double? { point.value.flatMap { $0.isChartValue ? $0 : nil } }
    static func target(_ point: TrendData.Point) -> Double? { point.target.flatMap { $0.isChartValue ? $0 : nil } }

    /// The value axis of a trend and of its sparkline, by one rule, so both have the same shape:
    /// the results and targets, widened to at least a fifth of the scale (20 points for per cents,
    /// a fifth of the largest value otherwise) so that a point or two never looks like a leap, kept
    /// within 0 to 100 for per cents and above 0 for values that are, then ended on round numbers.
    /// A line need not start at 0 as a bar must; its end values are written on it.
    static func axis(_ data: TrendData) -> Axis {
        let values = data.points.compactMap(value) + data.points.compactMap(target)
        let maxTicks = Axis.maxTicks(length: TrendChart.plotHeight, labelWidth: 14)
        guard var low = values.min(), var high = values.max() else {
            return Axis.fitting([], unit: data.unit, zero: false, maxTicks: maxTicks)
        }
        let percent = data.unit == .percent
        let span = percent ? 20 : max(low.magnitude, high.magnitude) / 5
        if high - low < span {
            let (floor, ceiling) = (low >= 0 ? 0 : -Double.infinity, percent && high <= 100 ? 100 : Double.infinity)
            let middle = (low + high) / 2
            low = middle - span / 2
            high = middle + span / 2
            if high > ceiling { low -= high - ceiling; high = ceiling }
            if low < floor { high = min(ceiling, high + floor - low); low = floor }
        }
        return Axis.fitting([low, high], unit: data.unit, zero: false, maxTicks: maxTicks)
    }

    static func title(_ data: TrendData) -> String {
        let known = data.points.filter { value($0) != nil }
        guard let last = known.last, let latest = value(last) else {
            return "\(data.title): " + (data.points.isEmpty ? "no data" : "no results")
        }
        var text = "\(data.title): \(Format.value(latest, unit: data.unit)) in \(last.label)"
        if known.count > 1, let first = known.first, let earliest = value(first) {
            let change = latest > earliest ? "up from" : latest < earliest ? "down from" : "the same as"
            text += ", \(change) \(Format.value(earliest, unit: data.unit)) in \(first.label)"
        }
        if let goal = target(last) { text += "; target \(Format.value(goal, unit: data.unit))" }
        return text
    }

    static func description(_ data: TrendData) -> String {
        guard !data.points.isEmpty else { return "There is no data to show." }
        return data.points.map { point in
            let result = value(point).map { Format.value($0, unit: data.unit) } ?? "no result"
            let goal = target(point).map { " (target \(Format.value($0, unit: data.unit)))" } ?? ""
            return "\(point.label): \(result)\(goal)."
        }.joined(separator: " ")
    }

    static func table(_ data: TrendData) -> DataTable {
        let withTargets = data.points.contains { target($0) != nil }
        let rows = data.points.map { point -> [String] in
            let result = value(point).map { Format.value($0, unit: data.unit) } ?? StatusLook.noData.words
            guard withTargets else { return [point.label, result] }
            return [point.label, result, target(point).map { Format.value($0, unit: data.unit) } ?? "–"]
        }
        let columns: [DataTable.Column] = [.text("Period"), .number("Result")] + (withTargets ? [.number("Target")] : [])
        return DataTable(caption: data.title, columns: columns, rows: rows)
    }

    /// Runs of consecutive points that have a value: each becomes one stretch of line.
    static func runs(_ points: [TrendData.Point]) -> [[Int]] {
        var runs: [[Int]] = []
        var current: [Int] = []
        for (index, point) in points.enumerated() {
            if value(point) != nil {
                current.append(index)
            } else if !current.isEmpty {
                runs.append(current)
                current = []
            }
        }
        if !current.isEmpty { runs.append(current) }
        return runs
    }

    /// Runs of consecutive points with the same target: each becomes one stretch of target line.
    static func targetRuns(_ points: [TrendData.Point]) -> [(first: Int, last: Int, target: Double)] {
        var runs: [(first: Int, last: Int, target: Double)] = []
        for (index, point) in points.enumerated() {
            guard let goal = target(point) else { continue }
            if let last = runs.last, last.last == index - 1, last.target == goal {
                runs[runs.count - 1].last = index
            } else {
                runs.append((first: index, last: index, target: goal))
            }
        }
        return runs
    }

    /// An SVG path through the points of one run.
    static func path(_ points: [(x: Double, y: Double)]) -> String {
        points.enumerated().map { index, p in "\(index == 0 ? "M" : "L")\(p.x.svg) \(p.y.svg)" }.joined()
    }
}
