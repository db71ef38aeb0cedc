import Foundation

/// Working days (Monday–Friday, not a national holiday or cuti bersama, in WIB) and the SLA
/// deadlines counted in them, after SP4N-LAPOR!.
public struct KalenderKerja: Sendable {
    public let libur: Set<Tanggal>

    public init(libur: Set<Tanggal>) { self.libur = libur }

    public func hariKerja(_ t: Tanggal) -> Bool {
        let hari = t.hariDalamMinggu
        return hari != 1 && hari != 7 && !libur.contains(t)
    }

    /// The n-th working day after the day of `dari` (that day itself is not counted).
    public func hariKerjaKe(_ n: Int, setelah dari: Tanggal) -> Tanggal {
        var t = dari, sisa = n
        while sisa > 0 {
            t = t.tambahHari(1)
            if hariKerja(t) { sisa -= 1 }
        }
        return t
    }

    /// A deadline falls at the end (23:59:59 WIB) of its last working day.
    public func tenggat(_ n: Int, sejak waktu: Date) -> Date {
        hariKerjaKe(n, setelah: Tanggal(waktu)).tambahHari(1).awal.addingTimeInterval(-1)
    }

    /// The earliest start whose deadline of `n` working days has not passed at `sekarang`.
    /// A deadline only moves forward with its start, so every earlier start is overdue: a
    /// check can read just the rows that started before this instant.
    public func mulaiBelumLewat(_ n: Int, pada sekarang: Date) -> Date {
        var hari = Tanggal(sekarang)
        while tenggat(n, sejak: hari.awal) >= sekarang { hari = hari.tambahHari(-1) }
        return hari.tambahHari(1).awal
    }

    /// Working days from one instant's day to another's (negative when `sampai` is earlier).
    public func selisihHariKerja(dari: Date, sampai: Date) -> Int {
        var (a, b) = (Tanggal(dari), Tanggal(sampai))
        let tanda = a <= b ? 1 : -1
        if tanda < 0 { swap(&a, &b) }
        var n = 0
        while a < b { a = a.tambahHari(1); if hariKerja(a) { n += 1 } }
        return n * tanda
    }
}

/// The SLA stages and their lengths in working days.
public enum TahapSLA: String, CaseIterable, Sendable {
    case verifikasi, tanggapanOPD = "tanggapan_opd", penyelesaian

    public var hariKerja: Int {
        switch self {
        case .verifikasi: 3
        case .tanggapanOPD: 5
        case .penyelesaian: 10
        }
    }

    public var label: String {
        switch self {
        case .verifikasi: "Verifikasi"
        case .tanggapanOPD: "Tanggapan OPD"
        case .penyelesaian: "Penyelesaian"
        }
    }

    /// Whose deadline it is, as a list says it beside the date (issue 19).
    public var milik: String {
        switch self {
        case .verifikasi: "verifikasi oleh verifikator"
        case .tanggapanOPD: "tanggapan oleh OPD"
        case .penyelesaian: "penyelesaian oleh OPD"
        }
    }
}

/// A date the admin adds to the holiday list.
public struct HariLibur: Equatable, Sendable {
    public enum Jenis: String, Sendable {
        case liburNasional = "libur_nasional", cutiBersama = "cuti_bersama"
        public var label: String { self == .cutiBersama ? "Cuti bersama" : "Libur nasional" }
    }

    public let tanggal: Tanggal
    public let nama: String
    public let jenis: Jenis

    /// A form's fields; an unknown kind is a national holiday.
    public static func periksa(tanggal: String?, nama: String?, jenis: String?) throws(KesalahanIsian) -> HariLibur {
        guard let t = tanggal.flatMap(Tanggal.init(iso:)) else { throw KesalahanIsian("tanggal", "Tanggal harus berformat TTTT-BB-HH.") }
        let n = (nama ?? "").trimmingCharacters(in: .whitespaces)
        guard (2...100).contains(n.count) else { throw KesalahanIsian("tanggal", "Nama hari libur harus 2–100 karakter.") }
        return HariLibur(tanggal: t, nama: n, jenis: Jenis(rawValue: jenis ?? "") ?? .liburNasional)
    }
}
