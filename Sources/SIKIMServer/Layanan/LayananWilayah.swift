import SIKIMData
import Fluent
import SQLKit
import Foundation
import SIKIMCore

/// Loads the shipped region list into the database. Idempotent: it inserts what is
/// missing, corrects what differs (e.g. a newer spelling) and leaves the rest untouched.
struct LayananWilayah {
    struct Hasil: Equatable {
        var ditambah = 0
        var diubah = 0
    }

    /// Regions under `area` (all without one) per level, and with `perInduk` the desa per
    /// parent: counted by the database, which may hold a nation's 84,000 desa.
    static func jumlah(_ db: any Database, dalam area: KodeWilayah?, perInduk: Bool = false) async throws -> [String: Int] {
        let kolom: SQLQueryString = perInduk ? "kode_induk" : "tingkat"
        let syarat: SQLQueryString = perInduk ? "tingkat = \(bind: Tingkat.desa.rawValue)" : "1 = 1"
        let bawah: SQLQueryString = area.map { "kode LIKE \(bind: $0.nilai + ".%")" } ?? "1 = 1"
        return Dictionary(uniqueKeysWithValues: try await db.baris("""
            SELECT \(kolom) AS k, COUNT(*) AS n FROM wilayah WHERE \(syarat) AND \(bawah) GROUP BY \(kolom)
            """) { r in (try r.decode(column: "k", as: String.self), try r.decode(column: "n", as: Int.self)) })
    }

    static func dariBerkasBawaan() throws -> [Wilayah] {
        try DataWilayah.urai(csv: String(contentsOf: Sumber.data("wilayah-serang.csv"), encoding: .utf8))
    }

    static func muat(_ daftar: [Wilayah], ke db: any Database) async throws -> Hasil {
        try await db.transaction { db in
            // Only the listed codes: a database may hold a nation's 90,000 regions (demo data),
            // and this runs at every start.
            let ada = Dictionary(uniqueKeysWithValues: try await daftar.map(\.kode.nilai).perBagian {
                try await WilayahModel.query(on: db).filter(\.$id ~~ $0).all()
            }.map { ($0.id!, $0) })
            var hasil = Hasil()
            var baru: [WilayahModel] = []
            // Parents sort before children, so foreign keys hold at every step.
            for w in daftar.sorted(by: { $0.kode < $1.kode }) {
                if let m = ada[w.kode.nilai] {
                    guard m.domain != w else { continue }
                    m.salin(w)
                    try await m.update(on: db)
                    hasil.diubah += 1
                } else {
                    baru.append(WilayahModel(w))
                }
            }
            for b in baru.bagian(500) { try await Array(b).create(on: db) }
            hasil.ditambah = baru.count
            return hasil
        }
    }
}
