import Foundation
import Testing
@testable import DossierCore

/// Our engine against swift-mustache 2.1.1, which renders Dossier's pages today: the same
/// templates and data must give the same bytes. swift-mustache gets the data as Dossier gives it
/// now (`TemplateObject`, `NSNull`, Swift arrays), and again with `[String: Any]` dictionaries
/// for the objects.
@Suite struct MustacheCompatibilityTests {
    /// Renders `template` (with `partials`) through both engines and expects the same text.
    func same(_ template: String, _ data: TemplateValue, partials: [String: String] = [:], alsoAsDictionaries: Bool = true,
              sourceLocation: Testing.SourceLocation = #_sourceLocation) throws {
        let pair = try MustacheTesting.Pair(partials.merging(["main": template]) { a, _ in a })
        for dictionaries in alsoAsDictionaries ? [false, true] : [false] {
            let (ours, theirs) = pair.render("main", data, objectsAsDictionaries: dictionaries)
            #expect(ours == theirs, "template \(template.debugDescription)\(dictionaries ? ", objects as dictionaries" : "")",
                    sourceLocation: sourceLocation)
        }
    }

    static let specials: TemplateValue = [
        "all": "< > & \" ' / ` = ! # { } \\ %",
        "tag": "<a href=\"x?a=1&b='2'\">link</a>",
        "accents": "Été à Zürich — “quotes” ‘single’ <ünïcödé> & ☃ 🇬🇧 👩‍👩‍👧 العربية",
        "combining": "<\u{0301}x &\u{0308} \"\u{20DD} '\u{FE0F} >\u{200D}< \u{0600}<",
        "controls": "tab\there\nline\r\nCR\rend\u{0}nul",
        "empty": "",
    ]

    @Test func escapingOfEverySpecialCharacterAndOfNonASCIIText() throws {
        for name in ["all", "tag", "accents", "combining", "controls", "empty"] {
            try same("[{{\(name)}}] [{{{\(name)}}}] [{{&\(name)}}]", Self.specials)
        }
        for byte in 0x20...0x7E {
            try same("{{c}}|{{{c}}}", .object(["c": .string(String(UnicodeScalar(UInt8(byte))))]))
        }
    }

    @Test func escapingTable() {
        var output: [UInt8] = []
        HTMLEscaping.append(#"<>&"'/=`x"#, escaped: true, to: &output)
        #expect(String(decoding: output, as: UTF8.self) == "&lt;&gt;&amp;&quot;&#39;/=`x")
        output = []
        HTMLEscaping.append("a<\u{0301}b", escaped: true, to: &output)
        #expect(String(decoding: output, as: UTF8.self) == "a<\u{0301}b", "a < joined to a combining mark is not the character <")
    }

    @Test func numbersAndBooleansPrintAsSwiftDescribesThem() throws {
        let numbers: TemplateValue = [
            "zero": 0, "negative": -42, "big": .int(Int.max), "small": .int(Int.min),
            "half": 1.5, "tenth": 0.1, "whole": 100.0, "tiny": 1e-5, "huge": 1e16, "third": .double(1.0 / 3.0),
            "negativeZero": .double(-0.0), "infinity": .double(.infinity), "nan": .double(.nan),
            "yes": true, "no": false,
        ]
        for name in ["zero", "negative", "big", "small", "half", "tenth", "whole", "tiny", "huge", "third",
                     "negativeZero", "infinity", "nan", "yes", "no"] {
            try same("{{\(name)}} {{{\(name)}}}", numbers)
        }
    }

    static let truthiness: TemplateValue = [
        "emptyString": "", "text": "x", "zero": 0, "one": 1, "zeroDouble": 0.0, "yes": true, "no": false,
        "emptyList": [], "list": [1, 2], "null": nil, "emptyObject": .object([:]), "object": ["a": "b"],
        "listOfNull": [nil, nil],
    ]

    @Test func truthinessInSectionsAndInvertedSections() throws {
        for name in ["emptyString", "text", "zero", "one", "zeroDouble", "yes", "no", "emptyList", "list",
                     "null", "emptyObject", "object", "missing", "listOfNull"] {
            try same("[{{#\(name)}}yes{{/\(name)}}|{{^\(name)}}no{{/\(name)}}]", Self.truthiness)
        }
        // What a section pushes: the value itself, except true (same frame) and lists (each item).
        try same("{{#text}}{{.}}{{/text}} {{#zero}}{{.}}{{/zero}} {{#emptyString}}[{{.}}]{{/emptyString}} {{#list}}{{.}},{{/list}} {{#object}}{{a}}{{/object}}", Self.truthiness)
        try same("{{#yes}}{{text}}{{/yes}} {{#listOfNull}}[{{.}}{{text}}]{{/listOfNull}}", Self.truthiness)
    }

    @Test func nullStopsTheLookUpInOuterFrames() throws {
        let data: TemplateValue = ["name": "outer", "inner": ["name": nil], "deep": ["a": ["b": "found"]]]
        try same("{{#inner}}[{{name}}]{{/inner}} {{#inner}}{{#name}}x{{/name}}{{^name}}none{{/name}}{{/inner}}", data)
        try same("{{deep.a.b}} {{deep.a.c}} {{#deep}}{{#a}}{{b}}{{name}}{{.b}}{{.name}}{{/a}}{{/deep}} {{inner.name.x}}", data)
    }

    @Test func transformsOnEveryKindOfValue() throws {
        let data: TemplateValue = [
            "words": ["pear", "Apple", "fig"], "numbers": [3, -1, 2], "decimals": [2.5, 1.5], "objects": [["n": 1], ["n": 2]],
            "empty": [], "text": "héllo wORLD élan", "blank": "", "n": 7, "zero": 0, "minus": -3, "d": 2.5, "flag": true,
            "object": ["a": 1], "null": nil,
        ]
        let transforms = ["empty", "first", "last", "count", "reversed", "sorted", "capitalized", "lowercased", "uppercased",
                          "equalzero", "plusone", "minusone", "even", "odd", "index", "unknown"]
        for transform in transforms {
            for name in ["text", "blank", "n", "zero", "minus", "d", "flag", "null", "missing"] {
                try same("[{{\(transform)(\(name))}}]{{#\(transform)(\(name))}}yes{{/\(transform)(\(name))}}{{^\(transform)(\(name))}}no{{/\(transform)(\(name))}}", data)
            }
            // (`{{.}}` of an object or list would print Swift's debug description in swift-mustache.)
            for name in ["words", "numbers", "decimals", "objects", "empty", "object"] {
                try same("{{#\(transform)(\(name))}}({{uppercased(.)}}{{plusone(.)}}{{n}}){{/\(transform)(\(name))}}{{^\(transform)(\(name))}}no{{/\(transform)(\(name))}}",
                         data, alsoAsDictionaries: name != "object")
            }
        }
        try same("{{count(words)}} {{first(words)}} {{last(numbers)}} {{#sorted(words)}}{{.}} {{/sorted(words)}}", data)
        try same("{{uppercased(reversed(text))}} {{plusone(count(words))}} {{even(plusone(n))}} {{#reversed(reversed(words))}}{{.}}{{/reversed(reversed(words))}}", data)
        try same("{{^empty(words)}}some{{/empty(words)}}{{#empty(empty)}} none{{/empty(empty)}}", data)
    }

    /// Dossier's objects (`TemplateObject`) take no transforms, and neither do ours; swift-mustache's
    /// own `[String: Any]` takes `count`, `empty`, `enumerated` and `sorted`.
    @Test func objectsTakeNoTransforms() throws {
        let data: TemplateValue = ["object": ["a": 1, "b": 2]]
        let pair = try MustacheTesting.Pair(["main": "[{{count(object)}}{{#empty(object)}}empty{{/empty(object)}}]"])
        #expect(pair.render("main", data) == (ours: "[]", theirs: "[]"))
        #expect(pair.render("main", data, objectsAsDictionaries: true).theirs == "[2]")
    }

    @Test func positionInAList() throws {
        let data: TemplateValue = ["items": ["a", "b", "c", "d"], "one": ["x"], "nested": [["inner": [1, 2]], ["inner": [3]]], "flag": true]
        try same("{{#items}}{{index()}}:{{.}}{{#first()}} first{{/first()}}{{#last()}} last{{/last()}}{{#even()}} even{{/even()}}{{#odd()}} odd{{/odd()}}{{^last()}}, {{/last()}}{{/items}}", data)
        try same("{{#one}}{{first()}}{{last()}}{{index()}}{{/one}} {{index()}}{{first()}}", data)
        try same("{{#nested}}[{{index()}}{{#inner}}{{index()}}{{/inner}}{{index()}}]{{/nested}}", data)
        try same("{{#items}}{{#flag}}{{index()}}{{/flag}}{{#.}}{{index()}}{{/.}}{{>p}}{{plusone(index())}}{{/items}}", data, partials: ["p": "<{{index()}}>"])
    }

    @Test func partialIndentation() throws {
        let data: TemplateValue = ["content": "<\n->", "items": ["a", "b"], "yes": true]
        let partials = [
            "p": "|\n{{{content}}}\n|\n",
            "nested": "1\n  {{>p}}\n2\n",
            "list": "{{#items}}\n- {{.}}\n{{/items}}\n",
            "inline": "x\ny",
            "crlf": "a\r\nb\r\n{{>inline}}\r\n",
            "empty": "",
        ]
        try same("\\\n {{>p}}\n/\n", data, partials: partials)
        try same("  {{>nested}}\n", data, partials: partials)
        try same("\t{{>list}}\n  {{#yes}}\n    {{>list}}\n  {{/yes}}\n", data, partials: partials)
        try same("a {{>inline}} b\n  {{>inline}}\n  {{>inline}} c\n", data, partials: partials)
        try same("  {{>crlf}}\r\n  {{>empty}}\n  x{{>empty}}\n", data, partials: partials)
        try same("  {{>missing}}\n{{>missing}}", data, partials: partials)
    }

    @Test func standaloneLinesAndWhitespace() throws {
        let data: TemplateValue = ["a": true, "b": true, "n": nil, "x": "X"]
        let templates = [
            "  {{#a}}\n  in\n  {{/a}}\n", "{{#a}}\r\nx\r\n{{/a}}\r\n", "x {{#a}}\n{{/a}} y\n", "{{#a}}\nx{{/a}} {{#b}}\ny{{/b}}\n",
            "a{{#a}}\n{{/a}}\n  {{#b}}\nz\n  {{/b}}\n", "  {{! comment }}  \n  {{! c }}x\n", "\t{{^n}}\t\n\t{{x}}\n\t{{/n}}\t\n",
            "{{#a}}{{#b}}\nx\n{{/b}}{{/a}}\n", "  {{=<% %>=}}  \n<%x%>\n<%={{ }}=%>{{x}}\n", "end  ", "trailing\n  ",
            "{{x}}\u{0B}{{#a}}\u{0B}y{{/a}}\u{0C}", "  {{#a}}\u{2028}q{{/a}}", " {{x}} \n {{#a}} \n{{/a}}", "{{#a}}\n  \n{{/a}}",
            "a{{\nb", "{{{x}}}{{& x }}{{ x }}",
        ]
        for template in templates { try same(template, data) }
    }

    @Test func parentsAndBlocks() throws {
        let partials = [
            "layout": "<title>{{$title}}Default {{x}}{{/title}}</title>\n<main>\n  {{$main}}{{/main}}\n</main>\n{{>footer}}",
            "footer": "<footer>{{$footer}}default footer{{/footer}}</footer>\n",
            "card": "{{<box}}{{$body}}card {{x}}{{/body}}{{/box}}",
            "box": "[\n  {{$body}}\n  empty\n  {{/body}}\n]\n",
            "base": "{{$a}}A{{/a}}{{$b}}B{{/b}}",
            "middle": "{{<base}}{{$a}}middle-a{{/a}}{{/base}}",
        ]
        let data: TemplateValue = ["x": "<x>", "items": ["1", "2"]]
        try same("{{<layout}}\n{{$main}}\n<p>{{x}}</p>\n<p>two</p>\n{{/main}}\n{{/layout}}\n", data, partials: partials)
        try same("{{<layout}}{{$title}}T{{/title}}{{$footer}}F{{/footer}}{{/layout}}", data, partials: partials)
        try same("{{<layout}}ignored text {{! comment }}{{/layout}}", data, partials: partials)
        // A parent with blocks overriding, inside a partial.
        try same("<div>\n  {{>card}}\n</div>\n{{#items}}{{>card}}{{/items}}", data, partials: partials)
        try same("{{<middle}}{{$b}}child-b{{/b}}{{/middle}}|{{<middle}}{{$a}}child-a{{/a}}{{/middle}}|{{>middle}}|{{$a}}top{{/a}}", data, partials: partials)
        try same("{{<box}}{{$body}}\n    one\n    two\n{{/body}}{{/box}}", data, partials: partials)
    }

    @Test func dottedNamesAndImplicitIterator() throws {
        let data: TemplateValue = ["a": ["b": ["c": "deep"]], "list": [["name": "one"], ["name": "two"]], "name": "top", "s": "str"]
        try same("{{a.b.c}} {{#a}}{{b.c}}{{#b}}{{c}}{{.c}}{{name}}{{/b}}{{/a}} {{#list}}{{name}}{{.name}}{{a.b.c}}{{/list}} {{a..b.c}} {{.name}}", data)
        try same("{{#s}}{{.}}{{/s}} {{#a.b.c}}{{.}}{{/a.b.c}} {{#a.b}}{{c}}{{/a.b}}", data)
    }

    @Test func delimiters() throws {
        let data: TemplateValue = ["x": "<x>", "list": [1, 2]]
        try same("{{=<% %>=}}<%x%> <%&x%> <%#list%><%.%><%/list%> {{x}}", data)
        try same("{{#list}}{{=| |=}}|.|{{/list}}|/list| {{x}}", data)
        try same("{{= [[ ]] =}}[[x]]\n  [[={{ }}=]]\n{{x}}", data)
    }

    /// Random templates and data from a fixed seed, through both engines. (They never have an
    /// unindented standalone block tag whose default content is indented, where we follow the
    /// spec's intrinsic indentation and swift-mustache does not.)
    @Test func randomTemplates() throws {
        var generator = MustacheRandomTemplates(seed: 0x5EED_2026)
        var mismatches: [String] = []
        for _ in 0..<400 {
            let (templates, data) = generator.next()
            let pair = try MustacheTesting.Pair(templates)
            for dictionaries in [false, true] {
                let (ours, theirs) = pair.render("main", data, objectsAsDictionaries: dictionaries)
                if ours != theirs {
                    mismatches.append("\(templates)\n  ours:   \(ours.debugDescription)\n  theirs: \(theirs.debugDescription)")
                }
            }
        }
        #expect(mismatches.isEmpty, "\(mismatches.count) differ; first: \(mismatches.first ?? "")")
    }
}

/// Makes templates from the parts in which Dossier's pages differ: text with line breaks and
/// indentation, variables of every kind, sections over every kind of value, partials, parents and blocks.
struct MustacheRandomTemplates {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    private mutating func random(_ bound: Int) -> Int {
        // SplitMix64.
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return Int((z ^ (z >> 31)) % UInt64(bound))
    }

    private mutating func pick<T>(_ choices: [T]) -> T { choices[random(choices.count)] }

    static let data: TemplateValue = [
        "s": "a<b>&\"c'", "n": 3, "z": 0, "e": "", "t": true, "f": false, "d": 2.5, "u": nil, "w": "Été",
        "words": ["x", "<y>", ""], "none": [],
        "items": [["s": "one", "n": 1, "t": false], ["s": "two", "u": "set"], ["s": "three", "n": 3, "words": ["q"]]],
        "obj": ["s": "inner", "n": nil, "deep": ["s": "deeper"]],
    ]
    static let scalars = ["s", "n", "z", "e", "t", "f", "d", "u", "w", "missing", "obj.s", "obj.n", "obj.deep.s", ".s", "obj.missing.s"]
    static let sectionNames = ["t", "f", "u", "e", "z", "s", "n", "words", "none", "items", "obj", "obj.deep", "missing",
                               "empty(words)", "reversed(items)", "first(items)", "count(none)", "first()", "last()", "odd()"]
    /// Section names whose content sees a text or number as `.`.
    static let scalarSections: Set<String> = ["e", "z", "s", "n", "words", "reversed(words)"]

    mutating func next() -> (templates: [String: String], data: TemplateValue) {
        var templates: [String: String] = [:]
        templates["p1"] = body(depth: 2, dotIsScalar: false, partials: ["p2"])
        templates["p2"] = body(depth: 1, dotIsScalar: false, partials: [])
        templates["layout"] = "<h>{{$head}}" + body(depth: 1, dotIsScalar: false, partials: ["p2"]) + "{{/head}}</h>\n"
            + pick(["{{$main}}x", "  {{$main}}\n", "\t{{$main}}", "\t{{$main}}\n"]) + body(depth: 1, dotIsScalar: false, partials: []) + "{{/main}}\n" + pick(["x", "  {{>p2}}\n", ""])
        var main = body(depth: 3, dotIsScalar: false, partials: ["p1", "p2", "missing"])
        if random(3) == 0 {
            main += "{{<layout}}" + pick(["", "\n"])
            if random(2) == 0 { main += "{{$head}}" + body(depth: 1, dotIsScalar: false, partials: ["p2"]) + "{{/head}}" + pick(["", "\n"]) }
            if random(2) == 0 { main += "{{$main}}" + pick(["", "\n"]) + body(depth: 2, dotIsScalar: false, partials: ["p1"]) + "{{/main}}\n" }
            main += "{{/layout}}" + pick(["", "\n", " after"])
        }
        templates["main"] = main
        return (templates, Self.data)
    }

    private mutating func body(depth: Int, dotIsScalar: Bool, partials: [String]) -> String {
        var text = ""
        for _ in 0..<(1 + random(5)) {
            text += piece(depth: depth, dotIsScalar: dotIsScalar, partials: partials)
        }
        return text
    }

    private mutating func piece(depth: Int, dotIsScalar: Bool, partials: [String]) -> String {
        let indent = pick(["", "", " ", "  ", "\t"])
        switch random(depth > 0 ? 9 : 6) {
        case 0: return pick(["text", " ", "\n", "\r\n", "<p>", "a & b", "é", "\n\n", "} x"])
        case 1: return indent + "{{" + pick(Self.scalars + (dotIsScalar ? [".", "."] : [])) + "}}" + pick(["", "\n", " "])
        case 2: return "{{{" + pick(Self.scalars) + "}}}" + pick(["", "\n"])
        case 3: return indent + "{{! " + pick(["c", "multi\nline"]) + " }}" + pick(["", "\n"])
        case 4:
            guard let partial = partials.isEmpty ? nil : pick(partials) else { return "x" }
            return indent + "{{>" + partial + "}}" + pick(["\n", "", " "])
        case 5: return pick(["{{count(words)}}", "{{uppercased(w)}}", "{{capitalized(s)}}", "{{plusone(n)}}", "{{index()}}", "{{first(words)}}"])
        default:
            let name = pick(Self.sectionNames)
            let inverted = random(3) == 0
            let newLine = pick(["", "\n"])
            let innerDot = inverted ? (name == "none" ? false : dotIsScalar) : (name == "t" || name.hasSuffix("()") ? dotIsScalar : Self.scalarSections.contains(name))
            return indent + "{{" + (inverted ? "^" : "#") + name + "}}" + newLine
                + body(depth: depth - 1, dotIsScalar: innerDot, partials: partials)
                + pick(["", indent]) + "{{/" + name + "}}" + pick(["", "\n"])
        }
    }
}
