import SIKIMData
import Fluent
import SIKIMCore
import SQLKit
import Vapor

/// The formation dashboard: how far KIM formation has come, for the whole kabupaten or
/// (for operators) their own area. The same figures are served as JSON.
struct DasborController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get("dasbor", use: halaman)
        routes.get("api", "v1", "statistik", "pembentukan", use: api)
        routes.get("api", "v1", "statistik", use: statistikAPI)
    }

    /// Loads the area's regions, KIMs and lifecycle log and lets the core count. Plain rows of
    /// only the columns counted: a national area has 90,000 regions and KIMs, and three times
    /// as many transitions.
    static func rekap(_ req: Request) async throws -> (RekapPembentukan, KodeWilayah?) {
        try req.wajib(.lihatDasborPembentukan)
        var area: KodeWilayah?
        if case .wilayah(let k) = Kebijakan.cakupanKim(req.aktor) { area = k }
        let db = req.dbHitung
        func dalamArea(_ kolom: String) -> SQLQueryString { LayananStatistik.dalamArea(area, kolom) }
        let wilayah = try await db.baris("SELECT kode, nama, kode_induk, lat, lon FROM wilayah WHERE tingkat <> \(bind: Tingkat.kabupaten.rawValue) AND \(dalamArea("kode"))") { r in
                Wilayah(kode: KodeWilayah(try r.decode(column: "kode", as: String.self))!, nama: try r.decode(column: "nama", as: String.self),
                        kodeInduk: try r.decode(column: "kode_induk", as: String.self), lat: try r.decode(column: "lat", as: Double.self),
                        lon: try r.decode(column: "lon", as: Double.self))
            }
        let kim = try await db.baris("SELECT kode_wilayah, status FROM kim WHERE \(dalamArea("kode_wilayah"))") { r in
            RekapPembentukan.KimRingkas(wilayah: KodeWilayah(try r.decode(column: "kode_wilayah", as: String.self))!,
                                        status: StatusKim(rawValue: try r.decode(column: "status", as: String.self)) ?? .draf)
        }
        let peristiwa = try await db.baris("""
            SELECT t.kim_id, t.tanggal, t.ke FROM kim_transisi t JOIN kim k ON k.id = t.kim_id
            WHERE t.ke IN (\(binds: [StatusKim.diajukan.rawValue, StatusKim.aktif.rawValue])) AND \(dalamArea("k.kode_wilayah"))
            """) { r -> RekapPembentukan.Peristiwa? in
            guard let tanggal = Tanggal(iso: try r.decode(column: "tanggal", as: String.self)),
                  let ke = StatusKim(rawValue: try r.decode(column: "ke", as: String.self)) else { return nil }
            return .init(kim: try r.decode(column: "kim_id", as: String.self), tanggal: tanggal, ke: ke)
        }
        return (RekapPembentukan.hitung(wilayah: wilayah, kim: kim, peristiwa: peristiwa), area)
    }

    // MARK: JSON

    struct StatistikDTO: Content {
        struct Capaian: Content { let dibentuk: Int; let disahkan: Int; let target: Int }
        struct Kecamatan: Content {
            let kode: String, nama: String, jumlahDesa: Int, desaDibentuk: Int, desaDisahkan: Int, desaBelum: Int
            let statusKimKecamatan: String?
        }
        struct Hari: Content { let tanggal: String, dibentuk: Int, disahkan: Int, totalDibentuk: Int, totalDisahkan: Int }
        let kodeWilayah: String
        let kimKecamatan: Capaian
        let kimDesa: Capaian
        let perStatus: [String: Int]
        let perKecamatan: [Kecamatan]
        let desaTanpaKim: [String]
        let harian: [Hari]
    }

    @Sendable func api(req: Request) async throws -> StatistikDTO {
        let (r, area) = try await req.application.hitungBerat { try await Self.rekap(req) }
        return StatistikDTO(
            kodeWilayah: area?.nilai ?? "36.04",
            kimKecamatan: .init(dibentuk: r.kimKecamatanDibentuk, disahkan: r.kimKecamatanDisahkan, target: r.targetKecamatan),
            kimDesa: .init(dibentuk: r.kimDesaDibentuk, disahkan: r.kimDesaDisahkan, target: r.targetDesa),
            perStatus: Dictionary(uniqueKeysWithValues: StatusKim.allCases.map { ($0.rawValue, r.perStatus[$0] ?? 0) }),
            perKecamatan: r.perKecamatan.map {
                .init(kode: $0.kode.nilai, nama: $0.nama, jumlahDesa: $0.jumlahDesa, desaDibentuk: $0.desaDibentuk,
                      desaDisahkan: $0.desaDisahkan, desaBelum: $0.desaBelum, statusKimKecamatan: $0.statusKimKecamatan?.rawValue)
            },
            desaTanpaKim: r.desaTanpaKim.map(\.kode.nilai),
            harian: r.harian.map { .init(tanggal: $0.tanggal.iso, dibentuk: $0.dibentuk, disahkan: $0.disahkan,
                                         totalDibentuk: $0.totalDibentuk, totalDisahkan: $0.totalDisahkan) })
    }

    struct StatistikDTO2: Content {
        struct Periode: Content { let dari: String; let sampai: String }
        struct Kim: Content { let targetKecamatan: Int; let targetDesa: Int; let dibentuk: Int; let disahkan: Int; let aktif: Int }
        struct SLA: Content { let tepat: Int; let terlambat: Int; let berjalan: Int; let persen: Int? }
        struct Laporan: Content {
            let jumlah: Int; let perStatus: [String: Int]; let perKategori: [String: Int]; let perKecamatan: [String: Int]
            let sla: [String: SLA]; let medianHariVerifikasi: Double?
        }
        struct Diseminasi: Content { let materi: Int; let sasaran: Int; let disebarkan: Int; let persen: Int; let jangkauan: Int }
        struct Teraktif: Content { let id: UUID; let nama: String; let jumlah: Int }
        let kodeWilayah: String
        let periode: Periode
        let kim: Kim
        let laporan: Laporan
        let diseminasi: Diseminasi
        let kimTeraktif: [Teraktif]
    }

    /// The kabupaten dashboard's figures as JSON, for an area (operators) and a period.
    @Sendable func statistikAPI(req: Request) async throws -> StatistikDTO2 {
        try await req.application.hitungBerat { try await Self.statistik(req) }
    }

    private static func statistik(_ req: Request) async throws -> StatistikDTO2 {
        let (r, area) = try await Self.rekap(req)
        let s = LayananStatistik(req: req)
        let p = try s.periode()
        let l = try await s.laporan(p)
        let d = try await s.diseminasi(p)
        let a = try await s.aktivitas()
        return StatistikDTO2(
            kodeWilayah: area?.nilai ?? "36.04", periode: .init(dari: p.dari.iso, sampai: p.sampai.iso),
            kim: .init(targetKecamatan: r.targetKecamatan, targetDesa: r.targetDesa, dibentuk: r.kimDesaDibentuk + r.kimKecamatanDibentuk,
                       disahkan: r.kimDesaDisahkan + r.kimKecamatanDisahkan, aktif: a.aktif),
            laporan: .init(jumlah: l.jumlah, perStatus: Dictionary(uniqueKeysWithValues: StatusLaporan.allCases.map { ($0.rawValue, l.perStatus[$0] ?? 0) }),
                           perKategori: l.perKategori, perKecamatan: Dictionary(uniqueKeysWithValues: l.perKecamatan.map { ($0.key.nilai, $0.value) }),
                           sla: Dictionary(uniqueKeysWithValues: l.sla.map { ($0.key.rawValue, StatistikDTO2.SLA(tepat: $0.value.tepat, terlambat: $0.value.terlambat,
                                                                                                 berjalan: $0.value.berjalan, persen: $0.value.persen)) }),
                           medianHariVerifikasi: l.medianHariVerifikasi),
            diseminasi: .init(materi: d.materi, sasaran: d.cakupan.sasaran, disebarkan: d.cakupan.disebarkan, persen: d.cakupan.persen,
                              jangkauan: d.cakupan.jangkauan),
            kimTeraktif: try await s.teraktif(p).map { .init(id: $0.id, nama: $0.nama, jumlah: $0.jumlah) })
    }

    // MARK: Page

    struct Kartu: Encodable { let judul: String; let nilai: Int; let target: Int; let id: String }
    struct BarisStatus: Encodable { let status: String; let label: String; let jumlah: Int }
    struct BarisKecamatan: Encodable {
        let kode: String, nama: String, jumlahDesa: Int, desaDibentuk: Int, desaDisahkan: Int, desaBelum: Int
        let kimKecamatan: String, batang: String
    }
    struct BarisHari: Encodable { let tanggal: String; let dibentuk: Int; let disahkan: Int; let totalDibentuk: Int; let totalDisahkan: Int }
    struct DesaTanpa: Encodable { let kode: String; let nama: String; let kecamatan: String }

    struct Konteks: Encodable {
        let tata: Tata
        let hariIni: String
        let judulArea: String
        let dihitung: String
        /// `dasbor-isi`, rendered once per computation (`Tampilan`).
        let isiHTML: String
    }

    /// What the cache keeps: the figures rendered once, so a request only renders its frame.
    struct Tampilan: Sendable {
        let judulArea: String
        let dihitung: String
        let html: String
    }

    struct KonteksIsi: Encodable { let isi: Isi }

    /// Everything on the page but the viewer's frame: the same for every viewer of one area,
    /// period and map metric, so it is rendered once and cached (`Tampilan`, `CacheHitungan`).
    struct Isi: Encodable {
        let judulArea: String
        /// When the figures were computed, shown with them.
        let dihitung: String
        let kartu: [Kartu]
        let perStatus: [BarisStatus]
        let perKecamatan: [BarisKecamatan]
        /// All kecamatan of the area; the table shows the first `batasBaris` by code.
        let jumlahKecamatan: Int
        let adaKecamatan: Bool
        let peta: String?
        let grafik: String?
        let harian: [BarisHari]
        let desaTanpaKim: [DesaTanpa]
        let jumlahTanpaKim: Int
        let dari: String
        let sampai: String
        let metrikPeta: String
        let pilihanPeta: [Pilihan]
        let jumlahLaporan: Int
        let grafikKategori: String?
        let barisKategori: [BarisAngka]
        let barisKecamatanLaporan: [BarisAngka]
        let laporanKecamatanTerpotong: Bool
        let sla: [BarisSLA]
        let medianVerifikasi: String
        let diseminasi: String
        let kimAktif: Int
        let kimDisahkan: Int
        let teraktif: [BarisTeraktif]
        let grafikTren: String?
        let tren: [BarisTren]
    }

    struct BarisAngka: Encodable { let label: String; let nilai: Int }
    struct BarisSLA: Encodable { let tahap: String; let tepat: Int; let terlambat: Int; let berjalan: Int; let persen: String }
    struct BarisTeraktif: Encodable { let id: String; let nama: String; let jumlah: Int }
    struct BarisTren: Encodable { let tanggal: String; let aktif: Int; let kurangAktif: Int; let tidakAktif: Int }

    /// Rows shown per table: all of a kabupaten (29 kecamatan, 326 desa), while a national
    /// area (7,000 kecamatan) keeps the page small; the JSON API has every row.
    static let batasBaris = 100
    static let batasDesaTanpaKim = 500

    struct KunciIsi: Hashable, Sendable { let area: String?; let dari: Tanggal; let sampai: Tanggal; let metrik: String }

    @Sendable func halaman(req: Request) async throws -> Response {
        try req.wajib(.lihatDasborPembentukan)
        let statistik = LayananStatistik(req: req)
        let periode = try statistik.periode()
        // The map shows one chosen metric per kecamatan.
        let metrik = (try? req.kueri)?["peta"].flatMap { ["pembentukan", "aktivitas", "laporan", "diseminasi"].contains($0) ? $0 : nil } ?? "pembentukan"
        let kunci = KunciIsi(area: statistik.area()?.nilai, dari: periode.dari, sampai: periode.sampai, metrik: metrik)
        let t = try await req.application.cacheDasbor.ambil(kunci, sekarang: req.sekarang, versi: req.versiData) {
            // Counted as running work: it may outlive the request that started it.
            let isi = try await req.application.berjalan.jalankan {
                try await req.application.hitungBerat { try await Self.isi(req, periode: periode, metrik: metrik) }
            }
            let html = try await req.view.render("dasbor-isi", KonteksIsi(isi: isi)).data
            return Tampilan(judulArea: isi.judulArea, dihitung: isi.dihitung, html: String(buffer: html))
        }
        return try await req.halaman("dasbor", Konteks(tata: req.tata("Dasbor pembentukan KIM"), hariIni: TanggalIndonesia.panjang(req.sekarang),
                                                       judulArea: t.judulArea, dihitung: t.dihitung, isiHTML: t.html))
    }

    static func isi(_ req: Request, periode: LayananStatistik.Periode, metrik: String) async throws -> Isi {
        let (r, area) = try await Self.rekap(req)
        let statistik = LayananStatistik(req: req)
        let lap = try await statistik.laporan(periode)
        let dis = try await statistik.diseminasi(periode)
        let akt = try await statistik.aktivitas()
        let kategoriNama = Dictionary(uniqueKeysWithValues: try await KategoriModel.query(on: req.db).all().map { ($0.id!, $0.nama) })
        var namaArea = "Kabupaten Serang"
        if let area { namaArea = try await NamaWilayah.untuk([area.nilai], db: req.db)[area.nilai] ?? area.nilai }
        let namaKec = Dictionary(uniqueKeysWithValues: r.perKecamatan.map { ($0.kode, $0.nama) })
        var kartu: [Kartu] = []
        if r.targetKecamatan > 0 {
            kartu += [Kartu(judul: "KIM kecamatan dibentuk", nilai: r.kimKecamatanDibentuk, target: r.targetKecamatan, id: "kec-dibentuk"),
                      Kartu(judul: "KIM kecamatan disahkan", nilai: r.kimKecamatanDisahkan, target: r.targetKecamatan, id: "kec-disahkan")]
        }
        kartu += [Kartu(judul: "KIM desa dibentuk", nilai: r.kimDesaDibentuk, target: r.targetDesa, id: "desa-dibentuk"),
                  Kartu(judul: "KIM desa disahkan", nilai: r.kimDesaDisahkan, target: r.targetDesa, id: "desa-disahkan")]
        var kelas: [String: Int] = [:], ket: [String: String] = [:]
        var legenda = SVG.labelCakupan, judulPeta = "Peta cakupan pembentukan KIM desa per kecamatan"
        for b in r.perKecamatan {
            let k = b.kode.nilai
            switch metrik {
            case "aktivitas":
                let (aktif, sah) = akt.perKecamatan[b.kode] ?? (0, 0)
                kelas[k] = sah == 0 ? 0 : RekapPembentukan.kelasCakupan(Double(aktif) / Double(sah))
                ket[k] = "\(aktif) dari \(sah) KIM yang disahkan aktif"
                judulPeta = "Peta KIM aktif per kecamatan"
            case "laporan":
                let maks = lap.perKecamatan.values.max() ?? 0
                kelas[k] = SVG.kelasRelatif(lap.perKecamatan[b.kode] ?? 0, maks: maks)
                ket[k] = "\(lap.perKecamatan[b.kode] ?? 0) laporan dalam periode"
                legenda = ["Tidak ada", "Sedikit", "Sedang", "Banyak", "Terbanyak"]
                judulPeta = "Peta jumlah laporan per kecamatan"
            case "diseminasi":
                let (sebar, sasaran) = dis.perKecamatan[b.kode] ?? (0, 0)
                kelas[k] = sasaran == 0 ? 0 : RekapPembentukan.kelasCakupan(Double(sebar) / Double(sasaran))
                ket[k] = "\(sebar) dari \(sasaran) penerima melapor penyebaran"
                judulPeta = "Peta cakupan diseminasi per kecamatan"
            default:
                kelas[k] = RekapPembentukan.kelasCakupan(b.cakupan)
                ket[k] = "\(b.desaDibentuk) dari \(b.jumlahDesa) desa memiliki KIM (\(Int((b.cakupan * 100).rounded()))%)"
            }
        }
        let peta = r.perKecamatan.count > 1
            ? req.application.petaKecamatan.svg(judul: judulPeta, kelas: kelas, keterangan: ket, legenda: legenda)
            : nil
        // Activity trend in the period, from the status history of the area's KIMs.
        let riwayat = try await statistik.riwayatAktivitas()
        let tren = TrenAktivitas.hitung(riwayat, dari: periode.dari, sampai: periode.sampai)
        let grafikTren = riwayat.isEmpty ? nil : SVG.grafikGaris(
            judul: "Status aktivitas KIM dalam periode",
            tanggal: tren.map { TanggalIndonesia.tanpaHari($0.tanggal) },
            seri: [("Aktif", "#1e6b3a", tren.map { $0.jumlah[.aktif] ?? 0 }), ("Kurang aktif", "#b7791f", tren.map { $0.jumlah[.kurangAktif] ?? 0 }),
                   ("Tidak aktif", "#b3261e", tren.map { $0.jumlah[.tidakAktif] ?? 0 })])
        let kategoriUrut = lap.perKategori.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }
        let grafik = r.harian.isEmpty ? nil : SVG.grafikGaris(
            judul: "Jumlah KIM dibentuk dan disahkan per hari (kumulatif)",
            tanggal: r.harian.map { TanggalIndonesia.tanpaHari($0.tanggal) },
            seri: [("KIM dibentuk", "#3f7fbf", r.harian.map(\.totalDibentuk)), ("KIM disahkan", "#1e6b3a", r.harian.map(\.totalDisahkan))])
        return Isi(
            judulArea: namaArea, dihitung: TanggalIndonesia.jam(req.sekarang),
            kartu: kartu,
            perStatus: StatusKim.allCases.map { BarisStatus(status: $0.rawValue, label: $0.label, jumlah: r.perStatus[$0] ?? 0) },
            perKecamatan: r.perKecamatan.prefix(batasBaris).map {
                BarisKecamatan(kode: $0.kode.nilai, nama: $0.nama, jumlahDesa: $0.jumlahDesa, desaDibentuk: $0.desaDibentuk,
                               desaDisahkan: $0.desaDisahkan, desaBelum: $0.desaBelum,
                               kimKecamatan: $0.statusKimKecamatan?.label ?? "Belum ada",
                               batang: SVG.batang(disahkan: $0.desaDisahkan, dibentuk: $0.desaDibentuk, total: $0.jumlahDesa,
                                                  label: "\($0.nama): \($0.desaDisahkan) disahkan, \($0.desaDibentuk) dibentuk dari \($0.jumlahDesa) desa"))
            },
            jumlahKecamatan: r.perKecamatan.count, adaKecamatan: !r.perKecamatan.isEmpty, peta: peta, grafik: grafik,
            harian: r.harian.map { BarisHari(tanggal: TanggalIndonesia.panjang($0.tanggal), dibentuk: $0.dibentuk, disahkan: $0.disahkan,
                                             totalDibentuk: $0.totalDibentuk, totalDisahkan: $0.totalDisahkan) },
            desaTanpaKim: r.desaTanpaKim.prefix(batasDesaTanpaKim).map { DesaTanpa(kode: $0.kode.nilai, nama: $0.nama, kecamatan: $0.kode.induk.flatMap { namaKec[$0] } ?? "") },
            jumlahTanpaKim: r.desaTanpaKim.count,
            dari: periode.dari.iso, sampai: periode.sampai.iso, metrikPeta: metrik,
            pilihanPeta: [("pembentukan", "Pembentukan KIM"), ("aktivitas", "KIM aktif"), ("laporan", "Jumlah laporan"), ("diseminasi", "Cakupan diseminasi")]
                .map { Pilihan(nilai: $0.0, label: $0.1) },
            jumlahLaporan: lap.jumlah,
            grafikKategori: kategoriUrut.isEmpty ? nil : SVG.batangMendatar(judul: "Laporan per kategori",
                                                                           data: kategoriUrut.map { (kategoriNama[$0.key] ?? $0.key, $0.value) }),
            barisKategori: kategoriUrut.map { BarisAngka(label: kategoriNama[$0.key] ?? $0.key, nilai: $0.value) },
            barisKecamatanLaporan: lap.perKecamatan.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }.prefix(batasBaris).map { BarisAngka(label: namaKec[$0.key] ?? $0.key.nilai, nilai: $0.value) },
            laporanKecamatanTerpotong: lap.perKecamatan.count > batasBaris,
            sla: TahapSLA.allCases.map { t in
                let k = lap.sla[t] ?? .init()
                return BarisSLA(tahap: t.label, tepat: k.tepat, terlambat: k.terlambat, berjalan: k.berjalan, persen: k.persen.map { "\($0)%" } ?? "—")
            },
            medianVerifikasi: lap.medianHariVerifikasi.map { String(format: "%.1f", $0).replacingOccurrences(of: ".", with: ",") + " hari kerja" } ?? "—",
            diseminasi: "\(dis.materi) materi · \(dis.cakupan.disebarkan) dari \(dis.cakupan.sasaran) penerima melapor (\(dis.cakupan.persen)%) · \(dis.cakupan.jangkauan) warga terjangkau",
            kimAktif: akt.aktif, kimDisahkan: akt.disahkan,
            teraktif: try await statistik.teraktif(periode).map { BarisTeraktif(id: $0.id.uuidString, nama: $0.nama, jumlah: $0.jumlah) },
            grafikTren: grafikTren,
            tren: riwayat.isEmpty ? [] : tren.map {
                BarisTren(tanggal: TanggalIndonesia.panjang($0.tanggal), aktif: $0.jumlah[.aktif] ?? 0,
                          kurangAktif: $0.jumlah[.kurangAktif] ?? 0, tidakAktif: $0.jumlah[.tidakAktif] ?? 0)
            })
    }
}

extension Application {
    private struct PetaKey: StorageKey { typealias Value = PetaKecamatan }

    private struct CacheDasborKey: StorageKey { typealias Value = CacheHitungan<DasborController.KunciIsi, DasborController.Tampilan> }

    /// Projected once at start-up: the geometry never changes while serving.
    var petaKecamatan: PetaKecamatan {
        get { storage[PetaKey.self]! }
        set { storage[PetaKey.self] = newValue }
    }

    /// Set once in `configure`, before serving.
    var cacheDasbor: CacheHitungan<DasborController.KunciIsi, DasborController.Tampilan> {
        get { storage[CacheDasborKey.self]! }
        set { storage[CacheDasborKey.self] = newValue }
    }
}
