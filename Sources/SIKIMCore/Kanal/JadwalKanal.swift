import Foundation

/// When an outbound chat message goes: retries with backoff, a per-recipient limit (a bot that
/// floods one phone gets the number blocked) and a daily cap per channel (what the contract with
/// the provider pays for). Over a limit a message waits; it is never dropped.
public enum JadwalKanal {
    public static let percobaanMaksimum = 6
    /// Messages to one recipient in one `jendelaPenerima`.
    public static let batasPerPenerima = 10
    public static let jendelaPenerima: TimeInterval = 600

    /// Seconds to wait after the n-th failed attempt: 30 s, 1, 2, 4, 8 minutes.
    public static func tunda(setelahGagalKe n: Int) -> TimeInterval { 30 * pow(2, Double(max(0, n - 1))) }

    public static func menyerah(setelahGagalKe n: Int) -> Bool { n >= percobaanMaksimum }

    public enum Keputusan: Equatable, Sendable {
        case kirim
        case tundaSampai(Date)
    }

    /// - Parameters:
    ///   - kePenerima: times sent to this recipient in the last `jendelaPenerima`, oldest first.
    ///   - hariIni: messages this channel sent since midnight WIB.
    public static func putuskan(kePenerima: [Date], hariIni: Int, batasHarian: Int, sekarang: Date) -> Keputusan {
        if hariIni >= batasHarian {
            let besok = Tanggal(sekarang).tambahHari(1)
            return .tundaSampai(besok.awal)
        }
        let baru = kePenerima.filter { sekarang.timeIntervalSince($0) < jendelaPenerima }
        if baru.count >= batasPerPenerima, let tertua = baru.min() {
            return .tundaSampai(tertua.addingTimeInterval(jendelaPenerima))
        }
        return .kirim
    }
}
