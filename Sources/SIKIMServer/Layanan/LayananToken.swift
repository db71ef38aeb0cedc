import SIKIMCore
import SIKIMData
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

    /// Ends every browser session and API token of a user (password reset, deactivation, the
    /// end of their KIM).
    func akhiriSemuaAkses(_ m: PenggunaModel) async throws {
        let id = try m.requireID()
        // Token by token, not one bulk update: each save passes the models' middleware, which
        // empties the token cache.
        for t in try await TokenAPIModel.query(on: db).filter(\.$pengguna.$id == id).filter(\.$dicabutPada == nil).all() {
            try await cabut(t)
        }
        try await SesiModel.query(on: db).filter(\.$penggunaID == id.uuidString).delete()
    }
}
