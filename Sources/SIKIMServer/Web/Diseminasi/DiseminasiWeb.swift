import SIKIMCore
import SIKIMData
import Vapor

/// Diseminasi pages: the materi list, publishing one, a materi with its coverage, and a KIM's
/// report of how it passed the materi on.
struct DiseminasiWeb: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let d = routes.grouped("diseminasi")
        d.get(use: daftar)
        d.get("baru", use: formBaru)
        d.post(use: terbitkan).batasBadan(berkas: "30mb")
        d.get(":materi", use: detail)
        d.get(":materi", "berkas", ":berkas", use: unduh)
        d.post(":materi", "laporan", use: laporkan).batasBadan(berkas: "10mb")
    }

    static func url(_ id: UUID) -> String { "/diseminasi/\(id)" }

    struct Baris: Encodable { let id: String; let judul: String; let jenis: String; let batas: String; let keterangan: String }
    struct KonteksDaftar: Encodable { let tata: Tata; let daftar: [Baris]; let kosong: Bool; let bolehTerbit: Bool }

    @Sendable func daftar(req: Request) async throws -> Response {
        let layanan = LayananDiseminasi(l: req.lingkungan)
        var baris: [Baris] = []
        for m in try await layanan.daftar(untuk: req.aktor) {
            let ket: String
            if let r = try await layanan.salinan(m, untuk: req.aktor) {
                ket = r.statusPenerimaan.label
            } else {
                let c = try await layanan.cakupan(m, untuk: req.aktor)
                ket = "\(c.disebarkan) dari \(c.sasaran) KIM melapor (\(c.persen)%)"
            }
            baris.append(Baris(id: m.id!.uuidString, judul: m.judul, jenis: JenisMateri(rawValue: m.jenis)?.label ?? m.jenis,
                               batas: Tanggal(iso: m.batasWaktu).map(TanggalIndonesia.panjang) ?? m.batasWaktu, keterangan: ket))
        }
        return try await req.halaman("diseminasi-daftar", KonteksDaftar(tata: req.tata("Diseminasi"), daftar: baris, kosong: baris.isEmpty,
                                                                         bolehTerbit: AturanDiseminasi.bolehMenerbitkan(req.aktor)))
    }

    struct KonteksForm: Encodable {
        let tata: Tata; let csrf: String; let isian: IsianMateri; let kesalahan: GalatIsian
        let pilihanJenis: [Pilihan]; let pilihanKecamatan: [Pilihan]; let pilihanKim: [Pilihan]; let besok: String
    }

    private func renderForm(_ req: Request, _ isian: IsianMateri, kesalahan: GalatIsian, status: HTTPStatus) async throws -> Response {
        let l = req.lingkungan
        return try await req.halaman("diseminasi-baru", KonteksForm(
            tata: req.tata("Terbitkan materi"), csrf: req.tokenCSRF, isian: isian, kesalahan: kesalahan,
            pilihanJenis: JenisMateri.allCases.map { Pilihan(nilai: $0.rawValue, label: $0.label) },
            pilihanKecamatan: try await LayananWilayah(l: l).kecamatan().map { Pilihan(nilai: $0.kode.nilai, label: $0.nama) },
            pilihanKim: try await LayananKim(l: l).aktif().map { Pilihan(nilai: $0.id!.uuidString, label: $0.nama) },
            besok: l.hariIni.tambahHari(7).iso), status: status)
    }

    @Sendable func formBaru(req: Request) async throws -> Response {
        _ = try req.wajibMasuk()
        guard AturanDiseminasi.bolehMenerbitkan(req.aktor) else { throw TindakanDilarang() }
        return try await renderForm(req, IsianMateri(), kesalahan: [:], status: .ok)
    }

    @Sendable func terbitkan(req: Request) async throws -> Response {
        let p = try req.wajibMasuk()
        let isian = try req.content.decode(IsianMateri.self)
        do {
            let m = try await LayananDiseminasi(l: req.lingkungan).terbitkan(isian, lampiran: try req.berkas("lampiran"), oleh: p.aktor)
            return req.alihkan(Self.url(m.id!), kilat: "Materi diterbitkan kepada KIM sasaran.")
        } catch let e as KesalahanIsian {
            return try await renderForm(req, isian, kesalahan: e.perBidang, status: .unprocessableEntity)
        }
    }

    struct BarisKecamatan: Encodable { let nama: String; let sasaran: Int; let disebarkan: Int; let jangkauan: Int }
    struct BarisKim: Encodable { let nama: String; let status: String; let statusLabel: String; let saluran: String; let jangkauan: Int? }
    struct KonteksDetail: Encodable {
        let tata: Tata; let csrf: String; let id: String; let judul: String; let ringkasan: String; let isi: String
        let jenis: String; let batas: String; let statusSaya: String?; let statusSayaLabel: String?; let bolehLapor: Bool
        let sasaran: Int?; let dibaca: Int?; let disebarkan: Int?; let jangkauan: Int?; let persen: Int?; let terlambat: Int?
        let perKecamatan: [BarisKecamatan]; let perKim: [BarisKim]
        let pilihanSaluran: [Pilihan]; let hariIni: String; let kesalahan: GalatIsian
        let lampiran: [Pilihan]
    }

    /// A pengurus sees its own copy and the report form; everyone else the coverage in their
    /// area, per kecamatan and per KIM.
    private func renderDetail(_ req: Request, kesalahan: GalatIsian = [:], status: HTTPStatus = .ok) async throws -> Response {
        let l = req.lingkungan
        let layanan = LayananDiseminasi(l: l)
        let m = try await layanan.satu(req.parameters.get("materi", as: UUID.self), untuk: req.aktor)
        let milik = try await layanan.buka(m, untuk: req.aktor)
        var perKec: [BarisKecamatan] = [], perKim: [BarisKim] = []
        var c: CakupanMateri?
        if milik == nil {
            let (cak, rows) = try await layanan.penerima(m, untuk: req.aktor)
            c = cak
            let nama = try await LayananWilayah(l: l).nama(cak.perKecamatan.map(\.kecamatan.nilai))
            perKec = cak.perKecamatan.map { BarisKecamatan(nama: nama[$0.kecamatan.nilai] ?? $0.kecamatan.nilai, sasaran: $0.sasaran,
                                                          disebarkan: $0.disebarkan, jangkauan: $0.jangkauan) }
            let kim = try await LayananKim(l: l).nama(rows.map(\.$kim.id))
            perKim = rows.sorted { $0.kodeWilayah < $1.kodeWilayah }.map { r in
                BarisKim(nama: kim[r.$kim.id] ?? "", status: r.status, statusLabel: r.statusPenerimaan.label,
                         saluran: (r.saluran ?? "").split(separator: ",").compactMap { SaluranDiseminasi(rawValue: String($0))?.label }.joined(separator: ", "),
                         jangkauan: r.jangkauan)
            }
        }
        return try await req.halaman("diseminasi-detail", KonteksDetail(
            tata: req.tata(m.judul), csrf: req.tokenCSRF, id: m.id!.uuidString, judul: m.judul, ringkasan: m.ringkasan, isi: m.isi,
            jenis: JenisMateri(rawValue: m.jenis)?.label ?? m.jenis, batas: Tanggal(iso: m.batasWaktu).map(TanggalIndonesia.panjang) ?? m.batasWaktu,
            statusSaya: milik?.status, statusSayaLabel: milik?.statusPenerimaan.label, bolehLapor: milik != nil,
            sasaran: c?.sasaran, dibaca: c?.dibaca, disebarkan: c?.disebarkan, jangkauan: c?.jangkauan, persen: c?.persen, terlambat: c?.terlambat.count,
            perKecamatan: perKec, perKim: perKim, pilihanSaluran: SaluranDiseminasi.allCases.map { Pilihan(nilai: $0.rawValue, label: $0.label) },
            hariIni: l.hariIni.iso, kesalahan: kesalahan,
            lampiran: try await layanan.lampiran(m).map { Pilihan(nilai: "\(Self.url(m.id!))/berkas/\($0.id!)", label: $0.namaAsli) }), status: status)
    }

    @Sendable func detail(req: Request) async throws -> Response { try await renderDetail(req) }

    @Sendable func unduh(req: Request) async throws -> Response {
        let layanan = LayananDiseminasi(l: req.lingkungan)
        let m = try await layanan.satu(req.parameters.get("materi", as: UUID.self), untuk: req.aktor)
        let f = try await layanan.berkas(req.parameters.get("berkas", as: UUID.self), materi: m, untuk: req.aktor)
        return try await req.berkasTersimpan(layanan.penyimpan.jalur(f.berkas), tipe: f.tipeMime, publik: false)
    }

    @Sendable func laporkan(req: Request) async throws -> Response {
        let layanan = LayananDiseminasi(l: req.lingkungan)
        let m = try await layanan.satu(req.parameters.get("materi", as: UUID.self), untuk: req.aktor)
        do {
            try await layanan.laporkan(m, try req.content.decode(IsianPenyebaran.self), foto: try req.berkas("foto"), oleh: req.aktor)
            return req.alihkan(Self.url(m.id!), kilat: "Laporan penyebaran tersimpan. Terima kasih.")
        } catch let e as KesalahanIsian {
            return try await renderDetail(req, kesalahan: e.perBidang, status: .unprocessableEntity)
        }
    }
}
