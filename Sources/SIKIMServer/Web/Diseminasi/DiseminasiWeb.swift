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

    /// One tickable choice, ticked again after an error or a change of mind.
    struct Centang: Encodable { let nilai: String; let label: String; let terpilih: Bool }

    struct KonteksForm: Encodable {
        let tata: Tata; let csrf: String; let isian: IsianMateri; let kesalahan: GalatIsian
        let pilihanJenis: [Pilihan]; let sasaran: String; let jumlahSemua: Int
        let pilihanKecamatan: [Centang]; let pilihanKim: [Centang]; let besok: String
        /// Attachments sent earlier and kept (`BerkasTertunda`), so they need not be sent again.
        let tertunda: String?; let terlampir: [String]
    }

    /// The form's own fields beside the materi: which step, and the kept attachments.
    struct Langkah: Content {
        var langkah: String?
        var tertunda: String?
        var buangTertunda: String?
        enum CodingKeys: String, CodingKey { case langkah, tertunda, buangTertunda = "buang_tertunda" }
    }

    /// The active KIMs as the form names them (with desa and kecamatan: many share a name)
    /// and counts them per kecamatan.
    private struct SasaranTersedia {
        let aktif: [KimModel]
        let kecamatan: [Wilayah]
        let namaWilayah: [String: String]

        init(_ l: Lingkungan) async throws {
            aktif = try await LayananKim(l: l).aktif()
            kecamatan = try await LayananWilayah(l: l).kecamatan()
            namaWilayah = try await LayananWilayah(l: l).nama(Array(Set(aktif.map(\.kodeWilayah))))
                .merging(kecamatan.map { ($0.kode.nilai, $0.nama) }, uniquingKeysWith: { a, _ in a })
        }

        func jumlah(di kec: KodeWilayah) -> Int { aktif.filter { kec.mencakup($0.wilayah) }.count }

        func label(_ k: KimModel) -> String {
            let w = k.wilayah
            guard w.tingkat == .desa, let kec = w.induk else { return "\(k.nama) (Kecamatan \(namaWilayah[w.nilai] ?? w.nilai))" }
            return "\(k.nama) (\(namaWilayah[w.nilai] ?? w.nilai), Kec. \(namaWilayah[kec.nilai] ?? kec.nilai))"
        }
    }

    private func renderForm(_ req: Request, _ isian: IsianMateri, tertunda: String?, kesalahan: GalatIsian, status: HTTPStatus) async throws -> Response {
        let l = req.lingkungan
        let s = try await SasaranTersedia(l)
        let (kecTerpilih, kimTerpilih) = (Set(isian.kecamatan ?? []), Set(isian.kim ?? []))
        return try await req.halaman("diseminasi-baru", KonteksForm(
            tata: req.tata("Terbitkan materi"), csrf: req.tokenCSRF, isian: isian,
            kesalahan: kesalahan,
            pilihanJenis: JenisMateri.allCases.map { Pilihan(nilai: $0.rawValue, label: $0.label) },
            sasaran: isian.sasaran ?? "semua", jumlahSemua: s.aktif.count,
            pilihanKecamatan: s.kecamatan.map { Centang(nilai: $0.kode.nilai, label: "\($0.nama) (\(s.jumlah(di: $0.kode)) KIM)",
                                                        terpilih: kecTerpilih.contains($0.kode.nilai)) },
            pilihanKim: s.aktif.map { Centang(nilai: $0.id!.uuidString, label: s.label($0), terpilih: kimTerpilih.contains($0.id!.uuidString)) },
            besok: l.hariIni.tambahHari(7).iso,
            tertunda: tertunda, terlampir: BerkasTertunda(req).ambil(tertunda).map(\.nama)), status: status)
    }

    struct BarisSasaran: Encodable { let kecamatan: String; let jumlah: Int }
    struct KonteksKonfirmasi: Encodable {
        let tata: Tata; let csrf: String; let isian: IsianMateri; let kecamatan: [String]; let kim: [String]
        let jumlah: Int; let perKecamatan: [BarisSasaran]; let batas: String; let jenis: String
        let tertunda: String?; let terlampir: [String]
    }

    /// The step before publishing: what the materi will reach, to confirm or change.
    private func renderKonfirmasi(_ req: Request, _ isian: IsianMateri, _ r: LayananDiseminasi.Rencana, tertunda: String?) async throws -> Response {
        // The KIMs are those the check just read: only the kecamatan names are needed here.
        let baris = try await LayananWilayah(l: req.lingkungan).kecamatan().compactMap { k in
            let n = r.kim.filter { k.kode.mencakup($0.wilayah) }.count
            return n > 0 ? BarisSasaran(kecamatan: k.nama, jumlah: n) : nil
        }
        return try await req.halaman("diseminasi-konfirmasi", KonteksKonfirmasi(
            tata: req.tata("Periksa sasaran materi"), csrf: req.tokenCSRF, isian: isian, kecamatan: isian.kecamatan ?? [], kim: isian.kim ?? [],
            jumlah: r.kim.count, perKecamatan: baris,
            batas: TanggalIndonesia.panjang(r.materi.batasWaktu), jenis: r.materi.jenis.label,
            tertunda: tertunda, terlampir: r.berkas.map(\.namaAsli)))
    }

    @Sendable func formBaru(req: Request) async throws -> Response {
        _ = try req.wajibMasuk()
        guard AturanDiseminasi.bolehMenerbitkan(req.aktor) else { throw TindakanDilarang() }
        return try await renderForm(req, IsianMateri(), tertunda: nil, kesalahan: [:], status: .ok)
    }

    /// Three steps on one address: the form is checked and answered with what it would reach
    /// ("periksa", also when no step is named); "ubah" goes back to the form; "terbitkan"
    /// publishes, if the target still reaches the count that was confirmed. Attachments are
    /// kept across the steps and across errors.
    @Sendable func terbitkan(req: Request) async throws -> Response {
        let p = try req.wajibMasuk()
        guard AturanDiseminasi.bolehMenerbitkan(p.aktor) else { throw TindakanDilarang() }
        let isian = try req.content.decode(IsianMateri.self)
        let langkah = try req.content.decode(Langkah.self)
        let tertunda = BerkasTertunda(req)
        var kunci = langkah.tertunda
        if langkah.buangTertunda == "ya" { tertunda.hapus(kunci); kunci = nil }
        let layanan = LayananDiseminasi(l: req.lingkungan)
        do {
            kunci = try tertunda.simpan(try req.berkas("lampiran"), kunci: kunci)
            switch langkah.langkah {
            case "terbitkan":
                let m = try await layanan.terbitkan(isian, lampiran: tertunda.ambil(kunci), oleh: p.aktor)
                tertunda.hapus(kunci)
                return req.alihkan(Self.url(m.id!), kilat: "Materi diterbitkan kepada \(isian.jumlahSasaran ?? 0) KIM sasaran.")
            case "ubah":
                return try await renderForm(req, isian, tertunda: kunci, kesalahan: [:], status: .ok)
            default:
                let r = try await layanan.periksa(isian, lampiran: tertunda.ambil(kunci), oleh: p.aktor)
                return try await renderKonfirmasi(req, isian, r, tertunda: kunci)
            }
        } catch let e as KesalahanIsian {
            return try await renderForm(req, isian, tertunda: kunci, kesalahan: e.perBidang, status: .unprocessableEntity)
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
        /// The reach report form's idempotency key (a retry from the phone changes nothing).
        let kunci: String
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
            lampiran: try await layanan.lampiran(m).map { Pilihan(nilai: "\(Self.url(m.id!))/berkas/\($0.id!)", label: $0.namaAsli) },
            kunci: UUID().uuidString), status: status)
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
            try await layanan.laporkan(m, try req.content.decode(IsianPenyebaran.self), foto: try req.berkas("foto"), oleh: req.aktor,
                                       kunci: req.kunciIdempotensi)
            return req.alihkan(Self.url(m.id!), kilat: "Laporan penyebaran tersimpan. Terima kasih.")
        } catch let e as KesalahanIsian {
            return try await renderDetail(req, kesalahan: e.perBidang, status: .unprocessableEntity)
        }
    }
}
