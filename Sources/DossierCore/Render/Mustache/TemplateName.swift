/// A name as a tag writes it, split once when the template is parsed.
///
/// `page.date.iso` has the segments `page`, `date`, `iso`; `.` (and an empty name) has none and
/// means the current value; `.title` is anchored: it is looked up in the innermost frame only.
/// `empty(page.headings)` is the path `page.headings` with the transform `empty`; transforms nest,
/// `uppercased(reversed(name))`, and the innermost runs first. An empty path with a transform,
/// `index()`, asks for the position in the list being iterated.
struct TemplateName: Sendable, Hashable, CustomStringConvertible {
    /// The name exactly as written between the delimiters, without surrounding spaces.
    let written: String
    /// The name the transforms apply to, as written: `page.headings` in `empty(page.headings)`.
    let path: String
    let segments: [String]
    /// The name begins with `.`: only the innermost frame is searched.
    let isAnchored: Bool
    /// Outermost first, as written; they run from the last to the first.
    let transforms: [MustacheTransform]

    init(written: String, path: String, transforms: [MustacheTransform]) {
        self.written = written
        self.path = path
        self.segments = path.split(separator: ".", omittingEmptySubsequences: true).map(String.init)
        self.isAnchored = path.hasPrefix(".")
        self.transforms = transforms
    }

    /// `.`, or an empty name: the current value.
    var isImplicitIterator: Bool { segments.isEmpty && !isListPosition }

    /// `first()`, `index()` and the like: a transform with nothing in its brackets.
    var isListPosition: Bool { path.isEmpty && !transforms.isEmpty }

    var description: String { written }
}

/// The transforms swift-mustache 2.1.1 ships, written like calls: `{{count(page.tags)}}`.
///
/// On text: `empty`, `capitalized`, `lowercased`, `uppercased`, `reversed`. On lists: `first`,
/// `last`, `reversed`, `count`, `empty`, and `sorted` for lists of only text or only integers or
/// only decimals. On integers: `equalzero`, `plusone`, `minusone`, `even`, `odd`. With an empty
/// argument inside a list section: `first`, `last`, `index`, `even`, `odd`. A transform that does
/// not apply to the value (an unknown one included) gives nothing, as in swift-mustache.
enum MustacheTransform: Sendable, Hashable, CustomStringConvertible {
    case empty, first, last, count, reversed, sorted
    case capitalized, lowercased, uppercased
    case equalzero, plusone, minusone, even, odd
    case index
    /// A name swift-mustache does not know; it applies to nothing.
    case unknown(String)

    init(_ name: String) {
        switch name {
        case "empty": self = .empty
        case "first": self = .first
        case "last": self = .last
        case "count": self = .count
        case "reversed": self = .reversed
        case "sorted": self = .sorted
        case "capitalized": self = .capitalized
        case "lowercased": self = .lowercased
        case "uppercased": self = .uppercased
        case "equalzero": self = .equalzero
        case "plusone": self = .plusone
        case "minusone": self = .minusone
        case "even": self = .even
        case "odd": self = .odd
        case "index": self = .index
        default: self = .unknown(name)
        }
    }

    var description: String {
        switch self {
        case .empty: "empty"
        case .first: "first"
        case .last: "last"
        case .count: "count"
        case .reversed: "reversed"
        case .sorted: "sorted"
        case .capitalized: "capitalized"
        case .lowercased: "lowercased"
        case .uppercased: "uppercased"
        case .equalzero: "equalzero"
        case .plusone: "plusone"
        case .minusone: "minusone"
        case .even: "even"
        case .odd: "odd"
        case .index: "index"
        case let .unknown(name): name
        }
    }
}
