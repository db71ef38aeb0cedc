import SIKIMData
import Fluent
import SIKIMCore
import Vapor

/// Bringing existing KIMs in from CSV (dry run, then all or nothing) and the KIM directory
/// out as CSV and XLSX for reporting (the columns the ministry's KIM data collection asks).
struct ImporEksporController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get("kim", "ekspor.csv", use: eksporCSV)
        routes.get("kim", "ekspor.xlsx", use: eksporXLSX)
        routes.get("kim", "impor", use: formImpor)
        routes.get("kim", "impor", "templat.csv", use: templat)
        routes.post("kim", "impor", use: pratinjau).batasBadan(berkas: "2mb")
        routes.post("kim", "impor", "simpan", use: simpan)
        routes.post("api", "v1", "impor", "kim", use: imporAPI).batasBadan(teks: "2mb")
    }

    // MARK: Export

    static let kepalaEkspor = ["Nama KIM", "Tingkat", "Kode wilayah", "Desa", "Kecamatan", "Kabupaten", "Provinsi", "Status",
                               "Tanggal pembentukan", "Ketua", "Nomor HP ketua", "E-mail", "Telepon", "Alamat",
                               "Nomor SK desa", "Tanggal SK desa", "Nomor SK kecamatan", "Tanggal SK kecamatan",
                               "Jumlah pengurus", "Bidang fokus"]

    /// The actor's KIMs (the list scope), dissolved ones left out, one row each.
    static func baris(_ req: Request) async throws -> [[String]] {
        try req.wajib(.lihatDaftarKim)
        let kim = try await CariKim.query(req).filter(\.$status != StatusKim.dibubarkan.rawValue).sort(\.$kodeWilayah).all()
        let pengurus = try await CariKim.pengurus(kim, db: req.db)
        let kode = Set(kim.flatMap { m in [m.kodeWilayah] + (m.wilayah.induk.map { [$0.nilai] } ?? []) })
        let nama = Dictionary(uniqueKeysWithValues: try await WilayahModel.query(on: req.db).filter(\.$id ~~ Array(kode)).all().map { ($0.id!, $0.nama) })
        return [kepalaEkspor] + kim.map { m in
            let p = pengurus[m.id!] ?? []
            let ketua = p.first { $0.jabatanKim == .ketua }
            let desa = m.tingkatKim == .desa ? nama[m.kodeWilayah] ?? "" : ""
            let kec = m.tingkatKim == .desa ? m.wilayah.induk.flatMap { nama[$0.nilai] } ?? "" : nama[m.kodeWilayah] ?? ""
            return [m.nama, m.tingkatKim.tingkatWilayah.label, m.kodeWilayah, desa, kec, "Serang", "Banten", m.statusKim.label,
                    m.tanggalPembentukan ?? "", ketua?.nama ?? "", ketua.map { NomorTelepon.tampil($0.nomorHP) } ?? "",
                    m.email ?? "", m.telepon.map(NomorTelepon.tampil) ?? "", m.alamat ?? "",
                    m.nomorSKDesa ?? "", m.tanggalSKDesa ?? "", m.nomorSKKecamatan ?? "", m.tanggalSKKecamatan ?? "",
                    String(p.count), m.fokus.joined(separator: ", ")]
        }
    }

    static func unduhan(_ data: Data, tipe: String, nama: String) -> Response {
        let res = Response(status: .ok, body: .init(data: data))
        res.headers.replaceOrAdd(name: .contentType, value: tipe)
        res.headers.replaceOrAdd(name: .contentDisposition, value: "attachment; filename=\"\(nama)\"")
        res.headers.replaceOrAdd(name: .cacheControl, value: "private, no-store")
        return res
    }

    @Sendable func eksporCSV(req: Request) async throws -> Response {
        // A BOM so that Excel reads the UTF-8 names correctly.
        let teks = "\u{FEFF}" + CSV.tulis(try await Self.baris(req))
        return Self.unduhan(Data(teks.utf8), tipe: "text/csv; charset=utf-8", nama: "direktori-kim-\(Tanggal(req.sekarang).iso).csv")
    }

    @Sendable func eksporXLSX(req: Request) async throws -> Response {
        let data = try XLSX.buat([.init(nama: "Direktori KIM", baris: try await Self.baris(req))])
        return Self.unduhan(data, tipe: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                            nama: "direktori-kim-\(Tanggal(req.sekarang).iso).xlsx")
    }

    // MARK: Import

    @Sendable func templat(req: Request) async throws -> Response {
        try req.wajib(.imporKim)
        return Self.unduhan(Data(CSV.tulis([ImporKim.kolom]).utf8), tipe: "text/csv; charset=utf-8", nama: "templat-impor-kim.csv")
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
            let baris = try await req.layananImpor.periksa(teks)
            let id = try req.layananImpor.simpanSementara(teks)
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
        guard let id = try req.content.decode(IsianSimpan.self).berkas, let teks = req.layananImpor.bacaSementara(id) else {
            return try await render(req, pesan: "Berkas pratinjau sudah tidak tersedia. Unggah ulang berkasnya.", status: .unprocessableEntity)
        }
        do {
            let jumlah = try await req.layananImpor.impor(teks, oleh: p)
            req.layananImpor.hapusSementara(id)
            return req.alihkan("/kim", kilat: "\(jumlah) KIM berhasil diimpor.")
        } catch let e as KesalahanImpor {
            if case .barisSalah(let baris) = e { return try await render(req, baris: baris, status: .unprocessableEntity) }
            return try await render(req, pesan: e.pesan, status: .unprocessableEntity)
        }
    }

    struct HasilImporDTO: Content {
        struct Baris: Content { let nomor: Int; let kodeWilayah: String; let nama: String; let kesalahan: [String] }
        let siap: Bool
        let disimpan: Int
        let baris: [Baris]
    }

    /// `POST /api/v1/impor/kim` with a text/csv body; `?pratinjau=true` only checks.
    @Sendable func imporAPI(req: Request) async throws -> Response {
        let p = try req.wajibMasuk()
        try req.wajib(.imporKim)
        guard let body = req.body.data, let teks = body.getString(at: body.readerIndex, length: body.readableBytes) else {
            throw KesalahanHTTP.parameter("Kirim isi berkas CSV (UTF-8) sebagai badan permintaan.")
        }
        func dto(_ b: [ImporKim.Baris], disimpan: Int) -> HasilImporDTO {
            HasilImporDTO(siap: b.allSatisfy(\.kesalahan.isEmpty), disimpan: disimpan,
                          baris: b.map { .init(nomor: $0.nomor, kodeWilayah: $0.kodeWilayah, nama: $0.nama, kesalahan: $0.kesalahan) })
        }
        do {
            if (try? req.kueri)?["pratinjau"] == "true" {
                let b = try await req.layananImpor.periksa(teks)
                return try await dto(b, disimpan: 0).encodeResponse(for: req)
            }
            let jumlah = try await req.layananImpor.impor(teks, oleh: p)
            return try await HasilImporDTO(siap: true, disimpan: jumlah, baris: []).encodeResponse(status: .created, for: req)
        } catch let e as KesalahanImpor {
            if case .barisSalah(let b) = e {
                let res = try await dto(b, disimpan: 0).encodeResponse(status: .unprocessableEntity, for: req)
                return res
            }
            throw KesalahanHTTP(.unprocessableEntity, "impor_tidak_valid", e.pesan)
        }
    }
}

enum KesalahanImpor: Error {
    case berkas(ImporKim.Kesalahan)
    case barisSalah([ImporKim.Baris])

    var pesan: String {
        switch self {
        case .berkas(.kosong): "Berkas tidak berisi baris KIM."
        case .berkas(.formatCSV(let p)): "Berkas CSV tidak valid: \(p)"
        case .berkas(.kolomTidakSesuai(let kurang, let asing)):
            "Kolom berkas tidak sesuai templat." + (kurang.isEmpty ? "" : " Kolom yang kurang: \(kurang.joined(separator: ", ")).")
                + (asing.isEmpty ? "" : " Kolom yang tidak dikenal: \(asing.prefix(10).joined(separator: ", ")).")
        case .barisSalah(let b): "\(b.filter { !$0.kesalahan.isEmpty }.count) baris berisi kesalahan; tidak ada yang disimpan."
        }
    }
}

/// Import of KIMs: the core checks the rows; this stores a clean file in one transaction.
struct LayananImpor {
    let db: any Database
    let jam: Jam
    let direktori: String

    func periksa(_ teks: String) async throws -> [ImporKim.Baris] {
        let wilayah = try await WilayahModel.query(on: db).filter(\.$tingkat != Tingkat.kabupaten.rawValue).all()
        let ada = try await KimModel.query(on: db).filter(\.$status != StatusKim.dibubarkan.rawValue).all(\.$kodeWilayah)
        do {
            return try ImporKim.periksa(csv: teks, namaWilayah: Dictionary(uniqueKeysWithValues: wilayah.map { ($0.id!, $0.nama) }),
                                        sudahAdaKim: Set(ada), hariIni: Tanggal(jam.sekarang()))
        } catch { throw KesalahanImpor.berkas(error) }
    }

    /// Imports every row or none; returns how many KIMs were created.
    func impor(_ teks: String, oleh p: PenggunaMasuk) async throws -> Int {
        let baris = try await periksa(teks)
        guard baris.allSatisfy(\.kesalahan.isEmpty) else { throw KesalahanImpor.barisSalah(baris) }
        let sekarang = jam.sekarang()
        try await db.transaction { db in
            for b in baris {
                guard let k = b.kim else { continue }
                let m = KimModel(tingkat: k.tingkat, wilayah: k.wilayah, data: k.data, pada: sekarang)
                m.status = k.status.rawValue
                (m.nomorSKDesa, m.tanggalSKDesa) = (k.skDesa?.nomor, k.skDesa?.tanggal.iso)
                (m.nomorSKKecamatan, m.tanggalSKKecamatan) = (k.skKecamatan?.nomor, k.skKecamatan?.tanggal.iso)
                try await m.create(on: db)
                for pengurus in k.pengurus { try await PengurusModel(kimID: m.requireID(), pengurus).create(on: db) }
                var dari = StatusKim.draf
                for (i, l) in ImporKim.langkah(k).enumerated() {
                    let t = TransisiKimModel()
                    t.$kim.id = try m.requireID()
                    (t.aksi, t.dari, t.ke, t.catatan) = ("impor", dari.rawValue, l.ke.rawValue, "Diimpor dari CSV")
                    (t.penggunaID, t.namaPengguna, t.peran) = (p.aktor.id, p.model.nama, p.aktor.peran.rawValue)
                    // Each step is dated on its legal day, so the formation chart shows history.
                    (t.waktu, t.tanggal, t.urutan) = (sekarang, (l.tanggal ?? Tanggal(sekarang)).iso, i)
                    try await t.create(on: db)
                    dari = l.ke
                }
            }
        }
        return baris.count
    }

    func simpanSementara(_ teks: String) throws -> String {
        try FileManager.default.createDirectory(atPath: direktori, withIntermediateDirectories: true)
        let id = UUID().uuidString.lowercased()
        try Data(teks.utf8).write(to: URL(fileURLWithPath: direktori + "/" + id + ".csv"))
        return id
    }

    func bacaSementara(_ id: String) -> String? {
        guard UUID(uuidString: id) != nil else { return nil }
        return try? String(contentsOfFile: direktori + "/" + id.lowercased() + ".csv", encoding: .utf8)
    }

    func hapusSementara(_ id: String) {
        try? FileManager.default.removeItem(atPath: direktori + "/" + id.lowercased() + ".csv")
    }
}

extension Request {
    var layananImpor: LayananImpor {
        LayananImpor(db: db, jam: application.jam, direktori: application.sikim.direktoriData + "/impor")
    }
}
