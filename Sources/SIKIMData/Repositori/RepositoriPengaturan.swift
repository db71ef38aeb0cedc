import FluentKit
import Foundation
import SIKIMCore
import SQLKit

/// Settings: key-and-text values (activity thresholds, webhook), the holidays of the SLA
/// clock, and the categories of information.
package struct RepositoriPengaturan {
    package let db: any Database

    package init(db: any Database) { self.db = db }

    package func baca(_ kunci: [String]) async throws -> [String: String] {
        Dictionary(uniqueKeysWithValues: try await PengaturanModel.query(on: db).filter(\.$id ~~ kunci).all().map { ($0.id!, $0.nilai) })
    }

    /// Writes the values together: all or none.
    package func simpan(_ nilai: [(String, String)]) async throws {
        try await db.transaksi { db in
            for (k, v) in nilai {
                if let m = try await PengaturanModel.find(k, on: db) { m.nilai = v; try await m.update(on: db) }
                else { try await PengaturanModel(kunci: k, nilai: v).create(on: db) }
            }
        }
    }

    // MARK: Holidays

    /// One plain column, so no model is built per row: every laporan list needs it.
    package func kalender() async throws -> KalenderKerja {
        let baris = try await (db as! any SQLDatabase).select().column("tanggal").from(HariLiburModel.schema).all()
        return KalenderKerja(libur: Set(try baris.compactMap { Tanggal(iso: try $0.decode(column: "tanggal", as: String.self)) }))
    }

    package func libur(tahun: Int) async throws -> [HariLiburModel] {
        try await HariLiburModel.query(on: db).filter(\.$id =~ "\(tahun)-").sort(\.$id).all()
    }

    package func libur(_ t: Tanggal) async throws -> HariLiburModel? { try await HariLiburModel.find(t.iso, on: db) }

    package func simpan(_ m: HariLiburModel) async throws { try await m.create(on: db) }

    package func hapus(_ m: HariLiburModel) async throws { try await m.delete(on: db) }

    // MARK: Categories

    package func kategori() async throws -> [KategoriModel] { try await KategoriModel.query(on: db).sort(\.$nama).all() }

    package func kategori(_ kode: String) async throws -> KategoriModel? { try await KategoriModel.find(kode, on: db) }

    package func simpan(_ m: KategoriModel) async throws { try await m.save(on: db) }
}
