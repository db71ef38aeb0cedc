import Foundation

/// What SIKIM writes to people in a chat, in one place. Messages name laporan by number only: a
/// reporter's identity never appears in what anyone else is sent (a `rahasia` reporter's least
/// of all), and a reporter is told only about their own laporan.
public enum KabarKanal {
    /// The reporter's update at a step that matters to them, nil for the others' notices.
    /// - Parameters:
    ///   - opd: the names of the agencies it was forwarded to.
    ///   - alasan: why it was found not valid; `hasil`: the outcome the agency wrote.
    public static func untukPelapor(_ p: Pemberitahuan, opd: [String], alasan: String?, hasil: String?, catatan: String?) -> String? {
        switch p {
        case .laporanTerverifikasi(let n):
            return "Laporan \(n) sudah diverifikasi dan dinyatakan valid. Terima kasih."
        case .laporanTidakValid(let n):
            return "Laporan \(n) dinyatakan tidak valid" + (alasan.map { ". Alasan: \($0)." } ?? ".") + " Informasi yang belum terverifikasi tidak ditindaklanjuti."
        case .laporanSampaiOPD(let n):
            return "Laporan \(n) diteruskan kepada \(opd.isEmpty ? "perangkat daerah" : opd.joined(separator: ", ")) untuk ditindaklanjuti."
        case .laporanDiterimaOPD(let n):
            return "Perangkat daerah telah menerima laporan \(n) dan akan menindaklanjutinya."
        case .laporanSelesai(let n):
            return "Laporan \(n) selesai ditindaklanjuti." + (hasil.map { " Hasil: \(ringkas($0, 300))" } ?? "")
        case .pertanyaanKlarifikasi(let n):
            return "Verifikator meminta klarifikasi atas laporan \(n)" + (catatan.map { ": \(ringkas($0, 300))" } ?? ".")
                + " Jawab lewat aplikasi SIKIM (menu Laporan saya)."
        default:
            return nil
        }
    }

    public static func laporanTercatat(_ nomor: String) -> String {
        "Laporan Anda tercatat dengan nomor \(nomor). Petugas akan memverifikasinya; kabar berikutnya dikirim ke nomor ini. Cek kapan saja: STATUS \(nomor)"
    }

    public static func pesanDijadikanLaporan(_ nomor: String) -> String {
        "Pesan Anda diperiksa petugas dan dicatat sebagai laporan \(nomor). Kabar berikutnya dikirim ke nomor ini. Cek kapan saja: STATUS \(nomor)"
    }

    /// Within one SMS (160 characters).
    public static let pesanWargaDiterima = "Terima kasih, pesan Anda diterima dan akan diperiksa petugas Diskominfosatik. "
        + "Informasi ditindaklanjuti setelah diverifikasi. Balas BANTUAN untuk petunjuk."

    public static func status(nomor: String, status: StatusLaporan, opd: [String]) -> String {
        var t = "Laporan \(nomor): \(status.label)."
        if status == .diteruskan || status == .ditindaklanjuti, !opd.isEmpty { t += " Ditangani: \(opd.joined(separator: ", "))." }
        if status == .masuk || status == .klarifikasi { t += " Sedang diverifikasi petugas." }
        return t
    }

    public static func statusTidakAda(_ nomor: String) -> String {
        "Laporan \(ringkas(nomor, 30)) tidak ditemukan untuk nomor ini. Periksa nomornya, misalnya STATUS LAP-2026-000123."
    }

    public static func materiBaru(judul: String, tautan: String) -> String {
        "Materi diseminasi baru: \(ringkas(judul, 120)). Baca: \(tautan) . Setelah disebarkan, balas SUDAH <jumlah warga>, misalnya SUDAH 120."
    }

    static func ringkas(_ s: String, _ n: Int) -> String {
        let t = s.trimmingCharacters(in: .whitespacesAndNewlines)
        return t.count <= n ? t : String(t.prefix(n - 3)) + "..."
    }
}

/// Why a verifikator sets a citizen's message aside.
public enum AlasanAbaikanPesan: String, CaseIterable, Codable, Sendable {
    case bukanLaporan = "bukan_laporan"
    case dataKurang = "data_kurang"
    case duplikat
    case bukanWewenang = "bukan_wewenang_daerah"
    case spam

    public var label: String {
        switch self {
        case .bukanLaporan: "Bukan laporan (salam, pertanyaan umum, iklan)"
        case .dataKurang: "Data kurang untuk diperiksa"
        case .duplikat: "Sama dengan pesan atau laporan lain"
        case .bukanWewenang: "Bukan wewenang pemerintah daerah"
        case .spam: "Pesan berulang atau spam"
        }
    }

    /// What the sender is told; spam is not answered.
    public var balasan: String? {
        switch self {
        case .spam: nil
        default: "Pesan Anda sudah diperiksa petugas dan tidak dapat ditindaklanjuti sebagai laporan. Alasan: \(label)."
        }
    }
}
