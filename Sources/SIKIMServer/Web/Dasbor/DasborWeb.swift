import SIKIMCore
import SIKIMData
import Vapor

/// The dashboard: how far KIM formation has come, activity, laporan and their SLA, and
/// dissemination, for the whole kabupaten or (for operators) their own area, with the map and
/// charts drawn on the server.
struct DasborWeb: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get("dasbor", use: halaman)
    }

    struct Kartu: Encodable { let judul: String; let nilai: Int; let target: Int; let id: String }
    struct BarisStatus: Encodable { let status: String; let label: String; let jumlah: Int }
    struct BarisKecamatan: Encodable {
        let kode: String, nama: String, jumlahDesa: Int, desaDibentuk: Int, desaDisahkan: Int, desaBelum: Int
        let kimKecamatan: String, batang: String
    }
    struct BarisHari: Encodable { let tanggal: String; let dibentuk: Int; let disahkan: Int; let totalDibentuk: Int; let totalDisahkan: Int }
    struct DesaTanpa: Encodable { let kode: String; let nama: String; let kecamatan: String; let draf: Bool }

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
    struct BarisSLA: Encodable { let kode: String; let tahap: String; let tepat: Int; let terlambat: Int; let berjalan: Int; let persen: String }
    struct BarisTeraktif: Encodable { let id: String; let nama: String; let jumlah: Int }
    struct BarisTren: Encodable { let tanggal: String; let aktif: Int; let kurangAktif: Int; let tidakAktif: Int }

    /// Rows shown per table: all of a kabupaten (29 kecamatan, 326 desa), while a national
    /// area (7,000 kecamatan) keeps the page small; the JSON API has every row.
    static let batasBaris = 100
    static let batasDesaTanpaKim = 500
    /// Days of activity history before the trend is drawn as a line.
    static let titikTrenMinimum = 3

    struct KunciIsi: Hashable, Sendable { let area: String?; let dari: Tanggal; let sampai: Tanggal; let metrik: String }

    /// The figures are computed once per area, period and metric, and again after a change to
    /// a table they read (`SinyalPerubahan`). The computation holds no request: it may outlive
    /// the one that started it, so it reads through the application's own connections.
    @Sendable func halaman(req: Request) async throws -> Response {
        try req.wajib(.lihatDasborPembentukan)
        let app = req.application
        let statistik = LayananStatistik(l: app.lingkungan, untuk: req.aktor)
        let periode = try req.periode()
        // The map shows one chosen metric per kecamatan.
        let metrik = (try? req.kueri)?["peta"].flatMap { ["pembentukan", "aktivitas", "laporan", "diseminasi"].contains($0) ? $0 : nil } ?? "pembentukan"
        let kunci = KunciIsi(area: statistik.area?.nilai, dari: periode.dari, sampai: periode.sampai, metrik: metrik)
        let (peta, berjalan) = (app.petaKecamatan, app.berjalan)
        let t = try await app.cacheDasbor.ambil(kunci, sekarang: req.sekarang, versi: app.sinyal.versi(LayananStatistik.tabel)) {
            // Counted as running work: it may outlive the request that started it.
            let isi = try await berjalan.jalankan {
                try await app.hitungBerat { try await Self.isi(statistik, periode: periode, metrik: metrik, peta: peta) }
            }
            let html = try await app.view.render("dasbor-isi", KonteksIsi(isi: isi)).get().data
            return Tampilan(judulArea: isi.judulArea, dihitung: isi.dihitung, html: String(buffer: html))
        }
        return try await req.halaman("dasbor", Konteks(tata: req.tata("Dasbor pembentukan KIM"), hariIni: TanggalIndonesia.panjang(req.sekarang),
                                                       judulArea: t.judulArea, dihitung: t.dihitung, isiHTML: t.html))
    }

    static func isi(_ statistik: LayananStatistik, periode: Periode, metrik: String, peta petaKecamatan: PetaKecamatan) async throws -> Isi {
        let r = try await statistik.pembentukan()
        let lap = try await statistik.laporan(periode)
        let dis = try await statistik.diseminasi(periode)
        let akt = try await statistik.aktivitas()
        let kategoriNama = Dictionary(uniqueKeysWithValues: try await LayananPengaturan(l: statistik.l).kategori().map { ($0.id!, $0.nama) })
        let namaArea = try await statistik.namaArea()
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
            ? petaKecamatan.svg(judul: judulPeta, kelas: kelas, keterangan: ket, legenda: legenda)
            : nil
        // Activity trend in the period, from the status history of the area's KIMs.
        let riwayat = try await statistik.riwayatAktivitas()
        let tren = TrenAktivitas.hitung(riwayat, dari: periode.dari, sampai: periode.sampai)
        let seriTren = [("Aktif", "#1e6b3a", tren.map { $0.jumlah[.aktif] ?? 0 }), ("Kurang aktif", "#b7791f", tren.map { $0.jumlah[.kurangAktif] ?? 0 }),
                        ("Tidak aktif", "#b3261e", tren.map { $0.jumlah[.tidakAktif] ?? 0 })]
        // Two points make a straight line that suggests a trend nobody measured: until there are
        // enough, the latest figures as bars.
        let grafikTren: String? = riwayat.isEmpty ? nil
            : tren.count >= Self.titikTrenMinimum
            ? SVG.grafikGaris(judul: "Status aktivitas KIM dalam periode", tanggal: tren.map { TanggalIndonesia.tanpaHari($0.tanggal) }, seri: seriTren)
            : SVG.batangMendatar(judul: "Status aktivitas KIM terkini (riwayat belum cukup untuk garis tren)",
                                 data: seriTren.map { ($0.0, $0.2.last ?? 0) })
        let kategoriUrut = lap.perKategori.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }
        let grafik = r.harian.isEmpty ? nil : SVG.grafikGaris(
            judul: "Jumlah KIM dibentuk dan disahkan per hari (kumulatif)",
            tanggal: r.harian.map { TanggalIndonesia.tanpaHari($0.tanggal) },
            seri: [("KIM dibentuk", "#3f7fbf", r.harian.map(\.totalDibentuk)), ("KIM disahkan", "#1e6b3a", r.harian.map(\.totalDisahkan))])
        return Isi(
            judulArea: namaArea, dihitung: TanggalIndonesia.jam(statistik.l.sekarang),
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
            desaTanpaKim: r.desaTanpaKim.prefix(batasDesaTanpaKim).map {
                DesaTanpa(kode: $0.kode.nilai, nama: $0.nama, kecamatan: $0.kode.induk.flatMap { namaKec[$0] } ?? "", draf: r.desaDraf.contains($0.kode))
            },
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
                return BarisSLA(kode: t.rawValue, tahap: t.label, tepat: k.tepat, terlambat: k.terlambat, berjalan: k.berjalan, persen: k.persen.map { "\($0)%" } ?? "—")
            },
            medianVerifikasi: lap.medianHariVerifikasi.map { Angka.desimal($0) + " hari kerja" } ?? "—",
            diseminasi: "\(Angka.ribuan(dis.materi)) materi · \(Angka.ribuan(dis.cakupan.disebarkan)) dari \(Angka.ribuan(dis.cakupan.sasaran)) penerima melapor (\(dis.cakupan.persen)%) · \(Angka.ribuan(dis.cakupan.jangkauan)) warga terjangkau",
            kimAktif: akt.aktif, kimDisahkan: akt.disahkan,
            teraktif: try await statistik.teraktif(periode).map { BarisTeraktif(id: $0.id.uuidString, nama: $0.nama, jumlah: $0.jumlah) },
            grafikTren: grafikTren,
            tren: riwayat.isEmpty ? [] : tren.map {
                BarisTren(tanggal: TanggalIndonesia.panjang($0.tanggal), aktif: $0.jumlah[.aktif] ?? 0,
                          kurangAktif: $0.jumlah[.kurangAktif] ?? 0, tidakAktif: $0.jumlah[.tidakAktif] ?? 0)
            })
    }
}

extension Request {
    /// `?dari=&sampai=`; by default the last 30 days up to today.
    func periode() throws -> Periode {
        let k = try kueri
        return try Periode.dari(k["dari"], sampai: k["sampai"], hariIni: lingkungan.hariIni)
    }

    /// `?bulan=YYYY-MM`, the current month by default.
    func periodeBulan() throws -> Periode { try Periode.bulan(try kueri["bulan"], hariIni: lingkungan.hariIni) }
}
