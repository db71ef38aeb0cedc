import Foundation

/// Which fields of a laporan a viewer sees: the one rule behind its page, its JSON and anything
/// else that shows it (DOMAIN.md, "Kerahasiaan" and "Yang dilihat publik"). A viewer whose own
/// scope covers the laporan reads it whole, the reporter as kerahasiaan allows; anyone else,
/// signed in or not, reads a published laporan as the public does: no address, coordinates,
/// source, confidentiality level, OPD, deadlines or internal timeline, and the desa as its place.
public struct TampilanLaporan: Equatable, Sendable {
    /// A field by its name in the API (`snake_case`); the page marks each shown field with it.
    public enum Bidang: String, CaseIterable, Sendable {
        case id, nomor, judul, isi, kategori, status, dipublikasikan, jawaban, pelapor, hasil, foto
        case kodeWilayah = "kode_wilayah", waktuKejadian = "waktu_kejadian", dibuatPada = "dibuat_pada"
        case kerahasiaan, sumber, lat, lon, alamat, opd, tenggat, versi, riwayat
        case tahapSla = "tahap_sla", terlambat

        /// What the public (and anyone outside the laporan's scope) may see.
        public static let publik: Set<Bidang> = [.id, .nomor, .judul, .isi, .kategori, .status, .dipublikasikan, .jawaban,
                                                 .pelapor, .hasil, .foto, .kodeWilayah, .waktuKejadian, .dibuatPada]
    }

    /// The viewer's own scope covers the laporan: they may act on it and read its handling.
    public let dalamCakupan: Bool
    public let identitas: IdentitasPelapor
    public let bidang: Set<Bidang>

    public func boleh(_ b: Bidang) -> Bool { bidang.contains(b) }

    /// What `penonton` sees of a laporan, or nil when they may not read it at all.
    public static func untuk(_ penonton: Aktor?, _ s: SasaranLaporan, kerahasiaan: Kerahasiaan) -> TampilanLaporan? {
        guard Kebijakan.boleh(penonton, .lihatLaporan(s)) else { return nil }
        let dalam = Kebijakan.boleh(penonton, .tanganiLaporan(s))
        let identitas = IdentitasPelapor.untuk(kerahasiaan, penonton: penonton, sasaran: s)
        var bidang = dalam ? Set(Bidang.allCases) : Bidang.publik
        if identitas == .tersembunyi { bidang.remove(.pelapor) }
        return TampilanLaporan(dalamCakupan: dalam, identitas: identitas, bidang: bidang)
    }
}
