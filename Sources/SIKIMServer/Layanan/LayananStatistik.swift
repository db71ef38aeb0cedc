import Fluent
import Foundation
import SQLKit
import SIKIMCore
import Vapor

/// The kabupaten dashboard's figures for an area and a period, from the database through the
/// core's pure computations.
struct LayananStatistik {
    let req: Request

    struct Periode {
        let dari: Tanggal
        let sampai: Tanggal
    }

    /// `?bulan=YYYY-MM`, the current month by default.
    func bulan() throws -> Periode {
        guard let teks = try req.query.get(String?.self, at: "bulan"), !teks.isEmpty else {
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
            guard let t = try req.query.get(String?.self, at: k), !t.isEmpty else { return nil }
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
        let sql = req.db as! any SQLDatabase
        let q: SQLQueryString = """
            SELECT l.id, l.status, l.kode_kategori, l.kode_wilayah, l.dibuat_pada, l.diteruskan_pada,
              MIN(CASE WHEN e.aksi = 'tolak' OR (e.aksi = 'konfirmasi' AND e.ke = 'valid') THEN e.waktu END) AS putus,
              MIN(CASE WHEN e.aksi IN ('terima', 'tindaklanjuti') THEN e.waktu END) AS tanggap,
              MIN(CASE WHEN e.aksi = 'selesaikan' THEN e.waktu END) AS selesai
            FROM laporan l LEFT JOIN laporan_peristiwa e ON e.laporan_id = l.id
            WHERE l.dibuat_pada >= \(bind: p.dari.awal) AND l.dibuat_pada < \(bind: p.sampai.tambahHari(1).awal) AND \(Self.dalamArea(area(), "l.kode_wilayah"))
            GROUP BY l.id, l.status, l.kode_kategori, l.kode_wilayah, l.dibuat_pada, l.diteruskan_pada
            """
        let ringkas = try await sql.raw(q).all().map { r in
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
        let sql = req.db as! any SQLDatabase
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
        try await dalamArea(LaporanModel.query(on: req.db), \.$kodeWilayah)
            .filter(\.$dibuatPada >= p.dari.awal).filter(\.$dibuatPada < p.sampai.tambahHari(1).awal).all()
    }

    /// Dissemination in the period: materi published in it, over the recipients in the area.
    func diseminasi(_ p: Periode) async throws -> (materi: Int, cakupan: CakupanMateri, perKecamatan: [KodeWilayah: (Int, Int)]) {
        let materi = try await MateriModel.query(on: req.db).filter(\.$dibuatPada >= p.dari.awal)
            .filter(\.$dibuatPada < p.sampai.tambahHari(1).awal).all()
        let penerima = materi.isEmpty ? [] : try await dalamArea(PenerimaMateriModel.query(on: req.db), \.$kodeWilayah)
            .filter(\.$materi.$id ~~ materi.compactMap(\.id)).all()
        let c = CakupanMateri.hitung(penerima.map {
            .init(kim: $0.$kim.id, kecamatan: Self.kecamatan(KodeWilayah($0.kodeWilayah)!), status: $0.statusPenerimaan, jangkauan: $0.jangkauan ?? 0)
        }, batasWaktu: p.sampai, hariIni: p.sampai)
        var per: [KodeWilayah: (Int, Int)] = [:]
        for k in c.perKecamatan { per[k.kecamatan] = (k.disebarkan, k.sasaran) }
        return (materi.count, c, per)
    }

    /// KIMs by the number of laporan, kegiatan and dissemination reports in the period.
    func teraktif(_ p: Periode, batas: Int = 10) async throws -> [(KimModel, Int)] {
        // Counts per KIM as aggregates; the area is applied to the KIMs below.
        var n: [UUID: Int] = [:]
        let sql = req.db as! any SQLDatabase
        func hitung(_ q: SQLSelectBuilder) async throws {
            for r in try await q.column("kim_id").column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n").groupBy("kim_id").all() {
                n[try r.decode(column: "kim_id", as: UUID.self), default: 0] += try r.decode(column: "n", as: Int.self)
            }
        }
        try await hitung(sql.select().from("laporan").where(SQLColumn("kim_id"), .isNot, SQLLiteral.null)
            .where("dibuat_pada", .greaterThanOrEqual, SQLBind(p.dari.awal)).where("dibuat_pada", .lessThan, SQLBind(p.sampai.tambahHari(1).awal)))
        for tabel in ["kegiatan", "materi_penerima"] {
            try await hitung(sql.select().from(tabel).where("tanggal", .greaterThanOrEqual, SQLBind(p.dari.iso))
                .where("tanggal", .lessThanOrEqual, SQLBind(p.sampai.iso)))
        }
        let kim = try await Array(n.keys).perBagian { try await dalamArea(KimModel.query(on: req.db), \.$kodeWilayah).filter(\.$id ~~ $0).all() }
        var hasil: [(KimModel, Int)] = kim.map { m in (m, n[m.id!] ?? 0) }
        hasil.sort { a, b in a.1 != b.1 ? a.1 > b.1 : a.0.nama < b.0.nama }
        return Array(hasil.prefix(batas))
    }

    /// Legalised KIMs of the area and how many of them are active now, per kecamatan too.
    func aktivitas() async throws -> (aktif: Int, disahkan: Int, perKecamatan: [KodeWilayah: (Int, Int)]) {
        let kim = try await dalamArea(KimModel.query(on: req.db), \.$kodeWilayah)
            .filter(\.$status ~~ [StatusKim.aktif.rawValue, StatusKim.dibekukan.rawValue]).all()
        let k = try await req.layananAktivitas.keadaan(kim)
        var per: [KodeWilayah: (Int, Int)] = [:]
        for m in kim {
            let kec = Self.kecamatan(m.wilayah)
            let aktif = k[m.id!]?.status == .aktif ? 1 : 0
            per[kec] = ((per[kec]?.0 ?? 0) + aktif, (per[kec]?.1 ?? 0) + 1)
        }
        return (kim.filter { k[$0.id!]?.status == .aktif }.count, kim.count, per)
    }
}
