import Foundation

/// One file of the built site, by its path inside the output folder.
public struct OutputFile: Sendable {
    public enum Contents: Sendable {
        case text(String)
        /// Copied unchanged from this path (relative to the site root) through the file-system seam.
        case copy(from: String)
    }

    public let path: String
    public let contents: Contents
}
