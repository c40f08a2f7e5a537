import Foundation
import Testing
@testable import DossierCore

/// The official Mustache spec's test cases (MustacheSpec/, MIT licence), each run through our engine.
@Suite struct MustacheSpecTests {
    struct Case {
        let name: String
        let template: String
        let data: TemplateValue
        let partials: [String: String]
        let expected: String
    }

    private struct File: Decodable {
        struct Test: Decodable {
            let name: String
            let template: String
            let data: MustacheTesting.JSONValue
            let partials: [String: String]?
            let expected: String
        }

        let tests: [Test]
    }

    static func cases(_ file: String) throws -> [Case] {
        let data = try Data(contentsOf: MustacheTesting.specFolder.appending(path: "\(file).json"))
        return try JSONDecoder().decode(File.self, from: data).tests.map {
            Case(name: $0.name, template: $0.template, data: $0.data.value, partials: $0.partials ?? [:], expected: $0.expected)
        }
    }

    /// Runs every case of `file`; returns the names of those that fail, with what they rendered.
    static func failures(_ file: String) throws -> [String] {
        try cases(file).compactMap { test in
            var library = TemplateLibrary()
            do {
                try library.add(test.template, named: "__test__")
                for (name, text) in test.partials { try library.add(text, named: name) }
            } catch {
                return "\(test.name): \(error)"
            }
            let result = library.renderText("__test__", context: test.data)
            return result == test.expected ? nil : "\(test.name): rendered \(result.debugDescription), expected \(test.expected.debugDescription)"
        }
    }

    @Test(arguments: ["comments", "delimiters", "interpolation", "inverted", "partials", "sections", "~inheritance", "~dynamic-names"])
    func specFile(_ file: String) throws {
        #expect(try Self.cases(file).count > 10)
        for failure in try Self.failures(file) { Issue.record("\(file): \(failure)") }
    }
}
