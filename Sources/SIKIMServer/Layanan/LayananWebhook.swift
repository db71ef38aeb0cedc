import Fluent
import NIOCore
import Foundation
import SIKIMCore
import SQLKit
import Vapor

/// A queued outbound webhook delivery.
final class KirimanWebhookModel: Model, @unchecked Sendable {
    static let schema = "webhook_kiriman"

    @ID(key: .id) var id: UUID?
    @Field(key: "isi") var isi: String
    @Field(key: "status") var status: String
    @Field(key: "percobaan") var percobaan: Int
    @Field(key: "berikutnya") var berikutnya: Date
    @OptionalField(key: "galat") var galat: String?
    @Field(key: "dibuat_pada") var dibuatPada: Date

    init() {}

    /// By hand, not by reflection (FluentKit's cost per row read); checked by `PropertiModelTests`.
    var properties: [any AnyProperty] { [$id, $isi, $status, $percobaan, $berikutnya, $galat, $dibuatPada] }
}

struct M022BuatWebhook: AsyncMigration {
    func prepare(on db: any Database) async throws {
        try await db.schema("webhook_kiriman")
            .id()
            .field("isi", .string, .required)
            .field("status", .string, .required)
            .field("percobaan", .int, .required)
            .field("berikutnya", .datetime, .required)
            .field("galat", .string)
            .field("dibuat_pada", .datetime, .required)
            .create()
        try await (db as! any SQLDatabase).create(index: "webhook_menunggu_idx").on("webhook_kiriman").column("status").column("berikutnya").run()
    }

    func revert(on db: any Database) async throws {
        try await db.schema("webhook_kiriman").delete()
    }
}

/// The outbound webhook: queued inside the request's transaction-free path (a single insert),
/// delivered in the background, signed with HMAC-SHA256 over the body with the admin's secret.
struct LayananWebhook {
    let db: any Database
    let jam: Jam

    static let kunciURL = "webhook_url"
    static let kunciRahasia = "webhook_rahasia"

    func pengaturan() async throws -> (url: String, rahasia: String)? {
        let m = Dictionary(uniqueKeysWithValues: try await PengaturanModel.query(on: db).filter(\.$id ~~ [Self.kunciURL, Self.kunciRahasia]).all()
            .map { ($0.id!, $0.nilai) })
        guard let url = m[Self.kunciURL], !url.isEmpty else { return nil }
        return (url, m[Self.kunciRahasia] ?? "")
    }

    func simpan(url: String, rahasia: String?) async throws {
        let u = try JadwalWebhook.periksaURL(url) ?? ""
        try await db.transaction { db in
            for (k, v) in [(Self.kunciURL, u)] + (rahasia.flatMap { $0.isEmpty ? nil : [(Self.kunciRahasia, String($0.prefix(200)))] } ?? []) {
                if let m = try await PengaturanModel.find(k, on: db) { m.nilai = v; try await m.update(on: db) }
                else { try await PengaturanModel(kunci: k, nilai: v).create(on: db) }
            }
        }
    }

    /// Queues notices for the webhook (the caller knows one is set); the body carries no personal data.
    func antre(_ daftar: [(Pemberitahuan, tautan: String)]) async throws {
        let f = ISO8601DateFormatter()
        f.timeZone = TanggalIndonesia.wib
        let enc = JSONEncoder()
        enc.outputFormatting = .sortedKeys
        let sekarang = jam.sekarang()
        try await daftar.map { p, tautan in
            let isi: [String: String] = ["jenis": Self.jenis(p), "judul": p.judul, "tautan": tautan, "waktu": f.string(from: sekarang)]
            let m = KirimanWebhookModel()
            (m.isi, m.status, m.percobaan) = (String(decoding: try enc.encode(isi), as: UTF8.self), "menunggu", 0)
            (m.berikutnya, m.dibuatPada) = (sekarang, sekarang)
            return m
        }.simpanBertahap(on: db)
    }

    static func jenis(_ p: Pemberitahuan) -> String {
        switch p {
        case .laporanBaru: "laporan_baru"
        case .pertanyaanKlarifikasi: "pertanyaan_klarifikasi"
        case .klarifikasiDijawab: "klarifikasi_dijawab"
        case .laporanDiteruskan: "laporan_diteruskan"
        case .laporanSelesai: "laporan_selesai"
        case .laporanTidakValid: "laporan_tidak_valid"
        case .materiBaru: "materi_baru"
        case .tenggatLewat: "tenggat_lewat"
        case .kimTidakAktif: "kim_tidak_aktif"
        }
    }

    static func tandaTangan(_ isi: String, rahasia: String) -> String {
        let mac = HMAC<SHA256>.authenticationCode(for: Data(isi.utf8), using: SymmetricKey(data: Data(rahasia.utf8)))
        return "sha256=" + Data(mac).hex
    }

    /// Delivers what is due; failures are logged and retried later, then given up.
    func kirimYangJatuhTempo(client: any Client, logger: Logger, batasWaktu: TimeAmount = .seconds(5)) async throws {
        guard let (url, rahasia) = try await pengaturan() else { return }
        let due = try await KirimanWebhookModel.query(on: db).filter(\.$status == "menunggu")
            .filter(\.$berikutnya <= jam.sekarang()).sort(\.$berikutnya).limit(20).all()
        for m in due {
            var galat: String?
            do {
                let res = try await client.post(URI(string: url)) { r in
                    r.headers.contentType = .json
                    r.headers.replaceOrAdd(name: "X-SIKIM-Signature", value: Self.tandaTangan(m.isi, rahasia: rahasia))
                    r.body = ByteBuffer(string: m.isi)
                    r.timeout = batasWaktu
                }
                if !(200..<300).contains(res.status.code) { galat = "HTTP \(res.status.code)" }
            } catch {
                galat = String(describing: error).prefix(300).description
            }
            if let galat {
                m.percobaan += 1
                m.galat = galat
                if JadwalWebhook.menyerah(setelahGagalKe: m.percobaan) { m.status = "gagal" }
                else { m.berikutnya = jam.sekarang().addingTimeInterval(JadwalWebhook.tunda(setelahGagalKe: m.percobaan)) }
                logger.warning("Webhook gagal dikirim", metadata: ["percobaan": .stringConvertible(m.percobaan), "galat": .string(galat)])
            } else {
                (m.status, m.galat) = ("terkirim", nil)
            }
            try await m.update(on: db)
        }
    }

    /// Runs the deliveries every few seconds while the server serves.
    static func mulai(_ app: Application) {
        let loop = app.eventLoopGroup.next()
        app.berjalan.ulangi(loop.scheduleRepeatedAsyncTask(initialDelay: .seconds(1), delay: .seconds(2)) { _ in
            loop.makeFutureWithTask {
                try? await app.berjalan.jalankan {
                    do { try await LayananWebhook(db: app.db, jam: app.jam).kirimYangJatuhTempo(client: app.client, logger: app.logger) }
                    catch { app.logger.report(error: error) }
                }
            }
        })
    }
}
