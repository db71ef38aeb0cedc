import SIKIMData
import Fluent
import SIKIMCore
import Vapor

/// Settings the admin keeps up to date: the holiday list of the SLA clock and the categories
/// of information (name, default OPD, sensitive). Verifikator may read them.
struct PengaturanController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get("pengaturan", use: halaman)
        routes.post("pengaturan", "hari-libur", use: tambahLibur)
        routes.post("pengaturan", "hari-libur", ":tanggal", "hapus", use: hapusLibur)
        routes.post("pengaturan", "kategori", ":kode", use: ubahKategori)
        routes.post("pengaturan", "webhook", use: simpanWebhook)
    }

    struct Libur: Encodable { let tanggal: String; let label: String; let nama: String; let jenis: String }
    struct Kat: Encodable { let kode: String; let nama: String; let kodeOpd: String; let sensitif: Bool; let jumlahPertanyaan: Int }

    struct Konteks: Encodable {
        let tata: Tata
        let csrf: String
        let bolehUbah: Bool
        let tahun: Int
        let libur: [Libur]
        let kategori: [Kat]
        let pilihanOPD: [Pilihan]
        let kesalahan: GalatIsian
        let ambangAktif: Int
        let ambangKurangAktif: Int
        let ambangAwal: Int
        let webhookURL: String
        let webhookAda: Bool
        let webhookGagal: Int
    }

    static func render(_ req: Request, kesalahan: GalatIsian = [:], status: HTTPStatus = .ok) async throws -> Response {
        try req.wajib(.lihatPengaturan)
        let tahun = (try? req.kueri)?["tahun"].flatMap { Int($0) } ?? Tanggal(req.sekarang).tahun
        let libur = try await HariLiburModel.query(on: req.db).filter(\.$id =~ "\(tahun)-").sort(\.$id).all()
        let ambang = try await req.layananAktivitas.ambang()
        let webhook = bolehUbahWebhook(req) ? try await RepositoriWebhook(db: req.db, jam: req.application.jam).pengaturan() : nil
        let gagal = try await RepositoriWebhook(db: req.db, jam: req.application.jam).jumlahGagal()
        return try await req.halaman("pengaturan", Konteks(
            tata: req.tata("Pengaturan"), csrf: req.tokenCSRF, bolehUbah: Kebijakan.boleh(req.aktor, .kelolaPengaturan), tahun: tahun,
            libur: libur.map { Libur(tanggal: $0.id!, label: Tanggal(iso: $0.id!).map(TanggalIndonesia.panjang) ?? $0.id!, nama: $0.nama,
                                     jenis: $0.jenis == "cuti_bersama" ? "Cuti bersama" : "Libur nasional") },
            kategori: try await KategoriModel.query(on: req.db).sort(\.$nama).all().map {
                Kat(kode: $0.id!, nama: $0.nama, kodeOpd: $0.kodeOPD, sensitif: $0.sensitif, jumlahPertanyaan: $0.pertanyaan.count)
            },
            pilihanOPD: try await OPDModel.query(on: req.db).filter(\.$aktif == true).sort(\.$nama).all().map { Pilihan(nilai: $0.id!, label: $0.nama) },
            kesalahan: kesalahan, ambangAktif: ambang.aktif, ambangKurangAktif: ambang.kurangAktif, ambangAwal: ambang.awal,
            webhookURL: webhook?.url ?? "", webhookAda: webhook != nil, webhookGagal: gagal), status: status)
    }

    @Sendable func halaman(req: Request) async throws -> Response { try await Self.render(req) }

    static func bolehUbahWebhook(_ req: Request) -> Bool { Kebijakan.boleh(req.aktor, .kelolaPengaturan) }

    struct IsianWebhook: Content { var url: String?; var rahasia: String? }

    @Sendable func simpanWebhook(req: Request) async throws -> Response {
        try req.wajib(.kelolaPengaturan)
        let i = try req.content.decode(IsianWebhook.self)
        do {
            // An empty URL turns the webhook off; a post without the field changes nothing.
            guard let url = i.url else { throw KesalahanIsian("webhook", "URL webhook wajib dikirim; kosongkan isinya untuk mematikan webhook.") }
            try await RepositoriWebhook(db: req.db, jam: req.application.jam)
                .simpan(url: try JadwalWebhook.periksaURL(url) ?? "", rahasia: i.rahasia.flatMap { $0.isEmpty ? nil : String($0.prefix(200)) })
        } catch let e as KesalahanIsian {
            return try await Self.render(req, kesalahan: ["webhook": e.pesan], status: .unprocessableEntity)
        }
        return req.alihkan("/pengaturan", kilat: "Pengaturan webhook disimpan.")
    }

    struct IsianLibur: Content { var tanggal: String?; var nama: String?; var jenis: String? }

    @Sendable func tambahLibur(req: Request) async throws -> Response {
        try req.wajib(.kelolaPengaturan)
        let i = try req.content.decode(IsianLibur.self)
        guard let t = i.tanggal.flatMap(Tanggal.init(iso:)) else {
            return try await Self.render(req, kesalahan: ["tanggal": "Tanggal harus berformat TTTT-BB-HH."], status: .unprocessableEntity)
        }
        let nama = (i.nama ?? "").trimmingCharacters(in: .whitespaces)
        guard (2...100).contains(nama.count) else {
            return try await Self.render(req, kesalahan: ["tanggal": "Nama hari libur harus 2–100 karakter."], status: .unprocessableEntity)
        }
        guard try await HariLiburModel.find(t.iso, on: req.db) == nil else {
            return try await Self.render(req, kesalahan: ["tanggal": "Tanggal \(t.iso) sudah ada dalam daftar."], status: .unprocessableEntity)
        }
        try await HariLiburModel(tanggal: t.iso, jenis: i.jenis == "cuti_bersama" ? "cuti_bersama" : "libur_nasional", nama: nama).create(on: req.db)
        req.application.versiLibur.withLockedValue { $0 += 1 }
        return req.alihkan("/pengaturan?tahun=\(t.tahun)", kilat: "\(TanggalIndonesia.panjang(t)) ditambahkan sebagai hari libur.")
    }

    @Sendable func hapusLibur(req: Request) async throws -> Response {
        try req.wajib(.kelolaPengaturan)
        guard let t = req.parameters.get("tanggal").flatMap(Tanggal.init(iso:)), let m = try await HariLiburModel.find(t.iso, on: req.db) else {
            throw KesalahanHTTP.tidakDitemukan("Hari libur")
        }
        try await m.delete(on: req.db)
        req.application.versiLibur.withLockedValue { $0 += 1 }
        return req.alihkan("/pengaturan?tahun=\(t.tahun)", kilat: "\(TanggalIndonesia.panjang(t)) dihapus dari daftar hari libur.")
    }

    struct IsianKategori: Content { var nama: String?; var kodeOpd: String?; var sensitif: String?
        enum CodingKeys: String, CodingKey { case nama, sensitif, kodeOpd = "kode_opd" } }

    @Sendable func ubahKategori(req: Request) async throws -> Response {
        try req.wajib(.kelolaPengaturan)
        guard let kode = req.parameters.get("kode"), let k = try await KategoriModel.find(kode, on: req.db) else {
            throw KesalahanHTTP.tidakDitemukan("Kategori")
        }
        let i = try req.content.decode(IsianKategori.self)
        do {
            k.nama = try AturanPengurus.teks(i.nama ?? "", bidang: "kategori", label: "Nama kategori", maks: 100)
        } catch {
            return try await Self.render(req, kesalahan: ["kategori": error.pesan], status: .unprocessableEntity)
        }
        if let o = i.kodeOpd, !o.isEmpty {
            guard let opd = try await OPDModel.find(o, on: req.db), opd.aktif else {
                return try await Self.render(req, kesalahan: ["kategori": "OPD \(o.prefix(40)) tidak dikenal atau tidak aktif."], status: .unprocessableEntity)
            }
            k.kodeOPD = o
        }
        k.sensitif = i.sensitif == "1"
        try await k.update(on: req.db)
        return req.alihkan("/pengaturan", kilat: "Kategori \(k.nama) diperbarui.")
    }
}
