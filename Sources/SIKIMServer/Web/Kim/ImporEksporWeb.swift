import SIKIMCore
import SIKIMData
import Vapor

/// Bringing existing KIMs in from CSV (dry run, then all or nothing) and the KIM directory
/// out as CSV and XLSX for reporting (the columns the ministry's KIM data collection asks).
struct ImporEksporWeb: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get("kim", "ekspor.csv", use: eksporCSV)
        routes.get("kim", "ekspor.xlsx", use: eksporXLSX)
        routes.get("kim", "impor", use: formImpor)
        routes.get("kim", "impor", "templat.csv", use: templat)
        routes.post("kim", "impor", use: pratinjau).batasBadan(berkas: "2mb")
        routes.post("kim", "impor", "simpan", use: simpan)
    }

    // MARK: Export

    static let kepalaEkspor = ["Nama KIM", "Tingkat", "Kode wilayah", "Desa", "Kecamatan", "Kabupaten", "Provinsi", "Status",
                               "Tanggal pembentukan", "Ketua", "Nomor HP ketua", "E-mail", "Telepon", "Alamat",
                               "Nomor SK desa", "Tanggal SK desa", "Nomor SK kecamatan", "Tanggal SK kecamatan",
                               "Jumlah pengurus", "Bidang fokus"]

    /// The actor's KIMs (the list scope), dissolved ones left out, one row each.
    static func baris(_ req: Request) async throws -> [[String]] {
        try req.wajib(.lihatDaftarKim)
        let l = req.lingkungan
        let layanan = LayananKim(l: l)
        let kim = try await layanan.semua(SaringanKim(cakupan: Kebijakan.cakupanKim(req.aktor), tanpaDibubarkan: true))
        let pengurus = try await layanan.pengurus(kim)
        let wilayah = try await LayananWilayah(l: l).wilayah(kim.flatMap { m in [m.kodeWilayah] + (m.wilayah.induk.map { [$0.nilai] } ?? []) })
        let daerah = l.konfigurasi.daerah
        return [kepalaEkspor] + kim.map { m in
            let p = pengurus[m.id!] ?? []
            let ketua = p.first { $0.jabatanKim == .ketua }
            let desa = m.tingkatKim == .desa ? wilayah[m.kodeWilayah]?.nama ?? "" : ""
            let kec = m.wilayah.kecamatan.nilai
            return [m.nama, m.tingkatKim.tingkatWilayah.label, m.kodeWilayah, desa, wilayah[kec]?.nama ?? "", daerah.namaPendek, daerah.provinsi,
                    m.statusKim.label, m.tanggalPembentukan ?? "", ketua?.nama ?? "", ketua.map { NomorTelepon.tampil($0.nomorHP) } ?? "",
                    m.email ?? "", m.telepon.map(NomorTelepon.tampil) ?? "", m.alamat ?? "",
                    m.nomorSKDesa ?? "", m.tanggalSKDesa ?? "", m.nomorSKKecamatan ?? "", m.tanggalSKKecamatan ?? "",
                    String(p.count), m.fokus.joined(separator: ", ")]
        }
    }

    @Sendable func eksporCSV(req: Request) async throws -> Response {
        // A BOM so that Excel reads the UTF-8 names correctly.
        let teks = "\u{FEFF}" + CSV.tulis(try await Self.baris(req))
        return req.unduhan(Data(teks.utf8), tipe: "text/csv; charset=utf-8", nama: "direktori-kim-\(req.lingkungan.hariIni.iso).csv")
    }

    @Sendable func eksporXLSX(req: Request) async throws -> Response {
        let data = try XLSX.buat([.init(nama: "Direktori KIM", baris: try await Self.baris(req))])
        return req.unduhan(data, tipe: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                           nama: "direktori-kim-\(req.lingkungan.hariIni.iso).xlsx")
    }

    // MARK: Import

    @Sendable func templat(req: Request) async throws -> Response {
        try req.wajib(.imporKim)
        return req.unduhan(Data(CSV.tulis([ImporKim.kolom]).utf8), tipe: "text/csv; charset=utf-8", nama: "templat-impor-kim.csv")
    }

    struct BarisPratinjau: Encodable {
        let nomor: Int
        let kodeWilayah: String
        let nama: String
        let status: String
        let kesalahan: [String]
        let sah: Bool
    }

    struct Konteks: Encodable {
        let tata: Tata
        let csrf: String
        let kolom: [String]
        let pesan: String?
        let baris: [BarisPratinjau]
        let adaBaris: Bool
        let jumlahSah: Int
        let jumlahSalah: Int
        let berkas: String?
    }

    private func render(_ req: Request, pesan: String? = nil, baris: [ImporKim.Baris] = [], berkas: String? = nil,
                        status: HTTPStatus = .ok) async throws -> Response {
        let salah = baris.filter { !$0.kesalahan.isEmpty }.count
        return try await req.halaman("kim-impor", Konteks(
            tata: req.tata("Impor KIM dari CSV"), csrf: req.tokenCSRF, kolom: ImporKim.kolom, pesan: pesan,
            baris: baris.map { BarisPratinjau(nomor: $0.nomor, kodeWilayah: $0.kodeWilayah, nama: $0.nama,
                                              status: $0.kim?.status.label ?? "", kesalahan: $0.kesalahan, sah: $0.kesalahan.isEmpty) },
            adaBaris: !baris.isEmpty, jumlahSah: baris.count - salah, jumlahSalah: salah,
            berkas: salah == 0 && !baris.isEmpty ? berkas : nil), status: status)
    }

    @Sendable func formImpor(req: Request) async throws -> Response {
        try req.wajib(.imporKim)
        return try await render(req)
    }

    struct IsianBerkas: Content { var berkas: File? }
    struct IsianSimpan: Content { var berkas: String? }

    /// Dry run: checks every row and keeps the file for the commit that may follow.
    @Sendable func pratinjau(req: Request) async throws -> Response {
        try req.wajib(.imporKim)
        guard let f = try req.content.decode(IsianBerkas.self).berkas, f.data.readableBytes > 0 else {
            return try await render(req, pesan: "Pilih berkas CSV yang akan diperiksa.", status: .unprocessableEntity)
        }
        guard let teks = f.data.getString(at: f.data.readerIndex, length: f.data.readableBytes) else {
            return try await render(req, pesan: "Berkas harus berupa teks CSV berkode UTF-8.", status: .unprocessableEntity)
        }
        do {
            let layanan = LayananImpor(l: req.lingkungan)
            let baris = try await layanan.periksa(teks)
            let id = try layanan.simpanSementara(teks)
            return try await render(req, baris: baris, berkas: id, status: baris.allSatisfy(\.kesalahan.isEmpty) ? .ok : .unprocessableEntity)
        } catch let e as KesalahanImpor {
            return try await render(req, pesan: e.pesan, status: .unprocessableEntity)
        }
    }

    /// Commit: the kept file is checked again (the database may have changed) and imported
    /// all or nothing.
    @Sendable func simpan(req: Request) async throws -> Response {
        let p = try req.wajibMasuk()
        try req.wajib(.imporKim)
        let layanan = LayananImpor(l: req.lingkungan)
        guard let id = try req.content.decode(IsianSimpan.self).berkas, let teks = layanan.bacaSementara(id) else {
            return try await render(req, pesan: "Berkas pratinjau sudah tidak tersedia. Unggah ulang berkasnya.", status: .unprocessableEntity)
        }
        do {
            let jumlah = try await layanan.impor(teks, oleh: p.pelaku)
            layanan.hapusSementara(id)
            return req.alihkan("/kim", kilat: "\(jumlah) KIM berhasil diimpor.")
        } catch let e as KesalahanImpor {
            if case .barisSalah(let baris) = e { return try await render(req, baris: baris, status: .unprocessableEntity) }
            return try await render(req, pesan: e.pesan, status: .unprocessableEntity)
        }
    }
}
