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
        var b: [UInt8] = []
        iso8601(d, ke: &b)
        return String(decoding: b, as: UTF8.self)
    }

    /// The same, appended as UTF-8 bytes (the JSON writer's buffer): no strings in between.
    public static func iso8601(_ d: Date, ke b: inout [UInt8]) {
        let detik = Int((d.timeIntervalSince1970 + 7 * 3600).rounded(.down))
        let hari = Int((Double(detik) / 86_400).rounded(.down))
        let t = Tanggal(hariKe: hari)
        let s = detik - hari * 86_400
        func angka(_ n: Int, _ lebar: Int, lalu: UInt8?) {
            var bagi = 1
            for _ in 1..<lebar { bagi *= 10 }
            var n = n
            // A year beyond four digits keeps all of them.
            while n / bagi >= 10 { bagi *= 10 }
            while bagi > 0 { b.append(UInt8(ascii: "0") + UInt8(n / bagi)); n %= bagi; bagi /= 10 }
            if let lalu { b.append(lalu) }
        }
        angka(t.tahun, 4, lalu: UInt8(ascii: "-"))
        angka(t.bulan, 2, lalu: UInt8(ascii: "-"))
        angka(t.hari, 2, lalu: UInt8(ascii: "T"))
        angka(s / 3600, 2, lalu: UInt8(ascii: ":"))
        angka(s / 60 % 60, 2, lalu: UInt8(ascii: ":"))
        angka(s % 60, 2, lalu: nil)
        b.append(contentsOf: "+07:00".utf8)
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
