import Testing
import Yams
@testable import DossierCore

/// Front matter is read straight from the node tree (`FrontMatterFields`), not through Codable;
/// these check that it gives what `YAMLDecoder` gives, values and errors alike.
@Suite struct FrontMatterReadingTests {
    static let samples: [String] = [
        "title: Q3\n",
        "title: Q3\ndate: 2006-10-01\ntags: [performance, faults, desk]\nsummary: How we did.\n",
        "title: Q3\ndate: 2006-10-01\nsummary: S\ntags: [a]\ndraft: true\nslug: q3\nweight: 2\nkind: review\nsuperseded_by: q4.md\n",
        // Absent values: null, ~ and nothing; quoted, they are text.
        "title: Q3\nsummary: ~\ndate:\ntags: null\ndraft: NULL\nweight: Null\nslug:\n",
        "title: Q3\nsummary: 'null'\nslug: \"\"\n",
        "title: ~\n", "title:\n", "title: 'x'\n", "title: 2006\n", "title: true\n",
        // Wrong shapes.
        "summary: No title\n", "title: [a, b]\n", "title: {a: b}\n", "title: Q3\nsummary: [x]\n",
        "title: Q3\nslug: {a: 1}\n", "title: Q3\nsuperseded_by: [a]\n",
        // Dates.
        "title: Q3\ndate: 2006-13-01\n", "title: Q3\ndate: '2006-10-01'\n", "title: Q3\ndate: 2006-1-01\n",
        "title: Q3\ndate: [2006]\n", "title: Q3\ndate: 2004-02-29\n", "title: Q3\ndate: 2006-02-29\n",
        // Lists.
        "title: Q3\ntags: performance\n", "title: Q3\ntags: []\n", "title: Q3\ntags: [a, ~, '', 3, true]\n",
        "title: Q3\ntags: [a, [b]]\n", "title: Q3\ntags: [[a], b, {c: d}]\n", "title: Q3\ntags:\n  - a\n  - {b: c}\n", "title: Q3\ntags: {a: b}\n",
        // True and false.
        "title: Q3\ndraft: yes\n", "title: Q3\ndraft: Off\n", "title: Q3\ndraft: FALSE\n", "title: Q3\ndraft: \"true\"\n",
        "title: Q3\ndraft: !!str true\n", "title: Q3\ndraft: maybe\n", "title: Q3\ndraft: 1\n", "title: Q3\ndraft: [true]\n",
        // Whole numbers.
        "title: Q3\nweight: 3\n", "title: Q3\nweight: -2\n", "title: Q3\nweight: 010\n", "title: Q3\nweight: 0x1F\n",
        "title: Q3\nweight: 1_000\n", "title: Q3\nweight: '3'\n", "title: Q3\nweight: 3.5\n", "title: Q3\nweight: heavy\n",
        "title: Q3\nweight: 99999999999999999999\n", "title: Q3\nweight: 1:30\n",
        // Several problems: all are reported, in the order they are written.
        "date: nope\nweight: x\n", "title: Q3\nweight: x\ndate: nope\n", "title: Q3\ndraft: x\ntags: y\n",
        "title: [a]\nsummary: {b: c}\ndate: nope\ntags: [x, [y]]\nweight: 1.5\nsource: 'javascript:alert(1)'\n",
        // Keys that are not plain text, and extra keys (reported elsewhere, as unknown).
        "!!int title: Q3\n", "'title': Q3\n", "title: Q3\nauthor: Me\n", "title: Q3\n? [a]\n: b\n",
        // Aliases are expanded while composing.
        "title: &t Q3\nsummary: *t\n", "title: Q3\ntags: &list [a, b]\nslug: *list\n",
    ]

    static func source(_ yaml: String) -> YAMLSource {
        YAMLSource(text: yaml, file: "content/q3.md", lineOffset: 1, role: "front matter")
    }

    static func compose(_ yaml: String) -> Node? {
        guard case let .success(node) = YAMLReader.compose(source(yaml), expecting: FrontMatter.self) else { return nil }
        return node
    }

    static func outcome(_ result: Result<FrontMatter, DiagnosticList>) -> String {
        switch result {
        case let .success(matter): return "\(matter)"
        case let .failure(list): return list.items.map(\.description).joined(separator: "\n")
        }
    }

    @Test(arguments: samples) func readsAsTheDecoderDoes(_ yaml: String) throws {
        // Each way gets a tree of its own, so neither sees what the other did to it.
        let direct = try #require(Self.compose(yaml))
        let decoded = try #require(Self.compose(yaml))
        let read = YAMLReader.read(from: direct, source: Self.source(yaml), FrontMatterFields(direct).frontMatter(errors:))
        let expected = YAMLReader.decode(FrontMatter.self, from: decoded, source: Self.source(yaml))
        #expect(Self.outcome(read) == Self.outcome(expected))
    }

    @Test func readsEveryKey() throws {
        let yaml = Self.samples[2]
        let node = try #require(Self.compose(yaml))
        var errors: [DecodingError] = []
        let matter = try #require(FrontMatterFields(node).frontMatter(errors: &errors))
        var expected = FrontMatter(title: "Q3", date: Day(year: 2006, month: 10, day: 1), summary: "S", tags: ["a"],
                                   draft: true, slug: "q3", weight: 2, kind: .review)
        expected.supersededBy = "q4.md"
        #expect(matter == expected)
    }
}

/// Locations are found in the node tree when asked; they must be those a table of every value gave.
@Suite struct ValueLocationsTests {
    /// Every value's path and position, worked out in advance as `YAMLReader` once did.
    static func table(_ node: Node, path: String = "", source: YAMLSource, into table: inout [String: DossierCore.SourceLocation]) {
        table[path] = YAMLReader.location(of: node, in: source)
        switch node {
        case let .mapping(mapping):
            for (key, value) in mapping {
                let name = key.string ?? "\(key)"
                Self.table(value, path: path.isEmpty ? name : "\(path).\(name)", source: source, into: &table)
            }
        case let .sequence(items):
            for (index, item) in items.enumerated() {
                Self.table(item, path: "\(path)[\(index + 1)]", source: source, into: &table)
            }
        default: break
        }
    }

    static let document = """
        title: Q3
        tags: [a, b]
        scorecard:
          milestones:
            total: 3
          actions:
            - id: A1
              due: 2007-01
            - id: A2
        matrix:
          - [1, 2]
          - - x
            - y: 1
        targets:
          2007/08: 90
          a.b: 1
        empty: {}
        """

    @Test func findsWhatTheTableHeld() throws {
        let source = YAMLSource(text: Self.document, file: "content/q3.md", lineOffset: 1, role: "front matter")
        guard case let .success(node) = YAMLReader.compose(source, expecting: FrontMatter.self) else {
            Issue.record("did not compose")
            return
        }
        var table: [String: DossierCore.SourceLocation] = [:]
        Self.table(node, source: source, into: &table)
        let locations = ValueLocations(node, source: source)
        #expect(table.count == 26)
        for (path, location) in table {
            #expect(locations[path] == location, "\(path)")
        }
        #expect(locations["scorecard.actions[2].id"] == DossierCore.SourceLocation(file: "content/q3.md", line: 10, column: 11))
        #expect(locations["matrix[2][2].y"] == DossierCore.SourceLocation(file: "content/q3.md", line: 14, column: 10))
        for missing in ["nothing", "tags[3]", "tags[0]", "tags.1", "scorecard[1]", "scorecard.", "tags[1].", "title.x", "matrix[1]x", "tag"] {
            #expect(locations[missing] == nil, "\(missing)")
        }
        #expect(ValueLocations.none["title"] == nil)
    }
}

@Suite struct DayTests {
    @Test func readsOnlyTenCharacterISODates() {
        #expect(Day(iso: "2006-10-01") == Day(year: 2006, month: 10, day: 1))
        #expect(Day(iso: "2004-02-29") != nil)
        for text in ["2006-02-29", "2006-13-01", "2006-00-10", "0000-01-01", "2006-1-01", "2006-01-1", "206-01-011",
                     "2006/01/01", "2006-01-01 ", " 2006-01-01", "+006-01-01", "2006--1-01", "٢٠٠٦-01-01", "２００６-01-01",
                     "2006-01-0\u{0661}", "", "2006-01"] {
            #expect(Day(iso: text) == nil, "\(text)")
        }
    }
}
