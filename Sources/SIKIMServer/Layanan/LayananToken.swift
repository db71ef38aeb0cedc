import Fluent
import Foundation

/// API bearer tokens: issued once in plain text, stored as SHA-256, revocable.
struct LayananToken {
    let db: any Database
    let jam: Jam

    /// Returns the model and the plain token, which is shown only this once.
    func terbitkan(untuk pengguna: PenggunaModel, nama: String) async throws -> (TokenAPIModel, String) {
        let token = "sikim_" + Acak.rahasia()
        let m = TokenAPIModel(penggunaID: try pengguna.requireID(), nama: String(nama.prefix(100)),
                              hashToken: Acak.sha256(token), pada: jam.sekarang())
        try await m.create(on: db)
        return (m, token)
    }

    func cabut(_ m: TokenAPIModel) async throws {
        guard m.dicabutPada == nil else { return }
        m.dicabutPada = jam.sekarang()
        try await m.update(on: db)
    }
}
