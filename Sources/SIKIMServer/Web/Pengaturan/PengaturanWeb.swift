import SIKIMCore
import SIKIMData
import Vapor

/// The settings page: holidays of the SLA clock, categories of information, activity
/// thresholds and the webhook. The admin changes them; a verifikator may read them.
struct PengaturanWeb: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let p = routes.grouped("pengaturan")
        p.get(use: halaman)
        p.post("hari-libur", use: tambahLibur)
        p.post("hari-libur", ":tanggal", "hapus", use: hapusLibur)
        p.post("kategori", ":kode", use: ubahKategori)
        p.post("ambang", use: simpanAmbang)
        p.post("webhook", use: simpanWebhook)
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

    /// The page; after a refused change, with its message under the section it concerns.
    static func render(_ req: Request, kesalahan: GalatIsian = [:], status: HTTPStatus = .ok) async throws -> Response {
        try req.wajib(.lihatPengaturan)
        let l = req.lingkungan
        let layanan = LayananPengaturan(l: l)
        let bolehUbah = Kebijakan.boleh(req.aktor, .kelolaPengaturan)
        let tahun = (try? req.kueri)?["tahun"].flatMap { Int($0) } ?? l.hariIni.tahun
        let ambang = try await LayananAktivitas(l: l).ambang()
        let webhook = try await layanan.webhook()
        let url = bolehUbah ? webhook.url : nil // the address is the admin's to see
        return try await req.halaman("pengaturan", Konteks(
            tata: req.tata("Pengaturan"), csrf: req.tokenCSRF, bolehUbah: bolehUbah, tahun: tahun,
            libur: try await layanan.libur(tahun: tahun).map { m in
                let t = Tanggal(iso: m.id!)
                return Libur(tanggal: m.id!, label: t.map(TanggalIndonesia.panjang) ?? m.id!, nama: m.nama,
                             jenis: (HariLibur.Jenis(rawValue: m.jenis) ?? .liburNasional).label)
            },
            kategori: try await layanan.kategori().map {
                Kat(kode: $0.id!, nama: $0.nama, kodeOpd: $0.kodeOPD, sensitif: $0.sensitif, jumlahPertanyaan: $0.pertanyaan.count)
            },
            pilihanOPD: try await LayananOPD(l: l).aktif().map { Pilihan(nilai: $0.id!, label: $0.nama) },
            kesalahan: kesalahan, ambangAktif: ambang.aktif, ambangKurangAktif: ambang.kurangAktif, ambangAwal: ambang.awal,
            webhookURL: url ?? "", webhookAda: url != nil, webhookGagal: webhook.gagal), status: status)
    }

    @Sendable func halaman(req: Request) async throws -> Response { try await Self.render(req) }

    /// Runs a change; a refused one shows the page again with its message under `bagian`.
    private func ubah(_ req: Request, bagian: String, _ kerja: (LayananPengaturan) async throws -> Response) async throws -> Response {
        try req.wajib(.kelolaPengaturan)
        do {
            return try await kerja(LayananPengaturan(l: req.lingkungan))
        } catch let e as KesalahanIsian {
            return try await Self.render(req, kesalahan: [bagian: e.pesan], status: .unprocessableEntity)
        }
    }

    struct IsianLibur: Content { var tanggal: String?; var nama: String?; var jenis: String? }

    @Sendable func tambahLibur(req: Request) async throws -> Response {
        try await ubah(req, bagian: "tanggal") { layanan in
            let i = try req.content.decode(IsianLibur.self)
            let h = try await layanan.tambahLibur(tanggal: i.tanggal, nama: i.nama, jenis: i.jenis)
            return req.alihkan("/pengaturan?tahun=\(h.tanggal.tahun)", kilat: "\(TanggalIndonesia.panjang(h.tanggal)) ditambahkan sebagai hari libur.")
        }
    }

    @Sendable func hapusLibur(req: Request) async throws -> Response {
        try await ubah(req, bagian: "tanggal") { layanan in
            let t = try await layanan.hapusLibur(req.parameters.get("tanggal"))
            return req.alihkan("/pengaturan?tahun=\(t.tahun)", kilat: "\(TanggalIndonesia.panjang(t)) dihapus dari daftar hari libur.")
        }
    }

    struct IsianKategori: Content {
        var nama: String?
        var kodeOpd: String?
        var sensitif: String?
        enum CodingKeys: String, CodingKey { case nama, sensitif, kodeOpd = "kode_opd" }
    }

    @Sendable func ubahKategori(req: Request) async throws -> Response {
        try await ubah(req, bagian: "kategori") { layanan in
            let i = try req.content.decode(IsianKategori.self)
            let k = try await layanan.ubahKategori(req.parameters.get("kode"), nama: i.nama, kodeOPD: i.kodeOpd, sensitif: i.sensitif == "1")
            return req.alihkan("/pengaturan", kilat: "Kategori \(k.nama) diperbarui.")
        }
    }

    struct IsianAmbang: Content {
        var aktif: String?
        var kurangAktif: String?
        var awal: String?
        enum CodingKeys: String, CodingKey { case aktif, awal, kurangAktif = "kurang_aktif" }
    }

    @Sendable func simpanAmbang(req: Request) async throws -> Response {
        try await ubah(req, bagian: "ambang") { layanan in
            let i = try req.content.decode(IsianAmbang.self)
            try await layanan.simpanAmbang(aktif: i.aktif, kurangAktif: i.kurangAktif, awal: i.awal)
            return req.alihkan("/pengaturan", kilat: "Ambang status aktivitas diperbarui.")
        }
    }

    struct IsianWebhook: Content { var url: String?; var rahasia: String? }

    @Sendable func simpanWebhook(req: Request) async throws -> Response {
        try await ubah(req, bagian: "webhook") { layanan in
            let i = try req.content.decode(IsianWebhook.self)
            try await layanan.simpanWebhook(url: i.url, rahasia: i.rahasia)
            return req.alihkan("/pengaturan", kilat: "Pengaturan webhook disimpan.")
        }
    }
}
