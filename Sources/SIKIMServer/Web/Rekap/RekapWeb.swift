import SIKIMCore
import SIKIMData
import Vapor

/// The monthly recap for the head of office and the ministry: a printable A4 page and an
/// XLSX workbook (sheets KIM, laporan, diseminasi, kegiatan) for a month and the actor's area.
struct RekapWeb: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get("rekap", use: halaman)
        routes.get("rekap.xlsx", use: xlsx)
    }

    struct Lembar: Sendable {
        let kim: [[String]]
        let laporan: [[String]]
        let diseminasi: [[String]]
        let kegiatan: [[String]]
    }

    private static func namaKategori(_ s: LayananStatistik) async throws -> [String: String] {
        Dictionary(uniqueKeysWithValues: try await LayananPengaturan(l: s.l).kategori().map { ($0.id!, $0.nama) })
    }

    /// The rows of every sheet.
    static func lembar(_ b: LayananStatistik.BahanRekap, kategori: [String: String]) -> Lembar {
        let barisLaporan = [["Nomor", "Tanggal", "Judul", "Kategori", "Kode wilayah", "Status", "Diteruskan ke", "Dipublikasikan"]]
            + b.laporan.sorted { $0.nomor < $1.nomor }.map { m in
                [m.nomor, Tanggal(m.dibuatPada).iso, m.judul, kategori[m.kodeKategori] ?? m.kodeKategori, m.kodeWilayah, m.statusLaporan.label,
                 (b.opd[m.id!] ?? []).joined(separator: ", "), m.dipublikasikan ? "ya" : "tidak"]
            }
        let barisMateri = [["Judul", "Jenis", "Diterbitkan", "Batas waktu", "KIM sasaran", "KIM melapor", "Persen", "Warga terjangkau"]]
            + b.materi.map { m, c in
                [m.judul, JenisMateri(rawValue: m.jenis)?.label ?? m.jenis, Tanggal(m.dibuatPada).iso, m.batasWaktu,
                 String(c.sasaran), String(c.disebarkan), String(c.persen), String(c.jangkauan)]
            }
        let namaKim = Dictionary(uniqueKeysWithValues: b.kim.map { ($0.0.id!, $0.0.nama) })
        let barisKegiatan = [["Tanggal", "KIM", "Jenis", "Tempat", "Peserta", "Uraian"]] + b.kegiatan.map { k in
            [k.tanggal, namaKim[k.$kim.id] ?? "", JenisKegiatan(rawValue: k.jenis)?.label ?? k.jenis, k.tempat, k.peserta.map(String.init) ?? "", k.uraian]
        }
        let barisKim = [["Nama KIM", "Tingkat", "Kode wilayah", "Status", "Status aktivitas", "Aktivitas terakhir", "Ketua", "Nomor HP ketua",
                         "Nomor SK kecamatan", "Tanggal SK kecamatan"]] + b.kim.sorted { $0.0.kodeWilayah < $1.0.kodeWilayah }.map { m, a, ketua in
            [m.nama, m.tingkatKim.tingkatWilayah.label, m.kodeWilayah, m.statusKim.label, a?.status.label ?? "",
             a?.terakhir?.iso ?? "", ketua?.nama ?? "", ketua.map { NomorTelepon.tampil($0.nomorHP) } ?? "",
             m.nomorSKKecamatan ?? "", m.tanggalSKKecamatan ?? ""]
        }
        return Lembar(kim: barisKim, laporan: barisLaporan, diseminasi: barisMateri, kegiatan: barisKegiatan)
    }

    @Sendable func xlsx(req: Request) async throws -> Response {
        try req.wajib(.lihatDasborPembentukan)
        let p = try req.periodeBulan()
        let s = LayananStatistik(l: req.lingkungan, untuk: req.aktor)
        let l = try await req.application.hitungBerat { Self.lembar(try await s.bahanRekap(p), kategori: try await Self.namaKategori(s)) }
        let data = try XLSX.buat([.init(nama: "KIM", baris: l.kim), .init(nama: "Laporan", baris: l.laporan),
                                  .init(nama: "Diseminasi", baris: l.diseminasi), .init(nama: "Kegiatan", baris: l.kegiatan)])
        return req.unduhan(data, tipe: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                                             nama: "rekap-sikim-\(p.dari.iso.prefix(7)).xlsx")
    }

    struct BarisAngka: Encodable { let label: String; let nilai: String }
    struct Konteks: Encodable {
        let judul: String
        let bulan: String
        let kodeBulan: String
        let area: String
        let dicetak: String
        let kim: [BarisAngka]
        let laporan: [BarisAngka]
        let sla: [BarisAngka]
        let diseminasi: [BarisAngka]
        let kegiatan: [BarisAngka]
    }

    @Sendable func halaman(req: Request) async throws -> Response {
        try req.wajib(.lihatDasborPembentukan)
        let s = LayananStatistik(l: req.lingkungan, untuk: req.aktor)
        let p = try req.periodeBulan()
        return try await req.halaman("rekap", try await req.application.hitungBerat { try await Self.konteks(s, p) })
    }

    private static func konteks(_ s: LayananStatistik, _ p: Periode) async throws -> Konteks {
        let r = try await s.pembentukan()
        let lap = try await s.laporan(p)
        let dis = try await s.diseminasi(p)
        let akt = try await s.aktivitas()
        let kegiatanPerJenis = try await s.kegiatanPerJenis(p)
        return Konteks(
            judul: "Rekap Bulanan", bulan: TanggalIndonesia.namaBulanTahun(p.dari), kodeBulan: String(p.dari.iso.prefix(7)), area: try await s.namaArea(),
            dicetak: TanggalIndonesia.denganJam(s.l.sekarang),
            kim: [BarisAngka(label: "KIM kecamatan dibentuk / disahkan (target \(r.targetKecamatan))", nilai: "\(r.kimKecamatanDibentuk) / \(r.kimKecamatanDisahkan)"),
                  BarisAngka(label: "KIM desa dibentuk / disahkan (target \(r.targetDesa))", nilai: "\(r.kimDesaDibentuk) / \(r.kimDesaDisahkan)"),
                  BarisAngka(label: "KIM aktif dari yang disahkan", nilai: "\(akt.aktif) dari \(akt.disahkan)")],
            laporan: [BarisAngka(label: "Laporan masuk", nilai: String(lap.jumlah))]
                + StatusLaporan.allCases.map { BarisAngka(label: "— \($0.label)", nilai: String(lap.perStatus[$0] ?? 0)) },
            sla: TahapSLA.allCases.map { t in
                let k = lap.sla[t] ?? .init()
                return BarisAngka(label: t.label, nilai: "\(k.tepat) tepat, \(k.terlambat) terlambat" + (k.persen.map { " (\($0)%)" } ?? ""))
            } + [BarisAngka(label: "Median waktu verifikasi", nilai: lap.medianHariVerifikasi.map { Angka.desimal($0) + " hari kerja" } ?? "—")],
            diseminasi: [BarisAngka(label: "Materi diterbitkan", nilai: String(dis.materi)),
                         BarisAngka(label: "KIM melapor penyebaran", nilai: "\(dis.cakupan.disebarkan) dari \(dis.cakupan.sasaran) (\(dis.cakupan.persen)%)"),
                         BarisAngka(label: "Warga terjangkau", nilai: String(dis.cakupan.jangkauan))],
            kegiatan: [BarisAngka(label: "Kegiatan tercatat", nilai: String(kegiatanPerJenis.values.reduce(0, +)))]
                + kegiatanPerJenis.sorted { $0.key < $1.key }.map { BarisAngka(label: "— \($0.key)", nilai: String($0.value)) })
    }
}
