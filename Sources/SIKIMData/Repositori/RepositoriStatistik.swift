import FluentKit
import Foundation
import SIKIMCore
import SQLKit

/// The dashboard's and the recap's reads for an area (all without one) and a period: plain
/// rows, counted by the database where it can, then by the core's pure computations.
package struct RepositoriStatistik {
    package let db: any Database
    package let area: KodeWilayah?

    package init(db: any Database, area: KodeWilayah?) { (self.db, self.area) = (db, area) }

    /// The laporan of the period, each with the moments of its SLA stages, in one query
    /// (events folded per laporan by the database).
    package func laporan(dari: Tanggal, sampai: Tanggal) async throws -> [StatistikLaporan.Ringkas] {
        try await db.baris("""
            SELECT l.id, l.status, l.kode_kategori, l.kode_wilayah, l.dibuat_pada, l.diteruskan_pada,
              MIN(CASE WHEN e.aksi = 'tolak' OR (e.aksi = 'konfirmasi' AND e.ke = 'valid') THEN e.waktu END) AS putus,
              MIN(CASE WHEN e.aksi IN ('terima', 'tindaklanjuti') THEN e.waktu END) AS tanggap,
              MIN(CASE WHEN e.aksi = 'selesaikan' THEN e.waktu END) AS selesai
            FROM laporan l LEFT JOIN laporan_peristiwa e ON e.laporan_id = l.id
            WHERE l.dibuat_pada >= \(bind: dari.awal) AND l.dibuat_pada < \(bind: sampai.tambahHari(1).awal) AND \(Area.sql(area, "l.kode_wilayah"))
            GROUP BY l.id, l.status, l.kode_kategori, l.kode_wilayah, l.dibuat_pada, l.diteruskan_pada
            """) { r in
            StatistikLaporan.Ringkas(
                status: StatusLaporan(rawValue: try r.decode(column: "status", as: String.self)) ?? .masuk,
                kategori: try r.decode(column: "kode_kategori", as: String.self),
                kecamatan: KodeWilayah(try r.decode(column: "kode_wilayah", as: String.self))!.kecamatan,
                masuk: try r.decode(column: "dibuat_pada", as: Date.self), diputuskan: try r.decode(column: "putus", as: Date?.self),
                diteruskan: try r.decode(column: "diteruskan_pada", as: Date?.self), ditanggapi: try r.decode(column: "tanggap", as: Date?.self),
                selesai: try r.decode(column: "selesai", as: Date?.self))
        }
    }

    /// The laporan rows of the period, for the recap's sheet.
    package func daftarLaporan(dari: Tanggal, sampai: Tanggal) async throws -> [LaporanModel] {
        let q = LaporanModel.query(on: db).filter(\.$dibuatPada >= dari.awal).filter(\.$dibuatPada < sampai.tambahHari(1).awal)
        if let area { q.dalamArea(area, \LaporanModel.$kodeWilayah) }
        return try await q.all()
    }

    /// Kegiatan in the period per kind, of the KIMs that are not dissolved.
    package func kegiatanPerJenis(dari: Tanggal, sampai: Tanggal) async throws -> [(jenis: String, jumlah: Int)] {
        try await db.baris("""
            SELECT g.jenis, COUNT(*) AS n FROM kegiatan g JOIN kim k ON k.id = g.kim_id
            WHERE g.tanggal >= \(bind: dari.iso) AND g.tanggal <= \(bind: sampai.iso) AND k.status <> \(bind: StatusKim.dibubarkan.rawValue)
              AND \(Area.sql(area, "k.kode_wilayah"))
            GROUP BY g.jenis
            """) { r in (try r.decode(column: "jenis", as: String.self), try r.decode(column: "n", as: Int.self)) }
    }

    /// The materi published in the period, and their recipients in the area (plain rows: a
    /// national materi has 90,000 recipients).
    package func penerimaMateri(dari: Tanggal, sampai: Tanggal) async throws -> (materi: Int, penerima: [CakupanMateri.Penerima]) {
        let materi = try await MateriModel.query(on: db).filter(\.$dibuatPada >= dari.awal)
            .filter(\.$dibuatPada < sampai.tambahHari(1).awal).all(\.$id)
        return (materi.count, try await materi.perBagian { try await penerima(materi: $0) })
    }

    /// The recipients in the area of these materi.
    package func penerima(materi: [UUID]) async throws -> [CakupanMateri.Penerima] {
        try await db.baris("""
            SELECT kim_id, kode_wilayah, status, jangkauan FROM materi_penerima
            WHERE materi_id IN (\(binds: materi)) AND \(Area.sql(area, "kode_wilayah"))
            """) { r in
            guard let w = KodeWilayah(try r.decode(column: "kode_wilayah", as: String.self)) else { return nil }
            return CakupanMateri.Penerima(kim: try r.decode(column: "kim_id", as: UUID.self), kecamatan: w.kecamatan,
                                          status: StatusPenerimaan(rawValue: try r.decode(column: "status", as: String.self)) ?? .terkirim,
                                          jangkauan: try r.decode(column: "jangkauan", as: Int?.self) ?? 0)
        }
    }

    package struct Teraktif: Sendable {
        package let id: UUID
        package let nama: String
        package let jumlah: Int
    }

    /// The KIMs by the number of laporan, kegiatan and dissemination reports in the period,
    /// counted and ranked by the database: only the first `batas` rows leave it.
    package func teraktif(dari: Tanggal, sampai: Tanggal, batas: Int) async throws -> [Teraktif] {
        try await db.baris("""
            SELECT k.id, k.nama, COUNT(*) AS n FROM (
              SELECT kim_id FROM laporan WHERE kim_id IS NOT NULL AND dibuat_pada >= \(bind: dari.awal) AND dibuat_pada < \(bind: sampai.tambahHari(1).awal)
              UNION ALL SELECT kim_id FROM kegiatan WHERE tanggal >= \(bind: dari.iso) AND tanggal <= \(bind: sampai.iso)
              UNION ALL SELECT kim_id FROM materi_penerima WHERE tanggal >= \(bind: dari.iso) AND tanggal <= \(bind: sampai.iso)
            ) x JOIN kim k ON k.id = x.kim_id
            WHERE \(Area.sql(area, "k.kode_wilayah"))
            GROUP BY k.id, k.nama ORDER BY n DESC, k.nama LIMIT \(bind: batas)
            """) { r in
            Teraktif(id: try r.decode(column: "id", as: UUID.self), nama: try r.decode(column: "nama", as: String.self),
                     jumlah: try r.decode(column: "n", as: Int.self))
        }
    }

    /// Each KIM's recorded activity status changes, for the trend.
    package func riwayatAktivitas() async throws -> [TrenAktivitas.Perubahan] {
        try await db.baris("""
            SELECT r.kim_id, r.tanggal, r.status FROM kim_aktivitas_riwayat r JOIN kim k ON k.id = r.kim_id
            WHERE \(Area.sql(area, "k.kode_wilayah"))
            """) { r in
            guard let t = Tanggal(iso: try r.decode(column: "tanggal", as: String.self)),
                  let s = StatusAktivitas(rawValue: try r.decode(column: "status", as: String.self)) else { return nil }
            return .init(kim: try r.decode(column: "kim_id", as: UUID.self), tanggal: t, status: s)
        }
    }

    /// The regions, KIMs and lifecycle log the formation recap counts. Plain rows of only the
    /// columns counted: a national area has 90,000 regions and KIMs, and three times as many
    /// transitions.
    package func pembentukan() async throws -> (wilayah: [Wilayah], kim: [RekapPembentukan.KimRingkas], peristiwa: [RekapPembentukan.Peristiwa]) {
        let wilayah = try await db.baris("""
            SELECT kode, nama, kode_induk, lat, lon FROM wilayah WHERE tingkat <> \(bind: Tingkat.kabupaten.rawValue) AND \(Area.sql(area, "kode"))
            """) { r in
            Wilayah(kode: KodeWilayah(try r.decode(column: "kode", as: String.self))!, nama: try r.decode(column: "nama", as: String.self),
                    kodeInduk: try r.decode(column: "kode_induk", as: String.self), lat: try r.decode(column: "lat", as: Double.self),
                    lon: try r.decode(column: "lon", as: Double.self))
        }
        let kim = try await db.baris("SELECT kode_wilayah, status FROM kim WHERE \(Area.sql(area, "kode_wilayah"))") { r in
            RekapPembentukan.KimRingkas(wilayah: KodeWilayah(try r.decode(column: "kode_wilayah", as: String.self))!,
                                        status: StatusKim(rawValue: try r.decode(column: "status", as: String.self)) ?? .draf)
        }
        let peristiwa = try await db.baris("""
            SELECT t.kim_id, t.tanggal, t.ke FROM kim_transisi t JOIN kim k ON k.id = t.kim_id
            WHERE t.ke IN (\(binds: [StatusKim.diajukan.rawValue, StatusKim.aktif.rawValue])) AND \(Area.sql(area, "k.kode_wilayah"))
            """) { r -> RekapPembentukan.Peristiwa? in
            guard let tanggal = Tanggal(iso: try r.decode(column: "tanggal", as: String.self)),
                  let ke = StatusKim(rawValue: try r.decode(column: "ke", as: String.self)) else { return nil }
            return .init(kim: try r.decode(column: "kim_id", as: String.self), tanggal: tanggal, ke: ke)
        }
        return (wilayah, kim, peristiwa)
    }

    /// The materi published in the period, oldest first.
    package func materi(dari: Tanggal, sampai: Tanggal) async throws -> [MateriModel] {
        try await MateriModel.query(on: db).filter(\.$dibuatPada >= dari.awal).filter(\.$dibuatPada < sampai.tambahHari(1).awal)
            .sort(\.$dibuatPada).all()
    }

    /// The kegiatan of the period of the area's KIMs that are not dissolved, by date.
    package func kegiatan(dari: Tanggal, sampai: Tanggal) async throws -> [KegiatanModel] {
        let q = KegiatanModel.query(on: db).join(KimModel.self, on: \KegiatanModel.$kim.$id == \KimModel.$id)
            .filter(KimModel.self, \.$status != StatusKim.dibubarkan.rawValue)
            .filter(\.$tanggal >= dari.iso).filter(\.$tanggal <= sampai.iso)
        if let area { q.dalamArea(area, \KimModel.$kodeWilayah) }
        return try await q.sort(\.$tanggal).all()
    }

    /// The agencies each of these laporan was forwarded to, by code.
    package func opd(laporan: [UUID]) async throws -> [UUID: [String]] {
        Dictionary(grouping: try await laporan.perBagian { ids in
            try await LaporanOPDModel.query(on: db).filter(\.$laporan.$id ~~ ids).all()
        }, by: { $0.$laporan.id }).mapValues { $0.map(\.kodeOPD).sorted() }
    }
}
