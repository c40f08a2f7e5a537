import Foundation

/// An issue as a message a mail client can open and send: multipart/alternative, the text part
/// first and the HTML part second, both UTF-8 in quoted-printable, CRLF line ends, no line over
/// 76 octets in the bodies (998 is the limit). Every header comes from the site and the issue, so
/// the same issue always gives the same bytes.
struct MIMEMessage {
    var from: String
    var to: String
    var replyTo: String?
    var subject: String
    var date: Day
    var messageID: String
    var text: String
    var html: String

    init(_ email: NewsletterEmail, settings: NewsletterSettings, host: String) {
        from = settings.from
        to = settings.to
        replyTo = settings.replyTo
        subject = email.subject
        date = email.date
        messageID = "<newsletter-\(email.issue).\(host)@dossier>"
        text = EmailText.render(email)
        html = EmailHTML.render(email)
    }

    var boundary: String { "=_dossier_alternative_" + messageID.filter { $0.isLetter || $0.isNumber } }

    var rendered: String {
        var headers = [
            "From: \(Self.address(from))",
            "To: \(Self.address(to))",
        ]
        if let replyTo { headers.append("Reply-To: \(Self.address(replyTo))") }
        headers += [
            "Subject: \(Self.encodedWord(subject, used: "Subject: ".count))",
            "Date: \(Self.rfc5322Date(date))",
            "Message-ID: \(messageID)",
            "MIME-Version: 1.0",
            "Content-Type: multipart/alternative;\r\n boundary=\"\(boundary)\"",
        ]
        var message = headers.joined(separator: "\r\n") + "\r\n\r\n"
        message += "This is a message in MIME format: a plain text part and an HTML part.\r\n\r\n"
        for (type, body) in [("text/plain", text), ("text/html", html)] {
            message += "--\(boundary)\r\n"
            message += "Content-Type: \(type); charset=utf-8\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n"
            message += QuotedPrintable.encode(body) + "\r\n"
        }
        return message + "--\(boundary)--\r\n"
    }

    /// `Name <address>` with the name as an encoded word when it is not plain ASCII.
    static func address(_ text: String) -> String {
        guard let parsed = MailAddress(text) else { return text }
        guard let name = parsed.name else { return parsed.address }
        let plain = name.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == " " || "!#$%&'*+-/=?^_`{|}~".contains($0)) }
        let shown = plain ? name : name.allSatisfy(\.isASCII) ? "\"\(name.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\""))\"" : encodedWord(name, used: 0)
        return "\(shown) <\(parsed.address)>"
    }

    /// RFC 2047: text as is when it is printable ASCII, else `=?utf-8?B?…?=` words folded onto
    /// continuation lines, each word whole characters.
    static func encodedWord(_ text: String, used: Int) -> String {
        if text.allSatisfy({ $0.isASCII && !$0.isNewline }) && used + text.utf8.count <= 76 { return text }
        if text.allSatisfy({ $0.isASCII && !$0.isNewline }) { return fold(text, used: used) }
        var words: [String] = []
        var chunk = ""
        for character in text {
            if (chunk + String(character)).utf8.count > 45 {
                words.append(chunk)
                chunk = ""
            }
            chunk.append(character)
        }
        if !chunk.isEmpty { words.append(chunk) }
        return words.map { "=?utf-8?B?\(Base64.encode(Array($0.utf8)))?=" }.joined(separator: "\r\n ")
    }

    /// Folds a long ASCII header value at spaces.
    private static func fold(_ text: String, used: Int) -> String {
        var lines: [String] = []
        var current = ""
        var room = 78 - used
        for word in text.split(separator: " ", omittingEmptySubsequences: false) {
            if !current.isEmpty && current.count + 1 + word.count > room {
                lines.append(current)
                current = String(word)
                room = 77
            } else {
                current += (current.isEmpty ? "" : " ") + word
            }
        }
        lines.append(current)
        return lines.joined(separator: "\r\n ")
    }

    /// `Thu, 20 May 2004 09:00:00 +0000`: the issue's day at nine in the morning, UTC.
    static func rfc5322Date(_ day: Day) -> String {
        let names = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"]
        let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
        // Sakamoto's method: 0 is Sunday.
        let offsets = [0, 3, 2, 5, 0, 3, 5, 1, 4, 6, 2, 4]
        let year = day.month < 3 ? day.year - 1 : day.year
        let weekday = (year + year / 4 - year / 100 + year / 400 + offsets[day.month - 1] + day.day) % 7
        let dd = day.day < 10 ? "0\(day.day)" : "\(day.day)"
        return "\(names[weekday]), \(dd) \(months[day.month - 1]) \(day.year) 09:00:00 +0000"
    }
}

/// Quoted-printable (RFC 2045) for UTF-8 text: line ends become CRLF, `=`, non-ASCII bytes and
/// trailing spaces are escaped, and lines longer than 76 octets get soft breaks (`=`).
enum QuotedPrintable {
    private static let hex = Array("0123456789ABCDEF".utf8)

    /// RFC 2045 quoted-printable with CRLF line ends: printable ASCII but `=` as it is, space and
    /// tab as they are except at a line's end, every other byte `=XX`; lines longer than 76
    /// characters broken with a soft `=`. Works on bytes: a newsletter's email of hundreds of
    /// kilobytes is encoded in one pass.
    static func encode(_ text: String) -> String {
        let bytes = Array(text.utf8)
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + bytes.count / 16)
        // A line ends at LF or CRLF; a lone CR is a byte like any other.
        func endsLine(at index: Int) -> Bool {
            index == bytes.count || bytes[index] == 0x0A
                || (bytes[index] == 0x0D && index + 1 < bytes.count && bytes[index + 1] == 0x0A)
        }
        var length = 0
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if endsLine(at: index) {
                index += byte == 0x0D ? 2 : 1
                out += [0x0D, 0x0A]
                length = 0
                continue
            }
            let literal = (byte >= 33 && byte <= 126 && byte != 61) || ((byte == 32 || byte == 9) && !endsLine(at: index + 1))
            let width = literal ? 1 : 3
            // 75 leaves room for the soft break's "=".
            if length + width > 75 {
                out += [61, 0x0D, 0x0A]
                length = 0
            }
            if literal {
                out.append(byte)
            } else {
                out += [61, hex[Int(byte >> 4)], hex[Int(byte & 15)]]
            }
            length += width
            index += 1
        }
        return String(decoding: out, as: UTF8.self)
    }
}

/// Base64 for encoded words.
enum Base64 {
    static func encode(_ bytes: [UInt8]) -> String {
        let table = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/")
        var out = ""
        var index = 0
        while index < bytes.count {
            let chunk = Array(bytes[index..<min(index + 3, bytes.count)])
            let value = (UInt32(chunk[0]) << 16) | (chunk.count > 1 ? UInt32(chunk[1]) << 8 : 0) | (chunk.count > 2 ? UInt32(chunk[2]) : 0)
            out.append(table[Int((value >> 18) & 63)])
            out.append(table[Int((value >> 12) & 63)])
            out.append(chunk.count > 1 ? table[Int((value >> 6) & 63)] : "=")
            out.append(chunk.count > 2 ? table[Int(value & 63)] : "=")
            index += 3
        }
        return out
    }
}
