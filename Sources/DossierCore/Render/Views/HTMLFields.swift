/// The view-model fields that hold HTML Dossier made (rendered Markdown, chart SVG, a listed page's
/// pre-rendered item): the only names a template may write raw, with `{{{name}}}` or `{{& name}}`.
/// Every other field holds text from content or configuration (titles, summaries, tag names), which
/// raw output would publish as markup; `TemplateChecker` refuses that at the template's line.
/// A new field holding HTML is added here by name.
enum HTMLFields {
    static let names: Set<String> = [
        "content", "html", "intro",
        "chart", "donut", "statusChart", "sparkline", "targetChart", "timeline", "trend",
    ]

    static func holdsHTML(_ name: TemplateName) -> Bool {
        guard name.transforms.isEmpty, let last = name.segments.last else { return false }
        return names.contains(last)
    }
}
