import FluentKit
import Foundation
import SIKIMCore
import SIKIMData
import Vapor

/// What a gateway later says of a message it took (WhatsApp's status webhooks).
struct KabarGerbang: Sendable {
    let kiriman: UUID
    let idLuar: String
    /// Nil when it went; the reason when it failed.
    let galat: String?
}

/// Sends the chat outbox in the background (issue 21). A message is taken (conditionally: two
/// server processes never both take it) before it is sent and recorded after; one left taken by
/// a process that stopped is marked uncertain, not sent again. Over a recipient's limit or the day's
/// cap a message waits.
struct PengirimKanal {
    let l: Lingkungan
    let gerbang: @Sendable (JenisKanal) -> (any GerbangKanal)?

    init(l: Lingkungan, client: any Client) {
        self.l = l
        let k = l.konfigurasi.kanal
        gerbang = { k.gerbang($0, client: client) }
    }

    private var data: RepositoriKanal { RepositoriKanal(db: l.db) }

    /// A send gives up after 10 s; a message taken longer ago than this was left by a process
    /// that stopped (this one before a restart, or another server node).
    static let batasDiambil: TimeInterval = 60

    /// What a stopped process left taken: uncertain from now on — until its gateway reports it
    /// (`kabarGerbang`), or, on a channel that reports, until no report came in `tungguKabar`:
    /// then it was never taken, and goes again. Every pass runs it, so one node settles what
    /// another left.
    func tandaiYangTerputus() async throws {
        let k = l.konfigurasi.kanal
        try await data.tandaiTidakPasti(diambilSebelum: l.sekarang - Self.batasDiambil)
        try await data.kirimUlangTanpaKabar(kanal: k.berkabar.map(\.rawValue), sebelum: l.sekarang - k.tungguKabar, sekarang: l.sekarang)
    }

    func kirimYangJatuhTempo() async throws {
        for m in try await data.jatuhTempo(l.sekarang) {
            do { try await kirim(m) } catch is DiubahBersamaan { continue }
        }
    }

    private func kirim(_ m: KirimanKanalModel) async throws {
        guard let kanal = JenisKanal(rawValue: m.kanal), let gerbang = gerbang(kanal) else { return }
        let sekarang = l.sekarang
        let keputusan = JadwalKanal.putuskan(
            kePenerima: try await data.terkirimKe(m.penerima, sejak: sekarang - JadwalKanal.jendelaPenerima),
            hariIni: try await data.jumlahTerkirim(kanal: m.kanal, sejak: Tanggal(sekarang).awal),
            batasHarian: l.konfigurasi.kanal.batasHarian, sekarang: sekarang)
        if case .tundaSampai(let waktu) = keputusan {
            m.berikutnya = waktu
            try await m.simpanBersyarat(on: l.db)
            return
        }
        // Taken, with the time it was taken.
        (m.status, m.berikutnya) = (StatusKirimanKanal.mengirim.rawValue, sekarang)
        try await m.simpanBersyarat(on: l.db)
        let pesanTerakhir = try await AlamatKanal(kanal: kanal, nomor: m.penerima).asyncMap { try await data.pesanTerakhir($0) } ?? nil
        do {
            let id = try await gerbang.kirim(m, pesanTerakhir: pesanTerakhir, sekarang: sekarang)
            (m.status, m.dikirimPada, m.idLuar, m.galat) = (StatusKirimanKanal.terkirim.rawValue, l.sekarang, id.map { String($0.prefix(200)) }, nil)
        } catch let g as GalatGerbang where g.perluTemplat && m.idLuar != "templat" {
            // Outside the window after all: at once again, as the template.
            (m.status, m.idLuar, m.galat) = (StatusKirimanKanal.menunggu.rawValue, "templat", g.pesan)
        } catch {
            let g = error as? GalatGerbang ?? GalatGerbang(pesan: String(describing: error).prefix(300).description, permanen: false)
            m.percobaan += 1
            m.galat = g.pesan
            if g.permanen || JadwalKanal.menyerah(setelahGagalKe: m.percobaan) {
                m.status = StatusKirimanKanal.gagal.rawValue
            } else {
                (m.status, m.berikutnya) = (StatusKirimanKanal.menunggu.rawValue, l.sekarang + JadwalKanal.tunda(setelahGagalKe: m.percobaan))
            }
            l.logger.warning("Pesan kanal gagal dikirim", metadata: ["kiriman": .string(m.id?.uuidString ?? ""), "percobaan": .stringConvertible(m.percobaan)])
        }
        try await m.simpanBersyarat(on: l.db)
    }

    /// A gateway's word on a message it took: one left uncertain by a crash, or still marked as
    /// being sent, is sent after all; a failure reported later makes it failed, with the reason.
    func kabarGerbang(_ k: KabarGerbang) async throws {
        guard let m = try await data.kiriman(k.kiriman) else { return }
        let s = StatusKirimanKanal(rawValue: m.status)
        if let galat = k.galat {
            guard s == .terkirim || s == .mengirim || s == .tidakPasti else { return }
            (m.status, m.galat) = (StatusKirimanKanal.gagal.rawValue, String(galat.prefix(300)))
        } else {
            guard s == .mengirim || s == .tidakPasti else { return }
            (m.status, m.galat, m.idLuar) = (StatusKirimanKanal.terkirim.rawValue, nil, String(k.idLuar.prefix(200)))
            m.dikirimPada = m.dikirimPada ?? l.sekarang
        }
        do { try await m.simpanBersyarat(on: l.db) } catch is DiubahBersamaan {}
    }

    /// Staff send a failed or uncertain message again, once.
    func ulang(_ id: UUID?, versi: Int?, oleh aktor: Aktor?) async throws {
        guard Kebijakan.boleh(aktor, .olahPesanKanal) else { throw TindakanDilarang() }
        guard let id, let m = try await data.kiriman(id) else { throw TidakDitemukan("Kiriman") }
        guard [StatusKirimanKanal.gagal.rawValue, StatusKirimanKanal.tidakPasti.rawValue].contains(m.status) else { throw DiubahBersamaan() }
        if let versi, versi != m.versi { throw DiubahBersamaan() }
        (m.status, m.berikutnya, m.percobaan) = (StatusKirimanKanal.menunggu.rawValue, l.sekarang, 0)
        try await m.simpanBersyarat(on: l.db)
    }
}
