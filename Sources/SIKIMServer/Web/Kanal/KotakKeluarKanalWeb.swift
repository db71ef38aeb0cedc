import SIKIMCore
import SIKIMData
import Vapor

/// The chat channels' settings page (issue 21): which channel is on, the outbox by state, its
/// failures with the gateway's reason, and sending a failed or uncertain message again.
struct KotakKeluarKanalWeb: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get("pengaturan", "kanal", use: halaman)
        routes.post("pengaturan", "kanal", "kiriman", ":kiriman", "ulang", use: ulang)
    }

    struct Kanal: Encodable { let nama: String; let aktif: Bool; let keterangan: String }
    struct Jumlah: Encodable { let label: String; let jumlah: Int }
    struct Baris: Encodable {
        let id: String
        let kanal: String
        let penerima: String
        let isi: String
        let status: String
        let statusLabel: String
        let percobaan: Int
        let galat: String?
        let dibuat: String
        let dikirim: String?
        let versi: Int
        let bolehUlang: Bool
    }
    struct Konteks: Encodable {
        let tata: Tata
        let csrf: String
        let kanal: [Kanal]
        let batasHarian: Int
        let jumlah: [Jumlah]
        let kiriman: [Baris]
        let hanyaGagal: Bool
    }

    @Sendable func halaman(req: Request) async throws -> Response {
        try req.wajib(.olahPesanKanal)
        let k = req.application.sikim.kanal
        let hanyaGagal = (try? req.kueri)?["status"] == "gagal"
        let data = RepositoriKanal(db: req.db)
        let jumlah = try await data.jumlahKiriman()
        let kiriman = try await data.kiriman(status: hanyaGagal ? [.gagal, .tidakPasti] : nil, batas: 100)
        return try await req.halaman("pengaturan-kanal", Konteks(
            tata: req.tata("WhatsApp dan SMS"), csrf: req.tokenCSRF,
            kanal: [
                Kanal(nama: "WhatsApp", aktif: k.whatsapp != nil,
                      keterangan: k.whatsapp.map { "Nomor ID \($0.idNomor); templat di luar 24 jam: \($0.templat)" } ?? "Belum diatur (SIKIM_WA_*)."),
                Kanal(nama: "SMS", aktif: k.sms != nil,
                      keterangan: k.sms.map { $0.urlSendsms.map { "Kannel: \($0)" } ?? "gammu-smsd" } ?? "Belum diatur (SIKIM_SMS_TOKEN, SIKIM_KANNEL_*)."),
            ],
            batasHarian: k.batasHarian,
            jumlah: StatusKirimanKanal.allCases.map { Jumlah(label: $0.label, jumlah: jumlah[$0.rawValue] ?? 0) },
            kiriman: kiriman.map { m in
                let s = StatusKirimanKanal(rawValue: m.status)
                return Baris(id: m.id!.uuidString, kanal: JenisKanal(rawValue: m.kanal)?.label ?? m.kanal, penerima: NomorTelepon.tampil(m.penerima),
                             isi: String(m.isi.prefix(200)), status: m.status, statusLabel: s?.label ?? m.status, percobaan: m.percobaan, galat: m.galat,
                             dibuat: TanggalIndonesia.denganJam(m.dibuatPada), dikirim: m.dikirimPada.map(TanggalIndonesia.denganJam), versi: m.versi,
                             bolehUlang: s == .gagal || s == .tidakPasti)
            }, hanyaGagal: hanyaGagal))
    }

    @Sendable func ulang(req: Request) async throws -> Response {
        try req.wajib(.olahPesanKanal)
        try await PengirimKanal(l: req.lingkungan, client: req.application.client)
            .ulang(req.parameters.get("kiriman", as: UUID.self), versi: try? req.content.get(Int.self, at: "versi"), oleh: req.aktor)
        return req.alihkan("/pengaturan/kanal", kilat: "Pesan dijadwalkan untuk dikirim lagi.")
    }
}
