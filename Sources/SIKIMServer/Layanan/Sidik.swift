import Crypto
import Foundation

/// SHA-256 fingerprints as lowercase hex: stored files, audit events, tokens, requests.
enum Sidik {
    static func sha256(_ data: some DataProtocol) -> String { hex(SHA256.hash(data: data)) }

    static func sha256(_ teks: String) -> String { sha256(Data(teks.utf8)) }

    static func hex(_ bytes: some Sequence<UInt8>) -> String {
        let digit = Array("0123456789abcdef".utf8)
        var s: [UInt8] = []
        for b in bytes { s.append(digit[Int(b >> 4)]); s.append(digit[Int(b & 0x0f)]) }
        return String(decoding: s, as: UTF8.self)
    }
}
