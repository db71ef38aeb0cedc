import SIKIMData
import Fluent
import Foundation
import SQLKit
import SIKIMCore
import Vapor

/// The kabupaten dashboard's figures for an area and a period, from the database through the
/// core's pure computations.
struct LayananStatistik {
    let req: Request

    /// Its long reads use the figures' own connections (`dbHitung`).
    var db: any Database { req.dbHitung }

    struct Periode {
        let dari: Tanggal
        let sampai: Tanggal
    }

    /// `?bulan=YYYY-MM`, the current month by default.
    func bulan() throws -> Periode {
        guard let teks = try req.kueri["bulan"], !teks.isEmpty else {
            let t = Tanggal(req.sekarang)
            let b = Tanggal.bulan(String(t.iso.prefix(7)))!
            return Periode(dari: b.awal, sampai: b.akhir)
        }
        guard let b = Tanggal.bulan(teks) else { throw KesalahanHTTP.parameter("Parameter bulan harus berformat TTTT-BB, misalnya 2026-04.") }
        return Periode(dari: b.awal, sampai: b.akhir)
    }

    /// `?dari=&sampai=`; by default the last 30 days up to today.
    func periode() throws -> Periode {
        let hariIni = Tanggal(req.sekarang)
        func baca(_ k: String) throws -> Tanggal? {
            guard let t = try req.kueri[k], !t.isEmpty else { return nil }
            guard let d = Tanggal(iso: t) else { throw KesalahanHTTP.parameter("Parameter \(k) harus tanggal TTTT-BB-HH.") }
            return d
        }
        let sampai = try baca("sampai") ?? hariIni
        let dari = try baca("dari") ?? sampai.tambahHari(-29)
        guard dari <= sampai else { throw KesalahanHTTP.parameter("Tanggal awal periode harus sebelum tanggal akhir.") }
        return Periode(dari: dari, sampai: sampai)
    }

    func area() -> KodeWilayah? {
        if case .wilayah(let k) = Kebijakan.cakupanKim(req.aktor) { return k }
        return nil
    }

    func dalamArea<M: Model>(_ q: QueryBuilder<M>, _ kunci: KeyPath<M, FieldProperty<M, String>>) -> QueryBuilder<M> {
        guard let a = area() else { return q }
        return q.group(.or) { $0.filter(kunci == a.nilai).filter(kunci =~ (a.nilai + ".")) }
    }

    static func kecamatan(_ k: KodeWilayah) -> KodeWilayah { k.tingkat == .desa ? k.induk! : k }

    /// The area as an SQL condition on a region-code column (always true without an area).
    static func dalamArea(_ area: KodeWilayah?, _ kolom: String) -> SQLQueryString {
        guard let area else { return "1 = 1" }
        return "(\(unsafeRaw: kolom) = \(bind: area.nilai) OR \(unsafeRaw: kolom) LIKE \(bind: area.nilai + ".%"))"
    }

    /// The laporan of the area and period, each with the moments of its SLA stages, in one
    /// query (events folded per laporan by the database), then counted by the core.
    func laporan(_ p: Periode) async throws -> StatistikLaporan {
        let q: SQLQueryString = """
            SELECT l.id, l.status, l.kode_kategori, l.kode_wilayah, l.dibuat_pada, l.diteruskan_pada,
              MIN(CASE WHEN e.aksi = 'tolak' OR (e.aksi = 'konfirmasi' AND e.ke = 'valid') THEN e.waktu END) AS putus,
              MIN(CASE WHEN e.aksi IN ('terima', 'tindaklanjuti') THEN e.waktu END) AS tanggap,
              MIN(CASE WHEN e.aksi = 'selesaikan' THEN e.waktu END) AS selesai
            FROM laporan l LEFT JOIN laporan_peristiwa e ON e.laporan_id = l.id
            WHERE l.dibuat_pada >= \(bind: p.dari.awal) AND l.dibuat_pada < \(bind: p.sampai.tambahHari(1).awal) AND \(Self.dalamArea(area(), "l.kode_wilayah"))
            GROUP BY l.id, l.status, l.kode_kategori, l.kode_wilayah, l.dibuat_pada, l.diteruskan_pada
            """
        let ringkas = try await db.baris(q) { r in
            StatistikLaporan.Ringkas(
                status: StatusLaporan(rawValue: try r.decode(column: "status", as: String.self)) ?? .masuk,
                kategori: try r.decode(column: "kode_kategori", as: String.self),
                kecamatan: Self.kecamatan(KodeWilayah(try r.decode(column: "kode_wilayah", as: String.self))!),
                masuk: try r.decode(column: "dibuat_pada", as: Date.self), diputuskan: try r.decode(column: "putus", as: Date?.self),
                diteruskan: try r.decode(column: "diteruskan_pada", as: Date?.self), ditanggapi: try r.decode(column: "tanggap", as: Date?.self),
                selesai: try r.decode(column: "selesai", as: Date?.self))
        }
        return StatistikLaporan.hitung(ringkas, kalender: try await req.kalender(), sekarang: req.sekarang)
    }

    /// Kegiatan in the period per kind (its label), of the area's KIMs that are not dissolved.
    func kegiatanPerJenis(_ p: Periode) async throws -> [String: Int] {
        let sql = db as! any SQLDatabase
        var hasil: [String: Int] = [:]
        for r in try await sql.raw("""
            SELECT g.jenis, COUNT(*) AS n FROM kegiatan g JOIN kim k ON k.id = g.kim_id
            WHERE g.tanggal >= \(bind: p.dari.iso) AND g.tanggal <= \(bind: p.sampai.iso) AND k.status <> \(bind: StatusKim.dibubarkan.rawValue)
              AND \(Self.dalamArea(area(), "k.kode_wilayah"))
            GROUP BY g.jenis
            """).all() {
            let jenis = try r.decode(column: "jenis", as: String.self)
            hasil[JenisKegiatan(rawValue: jenis)?.label ?? jenis, default: 0] += try r.decode(column: "n", as: Int.self)
        }
        return hasil
    }

    /// The laporan rows of the area and period, for the recap's sheet.
    func daftarLaporan(_ p: Periode) async throws -> [LaporanModel] {
        try await dalamArea(LaporanModel.query(on: db), \.$kodeWilayah)
            .filter(\.$dibuatPada >= p.dari.awal).filter(\.$dibuatPada < p.sampai.tambahHari(1).awal).all()
    }

    /// Dissemination in the period: materi published in it, over the recipients in the area.
    func diseminasi(_ p: Periode) async throws -> (materi: Int, cakupan: CakupanMateri, perKecamatan: [KodeWilayah: (Int, Int)]) {
        let materi = try await MateriModel.query(on: db).filter(\.$dibuatPada >= p.dari.awal)
            .filter(\.$dibuatPada < p.sampai.tambahHari(1).awal).all(\.$id)
        // Plain rows: a national materi has 90,000 recipients.
        let penerima = try await materi.perBagian { ids in
            try await db.baris("""
                SELECT kim_id, kode_wilayah, status, jangkauan FROM materi_penerima
                WHERE materi_id IN (\(binds: ids)) AND \(Self.dalamArea(area(), "kode_wilayah"))
                """, Self.penerima)
        }
        let c = CakupanMateri.hitung(penerima, batasWaktu: p.sampai, hariIni: p.sampai)
        var per: [KodeWilayah: (Int, Int)] = [:]
        for k in c.perKecamatan { per[k.kecamatan] = (k.disebarkan, k.sasaran) }
        return (materi.count, c, per)
    }

    /// A recipient from a row of `kim_id, kode_wilayah, status, jangkauan` of `materi_penerima`.
    @Sendable static func penerima(_ r: Baris) throws -> CakupanMateri.Penerima? {
        guard let w = KodeWilayah(try r.decode(column: "kode_wilayah", as: String.self)) else { return nil }
        return .init(kim: try r.decode(column: "kim_id", as: UUID.self), kecamatan: kecamatan(w),
                     status: StatusPenerimaan(rawValue: try r.decode(column: "status", as: String.self)) ?? .terkirim,
                     jangkauan: try r.decode(column: "jangkauan", as: Int?.self) ?? 0)
    }

    struct Teraktif {
        let id: UUID
        let nama: String
        let jumlah: Int
    }

    /// The area's KIMs by the number of laporan, kegiatan and dissemination reports in the
    /// period, counted and ranked by the database: only the first `batas` rows leave it.
    func teraktif(_ p: Periode, batas: Int = 10) async throws -> [Teraktif] {
        try await db.baris("""
            SELECT k.id, k.nama, COUNT(*) AS n FROM (
              SELECT kim_id FROM laporan WHERE kim_id IS NOT NULL AND dibuat_pada >= \(bind: p.dari.awal) AND dibuat_pada < \(bind: p.sampai.tambahHari(1).awal)
              UNION ALL SELECT kim_id FROM kegiatan WHERE tanggal >= \(bind: p.dari.iso) AND tanggal <= \(bind: p.sampai.iso)
              UNION ALL SELECT kim_id FROM materi_penerima WHERE tanggal >= \(bind: p.dari.iso) AND tanggal <= \(bind: p.sampai.iso)
            ) x JOIN kim k ON k.id = x.kim_id
            WHERE \(Self.dalamArea(area(), "k.kode_wilayah"))
            GROUP BY k.id, k.nama ORDER BY n DESC, k.nama LIMIT \(bind: batas)
            """) { r in
            Teraktif(id: try r.decode(column: "id", as: UUID.self), nama: try r.decode(column: "nama", as: String.self),
                     jumlah: try r.decode(column: "n", as: Int.self))
        }
    }

    /// Legalised KIMs of the area and how many of them are active now, per kecamatan too.
    func aktivitas() async throws -> (aktif: Int, disahkan: Int, perKecamatan: [KodeWilayah: (Int, Int)]) {
        let kim = try await LayananAktivitas(db: db, jam: req.application.jam, direktoriData: req.application.sikim.direktoriData)
            .keadaan(dalam: area())
        var per: [KodeWilayah: (Int, Int)] = [:]
        var jumlahAktif = 0
        for m in kim {
            guard let w = KodeWilayah(m.kodeWilayah) else { continue }
            let kec = Self.kecamatan(w)
            let aktif = m.keadaan.status == .aktif ? 1 : 0
            jumlahAktif += aktif
            per[kec] = ((per[kec]?.0 ?? 0) + aktif, (per[kec]?.1 ?? 0) + 1)
        }
        return (jumlahAktif, kim.count, per)
    }

    /// Each KIM's recorded activity status changes, for the area's trend.
    func riwayatAktivitas() async throws -> [TrenAktivitas.Perubahan] {
        try await db.baris("""
            SELECT r.kim_id, r.tanggal, r.status FROM kim_aktivitas_riwayat r JOIN kim k ON k.id = r.kim_id
            WHERE \(Self.dalamArea(area(), "k.kode_wilayah"))
            """) { r in
            guard let t = Tanggal(iso: try r.decode(column: "tanggal", as: String.self)),
                  let s = StatusAktivitas(rawValue: try r.decode(column: "status", as: String.self)) else { return nil }
            return .init(kim: try r.decode(column: "kim_id", as: UUID.self), tanggal: t, status: s)
        }
    }
}
