import Foundation

/// Which fields of a KIM a viewer sees: the one rule behind its pages, its JSON and anything
/// else that shows it (DOMAIN.md, "Yang dilihat publik"). A viewer whose own scope covers the
/// KIM reads it whole; anyone else, signed in or not, reads an active KIM as the public
/// directory shows it: what it is, where, since when and under which SK, never its people or
/// its contacts; a KIM that is not active is not there for them.
public struct TampilanKim: Equatable, Sendable {
    /// A field by its name in the API (`snake_case`); the pages mark each shown field with it.
    public enum Bidang: String, CaseIterable, Sendable {
        case id, nama, tingkat, kodeWilayah = "kode_wilayah", status, tanggalPembentukan = "tanggal_pembentukan", fokus
        case skDesa = "sk_desa", skKecamatan = "sk_kecamatan", statusAktivitas = "status_aktivitas", diubahPada = "diubah_pada"
        case tempatPembentukan = "tempat_pembentukan", jumlahHadir = "jumlah_hadir", alamat, email, telepon, pengurus
        case aktivitasTerakhir = "aktivitas_terakhir", versi

        public var nama: String { rawValue }

        /// What the public (and anyone outside the KIM's scope) may see.
        public static let publik: Set<Bidang> = [.id, .nama, .tingkat, .kodeWilayah, .status, .tanggalPembentukan, .fokus,
                                                 .skDesa, .skKecamatan, .statusAktivitas, .diubahPada]
    }

    /// The viewer's own scope covers the KIM: they may read its people and act on it.
    public let dalamCakupan: Bool
    public let bidang: Set<Bidang>

    public func boleh(_ b: Bidang) -> Bool { bidang.contains(b) }

    /// What `penonton` sees of a KIM, or nil when it is not there for them (the same decision
    /// as `Kebijakan`'s `lihatKim` and the directory, tested against them).
    public static func untuk(_ penonton: Aktor?, cakupan: CakupanKim? = nil, kim: UUID, wilayah: KodeWilayah,
                             status: StatusKim) -> TampilanKim? {
        let dalam = penonton != nil && (cakupan ?? Kebijakan.cakupanKim(penonton)).cocok(wilayah: wilayah, kim: kim)
        if dalam { return TampilanKim(dalamCakupan: true, bidang: Set(Bidang.allCases)) }
        return status == .aktif ? TampilanKim(dalamCakupan: false, bidang: Bidang.publik) : nil
    }
}
