import Foundation

public enum StatusLogin: Equatable, Sendable {
    case boleh
    case terkunci(sampai: Date)
}

/// One login limit: `batas` failures within `jendela` lock further attempts for `lamaKunci`,
/// counted from the failure that reached the limit. Refused attempts are not failures
/// themselves. Two limits apply (DOMAIN.md, "Pembatasan masuk"): `akun` to one username from
/// any address, and `alamat` to one address. The address limit is high because a carrier's
/// shared address (CGNAT) or a village office puts many people behind one address, and it
/// does not apply to an account that signed in from that address within `ingatAlamat`: one
/// person's wrong guesses never lock out a colleague.
public struct PembatasLogin: Sendable {
    public let batas: Int
    public let jendela: TimeInterval
    public let lamaKunci: TimeInterval

    public init(batas: Int, jendela: TimeInterval = 15 * 60, lamaKunci: TimeInterval = 15 * 60) {
        self.batas = batas
        self.jendela = jendela
        self.lamaKunci = lamaKunci
    }

    /// Guessing one account's password: five tries per quarter hour.
    public static let akun = PembatasLogin(batas: 5)
    /// Guessing from one address across accounts (password spraying): far above what an
    /// office or a carrier's address produces by mistyping.
    public static let alamat = PembatasLogin(batas: 100)
    /// An address this account signed in from this recently is its own.
    public static let ingatAlamat: TimeInterval = 30 * 24 * 3600

    /// How far back failures can matter for a decision now.
    public var rentangRiwayat: TimeInterval { jendela + lamaKunci }

    public func status(kegagalan: [Date], sekarang: Date) -> StatusLogin {
        let urut = kegagalan.filter { $0 <= sekarang }.sorted()
        guard urut.count >= batas else { return .boleh }
        var sampai: Date?
        for i in (batas - 1)..<urut.count where urut[i].timeIntervalSince(urut[i - batas + 1]) <= jendela {
            let akhir = urut[i].addingTimeInterval(lamaKunci)
            if akhir > sekarang { sampai = max(sampai ?? akhir, akhir) }
        }
        return sampai.map { .terkunci(sampai: $0) } ?? .boleh
    }

    /// Failures still allowed before the lock, told to the user after a failure: the next
    /// `sisa` failures within the window lock. Zero when locked.
    public func sisa(kegagalan: [Date], sekarang: Date) -> Int {
        guard status(kegagalan: kegagalan, sekarang: sekarang) == .boleh else { return 0 }
        let dalamJendela = kegagalan.filter { $0 <= sekarang && sekarang.timeIntervalSince($0) < jendela }.count
        return max(0, batas - dalamJendela)
    }
}
