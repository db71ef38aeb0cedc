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

    /// The WIB day of an instant. WIB is a fixed UTC+7 without daylight saving, so plain
    /// integer arithmetic is exact (and much faster than Calendar, which SLA sums call often).
    public init(_ d: Date) {
        self.init(hariKe: Int(((d.timeIntervalSince1970 + 7 * 3600) / 86_400).rounded(.down)))
    }

    /// Day number since 1970-01-01 (Howard Hinnant's civil-from-days algorithm).
    public init(hariKe z0: Int) {
        let z = z0 + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        (tahun, bulan, hari) = (yoe + era * 400 + (m <= 2 ? 1 : 0), m, d)
    }

    /// Days since 1970-01-01 (days-from-civil).
    public var hariKe: Int {
        let y = bulan <= 2 ? tahun - 1 : tahun
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let doy = (153 * (bulan > 2 ? bulan - 3 : bulan + 9) + 2) / 5 + hari - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    /// 1 = Sunday … 7 = Saturday, as Calendar counts (1970-01-01 was a Thursday).
    public var hariDalamMinggu: Int { ((hariKe % 7 + 7) % 7 + 4) % 7 + 1 }

    public var iso: String { Self.digit(tahun, 4) + "-" + Self.digit(bulan, 2) + "-" + Self.digit(hari, 2) }

    /// `n` with leading zeros to `lebar` digits (for n ≥ 0). `String(format:)` cost a laporan
    /// list a tenth of its time, every row carrying two or three timestamps.
    public static func digit(_ n: Int, _ lebar: Int) -> String {
        let s = String(n)
        return s.count >= lebar ? s : String(repeating: "0", count: lebar - s.count) + s
    }
    public var description: String { iso }

    /// Midnight WIB of this day.
    public var awal: Date { Date(timeIntervalSince1970: Double(hariKe) * 86_400 - 7 * 3600) }

    public func tambahHari(_ n: Int) -> Tanggal { Tanggal(hariKe: hariKe + n) }

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

    /// "16 Mei 2024".
    public static func tanpaHari(_ t: Tanggal) -> String { tanpaHari(t.awal) }

    /// "April 2026".
    public static func namaBulanTahun(_ t: Tanggal) -> String { "\(namaBulan[t.bulan - 1]) \(t.tahun)" }

    public static func namaHari(_ t: Tanggal) -> String {
        namaHari[t.hariDalamMinggu - 1]
    }
}
