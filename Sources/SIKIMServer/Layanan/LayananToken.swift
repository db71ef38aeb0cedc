import FluentKit
import Foundation
import SIKIMCore
import SIKIMData

/// API tokens: issued once in plain text, stored as SHA-256, ending after their term,
/// revocable by their owner or the admin.
struct LayananToken {
    let l: Lingkungan
    private var data: RepositoriToken { RepositoriToken(db: l.db) }

    /// A phone that asks for its credential: the app's id for it and its browser session.
    struct Ponsel: Sendable {
        let id: String
        let sesi: String?
    }

    /// Returns the model and the plain token, which is shown only this once. A phone's
    /// credential replaces the ones that phone had: an answer lost on the way (a page left
    /// mid-request) leaves no credential nobody holds, and a stolen phone is one line on the
    /// account page; revoking it also ends the phone's session, so the phone cannot ask again.
    func terbitkan(untuk pengguna: PenggunaModel, nama: String, ponsel: Ponsel? = nil) async throws -> (TokenAPIModel, String) {
        let token = "sikim_" + Acak.rahasia()
        let m = TokenAPIModel(penggunaID: try pengguna.requireID(), nama: String(nama.prefix(100)),
                              hashToken: Acak.sha256(token), pada: l.sekarang)
        (m.perangkat, m.sesi) = (ponsel?.id, ponsel?.sesi)
        let l = l
        do {
            try await l.gerbang.transaksi(l.db) { db in
                let di = LayananToken(l: l.dengan(db: db))
                // the phone's session asking now stays: it is the one getting the new credential
                for lama in try await ponsel.asyncMap({ try await di.data.belumDicabut(m.$pengguna.id, perangkat: $0.id) }) ?? [] {
                    try await di.cabut(lama, akhiriSesi: lama.sesi != ponsel?.sesi)
                }
                try await di.data.simpan(m)
            }
        } catch where (error as? any DatabaseError)?.isConstraintFailure == true {
            throw DiubahBersamaan() // the same phone asked twice at once; the other got it
        }
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

    /// A phone's credential takes the phone's session with it (`akhiriSesi`), unless the same
    /// session is replacing it.
    private func cabut(_ m: TokenAPIModel, akhiriSesi: Bool = true) async throws {
        guard m.dicabutPada == nil else { return }
        m.dicabutPada = l.sekarang
        try await data.simpan(m)
        if akhiriSesi, let sesi = m.sesi { try await RepositoriSesi(db: l.db).hapus(sesi) }
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
