import Foundation

public enum StatusLogin: Equatable, Sendable {
    case boleh
    case terkunci(sampai: Date)
}

/// Login throttling: `batas` failures within `jendela` lock further attempts for
/// `lamaKunci`, counted from the failure that reached the limit. Applied separately to
/// one username and to one IP address; refused attempts are not failures themselves.
public struct PembatasLogin: Sendable {
    public let batas: Int
    public let jendela: TimeInterval
    public let lamaKunci: TimeInterval

    public init(batas: Int = 5, jendela: TimeInterval = 15 * 60, lamaKunci: TimeInterval = 15 * 60) {
        self.batas = batas
        self.jendela = jendela
        self.lamaKunci = lamaKunci
    }

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
}
