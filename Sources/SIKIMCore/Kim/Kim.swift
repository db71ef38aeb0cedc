import Foundation

public enum TingkatKim: String, CaseIterable, Codable, Sendable {
    case desa, kecamatan

    public var tingkatWilayah: Tingkat { self == .desa ? .desa : .kecamatan }

    /// "KIM Desa Kramatwatu", "KIM Kecamatan Kramatwatu".
    public func namaBawaan(_ namaWilayah: String) -> String {
        "KIM \(tingkatWilayah.label) \(namaWilayah)"
    }
}

public enum StatusKim: String, CaseIterable, Codable, Sendable {
    case draf
    case diajukan
    case disahkanDesa = "disahkan_desa"
    case disahkanKecamatan = "disahkan_kecamatan"
    case aktif
    case dibekukan
    case dibubarkan

    public var label: String {
        switch self {
        case .draf: "Draf"
        case .diajukan: "Diajukan"
        case .disahkanDesa: "Disahkan desa"
        case .disahkanKecamatan: "Disahkan kecamatan"
        case .aktif: "Aktif"
        case .dibekukan: "Dibekukan"
        case .dibubarkan: "Dibubarkan"
        }
    }

    /// Formed: the board has submitted its formation (counts toward "dibentuk").
    public var sudahDibentuk: Bool { self != .draf && self != .dibubarkan }
    /// Fully legalised by desa and kecamatan (or kecamatan alone for a kecamatan KIM).
    public var sudahDisahkan: Bool { self == .aktif || self == .dibekukan || self == .disahkanKecamatan }

    /// Why a KIM in this state may not act (send laporan, record kegiatan, report a
    /// dissemination), or nil when it may: a frozen or dissolved KIM acts for no one.
    public var alasanTidakBerkegiatan: String? {
        switch self {
        case .dibekukan: "KIM ini sedang dibekukan: selama dibekukan KIM tidak dapat mengirim laporan, mencatat kegiatan, atau melaporkan penyebaran."
        case .dibubarkan: "KIM ini sudah dibubarkan: KIM yang dibubarkan tidak dapat mengirim laporan, mencatat kegiatan, atau melaporkan penyebaran."
        default: nil
        }
    }

    public var bolehBerkegiatan: Bool { alasanTidakBerkegiatan == nil }
}

/// What a user asks the lifecycle to do.
public enum AksiKim: String, CaseIterable, Sendable {
    case ajukan
    case sahkanDesa = "sahkan_desa"
    case sahkanKecamatan = "sahkan_kecamatan"
    case kembalikan
    case bekukan
    case aktifkanKembali = "aktifkan_kembali"
    case bubarkan

    public var label: String {
        switch self {
        case .ajukan: "Ajukan untuk disahkan"
        case .sahkanDesa: "Sahkan (kepala desa)"
        case .sahkanKecamatan: "Sahkan (camat)"
        case .kembalikan: "Kembalikan ke draf"
        case .bekukan: "Bekukan"
        case .aktifkanKembali: "Aktifkan kembali"
        case .bubarkan: "Bubarkan"
        }
    }

    public var butuhSK: Bool { self == .sahkanDesa || self == .sahkanKecamatan }
    public var butuhAlasan: Bool { self == .kembalikan || self == .bekukan || self == .bubarkan }
    /// What a step that stops a KIM will do: said on a second page before it is done, and its
    /// form kept below the page's main content (issue 19). Nil for the others.
    public var akibat: String? {
        switch self {
        case .bekukan: "KIM ini akan dibekukan: selama dibekukan KIM tidak dapat mengirim laporan, mencatat kegiatan, atau "
            + "melaporkan penyebaran. Operator kecamatan dapat mengaktifkannya kembali."
        case .bubarkan: "KIM ini akan dibubarkan untuk selamanya: KIM yang dibubarkan tidak dapat diaktifkan kembali, dan akun "
            + "pengurusnya dinonaktifkan serta sesi dan tokennya diakhiri."
        default: nil
        }
    }
}

/// The KIM as the lifecycle sees it.
public struct KeadaanKim: Sendable {
    public let status: StatusKim
    public let tingkat: TingkatKim
    public let wilayah: KodeWilayah
    public let tanggalPembentukan: Tanggal?
    /// Why the formation data is not complete yet (empty when it is).
    public let kekuranganPembentukan: [String]

    public init(status: StatusKim, tingkat: TingkatKim, wilayah: KodeWilayah, tanggalPembentukan: Tanggal?, kekuranganPembentukan: [String]) {
        self.status = status
        self.tingkat = tingkat
        self.wilayah = wilayah
        self.tanggalPembentukan = tanggalPembentukan
        self.kekuranganPembentukan = kekuranganPembentukan
    }
}

public struct DataTransisi: Sendable {
    public var catatan: String?
    public var nomorSK: String?
    public var tanggalSK: Tanggal?

    public init(catatan: String? = nil, nomorSK: String? = nil, tanggalSK: Tanggal? = nil) {
        self.catatan = catatan
        self.nomorSK = nomorSK
        self.tanggalSK = tanggalSK
    }

    /// From a form's or JSON's text; an SK date must be a date.
    public static func dari(catatan: String?, nomorSK: String?, tanggalSK: String?) throws(KesalahanIsian) -> DataTransisi {
        var t: Tanggal?
        if let s = tanggalSK, !s.isEmpty {
            guard let x = Tanggal(iso: s) else { throw KesalahanIsian("tanggal_sk", "Tanggal SK harus berformat TTTT-BB-HH.") }
            t = x
        }
        return DataTransisi(catatan: catatan, nomorSK: nomorSK, tanggalSK: t)
    }
}

/// A region already has a KIM that is not dissolved (one per region, DOMAIN.md).
public struct KimSudahAda: KesalahanBerpesan, Equatable, Sendable {
    public let nama: String
    public init(nama: String) { self.nama = nama }
    public var kode: String { "kim_sudah_ada" }
    public var pesan: String { "Wilayah ini sudah memiliki KIM: \(nama)." }
}

/// A refused transition, with the reason in Indonesian.
public struct TransisiDitolak: KesalahanBerpesan, Equatable, Sendable {
    public let pesan: String
    public var kode: String { "transisi_ditolak" }
    public init(_ pesan: String) { self.pesan = pesan }
}

/// The states a transition passes through: legalising at the last level both records
/// `disahkan_kecamatan` and makes the KIM `aktif`.
public struct HasilTransisi: Equatable, Sendable {
    public let langkah: [StatusKim]
    public var statusAkhir: StatusKim { langkah.last! }
}

/// The KIM lifecycle (DOMAIN.md): who may move a KIM from which state to which, and what
/// each step requires.
public enum SiklusKim {
    public static func aksi(menuju ke: StatusKim, dari status: StatusKim) -> AksiKim {
        switch (ke, status) {
        case (.diajukan, _): .ajukan
        case (.disahkanDesa, _): .sahkanDesa
        case (.disahkanKecamatan, _): .sahkanKecamatan
        case (.aktif, .dibekukan): .aktifkanKembali
        case (.aktif, _): .sahkanKecamatan
        case (.draf, _): .kembalikan
        case (.dibekukan, _): .bekukan
        case (.dibubarkan, _): .bubarkan
        }
    }

    /// Where an action leads from a state, ignoring who asks; `nil` when it cannot apply.
    public static func tujuan(_ aksi: AksiKim, dari s: StatusKim, tingkat: TingkatKim) -> HasilTransisi? {
        switch (aksi, s) {
        case (.ajukan, .draf): .init(langkah: [.diajukan])
        case (.sahkanDesa, .diajukan) where tingkat == .desa: .init(langkah: [.disahkanDesa])
        case (.sahkanKecamatan, .disahkanDesa) where tingkat == .desa,
             (.sahkanKecamatan, .diajukan) where tingkat == .kecamatan:
            .init(langkah: [.disahkanKecamatan, .aktif])
        case (.kembalikan, .diajukan), (.kembalikan, .disahkanDesa): .init(langkah: [.draf])
        case (.bekukan, .aktif): .init(langkah: [.dibekukan])
        case (.aktifkanKembali, .dibekukan): .init(langkah: [.aktif])
        case (.bubarkan, let x) where x != .dibubarkan: .init(langkah: [.dibubarkan])
        default: nil
        }
    }

    /// Whether the KIM waits for this actor's legalisation (the desa's or the kecamatan's step):
    /// what an operator's home page counts.
    public static func menantiPengesahan(_ k: KeadaanKim, oleh aktor: Aktor?) -> Bool {
        tersedia(k, untuk: aktor).contains { $0 == .sahkanDesa || $0 == .sahkanKecamatan }
    }

    /// The region whose operator must legalise the KIM next, if it now waits for that:
    /// its desa for the desa step, its kecamatan for the kecamatan step.
    public static func pengesahBerikutnya(status: StatusKim, tingkat: TingkatKim, wilayah: KodeWilayah) -> KodeWilayah? {
        if tujuan(.sahkanDesa, dari: status, tingkat: tingkat) != nil { return wilayah }
        if tujuan(.sahkanKecamatan, dari: status, tingkat: tingkat) != nil { return tingkat == .kecamatan ? wilayah : wilayah.induk }
        return nil
    }

    /// The actions offered to an actor on a KIM (for buttons), in lifecycle order.
    public static func tersedia(_ k: KeadaanKim, untuk aktor: Aktor?) -> [AksiKim] {
        AksiKim.allCases.filter { tujuan($0, dari: k.status, tingkat: k.tingkat) != nil && boleh($0, k, aktor) }
    }

    /// Desa steps: operator desa of that desa or admin. Kecamatan steps: operator kecamatan of
    /// the kecamatan or admin. Submitting, returning, freezing: whoever may edit the KIM.
    public static func boleh(_ aksi: AksiKim, _ k: KeadaanKim, _ aktor: Aktor?) -> Bool {
        guard let aktor else { return false }
        switch (aksi, aktor.penugasan) {
        case (_, .admin): return true
        case (.sahkanDesa, .operatorDesa(let d)): return d == k.wilayah
        case (.sahkanKecamatan, .operatorKecamatan(let kec)): return kec.mencakup(k.wilayah)
        case (.ajukan, _), (.kembalikan, _):
            return Kebijakan.boleh(aktor, .ubahKim(wilayah: k.wilayah, kim: nil))
        case (.bekukan, .operatorKecamatan(let kec)), (.aktifkanKembali, .operatorKecamatan(let kec)),
             (.bubarkan, .operatorKecamatan(let kec)):
            return kec.mencakup(k.wilayah)
        default: return false
        }
    }

    public static func jalankan(_ aksi: AksiKim, pada k: KeadaanKim, oleh aktor: Aktor?, data: DataTransisi,
                                hariIni: Tanggal) throws(TransisiDitolak) -> HasilTransisi {
        guard let hasil = tujuan(aksi, dari: k.status, tingkat: k.tingkat) else {
            throw TransisiDitolak(alasanTidakBerlaku(aksi, k))
        }
        guard boleh(aksi, k, aktor) else {
            switch aksi {
            case .sahkanDesa: throw TransisiDitolak("Pengesahan desa hanya oleh operator desa tersebut atau admin kabupaten.")
            case .sahkanKecamatan: throw TransisiDitolak("Pengesahan kecamatan hanya oleh operator kecamatan tersebut atau admin kabupaten.")
            default: throw TransisiDitolak("Anda tidak berwenang untuk \(aksi.label.lowercased()) KIM ini.")
            }
        }
        if aksi == .ajukan, !k.kekuranganPembentukan.isEmpty {
            throw TransisiDitolak("KIM belum dapat diajukan: " + k.kekuranganPembentukan.joined(separator: " "))
        }
        if aksi.butuhSK {
            let nomor = data.nomorSK?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
            guard !nomor.isEmpty else { throw TransisiDitolak("Nomor SK pengesahan wajib diisi.") }
            guard nomor.count <= 100 else { throw TransisiDitolak("Nomor SK paling banyak 100 karakter.") }
            guard let t = data.tanggalSK else { throw TransisiDitolak("Tanggal SK pengesahan wajib diisi.") }
            guard t <= hariIni else {
                throw TransisiDitolak("Tanggal SK tidak boleh di masa depan.")
            }
            if let bentuk = k.tanggalPembentukan, t < bentuk {
                throw TransisiDitolak("Tanggal SK tidak boleh sebelum tanggal pembentukan KIM.")
            }
        }
        if aksi.butuhAlasan, (data.catatan?.trimmingCharacters(in: .whitespacesAndNewlines) ?? "").isEmpty {
            throw TransisiDitolak("Alasan wajib diisi untuk \(aksi.label.lowercased()).")
        }
        return hasil
    }

    private static func alasanTidakBerlaku(_ aksi: AksiKim, _ k: KeadaanKim) -> String {
        let di = "KIM berstatus \(k.status.label.lowercased())"
        switch aksi {
        case .ajukan: return "Hanya KIM berstatus draf yang dapat diajukan; \(di)."
        case .sahkanDesa:
            return k.tingkat == .kecamatan ? "KIM tingkat kecamatan tidak melalui pengesahan desa."
                : "Pengesahan desa hanya untuk KIM yang sudah diajukan; \(di)."
        case .sahkanKecamatan:
            return k.tingkat == .desa && k.status == .diajukan
                ? "KIM desa harus disahkan kepala desa sebelum disahkan camat."
                : "Pengesahan kecamatan tidak dapat dilakukan: \(di)."
        case .kembalikan: return "Hanya KIM yang sedang dalam pengesahan dapat dikembalikan ke draf; \(di)."
        case .bekukan: return "Hanya KIM aktif yang dapat dibekukan; \(di)."
        case .aktifkanKembali: return "Hanya KIM yang dibekukan dapat diaktifkan kembali; \(di)."
        case .bubarkan: return "KIM ini sudah dibubarkan."
        }
    }
}
