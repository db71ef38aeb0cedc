import Foundation

/// Which fields of a laporan a viewer sees: the one rule behind its page, its JSON and anything
/// else that shows it (DOMAIN.md, "Kerahasiaan" and "Yang dilihat publik"). A viewer whose own
/// scope covers the laporan reads it whole, the reporter as kerahasiaan allows; anyone else,
/// signed in or not, reads a published laporan as the public does: no address, coordinates,
/// source, confidentiality level, OPD, deadlines or internal timeline, and the desa as its place.
public struct TampilanLaporan: Equatable, Sendable {
    /// A field by its name in the API (`snake_case`); the page marks each shown field with it.
    public enum Bidang: Int, CaseIterable, Sendable {
        case id, nomor, judul, isi, kategori, status, dipublikasikan, jawaban, pelapor, hasil, foto
        case kodeWilayah, waktuKejadian, dibuatPada
        case kerahasiaan, sumber, lat, lon, alamat, opd, tenggat, versi, riwayat, tahapSla, terlambat
        /// How it arrived, and when it was written on the phone (`KanalLaporan`).
        case kanal, ditulisPada
        /// The phone number a chat laporan came from: Diskominfosatik staff only (issue 21).
        case nomorPengirim

        public var nama: String {
            switch self {
            case .kodeWilayah: "kode_wilayah"
            case .waktuKejadian: "waktu_kejadian"
            case .dibuatPada: "dibuat_pada"
            case .tahapSla: "tahap_sla"
            case .ditulisPada: "ditulis_pada"
            case .nomorPengirim: "nomor_pengirim"
            default: "\(self)"
            }
        }

        /// What the public (and anyone outside the laporan's scope) may see.
        public static let publik: Set<Bidang> = [.id, .nomor, .judul, .isi, .kategori, .status, .dipublikasikan, .jawaban,
                                                 .pelapor, .hasil, .foto, .kodeWilayah, .waktuKejadian, .dibuatPada]

        fileprivate var bit: UInt32 { 1 << UInt32(rawValue) }
        fileprivate static func topeng(_ s: Set<Bidang>) -> UInt32 { s.reduce(0) { $0 | $1.bit } }
    }

    /// The viewer's own scope covers the laporan: they may act on it and read its handling.
    public let dalamCakupan: Bool
    public let identitas: IdentitasPelapor
    /// The fields as bits: lists decide this for every row, so it allocates nothing.
    private let topeng: UInt32

    public func boleh(_ b: Bidang) -> Bool { topeng & b.bit != 0 }
    public var bidang: Set<Bidang> { Set(Bidang.allCases.filter(boleh)) }

    private static let semua = Bidang.topeng(Set(Bidang.allCases)), publik = Bidang.topeng(Bidang.publik)

    /// What `penonton` sees of a laporan, or nil when they may not read it at all (the same
    /// decision as `Kebijakan`'s `lihatLaporan` and `tanganiLaporan`, tested against them).
    public static func untuk(_ penonton: Aktor?, _ s: SasaranLaporan, kerahasiaan: Kerahasiaan) -> TampilanLaporan? {
        untuk(penonton, cakupan: Kebijakan.cakupanLaporan(penonton), s, kerahasiaan: kerahasiaan)
    }

    /// The same with the viewer's scope worked out once, for a page of rows.
    public static func untuk(_ penonton: Aktor?, cakupan: CakupanLaporan, _ s: SasaranLaporan,
                             kerahasiaan: Kerahasiaan) -> TampilanLaporan? {
        let dalam = penonton != nil && cakupan.cocok(s)
        guard dalam || s.dipublikasikan else { return nil }
        let identitas = IdentitasPelapor.untuk(kerahasiaan, penonton: penonton, dalamCakupan: dalam, pelapor: s.pelapor)
        var topeng = dalam ? semua : publik
        if identitas == .tersembunyi { topeng &= ~Bidang.pelapor.bit }
        if !Kebijakan.boleh(penonton, .olahPesanKanal) { topeng &= ~Bidang.nomorPengirim.bit }
        return TampilanLaporan(dalamCakupan: dalam, identitas: identitas, topeng: topeng)
    }
}
