import Foundation

/// Dates as the office writes them, always in WIB (UTC+7, no daylight saving):
/// "Kamis, 16 Mei 2024", "Kamis, 16 Mei 2024 14.05 WIB".
public enum TanggalIndonesia {
    public static let wib = TimeZone(secondsFromGMT: 7 * 3600)!
    public static let namaHari = ["Minggu", "Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu"]
    public static let namaBulan = ["Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli",
                                   "Agustus", "September", "Oktober", "November", "Desember"]

    static let kalender: Calendar = {
        var c = Calendar(identifier: .gregorian)
        c.timeZone = wib
        return c
    }()

    /// ISO 8601 in WIB to the second, e.g. "2024-05-16T14:05:00+07:00", by integer
    /// arithmetic: the API writes thousands of these per second, and a formatter per value
    /// was the list's largest cost.
    public static func iso8601(_ d: Date) -> String {
        let detik = Int((d.timeIntervalSince1970 + 7 * 3600).rounded(.down))
        let hari = Int((Double(detik) / 86_400).rounded(.down))
        let t = Tanggal(hariKe: hari)
        let s = detik - hari * 86_400
        return t.iso + "T" + Tanggal.digit(s / 3600, 2) + ":" + Tanggal.digit(s / 60 % 60, 2) + ":" + Tanggal.digit(s % 60, 2) + "+07:00"
    }

    public static func panjang(_ d: Date) -> String {
        let k = kalender.dateComponents([.weekday], from: d)
        return "\(namaHari[k.weekday! - 1]), " + tanpaHari(d)
    }

    /// "16 Mei 2024": for chart axes and signature lines, where the weekday is noise.
    public static func tanpaHari(_ d: Date) -> String {
        let k = kalender.dateComponents([.day, .month, .year], from: d)
        return "\(k.day!) \(namaBulan[k.month! - 1]) \(k.year!)"
    }

    public static func denganJam(_ d: Date) -> String {
        let k = kalender.dateComponents([.hour, .minute], from: d)
        return panjang(d) + String(format: " %02d.%02d WIB", k.hour!, k.minute!)
    }

    /// Time of day only, e.g. "14.05 WIB".
    public static func jam(_ d: Date) -> String {
        let k = kalender.dateComponents([.hour, .minute], from: d)
        return String(format: "%02d.%02d WIB", k.hour!, k.minute!)
    }
}
