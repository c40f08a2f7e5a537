/// The shape of the data a template may use: which names exist and what they hold.
/// The template checker walks templates against it, so a misspelt variable is an error, not a blank.
indirect enum TemplateShape: Sendable {
    /// Text, a number, true/false or pre-rendered HTML.
    case value
    case object([String: TemplateShape])
    case list(TemplateShape)

    var fields: [String: TemplateShape]? {
        if case let .object(fields) = self { return fields }
        return nil
    }
}
