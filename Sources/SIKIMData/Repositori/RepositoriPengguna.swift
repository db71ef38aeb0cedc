import FluentKit
import Foundation
import SIKIMCore

/// Accounts, their login attempts, and the account behind an API token.
package struct RepositoriPengguna {
    package let db: any Database

    package init(db: any Database) { self.db = db }

    package func cari(_ id: UUID) async throws -> PenggunaModel? { try await PenggunaModel.find(id, on: db) }

    package func cari(username: String) async throws -> PenggunaModel? {
        try await PenggunaModel.query(on: db).filter(\.$username == username).first()
    }

    package func simpan(_ m: PenggunaModel) async throws { try await m.save(on: db) }

    /// The accounts a scope shows (`CakupanPengguna`), optionally of one role, by username.
    package func halaman(_ cakupan: CakupanPengguna, peran: Peran?, _ p: Paginasi) async throws -> Potongan<PenggunaModel> {
        let q = PenggunaModel.query(on: db)
        switch cakupan {
        case .semua: break
        case .tidakAda: return Potongan(isi: [], lanjut: nil)
        case .wilayah(let kode, let peran):
            q.filter(\.$peran ~~ peran.map(\.rawValue)).dalamArea(kode, \PenggunaModel.$kodeWilayah)
        }
        if let peran { q.filter(\.$peran == peran.rawValue) }
        return try await p.baris(q, kunci: \.$username)
    }

    package func jumlahAdminAktif() async throws -> Int {
        try await PenggunaModel.query(on: db).filter(\.$peran == Peran.admin.rawValue).filter(\.$aktif == true).count()
    }

    package func adaAdmin() async throws -> Bool {
        try await PenggunaModel.query(on: db).filter(\.$peran == Peran.admin.rawValue).count() > 0
    }

    /// The active accounts of a KIM's board.
    package func aktifMilikKim(_ kim: UUID) async throws -> [PenggunaModel] {
        try await PenggunaModel.query(on: db).filter(\.$kimID == kim).filter(\.$aktif == true).all()
    }

    /// The account of an unrevoked token, with the token's expiry: one plain query, run on
    /// every API call (a Fluent join quoted and aliased both models' columns each time).
    package func dariToken(hash: String) async throws -> Baris? {
        try await db.baris("""
            SELECT p.*, t.kedaluwarsa_pada AS token_kedaluwarsa FROM token_api t JOIN pengguna p ON p.id = t.pengguna_id
            WHERE t.hash_token = \(bind: hash) AND t.dicabut_pada IS NULL
            """, { $0 }).first
    }

    // MARK: Login attempts

    package func catatPercobaan(username: String, alamatIP: String, waktu: Date) async throws -> PercobaanLoginModel {
        let m = PercobaanLoginModel(username: username, alamatIP: alamatIP, berhasil: false, waktu: waktu)
        try await m.create(on: db)
        return m
    }

    package func hapus(_ percobaan: PercobaanLoginModel) async throws { try await percobaan.delete(on: db) }

    package func berhasil(_ percobaan: PercobaanLoginModel) async throws {
        percobaan.berhasil = true
        try await percobaan.update(on: db)
    }

    /// Failures (and attempts still being checked) of this username, or of this address too,
    /// since a moment, but one attempt.
    package func kegagalan(username: String, alamatIP: String? = nil, sejak: Date, kecuali id: UUID? = nil) async throws -> [PercobaanLoginModel] {
        let q = PercobaanLoginModel.query(on: db).filter(\.$berhasil == false).filter(\.$waktu >= sejak)
        if let id { q.filter(\.$id != id) }
        if let alamatIP { q.group(.or) { $0.filter(\.$username == username).filter(\.$alamatIP == alamatIP) } }
        else { q.filter(\.$username == username) }
        return try await q.all()
    }

    /// Whether this username signed in from this address since a moment.
    package func pernahBerhasil(username: String, alamatIP: String, sejak: Date) async throws -> Bool {
        try await PercobaanLoginModel.query(on: db).filter(\.$username == username).filter(\.$alamatIP == alamatIP)
            .filter(\.$berhasil == true).filter(\.$waktu >= sejak).first() != nil
    }
}

/// API tokens: stored as SHA-256 only.
package struct RepositoriToken {
    package let db: any Database

    package init(db: any Database) { self.db = db }

    package func cari(_ id: UUID) async throws -> TokenAPIModel? { try await TokenAPIModel.find(id, on: db) }

    /// A user's tokens, newest first.
    package func milik(_ pengguna: UUID) async throws -> [TokenAPIModel] {
        try await TokenAPIModel.query(on: db).filter(\.$pengguna.$id == pengguna).sort(\.$dibuatPada, .descending).all()
    }

    package func simpan(_ m: TokenAPIModel) async throws { try await m.save(on: db) }

    /// A user's tokens not revoked; with `perangkat`, only that phone's.
    package func belumDicabut(_ pengguna: UUID, perangkat: String? = nil) async throws -> [TokenAPIModel] {
        let q = TokenAPIModel.query(on: db).filter(\.$pengguna.$id == pengguna).filter(\.$dicabutPada == nil)
        if let perangkat { q.filter(\.$perangkat == perangkat) }
        return try await q.all()
    }
}
