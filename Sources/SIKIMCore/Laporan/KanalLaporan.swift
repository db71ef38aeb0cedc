import Foundation

/// How a laporan reached SIKIM (issue 20). Staff see it, with the time it was written on the
/// phone when that differs from its arrival; the SLA clock starts at the arrival either way.
public enum KanalLaporan: String, CaseIterable, Codable, Sendable {
    case web
    case api
    /// The app on the phone, sent when written.
    case aplikasi
    /// The app on the phone, written without a signal and sent later from its outbox.
    case aplikasiLuring = "aplikasi_luring"
    /// A chat message (issue 21): from a pengurus's confirmed number, or a citizen's message a
    /// verifikator turned into a laporan.
    case whatsapp, sms

    public var label: String {
        switch self {
        case .web: "Formulir web"
        case .api: "API"
        case .aplikasi: "Aplikasi ponsel"
        case .aplikasiLuring: "Aplikasi ponsel, ditulis saat luring"
        case .whatsapp: "WhatsApp"
        case .sms: "SMS"
        }
    }

    /// What staff must keep in mind about where it came from.
    public var peringatan: String? {
        switch self {
        case .sms: "Nomor pengirim SMS dapat dipalsukan: pastikan kebenarannya saat verifikasi, seperti laporan lain."
        default: nil
        }
    }

    /// Written this long before it arrived, an app laporan counts as written offline.
    public static let jedaLuring: TimeInterval = 120
    /// A phone's clock is believed back this far, never past the arrival.
    public static let klaimTerlama: TimeInterval = 60 * 86_400

    /// A time as a client sends it: ISO 8601, with or without fractions of a second.
    public static func waktu(_ teks: String?) -> Date? {
        guard let teks else { return nil }
        let f = ISO8601DateFormatter()
        f.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        if let d = f.date(from: teks) { return d }
        f.formatOptions = [.withInternetDateTime]
        return f.date(from: teks)
    }

    /// The channel and the writing time to store for what a client says (`klaim`: "aplikasi"
    /// or nothing; `ditulis`: the phone's time) and when it arrived.
    public static func tentukan(klaim: String?, ditulis: Date?, diterima: Date, lewatAPI: Bool)
        -> (kanal: KanalLaporan, ditulis: Date?) {
        guard klaim == "aplikasi" else { return (lewatAPI ? .api : .web, nil) }
        guard let ditulis, ditulis <= diterima, diterima.timeIntervalSince(ditulis) <= klaimTerlama else { return (.aplikasi, nil) }
        return diterima.timeIntervalSince(ditulis) > jedaLuring ? (.aplikasiLuring, ditulis) : (.aplikasi, nil)
    }
}
