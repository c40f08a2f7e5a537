import Foundation
import Testing
@testable import DossierCore

/// Dossier's own templates (templates/ at the repository root, which the build embeds) parse, and
/// render the same through our engine and swift-mustache, on data made from each page's shape.
@Suite struct MustacheDefaultTemplatesTests {
    static let folder = repositoryRoot.appending(path: "templates")

    /// Every `.mustache` file under templates/, by template name (`partials/header`).
    static func templates() throws -> [String: String] {
        var found: [String: String] = [:]
        let walker = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil)
        while let url = walker?.nextObject() as? URL {
            guard url.pathExtension == "mustache" else { continue }
            let path = url.standardizedFileURL.path.dropFirst(folder.standardizedFileURL.path.count + 1)
            found[String(path.dropLast(".mustache".count))] = try String(contentsOf: url, encoding: .utf8)
        }
        return found
    }

    enum Variant: CaseIterable {
        /// Every value is text full of characters to escape; lists have two items.
        case full
        /// Every value is false or null; lists are empty.
        case empty
        /// Each value, by a hash of its name, text, a number, true, false, empty text or null.
        case mixed
    }

    /// Data of `shape`, hand-made from the names the templates may use.
    static func data(_ shape: TemplateShape, variant: Variant, path: String = "") -> TemplateValue {
        switch shape {
        case .value:
            switch variant {
            case .full: return .string("\(path) <&> \"q\" 'a' é")
            case .empty: return path.hasSuffix("URL") || path.hasSuffix("summary") ? .null : false
            case .mixed:
                let choice = path.utf8.reduce(5381) { ($0 &* 33) &+ Int($1) } & 7
                return [.string("\(path) <b>"), 3, true, false, "", nil, 0, .string(path)][choice]
            }
        case let .object(fields):
            if variant == .empty, !path.isEmpty, path.split(separator: ".").count > 1 { return .null }
            return .object(Dictionary(uniqueKeysWithValues: fields.map { name, field in
                (name, data(field, variant: variant, path: path.isEmpty ? name : "\(path).\(name)"))
            }))
        case let .list(element):
            switch variant {
            case .full: return .list((0..<2).map { data(element, variant: variant, path: "\(path)[\($0)]") })
            case .empty: return []
            case .mixed: return path.count.isMultiple(of: 2) ? [] : .list([data(element, variant: variant, path: "\(path)[0]")])
            }
        }
    }

    @Test func theDefaultTemplatesParse() throws {
        let templates = try Self.templates()
        #expect(templates.count > 20)
        #expect(templates["layout"] != nil && templates["partials/header"] != nil)
        var library = TemplateLibrary()
        for (name, text) in templates { try library.add(text, named: name) }
        #expect(library.names == templates.keys.sorted())
        #expect(library.inclusionCycles() == [])
    }

    @Test(arguments: Variant.allCases)
    func theDefaultTemplatesRenderAsWithSwiftMustache(_ variant: Variant) throws {
        let pair = try MustacheTesting.Pair(try Self.templates())
        let pages = PageKind.allCases.map { ($0.template, $0.shape) } + [(PageKind.listItemTemplate, PageKind.listItemShape)]
        for (name, shape) in pages {
            let (ours, theirs) = pair.render(name, Self.data(shape, variant: variant))
            #expect(ours == theirs, "\(name), \(variant)")
            #expect(ours.count > 20, "\(name) renders something")
        }
    }
}
