import Foundation

/// Numbers and dates in Indonesian words, as a berita acara writes them:
/// 16 → "enam belas", 2024 → "dua ribu dua puluh empat".
public enum Terbilang {
    private static let satuan = ["nol", "satu", "dua", "tiga", "empat", "lima", "enam", "tujuh", "delapan", "sembilan",
                                 "sepuluh", "sebelas"]

    public static func angka(_ n: Int) -> String {
        precondition(n >= 0 && n < 1_000_000_000_000, "terbilang: di luar jangkauan")
        switch n {
        case 0..<12: return satuan[n]
        case 12..<20: return satuan[n - 10] + " belas"
        case 20..<100: return gabung(satuan[n / 10] + " puluh", n % 10)
        case 100..<200: return gabung("seratus", n - 100)
        case 200..<1000: return gabung(satuan[n / 100] + " ratus", n % 100)
        case 1000..<2000: return gabung("seribu", n - 1000)
        case 2000..<1_000_000: return gabung(angka(n / 1000) + " ribu", n % 1000)
        case 1_000_000..<1_000_000_000: return gabung(angka(n / 1_000_000) + " juta", n % 1_000_000)
        default: return gabung(angka(n / 1_000_000_000) + " miliar", n % 1_000_000_000)
        }
    }

    private static func gabung(_ depan: String, _ sisa: Int) -> String {
        sisa == 0 ? depan : depan + " " + angka(sisa)
    }

    /// "Kamis, enam belas Mei dua ribu dua puluh empat".
    public static func tanggal(_ t: Tanggal) -> String {
        "\(TanggalIndonesia.namaHari(t)), \(angka(t.hari)) \(TanggalIndonesia.namaBulan[t.bulan - 1]) \(angka(t.tahun))"
    }

    /// The opening of a berita acara: "Pada hari Kamis tanggal enam belas bulan Mei tahun dua ribu dua puluh empat".
    public static func kalimatTanggal(_ t: Tanggal) -> String {
        "Pada hari \(TanggalIndonesia.namaHari(t)) tanggal \(angka(t.hari)) bulan \(TanggalIndonesia.namaBulan[t.bulan - 1]) tahun \(angka(t.tahun))"
    }
}
