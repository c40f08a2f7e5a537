import Foundation
// ZIPFoundation (weichsel/ZIPFoundation) is the ZIP library Dossier keeps: the offline archive
// writes with it, and the importer reads a .docx (a ZIP of XML parts) with it.
import ZIPFoundation

/// What the importer reads from a .docx itself rather than from pandoc: the document's own
/// properties (docProps/core.xml), and the merged cells, tracked changes and comments of
/// word/document.xml, which pandoc's tree keeps only in part (pandoc 2.17 drops row spans).
struct WordPackage {
    struct Properties: Equatable {
        var title: String?
        var creator: String?
        var subject: String?
        var description: String?
        var keywords: [String] = []
        var created: String?
        var modified: String?
    }

    /// A merged cell: `table` and `row` count from 1 over the document's top-level tables.
    struct MergedCell: Equatable {
        let table: Int
        let row: Int
        let column: Int
        let columns: Int
        let continuesAbove: Bool
    }

    var properties = Properties()
    var mergedCells: [MergedCell] = []
    var hasComments = false

    enum Failure: Error, Equatable {
        case notAZip, noDocument
    }

    init(reading url: URL) throws(Failure) {
        let archive: Archive
        do { archive = try Archive(url: url, accessMode: .read) } catch { throw .notAZip }
        guard let document = Self.data(of: "word/document.xml", in: archive) else { throw .noDocument }
        if let core = Self.data(of: "docProps/core.xml", in: archive) {
            properties = CorePropertiesReader.read(core)
        }
        mergedCells = MergedCellReader.read(document)
        hasComments = Self.data(of: "word/comments.xml", in: archive).map { String(decoding: $0, as: UTF8.self).contains("<w:comment ") } ?? false
    }

    private static func data(of path: String, in archive: Archive) -> Data? {
        guard let entry = archive[path] else { return nil }
        var data = Data()
        do {
            _ = try archive.extract(entry, skipCRC32: false) { data.append($0) }
        } catch { return nil }
        return data
    }
}

/// docProps/core.xml: Dublin Core elements under cp:coreProperties.
private enum CorePropertiesReader {
    static func read(_ data: Data) -> WordPackage.Properties {
        var properties = WordPackage.Properties()
        var text = ""
        XMLScanner.scan(data) { event in
            switch event {
            case .start: text = ""
            case let .text(more): text += more
            case let .end(name):
                let value = PandocText.collapse(text)
                text = ""
                guard !value.isEmpty else { return }
                switch name {
                case "title": properties.title = value
                case "creator": properties.creator = value
                case "subject": properties.subject = value
                case "description": properties.description = value
                case "keywords":
                    properties.keywords = value.split(whereSeparator: { ",;".contains($0) })
                        .map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
                case "created": properties.created = value
                case "modified": properties.modified = value
                default: break
                }
            }
        }
        return properties
    }
}

/// `w:gridSpan` (a cell across columns) and `w:vMerge` (a cell continuing the one above) in the
/// document's top-level tables, counted as pandoc counts its tables.
private enum MergedCellReader {
    static func read(_ data: Data) -> [WordPackage.MergedCell] {
        var found: [WordPackage.MergedCell] = []
        var depth = 0, table = 0, row = 0, column = 0, span = 1
        var continues = false
        XMLScanner.scan(data) { event in
            switch event {
            case let .start(name, attributes):
                switch name {
                case "tbl":
                    depth += 1
                    if depth == 1 { table += 1; row = 0 }
                case "tr" where depth == 1: row += 1; column = 0
                case "tc" where depth == 1: column += 1; span = 1; continues = false
                case "gridSpan" where depth == 1: span = Int(attributes["val"] ?? "1") ?? 1
                case "vMerge" where depth == 1:
                    let value = attributes["val"]
                    continues = value == nil || value == "continue"
                default: break
                }
            case let .end(name):
                switch name {
                case "tbl": depth -= 1
                case "tc" where depth == 1:
                    if span > 1 || continues {
                        found.append(.init(table: table, row: row, column: column, columns: span, continuesAbove: continues))
                    }
                default: break
                }
            case .text: break
            }
        }
        return found
    }
}
