/// Numbers as GOV.UK and en-GB write them: 1,684; 93%; 3.35.
enum Format {
    /// Whole numbers with thousands separators; up to two decimal places otherwise.
    static func number(_ value: Double) -> String {
        let negative = value < 0
        let rounded = (abs(value) * 100).rounded() / 100
        let whole = Int(rounded)
        var text = grouped(whole)
        let fraction = Int(((rounded - Double(whole)) * 100).rounded())
        if fraction > 0 {
            text += fraction % 10 == 0 ? ".\(fraction / 10)" : (fraction < 10 ? ".0\(fraction)" : ".\(fraction)")
        }
        return negative ? "−" + text : text
    }

    static func grouped(_ value: Int) -> String {
        let digits = String(abs(value))
        var result = ""
        for (index, digit) in digits.enumerated() {
            if index > 0 && (digits.count - index) % 3 == 0 { result.append(",") }
            result.append(digit)
        }
        return value < 0 ? "−" + result : result
    }

    /// A difference in its unit: "2 percentage points" (not "2%", which reads as a share of the target), "0.5 days".
    static func difference(_ value: Double, unit: IndicatorUnit?) -> String {
        guard unit == .percent else { return self.value(value, unit: unit) }
        return number(value) + (value == 1 ? " percentage point" : " percentage points")
    }

    /// A value in its unit: "93%", "1,684", "4 hours", "2 days", "3.35".
    static func value(_ value: Double, unit: IndicatorUnit?) -> String {
        let text = number(value)
        switch unit {
        case .percent?: return text + "%"
        case .hours?: return text + (value == 1 ? " hour" : " hours")
        case .days?: return text + (value == 1 ? " day" : " days")
        default: return text
        }
    }
}
