import Foundation
import SIKIMCore
import SIKIMData

/// A period of days, both ends included.
struct Periode: Hashable, Sendable {
    let dari: Tanggal
    let sampai: Tanggal

    /// A month given as `YYYY-MM`, the month of `hariIni` without one.
    static func bulan(_ teks: String?, hariIni: Tanggal) throws(ParameterTidakValid) -> Periode {
        guard let teks, !teks.isEmpty else {
            let b = Tanggal.bulan(String(hariIni.iso.prefix(7)))!
            return Periode(dari: b.awal, sampai: b.akhir)
        }
        guard let b = Tanggal.bulan(teks) else { throw ParameterTidakValid("Parameter bulan harus berformat TTTT-BB, misalnya 2026-04.") }
        return Periode(dari: b.awal, sampai: b.akhir)
    }

    /// From `dari` and `sampai` as ISO dates; by default the 30 days up to `hariIni`.
    static func dari(_ dari: String?, sampai: String?, hariIni: Tanggal) throws(ParameterTidakValid) -> Periode {
        func baca(_ t: String?, _ nama: String) throws(ParameterTidakValid) -> Tanggal? {
            guard let t, !t.isEmpty else { return nil }
            guard let d = Tanggal(iso: t) else { throw ParameterTidakValid("Parameter \(nama) harus tanggal TTTT-BB-HH.") }
            return d
        }
        let akhir = try baca(sampai, "sampai") ?? hariIni
        let awal = try baca(dari, "dari") ?? akhir.tambahHari(-29)
        guard awal <= akhir else { throw ParameterTidakValid("Tanggal awal periode harus sebelum tanggal akhir.") }
        return Periode(dari: awal, sampai: akhir)
    }
}

/// The figures of the dashboard and the recap for an area (the whole deployment without one),
/// from the database through the core's pure computations. Its long reads use the figures' own
/// connections (`dbHitung`).
struct LayananStatistik {
    let l: Lingkungan
    let area: KodeWilayah?

    /// The area an actor's figures cover: an operator's own, everyone else's all.
    init(l: Lingkungan, untuk aktor: Aktor?) {
        self.l = l
        if case .wilayah(let k) = Kebijakan.cakupanKim(aktor) { area = k } else { area = nil }
    }

    init(l: Lingkungan, area: KodeWilayah?) { (self.l, self.area) = (l, area) }

    private var data: RepositoriStatistik { RepositoriStatistik(db: l.dbHitung, area: area) }

    /// The tables the figures are read from: a change to one of them makes cached figures stale.
    static let tabel: Set<String> = [WilayahModel.schema, KimModel.schema, TransisiKimModel.schema, LaporanModel.schema,
                                     PeristiwaLaporanModel.schema, LaporanOPDModel.schema, KegiatanModel.schema, MateriModel.schema,
                                     PenerimaMateriModel.schema, RiwayatAktivitasModel.schema, KategoriModel.schema,
                                     PengaturanModel.schema, HariLiburModel.schema]

    /// How far KIM formation has come in the area.
    func pembentukan() async throws -> RekapPembentukan {
        let (wilayah, kim, peristiwa) = try await data.pembentukan()
        return RekapPembentukan.hitung(wilayah: wilayah, kim: kim, peristiwa: peristiwa)
    }

    /// "Kabupaten Serang", or the operator's area by name.
    func namaArea() async throws -> String {
        guard let area else { return l.konfigurasi.daerah.nama }
        return try await LayananWilayah(l: l).nama([area.nilai])[area.nilai] ?? area.nilai
    }

    func laporan(_ p: Periode) async throws -> StatistikLaporan {
        StatistikLaporan.hitung(try await data.laporan(dari: p.dari, sampai: p.sampai), kalender: try await LayananPengaturan(l: l).kalender(),
                                sekarang: l.sekarang)
    }

    /// Kegiatan in the period per kind (its label), of the area's KIMs that are not dissolved.
    func kegiatanPerJenis(_ p: Periode) async throws -> [String: Int] {
        var hasil: [String: Int] = [:]
        for (jenis, n) in try await data.kegiatanPerJenis(dari: p.dari, sampai: p.sampai) {
            hasil[JenisKegiatan(rawValue: jenis)?.label ?? jenis, default: 0] += n
        }
        return hasil
    }

    func daftarLaporan(_ p: Periode) async throws -> [LaporanModel] { try await data.daftarLaporan(dari: p.dari, sampai: p.sampai) }

    /// Dissemination in the period: materi published in it, over the recipients in the area.
    func diseminasi(_ p: Periode) async throws -> (materi: Int, cakupan: CakupanMateri, perKecamatan: [KodeWilayah: (Int, Int)]) {
        let (materi, penerima) = try await data.penerimaMateri(dari: p.dari, sampai: p.sampai)
        let c = CakupanMateri.hitung(penerima, batasWaktu: p.sampai, hariIni: p.sampai)
        var per: [KodeWilayah: (Int, Int)] = [:]
        for k in c.perKecamatan { per[k.kecamatan] = (k.disebarkan, k.sasaran) }
        return (materi, c, per)
    }

    /// The area's KIMs by the number of laporan, kegiatan and dissemination reports in the period.
    func teraktif(_ p: Periode, batas: Int = 10) async throws -> [RepositoriStatistik.Teraktif] {
        try await data.teraktif(dari: p.dari, sampai: p.sampai, batas: batas)
    }

    /// Legalised KIMs of the area and how many of them are active now, per kecamatan too.
    func aktivitas() async throws -> (aktif: Int, disahkan: Int, perKecamatan: [KodeWilayah: (Int, Int)]) {
        let kim = try await LayananAktivitas(l: l.dengan(db: l.dbHitung)).keadaan(dalam: area)
        var per: [KodeWilayah: (Int, Int)] = [:]
        var jumlahAktif = 0
        for m in kim {
            guard let w = KodeWilayah(m.kodeWilayah) else { continue }
            let aktif = m.keadaan.status == .aktif ? 1 : 0
            jumlahAktif += aktif
            per[w.kecamatan] = ((per[w.kecamatan]?.0 ?? 0) + aktif, (per[w.kecamatan]?.1 ?? 0) + 1)
        }
        return (jumlahAktif, kim.count, per)
    }

    func riwayatAktivitas() async throws -> [TrenAktivitas.Perubahan] { try await data.riwayatAktivitas() }

    /// A materi's coverage over the recipients in the area.
    func cakupan(_ m: MateriModel) async throws -> CakupanMateri {
        CakupanMateri.hitung(try await RepositoriStatistik(db: l.db, area: area).penerima(materi: [try m.requireID()]),
                             batasWaktu: Tanggal(iso: m.batasWaktu) ?? l.hariIni, hariIni: l.hariIni)
    }
}

extension LayananStatistik {
    /// What the monthly recap's workbook lists, within the area and the month.
    struct BahanRekap: Sendable {
        let laporan: [LaporanModel]
        /// The agencies each laporan was forwarded to.
        let opd: [UUID: [String]]
        let materi: [(MateriModel, CakupanMateri)]
        /// The KIMs that are not dissolved, with their activity and their ketua.
        let kim: [(KimModel, LayananAktivitas.Keadaan?, ketua: PengurusModel?)]
        let kegiatan: [KegiatanModel]
    }

    func bahanRekap(_ p: Periode) async throws -> BahanRekap {
        let data = data
        let laporan = try await data.daftarLaporan(dari: p.dari, sampai: p.sampai)
        var materi: [(MateriModel, CakupanMateri)] = []
        for m in try await data.materi(dari: p.dari, sampai: p.sampai) {
            materi.append((m, CakupanMateri.hitung(try await data.penerima(materi: [m.id!]), batasWaktu: Tanggal(iso: m.batasWaktu) ?? p.sampai,
                                                   hariIni: p.sampai)))
        }
        let lk = l.dengan(db: l.dbHitung)
        let kim = try await LayananKim(l: lk).semua(SaringanKim(cakupan: area.map { .wilayah($0) } ?? .semua, tanpaDibubarkan: true))
        let keadaan = try await LayananAktivitas(l: lk).keadaan(kim)
        let pengurus = try await LayananKim(l: lk).pengurus(kim)
        return BahanRekap(laporan: laporan, opd: try await data.opd(laporan: laporan.compactMap(\.id)), materi: materi,
                          kim: kim.map { ($0, keadaan[$0.id!], pengurus[$0.id!]?.first { $0.jabatanKim == .ketua }) },
                          kegiatan: try await data.kegiatan(dari: p.dari, sampai: p.sampai))
    }
}
