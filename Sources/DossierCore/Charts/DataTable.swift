/// The chart's data as an accessible HTML table: a caption, column headers, a row header in the
/// first cell of each row, numbers right-aligned in `td.num`, statuses in words. All text is escaped.
struct DataTable: Sendable, Equatable {
    struct Column: Sendable, Equatable {
        var heading: String
        var numeric: Bool

        static func text(_ heading: String) -> Column { Column(heading: heading, numeric: false) }
        static func number(_ heading: String) -> Column { Column(heading: heading, numeric: true) }
    }

    var caption: String
    var columns: [Column]
    /// Each row's cells, the first being the row's header.
    var rows: [[String]]
    /// Rows for `<tfoot>`: totals.
    var footer: [[String]] = []

    var html: String {
        var out = ["<table class=\"chart-table\">", "<caption>\(XML.escape(caption))</caption>", "<thead>"]
        out.append("<tr>" + columns.map { "<th scope=\"col\"\($0.numeric ? " class=\"num\"" : "")>\(XML.escape($0.heading))</th>" }.joined() + "</tr>")
        out.append("</thead>")
        out.append("<tbody>")
        out += rows.map(row)
        out.append("</tbody>")
        if !footer.isEmpty {
            out.append("<tfoot>")
            out += footer.map(row)
            out.append("</tfoot>")
        }
        out.append("</table>")
        return out.joined(separator: "\n")
    }

    private func row(_ cells: [String]) -> String {
        var html = "<tr>"
        for (index, cell) in cells.enumerated() {
            let text = XML.escape(cell)
            if index == 0 {
                html += "<th scope=\"row\">\(text)</th>"
            } else {
                let numeric = index < columns.count && columns[index].numeric
                html += numeric ? "<td class=\"num\">\(text)</td>" : "<td>\(text)</td>"
            }
        }
        return html + "</tr>"
    }
}
