/// A fenced block with the info string `table`: CSV with a header row, and an optional first
/// line `caption: …`, rendered as an accessible HTML table (caption, header scope, numbers
/// right-aligned).
enum TableBlock {
    struct Problem: Error, Equatable {
        /// Line within the block's content, from 1.
        let line: Int
        let message: String
        let hint: String?
    }

    static func render(_ text: String) -> Result<String, Problem> {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { $0.hasSuffix("\r") ? String($0.dropLast()) : String($0) }
        var firstLine = 1
        var caption: String?
        if let first = lines.first, first.lowercased().hasPrefix("caption:") {
            caption = first.dropFirst("caption:".count).trimmingCharacters(in: .whitespaces)
            lines.removeFirst()
            firstLine = 2
        }
        let rows: [[String]]
        switch CSV.parse(lines, firstLine: firstLine) {
        case let .success(parsed): rows = parsed.filter { !($0.count == 1 && $0[0].isEmpty) }
        case let .failure(problem): return .failure(problem)
        }
        guard let header = rows.first else {
            return .failure(Problem(line: firstLine, message: "the table block is empty",
                                    hint: "write a header row, then one row per line, comma-separated"))
        }
        let body = Array(rows.dropFirst())
        for (index, row) in body.enumerated() where row.count != header.count {
            return .failure(Problem(line: CSV.lineOfRow(index + 1, in: lines, firstLine: firstLine),
                                    message: "this row has \(row.count) cells but the header has \(header.count)",
                                    hint: "quote cells that contain commas: \"1,684\""))
        }
        let numeric = header.indices.map { column in
            let cells = body.map { $0[column] }.filter { !$0.isEmpty }
            return !cells.isEmpty && cells.allSatisfy(isNumber)
        }
        var html = "<div class=\"table-wrap\">\n<table>\n"
        if let caption { html += "<caption>\(HTML.escape(caption))</caption>\n" }
        html += "<thead>\n<tr>"
        for (column, title) in header.enumerated() {
            html += "<th scope=\"col\"\(numeric[column] ? " class=\"num\"" : "")>\(HTML.escape(title))</th>"
        }
        html += "</tr>\n</thead>\n<tbody>\n"
        for row in body {
            html += "<tr>"
            for (column, cell) in row.enumerated() {
                let tag = column == 0 ? "th scope=\"row\"" : "td"
                let close = column == 0 ? "th" : "td"
                html += "<\(tag)\(numeric[column] ? " class=\"num\"" : "")>\(HTML.escape(cell))</\(close)>"
            }
            html += "</tr>\n"
        }
        return .success(html + "</tbody>\n</table>\n</div>\n")
    }

    /// "1,684", "93%", "-2.5", "£100k" read as numbers, so they line up on the right.
    static func isNumber(_ cell: String) -> Bool {
        var text = Substring(cell.trimmingCharacters(in: .whitespaces))
        if text.hasPrefix("£") || text.hasPrefix("-") || text.hasPrefix("−") { text = text.dropFirst() }
        if text.hasSuffix("%") || text.hasSuffix("k") || text.hasSuffix("m") { text = text.dropLast() }
        let digits = text.replacingOccurrences(of: ",", with: "")
        return !digits.isEmpty && Double(digits) != nil
    }
}

/// Comma-separated values as RFC 4180 writes them: quoted cells may hold commas, quotes ("")
/// and line breaks.
enum CSV {
    static func parse(_ lines: [String], firstLine: Int) -> Result<[[String]], TableBlock.Problem> {
        var rows: [[String]] = []
        var row: [String] = []
        var cell = ""
        var quoted = false
        var quoteLine = firstLine
        for (offset, line) in lines.enumerated() {
            var characters = line.makeIterator()
            var pending = characters.next()
            while let character = pending {
                pending = characters.next()
                if quoted {
                    if character == "\"" {
                        if pending == "\"" {
                            cell.append("\"")
                            pending = characters.next()
                        } else {
                            quoted = false
                        }
                    } else {
                        cell.append(character)
                    }
                } else if character == "\"" && cell.trimmingCharacters(in: .whitespaces).isEmpty {
                    cell = ""
                    quoted = true
                    quoteLine = firstLine + offset
                } else if character == "," {
                    row.append(cell.trimmingCharacters(in: .whitespaces))
                    cell = ""
                } else {
                    cell.append(character)
                }
            }
            if quoted {
                cell.append("\n")
            } else {
                row.append(cell.trimmingCharacters(in: .whitespaces))
                rows.append(row)
                row = []
                cell = ""
            }
        }
        if quoted {
            return .failure(TableBlock.Problem(line: quoteLine, message: "a quoted cell is never closed", hint: "end it with \""))
        }
        return .success(rows)
    }

    /// The block line on which data row `index` (0 is the header) starts, for error messages.
    static func lineOfRow(_ index: Int, in lines: [String], firstLine: Int) -> Int {
        var seen = -1
        for (offset, line) in lines.enumerated() where !line.isEmpty {
            seen += 1
            if seen == index { return firstLine + offset }
        }
        return firstLine
    }
}

import Foundation
