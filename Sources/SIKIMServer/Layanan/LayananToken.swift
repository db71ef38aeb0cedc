import Foundation
import SIKIMCore
import SIKIMData

/// API tokens: issued once in plain text, stored as SHA-256, ending after their term,
/// revocable by their owner or the admin.
struct LayananToken {
    let l: Lingkungan
    private var data: RepositoriToken { RepositoriToken(db: l.db) }

    /// Returns the model and the plain token, which is shown only this once.
    func terbitkan(untuk pengguna: PenggunaModel, nama: String) async throws -> (TokenAPIModel, String) {
        let token = "sikim_" + Acak.rahasia()
        let m = TokenAPIModel(penggunaID: try pengguna.requireID(), nama: String(nama.prefix(100)),
                              hashToken: Acak.sha256(token), pada: l.sekarang)
        try await data.simpan(m)
        return (m, token)
    }

    func milik(_ pengguna: UUID) async throws -> [TokenAPIModel] { try await data.milik(pengguna) }

    /// A token its owner or the admin may revoke; anyone else's does not exist for them.
    func cabut(_ id: UUID, oleh aktor: Aktor?) async throws -> TokenAPIModel {
        guard let t = try await data.cari(id), Kebijakan.boleh(aktor, .cabutToken(pemilik: t.$pengguna.id)) else {
            throw TidakDitemukan("Token")
        }
        try await cabut(t)
        return t
    }

    private func cabut(_ m: TokenAPIModel) async throws {
        guard m.dicabutPada == nil else { return }
        m.dicabutPada = l.sekarang
        try await data.simpan(m)
    }

    /// Ends every browser session and API token of a user (password reset, deactivation, the
    /// end of their KIM). Token by token: each save passes the models' middleware, which
    /// empties the token cache.
    func akhiriSemuaAkses(_ m: PenggunaModel) async throws {
        let id = try m.requireID()
        for t in try await data.belumDicabut(id) { try await cabut(t) }
        try await RepositoriSesi(db: l.db).hapusMilik(id)
    }

    /// The signed-in account of a bearer token, or `TokenTidakValid`. The account row is kept
    /// a few seconds (`CacheServer.token`); its validity is checked on every call, since a
    /// kept row may outlive its token.
    func masuk(token: String) async throws -> (PenggunaModel, Aktor) {
        let hash = Acak.sha256(token)
        guard let baris = try await l.cache.token.ambil(hash, baca: { try await RepositoriPengguna(db: l.db).dariToken(hash: hash) }),
              AturanToken.berlaku(dicabut: nil, kedaluwarsa: try baris.decode(column: "token_kedaluwarsa", as: Date?.self), sekarang: l.sekarang)
        else { throw TokenTidakValid() }
        let m = try PenggunaModel(baris: baris)
        guard m.aktif, let aktor = try? m.aktor() else { throw TokenTidakValid() }
        return (m, aktor)
    }
}
