import Foundation
import Testing
@testable import DossierCore

/// The one status language: the same words, colours, patterns and symbols in charts, tags and email.
@Suite struct StatusLookTests {
    static func luminance(_ hex: String) -> Double {
        let digits = hex.dropFirst()
        let channels = stride(from: 0, to: 6, by: 2).map { offset -> Double in
            let start = digits.index(digits.startIndex, offsetBy: offset)
            let value = Double(Int(digits[start..<digits.index(start, offsetBy: 2)], radix: 16)!) / 255
            return value <= 0.04045 ? value / 12.92 : pow((value + 0.055) / 1.055, 2.4)
        }
        return 0.2126 * channels[0] + 0.7152 * channels[1] + 0.0722 * channels[2]
    }

    static func contrast(_ a: String, _ b: String) -> Double {
        let (x, y) = (luminance(a), luminance(b))
        return (max(x, y) + 0.05) / (min(x, y) + 0.05)
    }

    @Test func theStylesheetHasTheTagsMadeFromTheLooks() throws {
        let css = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("../../templates/assets/dossier.css").standardized
        let text = try String(contentsOf: css, encoding: .utf8)
        #expect(text.contains(StatusLook.stylesheet + "\n"),
                "templates/assets/dossier.css must hold StatusLook.stylesheet exactly: copy it from Charts/StatusLook.swift")
        #expect(StatusLook.stylesheet.contains("white-space: nowrap"), "a tag never wraps inside a table cell")
    }

    @Test func everyModelStatusHasItsLook() {
        for status in IndicatorStatus.allCases {
            #expect(StatusLook.named(status.rawValue) == StatusLook.of(status))
            #expect(status.words == StatusLook.of(status).words)
        }
        for status in WorkStatus.allCases {
            #expect(StatusLook.named(status.rawValue) == StatusLook.of(status))
            #expect(status.words == StatusLook.of(status).words)
        }
        #expect(IndicatorStatus.near.words == "Target just missed", "the reports' own words")
        #expect(Palette.style(status: "met", index: 0) == StatusLook.met.mark)
        #expect(Set(StatusLook.all.map(\.key)).count == StatusLook.all.count)
        #expect(Set(StatusLook.all.map(\.symbol)).count == StatusLook.all.count, "one symbol a status")
        #expect(Set(StatusLook.all.map(\.mark)).count == StatusLook.all.count, "one colour and pattern a status")
    }

    @Test func marksAndTextHaveEnoughContrast() {
        for look in StatusLook.all {
            #expect(Self.contrast(look.mark.colour, "#ffffff") >= 3, "\(look.key): mark")
            #expect(Self.contrast(look.text, look.tint) >= 4.5, "\(look.key): tag text")
        }
    }

    /// Statuses shown side by side differ in lightness, not in hue alone, so they stay apart in
    /// greyscale.
    @Test(arguments: [[StatusLook.exceeded, .met, .near, .missed], [StatusLook.complete, .inHand, .overdue, .deferred]])
    func statusesShownTogetherDifferInGreyscale(_ looks: [StatusLook]) {
        for (i, a) in looks.enumerated() {
            for b in looks[(i + 1)...] {
                let gap = Self.contrast(a.mark.colour, b.mark.colour)
                #expect(gap >= 1.25, "\(a.key) and \(b.key): \(gap)")
            }
        }
    }

    /// In forced colours every mark is one colour: only the patterns keep the statuses of a set apart.
    @Test func statusesShownTogetherHaveDifferentPatterns() {
        for set in [[StatusLook.exceeded, .met, .near, .missed, .noData], [StatusLook.complete, .inHand, .notStarted, .overdue, .deferred]] {
            #expect(Set(set.map(\.mark.pattern)).count == set.count, "\(set.map(\.key))")
        }
    }

    @Test func aNoteThatOnlyRepeatsTheStatusIsAStatusPhrase() {
        for note in ["Target exceeded", "Target hit", "target just missed.", "On target"] { #expect(StatusLook.isStatusPhrase(note), "\(note)") }
        for note in ["Fixed within the standard despite the office moves", "Missed: new system bedding in"] {
            #expect(!StatusLook.isStatusPhrase(note), "\(note)")
        }
    }
}
