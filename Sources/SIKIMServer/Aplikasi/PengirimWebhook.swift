import Crypto
import FluentKit
import Foundation
import NIOCore
import SIKIMCore
import SIKIMData
import Vapor

/// Delivers the outbound webhook's queue (`RepositoriWebhook`) in the background, signed with
/// HMAC-SHA256 over the body with the admin's secret.
struct PengirimWebhook {
    let db: any Database
    let jam: Jam

    static func tandaTangan(_ isi: String, rahasia: String) -> String {
        let mac = HMAC<SHA256>.authenticationCode(for: Data(isi.utf8), using: SymmetricKey(data: Data(rahasia.utf8)))
        return "sha256=" + Sidik.hex(mac)
    }

    /// Delivers what is due; failures are logged and retried later, then given up.
    func kirimYangJatuhTempo(client: any Client, logger: Logger, batasWaktu: TimeAmount = .seconds(5)) async throws {
        let data = RepositoriWebhook(db: db, jam: jam)
        guard let (url, rahasia) = try await data.pengaturan() else { return }
        for m in try await data.jatuhTempo() {
            var galat: String?
            do {
                let res = try await client.post(URI(string: url)) { r in
                    r.headers.contentType = .json
                    r.headers.replaceOrAdd(name: "X-SIKIM-Signature", value: Self.tandaTangan(m.isi, rahasia: rahasia))
                    r.body = ByteBuffer(string: m.isi)
                    r.timeout = batasWaktu
                }
                if !(200..<300).contains(res.status.code) { galat = "HTTP \(res.status.code)" }
            } catch {
                galat = String(describing: error).prefix(300).description
            }
            if let galat { logger.warning("Webhook gagal dikirim", metadata: ["percobaan": .stringConvertible(m.percobaan + 1), "galat": .string(galat)]) }
            try await data.catat(m, galat: galat)
        }
    }
}
