import FluentKit
import Foundation
import SIKIMCore

/// The outbound webhook's setting and its queue of deliveries.
package struct RepositoriWebhook {
    package let db: any Database
    package let jam: Jam

    package init(db: any Database, jam: Jam) { (self.db, self.jam) = (db, jam) }

    static let kunciURL = "webhook_url"
    static let kunciRahasia = "webhook_rahasia"

    package func pengaturan() async throws -> (url: String, rahasia: String)? {
        let m = Dictionary(uniqueKeysWithValues: try await PengaturanModel.query(on: db).filter(\.$id ~~ [Self.kunciURL, Self.kunciRahasia]).all()
            .map { ($0.id!, $0.nilai) })
        guard let url = m[Self.kunciURL], !url.isEmpty else { return nil }
        return (url, m[Self.kunciRahasia] ?? "")
    }

    /// An empty URL turns the webhook off; a nil secret keeps the one stored.
    package func simpan(url: String, rahasia: String?) async throws {
        var nilai = [(Self.kunciURL, url)]
        if let rahasia { nilai.append((Self.kunciRahasia, rahasia)) }
        try await RepositoriPengaturan(db: db).simpan(nilai)
    }

    /// Queues notices for the webhook (the caller knows one is set); the body carries no personal data.
    package func antre(_ daftar: [(Pemberitahuan, tautan: String)]) async throws {
        let sekarang = jam.sekarang()
        try await daftar.map { p, tautan in
            let m = KirimanWebhookModel()
            (m.isi, m.status, m.percobaan) = (JadwalWebhook.isi(p, tautan: tautan, waktu: sekarang), "menunggu", 0)
            (m.berikutnya, m.dibuatPada) = (sekarang, sekarang)
            return m
        }.simpanBertahap(on: db)
    }

    /// Deliveries due now, oldest first.
    package func jatuhTempo(batas: Int = 20) async throws -> [KirimanWebhookModel] {
        try await KirimanWebhookModel.query(on: db).filter(\.$status == "menunggu").filter(\.$berikutnya <= jam.sekarang())
            .sort(\.$berikutnya).limit(batas).all()
    }

    /// Records how a delivery went: sent, to be retried, or given up.
    package func catat(_ m: KirimanWebhookModel, galat: String?) async throws {
        if let galat {
            m.percobaan += 1
            m.galat = galat
            if JadwalWebhook.menyerah(setelahGagalKe: m.percobaan) { m.status = "gagal" }
            else { m.berikutnya = jam.sekarang().addingTimeInterval(JadwalWebhook.tunda(setelahGagalKe: m.percobaan)) }
        } else {
            (m.status, m.galat) = ("terkirim", nil)
        }
        try await m.update(on: db)
    }

    package func jumlahGagal() async throws -> Int {
        try await KirimanWebhookModel.query(on: db).filter(\.$status == "gagal").count()
    }
}
