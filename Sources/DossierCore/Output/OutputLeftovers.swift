import Foundation

/// Folders that builds into one output leave beside it when they are killed: `.NAME.staging-PID`
/// (a build that did not finish) and `.NAME.previous-PID` (the old site, during a swap made of
/// two renames). Cleared under the output's lock, so none of them belongs to a running build.
/// An old site still being removed, or whose removal was cut short (`.NAME.old-PID`, see
/// `OldSiteRemoval`), is removed again without a word: it is no build's leftover.
enum OutputLeftovers {
    /// Puts back a previous site that a killed swap left without a `NAME` folder (there is only
    /// ever one such: each later build puts it back first), removes the rest, and says what it did, as warnings at the output folder.
    static func clear(beside target: URL, except ownPID: Int32, oldSite: OldSiteRemoval = .beforeReturning) -> [Diagnostic] {
        let manager = FileManager.default
        let parent = target.deletingLastPathComponent()
        let name = target.lastPathComponent
        let entries = ((try? manager.contentsOfDirectory(atPath: parent.path)) ?? []).sorted()
        let own = [".\(name).staging-\(ownPID)", ".\(name).previous-\(ownPID)"]
        var previous = entries.filter { $0.hasPrefix(".\(name).previous-") && !own.contains($0) }
        let staging = entries.filter { $0.hasPrefix(".\(name).staging-") && !own.contains($0) }
        for trash in entries where OldSiteRemoval.isTrash(trash, of: target) {
            oldSite.remove(parent.appending(path: trash))
        }
        var notes: [Diagnostic] = []
        let location = SourceLocation(file: target.path, line: 0, column: 0)
        if !manager.fileExists(atPath: target.path), let newest = previous.last {
            if (try? manager.moveItem(at: parent.appending(path: newest), to: target)) != nil {
                notes.append(.warning("put back the previous site from '\(newest)', left by a build that was stopped while it swapped the site in",
                                      at: location))
                previous.removeAll { $0 == newest }
            }
        }
        for leftover in previous + staging {
            let what = leftover.contains(".staging-") ? "a build that did not finish" : "a build that was stopped after its swap"
            if (try? manager.removeItem(at: parent.appending(path: leftover))) != nil {
                notes.append(.warning("removed '\(leftover)', left by \(what)", at: location))
            } else {
                notes.append(.warning("cannot remove '\(leftover)', left by \(what)", at: location,
                                      hint: "remove it by hand: it is not part of the site"))
            }
        }
        return notes
    }
}
