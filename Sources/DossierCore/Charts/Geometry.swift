/// An axis-aligned box in SVG user units, for laying out marks and checking that text never overlaps.
struct Rect: Sendable, Equatable {
    var x: Double
    var y: Double
    var width: Double
    var height: Double

    init(x: Double, y: Double, width: Double, height: Double) {
        self.x = x
        self.y = y
        self.width = width
        self.height = height
    }

    var maxX: Double { x + width }
    var maxY: Double { y + height }

    /// True when the two boxes share some area (touching edges do not count).
    func intersects(_ other: Rect) -> Bool {
        x < other.maxX && other.x < maxX && y < other.maxY && other.y < maxY
    }

    /// True when `other` lies wholly inside, allowing for rounding.
    func contains(_ other: Rect) -> Bool {
        other.x >= x - 0.01 && other.maxX <= maxX + 0.01 && other.y >= y - 0.01 && other.maxY <= maxY + 0.01
    }
}
