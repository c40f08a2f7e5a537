import FlyingSocks
import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Where the preview listens: an IP address or `localhost`, loopback unless asked otherwise.
enum PreviewHost {
    static let defaultHost = "127.0.0.1"

    /// 127.0.0.0/8, ::1 (and 127.0.0.0/8 mapped into IPv6) and `localhost`: only this machine can connect.
    static func isLoopback(_ host: String) -> Bool {
        let host = unbracketed(host)
        if host.lowercased() == "localhost" || host.lowercased() == "localhost." { return true }
        if let ip4 = ip4Bytes(host) { return ip4[0] == 127 }
        if let ip6 = ip6Bytes(host) {
            if ip6 == Array(repeating: 0, count: 15) + [1] { return true }
            return ip6.prefix(12).elementsEqual(Array(repeating: 0, count: 10) + [0xFF, 0xFF]) && ip6[12] == 127
        }
        return false
    }

    /// What the CLI prints when the preview is open to other machines; nil on loopback.
    static func warning(for host: String) -> String? {
        isLoopback(host) ? nil : "serving on \(host): other machines on the network can read this preview"
    }

    /// `http://127.0.0.1:8080/ict/`, with an IPv6 address in brackets.
    static func url(host: String, port: UInt16, basePath: String) -> String {
        let host = unbracketed(host)
        let shown = host.contains(":") ? "[\(host)]" : host
        return "http://\(shown):\(port)\(SiteURLs.encode(basePath))"
    }

    struct InvalidHost: Error, CustomStringConvertible {
        var host: String
        var description: String {
            "cannot listen on '\(host)': --host takes an IP address (127.0.0.1, ::1, 0.0.0.0, ::) or localhost"
        }
    }

    static func address(host: String, port: UInt16) throws(InvalidHost) -> any SocketAddress {
        let name = unbracketed(host)
        let literal = name.lowercased() == "localhost" || name.lowercased() == "localhost." ? defaultHost : name
        if ip4Bytes(literal) != nil, let address = try? sockaddr_in.inet(ip4: literal, port: port) { return address }
        if ip6Bytes(literal) != nil, let address = try? sockaddr_in6.inet6(ip6: literal, port: port) { return address }
        throw InvalidHost(host: host)
    }

    private static func unbracketed(_ host: String) -> String {
        host.hasPrefix("[") && host.hasSuffix("]") ? String(host.dropFirst().dropLast()) : host
    }

    private static func ip4Bytes(_ text: String) -> [UInt8]? {
        var address = in_addr()
        guard text.withCString({ inet_pton(AF_INET, $0, &address) }) == 1 else { return nil }
        return withUnsafeBytes(of: &address) { Array($0) }
    }

    private static func ip6Bytes(_ text: String) -> [UInt8]? {
        var address = in6_addr()
        guard text.withCString({ inet_pton(AF_INET6, $0, &address) }) == 1 else { return nil }
        return withUnsafeBytes(of: &address) { Array($0) }
    }
}
