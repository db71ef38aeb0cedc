import SIKIMData
import Fluent
import SIKIMCore
import Vapor

/// The monthly recap for the head of office and the ministry: a printable A4 page and an
/// XLSX workbook (sheets KIM, laporan, diseminasi, kegiatan) for a month and the actor's area.
struct RekapController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get("rekap", use: halaman)
        routes.get("rekap.xlsx", use: xlsx)
    }

    struct Lembar {
        let kim: [[String]]
        let laporan: [[String]]
        let diseminasi: [[String]]
        let kegiatan: [[String]]
    }

    /// The rows of every sheet, within the area and the month.
    static func lembar(_ req: Request, _ p: LayananStatistik.Periode) async throws -> Lembar {
        let s = LayananStatistik(req: req)
        let kategori = Dictionary(uniqueKeysWithValues: try await KategoriModel.query(on: req.db).all().map { ($0.id!, $0.nama) })
        let laporan = try await s.daftarLaporan(p)
        let opd = Dictionary(grouping: try await laporan.compactMap(\.id).perBagian { ids in
            try await LaporanOPDModel.query(on: req.db).filter(\.$laporan.$id ~~ ids).all()
        }, by: { $0.$laporan.id })
        let barisLaporan = [["Nomor", "Tanggal", "Judul", "Kategori", "Kode wilayah", "Status", "Diteruskan ke", "Dipublikasikan"]]
            + laporan.sorted { $0.nomor < $1.nomor }.map { m in
                [m.nomor, Tanggal(m.dibuatPada).iso, m.judul, kategori[m.kodeKategori] ?? m.kodeKategori, m.kodeWilayah, m.statusLaporan.label,
                 (opd[m.id!] ?? []).map(\.kodeOPD).sorted().joined(separator: ", "), m.dipublikasikan ? "ya" : "tidak"]
            }
        let materi = try await MateriModel.query(on: req.db).filter(\.$dibuatPada >= p.dari.awal)
            .filter(\.$dibuatPada < p.sampai.tambahHari(1).awal).sort(\.$dibuatPada).all()
        var barisMateri = [["Judul", "Jenis", "Diterbitkan", "Batas waktu", "KIM sasaran", "KIM melapor", "Persen", "Warga terjangkau"]]
        for m in materi {
            let penerima = try await s.dalamArea(PenerimaMateriModel.query(on: req.db), \.$kodeWilayah).filter(\.$materi.$id == m.id!).all()
            let c = CakupanMateri.hitung(penerima.map { .init(kim: $0.$kim.id, kecamatan: LayananStatistik.kecamatan(KodeWilayah($0.kodeWilayah)!),
                                                              status: $0.statusPenerimaan, jangkauan: $0.jangkauan ?? 0) },
                                         batasWaktu: Tanggal(iso: m.batasWaktu) ?? p.sampai, hariIni: p.sampai)
            barisMateri.append([m.judul, JenisMateri(rawValue: m.jenis)?.label ?? m.jenis, Tanggal(m.dibuatPada).iso, m.batasWaktu,
                                String(c.sasaran), String(c.disebarkan), String(c.persen), String(c.jangkauan)])
        }
        let kim = try await s.dalamArea(KimModel.query(on: req.db), \.$kodeWilayah).filter(\.$status != StatusKim.dibubarkan.rawValue).all()
        let namaKim = Dictionary(uniqueKeysWithValues: kim.map { ($0.id!, $0.nama) })
        let kegiatan = try await kim.compactMap(\.id).perBagian { ids in
            try await KegiatanModel.query(on: req.db).filter(\.$kim.$id ~~ ids).filter(\.$tanggal >= p.dari.iso).filter(\.$tanggal <= p.sampai.iso).all()
        }.sorted { $0.tanggal < $1.tanggal }
        let barisKegiatan = [["Tanggal", "KIM", "Jenis", "Tempat", "Peserta", "Uraian"]] + kegiatan.map { k in
            [k.tanggal, namaKim[k.$kim.id] ?? "", JenisKegiatan(rawValue: k.jenis)?.label ?? k.jenis, k.tempat, k.peserta.map(String.init) ?? "", k.uraian]
        }
        let aktivitas = try await req.layananAktivitas.keadaan(kim)
        let pengurus = try await CariKim.pengurus(kim, db: req.db)
        let barisKim = [["Nama KIM", "Tingkat", "Kode wilayah", "Status", "Status aktivitas", "Aktivitas terakhir", "Ketua", "Nomor HP ketua",
                         "Nomor SK kecamatan", "Tanggal SK kecamatan"]] + kim.sorted { $0.kodeWilayah < $1.kodeWilayah }.map { m in
            let ketua = pengurus[m.id!]?.first { $0.jabatanKim == .ketua }
            return [m.nama, m.tingkatKim.tingkatWilayah.label, m.kodeWilayah, m.statusKim.label, aktivitas[m.id!]?.status.label ?? "",
                    aktivitas[m.id!]?.terakhir?.iso ?? "", ketua?.nama ?? "", ketua.map { NomorTelepon.tampil($0.nomorHP) } ?? "",
                    m.nomorSKKecamatan ?? "", m.tanggalSKKecamatan ?? ""]
        }
        return Lembar(kim: barisKim, laporan: barisLaporan, diseminasi: barisMateri, kegiatan: barisKegiatan)
    }

    @Sendable func xlsx(req: Request) async throws -> Response {
        try req.wajib(.lihatDasborPembentukan)
        let p = try LayananStatistik(req: req).bulan()
        let l = try await req.application.hitungBerat { try await Self.lembar(req, p) }
        let data = try XLSX.buat([.init(nama: "KIM", baris: l.kim), .init(nama: "Laporan", baris: l.laporan),
                                  .init(nama: "Diseminasi", baris: l.diseminasi), .init(nama: "Kegiatan", baris: l.kegiatan)])
        return ImporEksporController.unduhan(data, tipe: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
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
        try await req.halaman("rekap", try await req.application.hitungBerat { try await Self.konteks(req) })
    }

    private static func konteks(_ req: Request) async throws -> Konteks {
        let (r, area) = try await DasborController.rekap(req)
        let s = LayananStatistik(req: req)
        let p = try s.bulan()
        let lap = try await s.laporan(p)
        let dis = try await s.diseminasi(p)
        let akt = try await s.aktivitas()
        let kegiatanPerJenis = try await s.kegiatanPerJenis(p)
        var namaArea = "Kabupaten Serang"
        if let area { namaArea = try await NamaWilayah.untuk([area.nilai], db: req.db)[area.nilai] ?? area.nilai }
        return Konteks(
            judul: "Rekap Bulanan", bulan: TanggalIndonesia.namaBulanTahun(p.dari), kodeBulan: String(p.dari.iso.prefix(7)), area: namaArea,
            dicetak: TanggalIndonesia.denganJam(req.sekarang),
            kim: [BarisAngka(label: "KIM kecamatan dibentuk / disahkan (target \(r.targetKecamatan))", nilai: "\(r.kimKecamatanDibentuk) / \(r.kimKecamatanDisahkan)"),
                  BarisAngka(label: "KIM desa dibentuk / disahkan (target \(r.targetDesa))", nilai: "\(r.kimDesaDibentuk) / \(r.kimDesaDisahkan)"),
                  BarisAngka(label: "KIM aktif dari yang disahkan", nilai: "\(akt.aktif) dari \(akt.disahkan)")],
            laporan: [BarisAngka(label: "Laporan masuk", nilai: String(lap.jumlah))]
                + StatusLaporan.allCases.map { BarisAngka(label: "— \($0.label)", nilai: String(lap.perStatus[$0] ?? 0)) },
            sla: TahapSLA.allCases.map { t in
                let k = lap.sla[t] ?? .init()
                return BarisAngka(label: t.label, nilai: "\(k.tepat) tepat, \(k.terlambat) terlambat" + (k.persen.map { " (\($0)%)" } ?? ""))
            } + [BarisAngka(label: "Median waktu verifikasi", nilai: lap.medianHariVerifikasi.map { String(format: "%.1f hari kerja", $0) } ?? "—")],
            diseminasi: [BarisAngka(label: "Materi diterbitkan", nilai: String(dis.materi)),
                         BarisAngka(label: "KIM melapor penyebaran", nilai: "\(dis.cakupan.disebarkan) dari \(dis.cakupan.sasaran) (\(dis.cakupan.persen)%)"),
                         BarisAngka(label: "Warga terjangkau", nilai: String(dis.cakupan.jangkauan))],
            kegiatan: [BarisAngka(label: "Kegiatan tercatat", nilai: String(kegiatanPerJenis.values.reduce(0, +)))]
                + kegiatanPerJenis.sorted { $0.key < $1.key }.map { BarisAngka(label: "— \($0.key)", nilai: String($0.value)) })
    }
}
