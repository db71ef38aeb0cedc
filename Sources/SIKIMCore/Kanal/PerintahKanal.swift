import Foundation

/// The keywords a chat message may start with (case and extra spaces do not matter).
public enum PerintahKanal: Equatable, Sendable {
    /// `LAPOR` with what happened, or alone to start the guided questions.
    case lapor(String?)
    case kegiatan(String?)
    case status(String?)
    /// `SUDAH 120`: the reach of the last materi sent to the KIM; nil when no number followed.
    case sudah(Int?)
    /// `DAFTAR 123456`: the code the web app showed, which ties this number to an account.
    case daftar(String?)
    case bantuan
    case batal
    case ya
    /// `LEWATI`, `LANJUT`, `TIDAK`: go on without what was asked (a photo, a location).
    case lewati

    public static func baca(_ teks: String) -> PerintahKanal? {
        let t = teks.trimmingCharacters(in: .whitespacesAndNewlines)
        let kata = t.prefix { !$0.isWhitespace }.uppercased()
        let sisa = t.dropFirst(kata.count).trimmingCharacters(in: .whitespacesAndNewlines)
        let isi = sisa.isEmpty ? nil : sisa
        switch kata {
        case "LAPOR": return .lapor(isi)
        case "KEGIATAN": return .kegiatan(isi)
        case "STATUS", "CEK": return .status(isi.map { $0.uppercased() })
        case "SUDAH": return .sudah(isi.flatMap { Int($0.filter(\.isNumber).prefix(9)) })
        case "DAFTAR": return .daftar(isi.map { $0.filter(\.isNumber) })
        case "BANTUAN", "HELP", "INFO", "MENU": return isi == nil ? .bantuan : nil
        case "BATAL": return isi == nil ? .batal : nil
        case "YA", "Y", "KIRIM", "OK": return isi == nil ? .ya : nil
        case "LEWATI", "LANJUT", "TIDAK", "SKIP": return isi == nil ? .lewati : nil
        default: return nil
        }
    }

    public static let teksBantuan = """
        Perintah SIKIM:
        LAPOR <isi> - kirim laporan (atau LAPOR saja untuk dipandu)
        KEGIATAN <judul> - catat kegiatan KIM hari ini
        STATUS <nomor laporan> - lihat status laporan
        SUDAH <jumlah> - laporkan jumlah warga yang menerima materi terakhir
        BATAL - batalkan isian yang sedang berjalan
        """
}
