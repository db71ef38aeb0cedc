import FluentKit
import Foundation
import SIKIMCore

/// The registry of agencies.
package struct RepositoriOPD {
    package let db: any Database

    package init(db: any Database) { self.db = db }

    package func cari(_ kode: String) async throws -> OPDModel? { try await OPDModel.find(kode, on: db) }

    /// By name; with `hanyaAktif` without the deactivated ones.
    package func semua(hanyaAktif: Bool) async throws -> [OPDModel] {
        let q = OPDModel.query(on: db).sort(\.$nama)
        if hanyaAktif { q.filter(\.$aktif == true) }
        return try await q.all()
    }

    package func halaman(hanyaAktif: Bool, _ p: Paginasi) async throws -> Potongan<OPDModel> {
        let q = OPDModel.query(on: db)
        if hanyaAktif { q.filter(\.$aktif == true) }
        return try await p.baris(q, kunci: \.$id)
    }

    /// Names by code, of all agencies (deactivated ones still name old forwards).
    package func nama() async throws -> [String: String] {
        Dictionary(uniqueKeysWithValues: try await OPDModel.query(on: db).all().map { ($0.id!, $0.nama) })
    }

    /// Which of these codes are active agencies.
    package func aktif(_ kode: [String]) async throws -> Set<String> {
        Set(try await OPDModel.query(on: db).filter(\.$id ~~ kode).filter(\.$aktif == true).all(\.$id).compactMap { $0 })
    }

    package func simpan(_ m: OPDModel) async throws { try await m.save(on: db) }
}
