import FluentKit
import Foundation
import SIKIMCore
import SQLKit

/// What keeps a KIM active: its kegiatan, with photos, and the facts its activity status is
/// computed from.
package struct RepositoriAktivitas {
    package let db: any Database

    package init(db: any Database) { self.db = db }

    /// A KIM's legalisation day and the day of its latest laporan, kegiatan and dissemination
    /// report, with where it is (for counts per kecamatan).
    package struct Fakta: Sendable {
        package let id: UUID
        package let kodeWilayah: String
        package let status: StatusKim
        package let disahkan: Tanggal?
        package let terakhir: Tanggal?
    }

    package func fakta(kim: [UUID]) async throws -> [Fakta] {
        try await kim.perBagian { try await baca("k.id IN (\(binds: $0))") }
    }

    /// The legalised KIMs (active or frozen) of an area, the ones with an activity status.
    package func fakta(dalam area: KodeWilayah?) async throws -> [Fakta] {
        try await baca("k.status IN (\(binds: Aktivitas.dinilai.map(\.rawValue))) AND \(Area.sql(area, "k.kode_wilayah"))")
    }

    /// One row per KIM chosen by `syarat`, each figure read through an index on (kim_id, date),
    /// so a page and a nation of KIMs cost the same per KIM.
    private func baca(_ syarat: SQLQueryString) async throws -> [Fakta] {
        try await db.baris("""
            SELECT k.id, k.status, k.kode_wilayah,
              (SELECT MIN(t.tanggal) FROM kim_transisi t WHERE t.kim_id = k.id AND t.ke = \(bind: StatusKim.aktif.rawValue)) AS disahkan,
              (SELECT MAX(g.tanggal) FROM kegiatan g WHERE g.kim_id = k.id) AS kegiatan,
              (SELECT MAX(p.tanggal) FROM materi_penerima p WHERE p.kim_id = k.id) AS diseminasi,
              (SELECT MAX(l.dibuat_pada) FROM laporan l WHERE l.kim_id = k.id) AS laporan
            FROM kim k WHERE \(syarat)
            """) { r in
            func tanggal(_ kolom: String) throws -> Tanggal? { try r.decode(column: kolom, as: String?.self).flatMap(Tanggal.init(iso:)) }
            let terakhir = [try tanggal("kegiatan"), try tanggal("diseminasi"), try r.decode(column: "laporan", as: Date?.self).map(Tanggal.init)]
                .compactMap { $0 }.max()
            return Fakta(id: try r.decode(column: "id", as: UUID.self), kodeWilayah: try r.decode(column: "kode_wilayah", as: String.self),
                         status: StatusKim(rawValue: try r.decode(column: "status", as: String.self)) ?? .draf,
                         disahkan: try tanggal("disahkan"), terakhir: terakhir)
        }
    }

    /// Each KIM's latest recorded activity status, not the whole history.
    package func statusTerakhir() async throws -> [UUID: String] {
        Dictionary(try await db.baris("""
            SELECT r.kim_id, r.status FROM kim_aktivitas_riwayat r
            JOIN (SELECT kim_id, MAX(tanggal) AS t FROM kim_aktivitas_riwayat GROUP BY kim_id) m ON r.kim_id = m.kim_id AND r.tanggal = m.t
            """) { r in (try r.decode(column: "kim_id", as: UUID.self), try r.decode(column: "status", as: String.self)) },
                   uniquingKeysWith: { a, _ in a })
    }

    package func simpan(riwayat: [RiwayatAktivitasModel]) async throws { try await riwayat.simpanBertahap(on: db) }

    // MARK: Kegiatan

    /// The kegiatan this author already recorded with this key, and its photos.
    package func dengan(kunci: String, oleh: UUID) async throws -> KegiatanModel? {
        try await KegiatanModel.query(on: db).filter(\.$dibuatOleh == oleh).filter(\.$kunciIdempotensi == kunci).first()
    }

    package func simpan(_ m: KegiatanModel, foto: [FotoKegiatanModel]) async throws {
        try await db.transaksi { db in
            try await m.create(on: db)
            for f in foto { try await f.create(on: db) }
        }
    }

    /// A KIM's latest kegiatan, with their photos.
    package func terbaru(_ kim: UUID, batas: Int) async throws -> [KegiatanModel] {
        try await KegiatanModel.query(on: db).filter(\.$kim.$id == kim).sort(\.$tanggal, .descending).limit(batas).all()
    }

    package func foto(_ kegiatan: [UUID]) async throws -> [UUID: [FotoKegiatanModel]] {
        guard !kegiatan.isEmpty else { return [:] }
        return Dictionary(grouping: try await kegiatan.perBagian { try await FotoKegiatanModel.query(on: db).filter(\.$kegiatan.$id ~~ $0).all() },
                          by: { $0.$kegiatan.id })
    }

    package func cariFoto(_ id: UUID, kegiatan: UUID, kim: UUID) async throws -> FotoKegiatanModel? {
        guard let k = try await KegiatanModel.find(kegiatan, on: db), k.$kim.id == kim,
              let f = try await FotoKegiatanModel.find(id, on: db), f.$kegiatan.id == k.id else { return nil }
        return f
    }

    /// Kegiatan of the KIMs in `s` (or of one KIM), newest first, a keyset page.
    package func halaman(_ s: SaringanKim, kim: UUID?, _ p: Paginasi) async throws -> Potongan<KegiatanModel> {
        let q = KegiatanModel.query(on: db).join(KimModel.self, on: \KegiatanModel.$kim.$id == \KimModel.$id)
        s.terapkan(q)
        if let kim { q.filter(\.$kim.$id == kim) }
        return p.potong(try await q.urutKunci("tanggal", turun: true, p).all(), id: \.id)
    }

    // MARK: Coaching

    /// Coaching notes of many KIMs, newest first per KIM.
    package func pembinaan(_ kim: [UUID]) async throws -> [UUID: [PembinaanModel]] {
        Dictionary(grouping: try await kim.perBagian { ids in
            try await PembinaanModel.query(on: db).filter(\.$kim.$id ~~ ids).sort(\.$waktu, .descending).all()
        }, by: { $0.$kim.id })
    }
}
