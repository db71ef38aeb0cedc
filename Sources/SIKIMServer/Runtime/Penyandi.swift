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
        let bytes = [UInt8].random(count: byte)
        return Data(bytes).base64EncodedString()
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
