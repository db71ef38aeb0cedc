import Foundation

/// A calendar day in WIB (formation date, SK date), stored as "YYYY-MM-DD" so no time
/// zone can shift it.
public struct Tanggal: Hashable, Comparable, Codable, Sendable, CustomStringConvertible {
    public let tahun: Int
    public let bulan: Int
    public let hari: Int

    public init?(tahun: Int, bulan: Int, hari: Int) {
        var k = DateComponents()
        (k.year, k.month, k.day) = (tahun, bulan, hari)
        guard (1900...2999).contains(tahun), let d = TanggalIndonesia.kalender.date(from: k),
              TanggalIndonesia.kalender.component(.day, from: d) == hari,
              TanggalIndonesia.kalender.component(.month, from: d) == bulan else { return nil }
        (self.tahun, self.bulan, self.hari) = (tahun, bulan, hari)
    }

    /// Parses "YYYY-MM-DD"; `nil` for anything else or an impossible date (2024-02-30).
    public init?(iso: String) {
        let p = iso.split(separator: "-", omittingEmptySubsequences: false)
        guard p.count == 3, p[0].count == 4, p[1].count == 2, p[2].count == 2,
              let t = Int(p[0]), let b = Int(p[1]), let h = Int(p[2]) else { return nil }
        self.init(tahun: t, bulan: b, hari: h)
    }

    /// The WIB day of an instant.
    public init(_ d: Date) {
        let k = TanggalIndonesia.kalender.dateComponents([.year, .month, .day], from: d)
        (tahun, bulan, hari) = (k.year!, k.month!, k.day!)
    }

    public var iso: String { String(format: "%04d-%02d-%02d", tahun, bulan, hari) }
    public var description: String { iso }

    /// Midnight WIB of this day.
    public var awal: Date {
        TanggalIndonesia.kalender.date(from: DateComponents(year: tahun, month: bulan, day: hari))!
    }

    public func tambahHari(_ n: Int) -> Tanggal {
        Tanggal(TanggalIndonesia.kalender.date(byAdding: .day, value: n, to: awal)!)
    }

    public func tambahTahun(_ n: Int) -> Tanggal {
        Tanggal(TanggalIndonesia.kalender.date(byAdding: .year, value: n, to: awal)!)
    }

    /// The first and last day of a month given as "YYYY-MM".
    public static func bulan(_ teks: String) -> (awal: Tanggal, akhir: Tanggal)? {
        guard teks.count == 7, let awal = Tanggal(iso: teks + "-01") else { return nil }
        let berikut = TanggalIndonesia.kalender.date(byAdding: .month, value: 1, to: awal.awal)!
        return (awal, Tanggal(berikut).tambahHari(-1))
    }

    public static func < (a: Tanggal, b: Tanggal) -> Bool { (a.tahun, a.bulan, a.hari) < (b.tahun, b.bulan, b.hari) }

    public init(from decoder: Decoder) throws {
        let s = try decoder.singleValueContainer().decode(String.self)
        guard let t = Tanggal(iso: s) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "tanggal harus YYYY-MM-DD"))
        }
        self = t
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(iso)
    }
}

extension TanggalIndonesia {
    /// "Kamis, 16 Mei 2024".
    public static func panjang(_ t: Tanggal) -> String { panjang(t.awal) }

    /// "April 2026".
    public static func namaBulanTahun(_ t: Tanggal) -> String { "\(namaBulan[t.bulan - 1]) \(t.tahun)" }

    public static func namaHari(_ t: Tanggal) -> String {
        namaHari[kalender.component(.weekday, from: t.awal) - 1]
    }
}
