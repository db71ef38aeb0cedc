import SIKIMCore
import SIKIMData
import NIOPosix
import Vapor

/// bcrypt hashing off the event loop, with the cost from configuration.
struct Penyandi: Sendable {
    let biaya: Int
    let threadPool: NIOThreadPool

    func hash(_ kataSandi: String) async throws -> String {
        let biaya = biaya
        return try await threadPool.runIfActive { try Bcrypt.hash(kataSandi, cost: biaya) }
    }

    func cocok(_ kataSandi: String, hash: String) async throws -> Bool {
        try await threadPool.runIfActive { try Bcrypt.verify(kataSandi, created: hash) }
    }
}

extension Application {
    var penyandi: Penyandi { Penyandi(biaya: sikim.biayaBcrypt, threadPool: threadPool) }
}

/// Random secrets (session ids, CSRF tokens, API tokens, first admin password).
enum Acak {
    static func rahasia(byte: Int = 32) -> String {
        base64url([UInt8].random(count: byte))
    }

    /// A fresh disguise of a secret for one page: random bytes, then the secret XOR them.
    /// Each page shows other characters, so a compressed page that also reflects text an
    /// attacker chose cannot leak the secret through its size (BREACH).
    static func samarkan(_ rahasia: String) -> String {
        let r = Array(rahasia.utf8)
        let topeng = [UInt8].random(count: r.count)
        return base64url(topeng + zip(topeng, r).map { $0 ^ $1 })
    }

    /// The secret a disguise (`samarkan`) hides; nil when it is none.
    static func buka(_ samaran: String) -> String? {
        var b64 = samaran.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        b64 += String(repeating: "=", count: (4 - b64.count % 4) % 4)
        guard let d = Data(base64Encoded: b64).map({ [UInt8]($0) }), !d.isEmpty, d.count % 2 == 0 else { return nil }
        let n = d.count / 2
        return String(decoding: zip(d[..<n], d[n...]).map { $0 ^ $1 }, as: UTF8.self)
    }

    private static func base64url(_ bytes: [UInt8]) -> String {
        Data(bytes).base64EncodedString()
            .replacingOccurrences(of: "+", with: "-")
            .replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }

    static func sha256(_ s: String) -> String {
        Sidik.sha256(s)
    }

    /// Comparison whose time does not depend on where the strings differ.
    static func samaKonstan(_ a: String, _ b: String) -> Bool {
        let x = Array(a.utf8), y = Array(b.utf8)
        guard x.count == y.count else { return false }
        return zip(x, y).reduce(0) { $0 | ($1.0 ^ $1.1) } == 0
    }
}
