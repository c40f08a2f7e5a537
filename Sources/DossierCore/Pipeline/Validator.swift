/// Stage 3: checks that decoding alone cannot make — blank titles, unsafe slugs, the form of settings.
/// Pages with errors are dropped from the rest of the build; their diagnostics are kept.
struct Validator {
    struct Validated {
        var config: Located<SiteConfig>
        var registry: IndicatorRegistry
        /// Where each indicator's `id:` is written in content/indicators.yaml, for errors about it later.
        var indicatorLocations: [String: SourceLocation]
        var pages: [SourcePage]
    }

    func validate(_ parsed: PageParser.Parsed, into log: DiagnosticLog) -> Validated {
        let config = validateConfig(parsed.config, log: log)
        if config.value.pageSize < 1 {
            log.add(.error("page_size \(config.value.pageSize) is not a number of pages", at: config.location(of: "page_size"),
                           hint: "use a whole number of 1 or more, such as 20"))
        }
        let tolerance = config.value.tolerance
        if tolerance < 0 {
            log.add(.error("tolerance \(Format.number(tolerance)) is negative", at: config.location(of: "tolerance")))
        }
        let registryProblems = DocumentValidator.problems(in: parsed.registry)
        log.add(contentsOf: registryProblems)
        let registry = registryProblems.hasErrors ? IndicatorRegistry() : parsed.registry.value
        let indicatorLocations = Dictionary(registry.indicators.enumerated().map { index, indicator in
            (indicator.id, parsed.registry.location(of: "indicators[\(index + 1)].id"))
        }, uniquingKeysWith: { first, _ in first })
        let reviewIDs = reviewIDs(parsed.pages, log: log)
        let duplicateIssues = duplicateIssueNumbers(parsed.pages)
        log.add(contentsOf: duplicateIssues.map(\.1))
        let documents = DocumentValidator(registry: registry, registryFailed: parsed.registryFailed || registryProblems.hasErrors, reviewIDs: reviewIDs)
        let valid = parsed.pages.filter { page in
            let problems = problems(in: page) + documents.problems(in: page)
            log.add(contentsOf: problems)
            return !problems.hasErrors && !duplicateIssues.contains { $0.0 == page.file.path }
        }
        return Validated(config: config, registry: registry, indicatorLocations: indicatorLocations, pages: valid)
    }

    /// Reviews are named by their slug or file name; two with one name is an error.
    private func reviewIDs(_ pages: [SourcePage], log: DiagnosticLog) -> Set<String> {
        var ids: [String: SourcePage] = [:]
        for page in pages where page.frontMatter.kind == .review {
            let id = page.reviewID
            if let first = ids[id] {
                log.add(.error("two reviews are named '\(id)': this one and \(first.file.path)", at: SourceLocation(file: page.file.path),
                               hint: "give one of them another file name or slug"))
            } else {
                ids[id] = page
            }
        }
        return Set(ids.keys)
    }

    /// Newsletter issues numbered like an earlier one (in file order): each an error at its `issue:` value.
    private func duplicateIssueNumbers(_ pages: [SourcePage]) -> [(String, Diagnostic)] {
        var first: [Int: SourcePage] = [:]
        var found: [(String, Diagnostic)] = []
        for page in pages.sorted(by: { $0.file.path < $1.file.path }) {
            guard case let .newsletter(issue)? = page.document else { continue }
            if let earlier = first[issue.issue] {
                found.append((page.file.path, .error("issue number \(issue.issue) is already used by \(earlier.file.path)",
                                                     at: page.location(of: "issue"), hint: "number each issue once: 1, 2, 3 …")))
            } else {
                first[issue.issue] = page
            }
        }
        return found
    }

    private func validateConfig(_ located: Located<SiteConfig>, log: DiagnosticLog) -> Located<SiteConfig> {
        var config = located.value
        let base = config.baseURL
        if !(base.hasPrefix("https://") || base.hasPrefix("http://") || base.hasPrefix("/")) || base.contains(" ") {
            log.add(.error("base_url '\(base)' is not an absolute URL or a path", at: located.location(of: "base_url"),
                           hint: "write it like https://intranet.example.gov.uk/ict/ or /ict/"))
            config.baseURL = "/"
        } else if !base.hasSuffix("/") {
            config.baseURL = base + "/"
        }
        let languageParts = config.language.split(separator: "-", omittingEmptySubsequences: false)
        if languageParts.isEmpty || !(2...3).contains(languageParts[0].count)
            || !languageParts.allSatisfy({ (1...8).contains($0.count) && $0.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber) } }) {
            log.add(.error("language '\(config.language)' is not a language tag", at: located.location(of: "language"),
                           hint: "use a tag such as en-GB or cy"))
            config.language = SiteConfig.defaults.language
        }
        if config.title.trimmingCharacters(in: .whitespaces).isEmpty {
            log.add(.error("title must not be empty", at: located.location(of: "title")))
        }
        for (index, item) in config.navigation.enumerated() where item.title.trimmingCharacters(in: .whitespaces).isEmpty {
            log.add(.error("navigation entry has an empty title", at: located.location(of: "navigation[\(index + 1)].title")))
        }
        if let newsletter = config.newsletter {
            for (key, value) in [("from", newsletter.from), ("to", newsletter.to), ("reply_to", newsletter.replyTo)] {
                guard let value, MailAddress(value) == nil else { continue }
                log.add(.error("newsletter.\(key) '\(value)' is not an email address", at: located.location(of: "newsletter.\(key)"),
                               hint: "write it like ict-news@council.example or \"ICT Services <ict-news@council.example>\""))
            }
        }
        var validated = located
        validated.value = config
        return validated
    }

    private func problems(in page: SourcePage) -> [Diagnostic] {
        var found: [Diagnostic] = []
        let matter = page.frontMatter
        if matter.title.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            found.append(.error("title must not be empty", at: page.location(of: "title")))
        }
        if let slug = matter.slug, !Slug.isSafeSegment(slug) {
            found.append(.error("slug '\(slug)' is not a single safe URL segment", at: page.location(of: "slug"),
                                hint: "use letters, digits and dashes, such as '\(Slug.make(from: slug).isEmpty ? "q3-report" : Slug.make(from: slug))'; a slug cannot contain '/' or start with '.'"))
        }
        if let slug = matter.slug, page.file.isSectionIndex {
            found.append(.error("a section's _index.md cannot set a slug ('\(slug)')", at: page.location(of: "slug"),
                                hint: "the section's address is its folder name; rename the folder instead"))
        }
        for (index, tag) in (matter.tags ?? []).enumerated() where Slug.make(from: tag).isEmpty {
            found.append(.error("tag '\(tag)' has no letters or digits", at: page.location(of: "tags[\(index + 1)]")))
        }
        return found
    }
}

import Foundation
