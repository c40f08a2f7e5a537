import Foundation

/// A quarterly report's shape: a table whose header reads like indicator / target / actual becomes
/// `results`, each row matched to the registry by its name; the quarter and year come from the text.
enum QuarterlyReading {
    struct Columns {
        let indicator: Int
        let actual: Int
        let target: Int?
        let comment: Int?
    }

    static func columns(_ header: [String]) -> Columns? {
        let lower = header.map { $0.lowercased() }
        guard let indicator = lower.firstIndex(where: { $0.contains("indicator") || $0.contains("measure") }) else { return nil }
        let rest = lower.indices.filter { $0 != indicator }
        guard let actual = rest.first(where: { ["actual", "performance", "result", "outturn", "achieved"].contains(where: lower[$0].contains) })
        else { return nil }
        let target = rest.first { $0 != actual && (lower[$0].contains("target") || lower[$0].contains("standard")) }
        let comment = rest.first { $0 != actual && $0 != target && (lower[$0].contains("comment") || lower[$0].contains("note")) }
        return Columns(indicator: indicator, actual: actual, target: target, comment: comment)
    }

    private static func distance(_ a: Range<String.Index>, _ b: Range<String.Index>, in text: String) -> Int {
        abs(text.distance(from: a.lowerBound, to: b.lowerBound))
    }

    static func read(_ blocks: [PandocBlock], title: String?, registry: [ImportedIndicator], date: Day?,
                     warnings: inout ImportWarnings) -> KindReading {
        var reading = KindReading()
        // The title first: "Quarterly report: quarter 3, 2006/07" says it best.
        let text = ([title ?? ""] + blocks.map(PandocText.plain)).joined(separator: " ")
        var period: (year: String, quarter: Int, why: String)?
        let years = text.ranges(of: #"\b(19|20)\d\d\s*/\s*\d{1,2}\b"#)
        if let quarterRange = text.range(of: #"(?i)quarter\s*([1-4])\b"#, options: .regularExpression),
           let yearRange = years.min(by: { distance($0, quarterRange, in: text) < distance($1, quarterRange, in: text) }) {
            let quarter = Int(String(text[quarterRange].last!))!
            let parts = text[yearRange].split(separator: "/").map { $0.trimmingCharacters(in: .whitespaces) }
            let start = Int(parts[0])!
            period = (String(format: "%04d/%02d", start, (start + 1) % 100), quarter,
                      "from '\(text[quarterRange])' and '\(text[yearRange])' in the text")
        } else if let date {
            // The last quarter that ended before the report's date.
            let months = (date.year * 12 + date.month - 1) - 3
            let year = months / 12, month = months % 12 + 1
            let quarter = month >= 4 ? (month - 4) / 3 + 1 : 4
            let start = month >= 4 ? year : year - 1
            period = (String(format: "%04d/%02d", start, (start + 1) % 100), quarter, "the quarter before the date \(date.iso)")
        }
        if let period {
            reading.lines.append("financial_year: \(period.year)  # guessed: \(period.why)")
            reading.lines.append("quarter: \(period.quarter)  # guessed: \(period.why)")
        } else {
            reading.lines.append("financial_year: 2006/07  # not found in the document: write the year, YYYY/YY")
            reading.lines.append("quarter: 1  # not found in the document: write the quarter, 1 to 4")
            warnings.add(nil, "no quarter or financial year found; financial_year and quarter are placeholders to fill in")
        }
        for (index, block) in blocks.enumerated() {
            guard case let .header(_, inlines) = block, PandocText.plain(inlines).lowercased().contains("headline"),
                  index + 1 < blocks.count, case let .bulletList(items) = blocks[index + 1] else { continue }
            reading.lines.append("headlines:  # the list under '\(PandocText.collapse(PandocText.plain(inlines)))'")
            reading.lines += items.map { "  - " + KindReading.yaml(PandocText.collapse($0.map(PandocText.plain).joined(separator: " "))) }
            reading.consumed.formUnion([index, index + 1])
            break
        }
        var tableNumber = 0
        for (index, block) in blocks.enumerated() {
            guard case let .table(table) = block else { continue }
            tableNumber += 1
            let rows = (table.headRows + table.bodyRows + table.footRows).map { $0.map(PandocText.cell) }
            guard let header = rows.first, let columns = columns(header) else { continue }
            var results: [String] = []
            var taken = 0
            for (offset, row) in rows.dropFirst().enumerated() {
                let place = "table \(tableNumber), row \(offset + 2)"
                let cell = { (column: Int?) in column.flatMap { $0 < row.count ? row[$0] : nil } ?? "" }
                let name = cell(columns.indicator)
                guard !name.isEmpty else { continue }
                let actualText = cell(columns.actual)
                let figures = actualText.components(separatedBy: " / ").filter { !$0.hasPrefix("(") && KindReading.number(in: $0) != nil }
                if figures.count > 1 {
                    results.append("  # \(place): '\(name)' holds \(figures.count) results (\(figures.joined(separator: ", "))); give each indicator its own result:")
                    results.append("  #   the row: \(row.map { "'\($0)'" }.joined(separator: " | "))")
                    results.append("  # - {indicator: ?, actual: ?}")
                    warnings.add(place, "'\(name)' holds \(figures.count) results in one row; the row is left as a comment in results",
                                 hint: "give each of its indicators a result of its own")
                    continue
                }
                guard let indicator = ImportedIndicator.match(name, in: registry) else {
                    results.append("  # \(place): '\(name)' matches no indicator in content/indicators.yaml; add it there, then here:")
                    results.append("  #   the row: \(row.map { "'\($0)'" }.joined(separator: " | "))")
                    results.append("  # - {indicator: ?, actual: \(KindReading.number(in: actualText).map(KindReading.format) ?? "?")}")
                    warnings.add(place, "'\(name)' matches no indicator in content/indicators.yaml; the row is left as a comment in results",
                                 hint: "define the indicator in content/indicators.yaml, then give its result")
                    continue
                }
                taken += 1
                results.append("  - indicator: \(indicator.id)  # guessed from '\(name)' (\(place)): confirm")
                if let actual = KindReading.number(in: actualText) {
                    results.append("    actual: \(KindReading.format(actual))  # from '\(actualText)'")
                } else if !actualText.isEmpty {
                    results.append("    # actual: '\(actualText)' is not a number")
                }
                if let volumeRange = actualText.range(of: #"\(\s*([\d,]+)\s+([A-Za-z ]+?)\s*\)"#, options: .regularExpression) {
                    let inside = actualText[volumeRange].dropFirst().dropLast().trimmingCharacters(in: .whitespaces)
                    let parts = inside.split(separator: " ", maxSplits: 1)
                    if parts.count == 2, let volume = Int(parts[0].replacingOccurrences(of: ",", with: "")) {
                        results.append("    volume: \(volume)")
                        results.append("    volume_unit: \(KindReading.yaml(String(parts[1])))")
                    }
                }
                let targetText = cell(columns.target)
                if let target = KindReading.number(in: targetText), target != indicator.target {
                    results.append("    target: \(KindReading.format(target))  # from '\(targetText)'; the registry says \(indicator.target.map(KindReading.format) ?? "none")")
                }
                let comment = cell(columns.comment)
                if !comment.isEmpty { results.append("    comment: \(KindReading.yaml(comment))") }
            }
            guard taken > 0 else { continue }
            reading.lines.append("# results: read from table \(tableNumber), whose header is \(header.map { "'\($0)'" }.joined(separator: ", "))")
            reading.lines.append("results:")
            reading.lines += results
            reading.consumed.insert(index)
            break
        }
        if reading.consumed.isEmpty {
            warnings.add(nil, "no table with indicator, target and actual columns was found; the report has no results yet")
        }
        return reading
    }
}

extension String {
    func ranges(of pattern: String) -> [Range<String.Index>] {
        var found: [Range<String.Index>] = []
        var start = startIndex
        while start < endIndex, let range = range(of: pattern, options: .regularExpression, range: start..<endIndex) {
            found.append(range)
            start = range.upperBound
        }
        return found
    }
}
