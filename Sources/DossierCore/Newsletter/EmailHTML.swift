/// An issue as an HTML email: one column of nested tables at most 600 px wide, every style in a
/// `style` attribute (from the fixed table in `Style`), no `<style>`, `<script>` or `<svg>`, charts as
/// bars made of table cells, every link absolute. Holds in Outlook (a fixed-width table inside
/// conditional comments), Gmail and Apple Mail.
enum EmailHTML {
    /// The styles, one per kind of element. Fonts and colours are the site's, in web-safe form.
    enum Style {
        static let font = "font-family:Arial, Helvetica, sans-serif;"
        static let body = "margin:0;padding:0;background-color:#eef1f4;"
        static let preheader = "display:none;font-size:1px;line-height:1px;max-height:0;max-width:0;opacity:0;overflow:hidden;"
        static let outer = "width:100%;border-collapse:collapse;background-color:#eef1f4;"
        static let container = "width:100%;max-width:600px;margin:0 auto;border-collapse:collapse;background-color:#ffffff;"
        static let masthead = font + "padding:24px;background-color:#1d3f5e;color:#ffffff;"
        static let mastheadKicker = "margin:0 0 8px;font-size:14px;line-height:20px;color:#ffffff;"
        static let title = "margin:0;font-size:26px;line-height:32px;font-weight:bold;color:#ffffff;"
        static let mastheadMeta = "margin:8px 0 0;font-size:14px;line-height:20px;color:#ffffff;"
        static let content = font + "padding:24px;font-size:16px;line-height:24px;color:#1f2933;"
        static let h2 = "margin:32px 0 12px;font-size:21px;line-height:28px;font-weight:bold;color:#1d3f5e;"
        static let h3 = "margin:24px 0 8px;font-size:18px;line-height:24px;font-weight:bold;color:#1d3f5e;"
        static let h4 = "margin:16px 0 8px;font-size:16px;line-height:24px;font-weight:bold;color:#1f2933;"
        static let paragraph = "margin:0 0 16px;"
        static let link = "color:#1a5c96;text-decoration:underline;"
        static let list = "margin:0 0 16px;padding:0 0 0 24px;"
        static let listItem = "margin:0 0 8px;"
        static let nestedList = "margin:8px 0 0;padding:0 0 0 24px;"
        static let quote = "margin:0 0 16px;padding:0 0 0 16px;border-left:4px solid #c5ced8;color:#3b4651;"
        static let code = "font-family:Consolas, 'Courier New', monospace;font-size:14px;"
        static let pre = "margin:0 0 16px;padding:12px;background-color:#f3f5f7;white-space:pre-wrap;font-family:Consolas, 'Courier New', monospace;font-size:14px;line-height:20px;"
        static let rule = "border:0;border-top:1px solid #d8dee4;margin:24px 0;"
        static let table = "width:100%;border-collapse:collapse;margin:0 0 16px;font-size:14px;line-height:20px;"
        static let caption = "text-align:left;font-weight:bold;padding:0 0 8px;font-size:15px;"
        static let headerCell = "padding:6px 4px;border-bottom:2px solid #9aa5b1;text-align:left;vertical-align:bottom;font-weight:bold;"
        static let cell = "padding:6px 4px;border-bottom:1px solid #d8dee4;text-align:left;vertical-align:top;"
        static let numberCell = "padding:6px 4px;border-bottom:1px solid #d8dee4;text-align:right;vertical-align:top;"
        static let barLabel = "padding:8px 8px 2px 0;text-align:left;vertical-align:bottom;font-weight:normal;"
        static let barValue = "padding:8px 0 2px 8px;text-align:right;vertical-align:bottom;"
        static let barTrack = "padding:0 0 6px;"
        static let barTable = "width:100%;border-collapse:collapse;"
        static let barFill = "height:12px;background-color:#2f6f9f;font-size:1px;line-height:12px;"
        static let barRest = "height:12px;background-color:#dde3e9;font-size:1px;line-height:12px;"
        static let button = "display:inline-block;padding:10px 18px;background-color:#1a5c96;color:#ffffff;font-weight:bold;text-decoration:none;border-radius:4px;"
        static let gatheredDate = "color:#4a5561;font-size:14px;"
        static let footer = font + "padding:16px 24px 24px;font-size:13px;line-height:20px;color:#4a5561;"
    }

    static func render(_ email: NewsletterEmail) -> String {
        var html = """
            <!DOCTYPE html>
            <html lang="\(attr(email.language))">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <meta name="color-scheme" content="light">
            <title>\(escape(email.subject))</title>
            </head>
            <body style="\(Style.body)">
            <!--[if !mso]><!--><span style="\(Style.preheader)">\(escape(email.preheader))</span><!--<![endif]-->
            <table role="presentation" style="\(Style.outer)">
            <tr>
            <td style="padding:16px 0;">
            <!--[if mso]><table role="presentation" align="center" width="600" cellpadding="0" cellspacing="0" border="0"><tr><td><![endif]-->
            <table role="presentation" style="\(Style.container)">
            <tr>
            <td style="\(Style.masthead)">
            <p style="\(Style.mastheadKicker)">\(escape(email.siteTitle)) · Staff newsletter · Issue \(email.issue)</p>
            <h1 style="\(Style.title)">\(escape(email.title))</h1>
            <p style="\(Style.mastheadMeta)">\(escape(email.date.long))\(email.editor.map { " · Edited by \(escape($0))" } ?? "")</p>
            </td>
            </tr>
            <tr>
            <td style="\(Style.content)">
            <p style="\(Style.paragraph)"><a href="\(attr(email.pageURL))" style="\(Style.button)">Open on the intranet</a></p>

            """
        html += blocks(email.intro)
        for article in email.articles {
            html += "<h2 style=\"\(Style.h2)\">\(escape(article.title))</h2>\n"
            html += blocks(article.blocks, headingShift: 1)
        }
        if let window = email.gatheredWindow {
            html += "<h2 style=\"\(Style.h2)\">Since the last issue</h2>\n<p style=\"\(Style.paragraph)\">\(escape(window)).</p>\n"
            if email.gathered.isEmpty { html += "<p style=\"\(Style.paragraph)\">Nothing new was reported in this time.</p>\n" }
            for group in email.gathered {
                html += "<h3 style=\"\(Style.h3)\">\(escape(group.title))</h3>\n<ul style=\"\(Style.list)\">\n"
                for item in group.items where group.areReports {
                    html += "<li style=\"\(Style.listItem)\"><a href=\"\(attr(item.url))\" style=\"\(Style.link)\">\(escape(item.text))</a> "
                        + "<span style=\"\(Style.gatheredDate)\">(\(escape(item.date)))</span></li>\n"
                }
                // A source named once for the items it gave, not once an item.
                for run in group.runs where !group.areReports {
                    let source = "<a href=\"\(attr(run.url))\" style=\"\(Style.link)\">\(escape(run.source))</a>"
                    guard run.texts.count > 1 else {
                        html += "<li style=\"\(Style.listItem)\">\(escape(run.texts[0])) <span style=\"\(Style.gatheredDate)\">(\(escape(run.date)), \(source))</span></li>\n"
                        continue
                    }
                    html += "<li style=\"\(Style.listItem)\">From \(source) <span style=\"\(Style.gatheredDate)\">(\(escape(run.date)))</span>:\n"
                        + "<ul style=\"\(Style.nestedList)\">\n"
                        + run.texts.map { "<li style=\"\(Style.listItem)\">\(escape($0))</li>\n" }.joined() + "</ul></li>\n"
                }
                html += "</ul>\n"
            }
        }
        html += """
            </td>
            </tr>
            <tr>
            <td style="\(Style.footer)">
            <p style="\(Style.paragraph)">You are receiving this because you are on the \(escape(email.organisation ?? email.siteTitle)) staff list. Read this issue <a href="\(attr(email.pageURL))" style="\(Style.link)">on the intranet</a>, or earlier issues in the <a href="\(attr(email.archiveURL))" style="\(Style.link)">newsletter archive</a>.</p>
            </td>
            </tr>
            </table>
            <!--[if mso]></td></tr></table><![endif]-->
            </td>
            </tr>
            </table>
            </body>
            </html>

            """
        return html
    }

    static func blocks(_ blocks: [EmailBlock], headingShift: Int = 0) -> String {
        blocks.map { block in
            switch block {
            case let .heading(level, runs):
                let shifted = min(max(level + headingShift, 2), 4)
                let style = shifted == 2 ? Style.h2 : shifted == 3 ? Style.h3 : Style.h4
                return "<h\(shifted) style=\"\(style)\">\(inlines(runs))</h\(shifted)>\n"
            case let .paragraph(runs):
                return "<p style=\"\(Style.paragraph)\">\(inlines(runs))</p>\n"
            case let .list(ordered, items):
                let tag = ordered ? "ol" : "ul"
                return "<\(tag) style=\"\(Style.list)\">\n" + items.map { "<li style=\"\(Style.listItem)\">\(inlines($0))</li>\n" }.joined() + "</\(tag)>\n"
            case let .quote(runs):
                return "<blockquote style=\"\(Style.quote)\"><p style=\"\(Style.paragraph)\">\(inlines(runs))</p></blockquote>\n"
            case let .code(text):
                return "<pre style=\"\(Style.pre)\">\(escape(text))</pre>\n"
            case .rule:
                return "<hr style=\"\(Style.rule)\">\n"
            case let .table(caption, rows):
                return table(caption: caption, rows)
            case let .chart(chart):
                return self.chart(chart)
            }
        }.joined()
    }

    static func chart(_ chart: EmailChart) -> String {
        switch chart.body {
        case let .table(rows): return table(caption: chart.title, rows)
        case let .bars(bars):
            var html = "<table style=\"\(Style.table)\">\n<caption style=\"\(Style.caption)\">\(escape(chart.title))</caption>\n"
            for bar in bars {
                let percent = Int((min(max(bar.fraction, 0), 1) * 100).rounded())
                html += "<tr><th scope=\"row\" style=\"\(Style.barLabel)\">\(escape(bar.label))</th>"
                html += "<td style=\"\(Style.barValue)\">\(escape(bar.value))\(bar.note.map { "<br>\(escape($0))" } ?? "")</td></tr>\n"
                html += "<tr><td colspan=\"2\" style=\"\(Style.barTrack)\"><table role=\"presentation\" style=\"\(Style.barTable)\"><tr>"
                if percent > 0 { html += "<td style=\"width:\(percent)%;\(Style.barFill)\">&nbsp;</td>" }
                if percent < 100 { html += "<td style=\"width:\(100 - percent)%;\(Style.barRest)\">&nbsp;</td>" }
                html += "</tr></table></td></tr>\n"
            }
            return html + "</table>\n"
        }
    }

    static func table(caption: String?, _ rows: [[String]]) -> String {
        guard let header = rows.first else { return "" }
        let numeric = header.indices.map { column in
            let cells = rows.dropFirst().compactMap { column < $0.count ? $0[column] : nil }.filter { !$0.isEmpty }
            return column > 0 && !cells.isEmpty && cells.allSatisfy(TableBlock.isNumber)
        }
        var html = "<table style=\"\(Style.table)\">\n"
        if let caption { html += "<caption style=\"\(Style.caption)\">\(escape(caption))</caption>\n" }
        html += "<thead><tr>" + header.enumerated().map { column, title in
            "<th scope=\"col\" style=\"\(Style.headerCell)\(numeric[column] ? "text-align:right;" : "")\">\(escape(title))</th>"
        }.joined() + "</tr></thead>\n<tbody>\n"
        for row in rows.dropFirst() {
            html += "<tr>" + row.enumerated().map { index, cell in
                if index == 0 { return "<th scope=\"row\" style=\"\(Style.cell)font-weight:bold;\">\(escape(cell))</th>" }
                if let look = StatusLook.all.first(where: { $0.words == cell }) { return status(look) }
                return "<td style=\"\(TableBlock.isNumber(cell) ? Style.numberCell : Style.cell)\">\(escape(cell))</td>"
            }.joined() + "</tr>\n"
        }
        return html + "</tbody>\n</table>\n"
    }

    /// A status cell in the site's status language: its symbol, held to the first word, and its
    /// words in its colour. The words may wrap (two lines on a 375 px phone) rather than push the
    /// table wider than a 320 px screen.
    static func status(_ look: StatusLook) -> String {
        "<td style=\"\(Style.cell)color:\(look.text);\">\(escape(look.symbol))&nbsp;\(escape(look.words))</td>"
    }

    static func inlines(_ runs: [EmailInline]) -> String {
        runs.map { run in
            switch run {
            case let .text(text): return escape(text)
            case let .strong(text): return "<strong>\(escape(text))</strong>"
            case let .emphasis(text): return "<em>\(escape(text))</em>"
            case let .code(text): return "<code style=\"\(Style.code)\">\(escape(text))</code>"
            case let .link(text, url): return "<a href=\"\(attr(url))\" style=\"\(Style.link)\">\(escape(text))</a>"
            }
        }.joined()
    }

    private static func escape(_ text: String) -> String { XML.escape(text) }
    private static func attr(_ text: String) -> String { XML.escape(text, attribute: true) }
}
