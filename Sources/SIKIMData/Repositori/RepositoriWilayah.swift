import FluentKit
import Foundation
import SIKIMCore
import SQLKit

/// The regions: read by code, by parent and by level, counted, and loaded from the shipped list.
package struct RepositoriWilayah {
    package let db: any Database

    package init(db: any Database) { self.db = db }

    package func cari(_ kode: KodeWilayah) async throws -> Wilayah? {
        try await WilayahModel.find(kode.nilai, on: db)?.domain
    }

    package func ada(_ kode: KodeWilayah) async throws -> Bool { try await cari(kode) != nil }

    /// Many regions by code, in one query per thousand.
    package func cari(_ kode: [String]) async throws -> [String: Wilayah] {
        Dictionary(uniqueKeysWithValues: try await Array(Set(kode)).perBagian {
            try await WilayahModel.query(on: db).filter(\.$id ~~ $0).all()
        }.map { ($0.id!, $0.domain) })
    }

    /// The regions of a level, by code or by name.
    package func semua(_ tingkat: Tingkat, menurutNama: Bool = false) async throws -> [Wilayah] {
        let q = WilayahModel.query(on: db).filter(\.$tingkat == tingkat.rawValue)
        return try await (menurutNama ? q.sort(\.$nama) : q.sort(\.$id)).all().map(\.domain)
    }

    /// Kecamatan and desa by code: what a KIM or an account can be bound to.
    package func bawahKabupaten() async throws -> [Wilayah] {
        try await WilayahModel.query(on: db).filter(\.$tingkat != Tingkat.kabupaten.rawValue).sort(\.$id).all().map(\.domain)
    }

    package func anak(_ induk: KodeWilayah, menurutNama: Bool = false) async throws -> [Wilayah] {
        let q = WilayahModel.query(on: db).filter(\.$kodeInduk == induk.nilai)
        return try await (menurutNama ? q.sort(\.$nama) : q.sort(\.$id)).all().map(\.domain)
    }

    /// From the kabupaten down to the region's parent.
    package func jejak(_ kode: KodeWilayah) async throws -> [Wilayah] {
        var jejak: [Wilayah] = []
        var induk = kode.induk
        while let k = induk, let w = try await cari(k) {
            jejak.insert(w, at: 0)
            induk = k.induk
        }
        return jejak
    }

    /// Regions under `area` (all without one) per level, and with `perInduk` the desa per
    /// parent: counted by the database, which may hold a nation's 84,000 desa.
    package func jumlah(dalam area: KodeWilayah?, perInduk: Bool = false) async throws -> [String: Int] {
        let kolom: SQLQueryString = perInduk ? "kode_induk" : "tingkat"
        let syarat: SQLQueryString = perInduk ? "tingkat = \(bind: Tingkat.desa.rawValue)" : "1 = 1"
        let bawah: SQLQueryString = area.map { "kode LIKE \(bind: $0.nilai + ".%")" } ?? "1 = 1"
        return Dictionary(uniqueKeysWithValues: try await db.baris("""
            SELECT \(kolom) AS k, COUNT(*) AS n FROM wilayah WHERE \(syarat) AND \(bawah) GROUP BY \(kolom)
            """) { r in (try r.decode(column: "k", as: String.self), try r.decode(column: "n", as: Int.self)) })
    }

    /// Display names ("Desa Kramatwatu, Kec. Kramatwatu") of many regions in one query.
    package func nama(_ kode: [String]) async throws -> [String: String] {
        let kodeKec = Set(kode.compactMap { KodeWilayah($0)?.induk?.nilai } + kode)
        let semua = Dictionary(uniqueKeysWithValues: try await Array(kodeKec).perBagian {
            try await WilayahModel.query(on: db).filter(\.$id ~~ $0).all()
        }.map { ($0.id!, $0) })
        var hasil: [String: String] = [:]
        for k in kode {
            guard let w = semua[k] else { continue }
            if w.tingkat == Tingkat.desa.rawValue, let kec = semua[w.kodeInduk] {
                hasil[k] = "\(w.domain.namaLengkap), Kec. \(kec.nama)"
            } else {
                hasil[k] = w.domain.namaLengkap
            }
        }
        return hasil
    }

    /// One page of regions, optionally of one level or under one parent.
    package func halaman(tingkat: Tingkat?, induk: KodeWilayah?, _ p: Paginasi) async throws -> Potongan<Wilayah> {
        let q = WilayahModel.query(on: db)
        if let tingkat { q.filter(\.$tingkat == tingkat.rawValue) }
        if let induk { q.filter(\.$kodeInduk == induk.nilai) }
        return try await p.baris(q, kunci: \.$id).map(\.domain)
    }

    package struct HasilMuat: Equatable, Sendable {
        package var ditambah = 0
        package var diubah = 0
    }

    /// Loads a region list: inserts what is missing, corrects what differs (e.g. a newer
    /// spelling), leaves the rest. Idempotent, so every start runs it.
    package func muat(_ daftar: [Wilayah]) async throws -> HasilMuat {
        try await db.transaksi { db in
            // Only the listed codes: a database may hold a nation's 90,000 regions (demo data).
            let ada = Dictionary(uniqueKeysWithValues: try await daftar.map(\.kode.nilai).perBagian {
                try await WilayahModel.query(on: db).filter(\.$id ~~ $0).all()
            }.map { ($0.id!, $0) })
            var hasil = HasilMuat()
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

    /// One indexed read: whether the database answers.
    package func periksa() async throws {
        _ = try await WilayahModel.query(on: db).limit(1).all(\.$id)
    }
}
