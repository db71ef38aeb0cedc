import Foundation

/// A chat channel SIKIM talks over (issue 21). Messages in become the same laporan, kegiatan
/// and reach reports as the pages make; replies and updates go out through the outbox.
public enum JenisKanal: String, CaseIterable, Codable, Sendable {
    case whatsapp, sms

    public var label: String {
        switch self {
        case .whatsapp: "WhatsApp"
        case .sms: "SMS"
        }
    }

    /// The laporan channel a message of this kind makes.
    public var kanalLaporan: KanalLaporan {
        switch self {
        case .whatsapp: .whatsapp
        case .sms: .sms
        }
    }
}

/// Someone on a channel: the channel and their number, normalised as `+62…`.
public struct AlamatKanal: Hashable, Codable, Sendable {
    public let kanal: JenisKanal
    public let nomor: String

    /// A number as a gateway gives it ("6281234567890", "+62 812…", "0812…"); nil for one that
    /// is not an Indonesian number (a short code, a foreign sender).
    public init?(kanal: JenisKanal, nomor mentah: String) {
        guard let n = try? NomorTelepon.normalisasi(mentah, seluler: false) else { return nil }
        (self.kanal, self.nomor) = (kanal, n)
    }

    /// "whatsapp:+6281234567890", as stored.
    public var teks: String { "\(kanal.rawValue):\(nomor)" }

    public init?(teks: String) {
        let bagian = teks.split(separator: ":", maxSplits: 1)
        guard bagian.count == 2, let k = JenisKanal(rawValue: String(bagian[0])) else { return nil }
        self.init(kanal: k, nomor: String(bagian[1]))
    }

    /// The number as a gateway wants it: digits only, with the country code ("6281234567890").
    public var nomorInternasional: String { String(nomor.dropFirst()) }
}

/// One message that came in, as the channels' gateways all reduce to it.
public struct PesanMasuk: Equatable, Sendable {
    public enum Isi: Equatable, Sendable {
        case teks(String)
        /// A photo held by the gateway (WhatsApp's media id), with its caption.
        case foto(media: String, keterangan: String?)
        case lokasi(lat: Double, lon: Double)
        /// A tapped button or list row: its id and its title.
        case pilihan(id: String, judul: String)
        /// Anything else (a voice note, a sticker): answered with how to report.
        case lain(String)

        public var jenis: String {
            switch self {
            case .teks: "teks"
            case .foto: "foto"
            case .lokasi: "lokasi"
            case .pilihan: "pilihan"
            case .lain: "lain"
            }
        }
    }

    /// The gateway's id for it: the same message delivered twice has the same id.
    public let idLuar: String
    public let dari: AlamatKanal
    public let isi: Isi

    public init(idLuar: String, dari: AlamatKanal, isi: Isi) {
        (self.idLuar, self.dari, self.isi) = (idLuar, dari, isi)
    }
}

/// WhatsApp's customer-service window: within 24 hours of the person's last message a reply is
/// free text; after it, only an approved template may be sent.
public enum JendelaWhatsApp {
    public static let lama: TimeInterval = 24 * 3600

    public static func terbuka(pesanTerakhir: Date?, sekarang: Date) -> Bool {
        guard let pesanTerakhir else { return false }
        return sekarang.timeIntervalSince(pesanTerakhir) < lama
    }
}
