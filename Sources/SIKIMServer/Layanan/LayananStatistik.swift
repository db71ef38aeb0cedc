import Fluent
import Foundation
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

    func laporan(_ p: Periode) async throws -> (StatistikLaporan, [LaporanModel]) {
        let daftar = try await dalamArea(LaporanModel.query(on: req.db), \.$kodeWilayah)
            .filter(\.$dibuatPada >= p.dari.awal).filter(\.$dibuatPada < p.sampai.tambahHari(1).awal).all()
        var waktu: [UUID: (putus: Date?, tanggap: Date?, selesai: Date?)] = [:]
        if !daftar.isEmpty {
            let e = try await PeristiwaLaporanModel.query(on: req.db).filter(\.$laporan.$id ~~ daftar.compactMap(\.id))
                .filter(\.$aksi ~~ ["konfirmasi", "tolak", "terima", "tindaklanjuti", "selesaikan"]).sort(\.$urutan).all()
            for x in e {
                var w = waktu[x.$laporan.id] ?? (nil, nil, nil)
                switch x.aksi {
                case "konfirmasi" where x.ke == StatusLaporan.valid.rawValue, "tolak": w.putus = w.putus ?? x.waktu
                case "terima", "tindaklanjuti": w.tanggap = w.tanggap ?? x.waktu
                case "selesaikan": w.selesai = w.selesai ?? x.waktu
                default: break
                }
                waktu[x.$laporan.id] = w
            }
        }
        let kalender = try await req.layananLaporan.kalender()
        let ringkas = daftar.map { m in
            StatistikLaporan.Ringkas(status: m.statusLaporan, kategori: m.kodeKategori, kecamatan: Self.kecamatan(m.wilayah), masuk: m.dibuatPada,
                                     diputuskan: waktu[m.id!]?.putus, diteruskan: m.diteruskanPada, ditanggapi: waktu[m.id!]?.tanggap,
                                     selesai: waktu[m.id!]?.selesai)
        }
        return (StatistikLaporan.hitung(ringkas, kalender: kalender, sekarang: req.sekarang), daftar)
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
        var n: [UUID: Int] = [:]
        for l in try await dalamArea(LaporanModel.query(on: req.db), \.$kodeWilayah).filter(\.$kimID != nil)
            .filter(\.$dibuatPada >= p.dari.awal).filter(\.$dibuatPada < p.sampai.tambahHari(1).awal).field(\.$kimID).all() {
            n[l.kimID!, default: 0] += 1
        }
        for k in try await KegiatanModel.query(on: req.db).filter(\.$tanggal >= p.dari.iso).filter(\.$tanggal <= p.sampai.iso)
            .field(\.$kim.$id).all() { n[k.$kim.id, default: 0] += 1 }
        for d in try await PenerimaMateriModel.query(on: req.db).filter(\.$tanggal >= p.dari.iso).filter(\.$tanggal <= p.sampai.iso)
            .field(\.$kim.$id).all() { n[d.$kim.id, default: 0] += 1 }
        let kim = try await dalamArea(KimModel.query(on: req.db), \.$kodeWilayah).filter(\.$id ~~ Array(n.keys)).all()
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
