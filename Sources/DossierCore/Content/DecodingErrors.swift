/// The errors of one file's decode, gathered so that a file with several bad values reports them
/// all in one run. `CheckedDecoder` records an error where decoding can go past it: a bad value
/// under an optional key (the key reads as absent), a required key's bad or missing value that
/// has a `DecodingStandIn`, a bad list item (the item is left out). An error anywhere else ends
/// the object holding it and is recorded where that object's own value is passed over.
///
/// Only used once a file has failed to decode: a valid file is decoded without it, at no cost.
final class DecodingErrors {
    private(set) var errors: [DecodingError] = []

    static let userInfoKey = CodingUserInfoKey(rawValue: "dossier.decodingErrors")!

    func record(_ error: DecodingError) { errors.append(error) }

    /// The collector a decoder carries, if it is gathering errors.
    static func of(_ decoder: Decoder) -> DecodingErrors? {
        let userInfo = decoder.userInfo
        return userInfo.isEmpty ? nil : userInfo[userInfoKey] as? DecodingErrors
    }
}
