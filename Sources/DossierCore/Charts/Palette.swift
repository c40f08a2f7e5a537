/// Colours and sizes shared by the charts.
///
/// Statuses take their colours and patterns from `StatusLook`, the one status language. The other
/// colours (parts of a whole, unknown statuses, lines) come from the Okabe–Ito colour-blind-safe
/// set, darkened where needed so every mark has at least 3:1 contrast with white; text colours have
/// at least 4.5:1. Every mark also has a pattern (solid, dots, hatching, cross-hatching, empty), so
/// it reads in greyscale and print.
enum Palette {
    static let text = "#0b0c0c"          // 19.6:1 on white
    static let secondaryText = "#505a5f" // 7.1:1
    static let axis = "#505a5f"
    static let grid = "#b1b4b6"          // gridlines only support the axis labels
    static let track = "#dee0e2"
    static let background = "#ffffff"

    static let blue = "#0072b2"          // 5.2:1
    static let green = "#009e73"         // 3.4:1
    static let orange = "#b06a00"        // 4.3:1 (Okabe–Ito orange, darkened)
    static let vermillion = "#d55e00"    // 3.9:1
    static let purple = "#b2558a"        // 4.6:1 (Okabe–Ito reddish purple, darkened)
    static let grey = "#6f777b"          // 4.6:1
    static let darkGrey = "#505a5f"      // 7.1:1

    /// The style of a status by its key (see `StatusLook`); unknown keys take the style at their place in the list.
    static func style(status key: String, index: Int) -> MarkStyle {
        StatusLook.named(key)?.mark ?? sequence[index % sequence.count]
    }

    /// The style of the n-th part of a whole: the first solid, the rest clearly different.
    static func style(part index: Int) -> MarkStyle {
        parts[index % parts.count]
    }

    /// A mark with no status.
    static let plain = MarkStyle(colour: darkGrey, pattern: .solid)

    private static let parts: [MarkStyle] = [
        MarkStyle(colour: blue, pattern: .solid),
        MarkStyle(colour: grey, pattern: .lightHatch),
        MarkStyle(colour: green, pattern: .dots),
        MarkStyle(colour: vermillion, pattern: .hatch),
        MarkStyle(colour: orange, pattern: .crossHatch),
        MarkStyle(colour: purple, pattern: .verticalLines),
    ]

    private static let sequence: [MarkStyle] = [
        MarkStyle(colour: blue, pattern: .solid),
        MarkStyle(colour: green, pattern: .dots),
        MarkStyle(colour: vermillion, pattern: .hatch),
        MarkStyle(colour: orange, pattern: .crossHatch),
        MarkStyle(colour: purple, pattern: .verticalLines),
        MarkStyle(colour: grey, pattern: .empty),
    ]
}

/// How a mark is filled: a colour and a pattern, outlined in the colour.
struct MarkStyle: Hashable, Sendable {
    var colour: String
    var pattern: Pattern

    enum Pattern: String, Sendable {
        /// Filled with the colour.
        case solid
        /// White dots on the colour.
        case dots
        /// White diagonal stripes on the colour.
        case hatch
        /// White cross-hatching on the colour.
        case crossHatch = "cross-hatch"
        /// White vertical stripes on the colour.
        case verticalLines = "vertical-lines"
        /// Thin white horizontal stripes on the colour.
        case horizontalLines = "horizontal-lines"
        /// Thin coloured diagonal lines on white: a part still to come.
        case lightHatch = "light-hatch"
        /// White, outlined: nothing yet.
        case empty
    }

    /// Classes for the forced-colours rules in the stylesheet.
    var className: String {
        switch pattern {
        case .solid: return "chart-mark chart-solid"
        case .empty: return "chart-mark chart-empty"
        default: return "chart-mark chart-patterned"
        }
    }
}

/// Sizes in SVG user units. Row charts are 400 units wide with 16-unit text, so at the narrowest
/// phone column (about 290 px) text is still 11–12 px, and at the stylesheet's maximum width
/// (25em) chart text is the size of the body text.
enum Metrics {
    static let width = 400.0
    static let pad = 4.0
    static let labelSize = 16.0
    static let smallSize = 14.0
    static let barHeight = 18.0
    static let rowGap = 14.0
    static let swatch = 14.0
    static let fontFamily = "system-ui, -apple-system, 'Segoe UI', Roboto, Helvetica, Arial, sans-serif"
}
