extension Decoder {
    /// A value written as one string and read by `parse`: the way days, months, financial years,
    /// colours and keywords are decoded. When `parse` gives nil, the error is `problem(text)` at
    /// this value's place.
    func decodeText<Value>(_ parse: (String) -> Value?, problem: (String) -> String) throws -> Value {
        let container = try singleValueContainer()
        let text = try container.decode(String.self)
        guard let value = parse(text) else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: problem(text))
        }
        return value
    }
}
