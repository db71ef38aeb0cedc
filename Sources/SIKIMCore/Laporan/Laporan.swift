import Foundation

public enum StatusLaporan: String, CaseIterable, Codable, Sendable {
    case masuk, klarifikasi, valid
    case tidakValid = "tidak_valid"
    case diteruskan, ditindaklanjuti, selesai, dipublikasikan

    public var label: String {
        switch self {
        case .masuk: "Masuk"
        case .klarifikasi: "Klarifikasi"
        case .valid: "Valid"
        case .tidakValid: "Tidak valid"
        case .diteruskan: "Diteruskan"
        case .ditindaklanjuti: "Ditindaklanjuti"
        case .selesai: "Selesai"
        case .dipublikasikan: "Dipublikasikan"
        }
    }

    /// Verified: the only states from which anything may be followed up or made public.
    public var terverifikasi: Bool { [.valid, .diteruskan, .ditindaklanjuti, .selesai, .dipublikasikan].contains(self) }
}

public enum Kerahasiaan: String, CaseIterable, Codable, Sendable {
    case biasa
    case anonimPublik = "anonim_publik"
    case rahasia

    public var label: String {
        switch self {
        case .biasa: "Biasa"
        case .anonimPublik: "Anonim untuk publik"
        case .rahasia: "Rahasia"
        }
    }
}

/// Who may see a reporter's identity (DOMAIN.md, "Kerahasiaan"). Only a viewer whose own scope
/// covers the laporan is told who sent it; one who reads it only because it is published is the
/// public, whatever their role.
public enum IdentitasPelapor: Equatable, Sendable {
    case lengkap
    /// The public sees which KIM reported, not who.
    case namaKimSaja
    case tersembunyi

    public static func untuk(_ k: Kerahasiaan, penonton: Aktor?, sasaran s: SasaranLaporan) -> IdentitasPelapor {
        untuk(k, penonton: penonton, dalamCakupan: Kebijakan.cakupanLaporan(penonton).cocok(s) && penonton != nil, pelapor: s.pelapor)
    }

    /// The same when the viewer's scope was already matched against the laporan.
    static func untuk(_ k: Kerahasiaan, penonton: Aktor?, dalamCakupan: Bool, pelapor: UUID) -> IdentitasPelapor {
        guard let penonton, dalamCakupan else {
            return k == .biasa ? .namaKimSaja : .tersembunyi
        }
        if penonton.id == pelapor { return .lengkap }
        switch (k, penonton.peran) {
        case (_, .admin), (_, .verifikator): return .lengkap
        case (.rahasia, _): return .tersembunyi
        case (_, .operatorKecamatan), (_, .operatorDesa), (_, .opd), (_, .pengurusKim): return .lengkap
        }
    }
}

public enum MetodeVerifikasi: String, CaseIterable, Codable, Sendable {
    case cekLapangan = "cek_lapangan"
    case konfirmasiPemdes = "konfirmasi_pemerintah_desa"
    case konfirmasiOPD = "konfirmasi_opd_dokumen"
    case sumberKedua = "sumber_kedua_independen"

    public var label: String {
        switch self {
        case .cekLapangan: "Cek lapangan"
        case .konfirmasiPemdes: "Konfirmasi pemerintah desa"
        case .konfirmasiOPD: "Konfirmasi OPD / dokumen perizinan"
        case .sumberKedua: "Sumber kedua independen"
        }
    }
}

public enum AlasanTidakValid: String, CaseIterable, Codable, Sendable {
    case tidakTerbukti = "tidak_terbukti"
    case hoaks, duplikat
    case bukanWewenang = "bukan_wewenang_daerah"
    case dataKurang = "data_kurang"

    public var label: String {
        switch self {
        case .tidakTerbukti: "Tidak terbukti"
        case .hoaks: "Hoaks"
        case .duplikat: "Duplikat laporan lain"
        case .bukanWewenang: "Bukan wewenang daerah"
        case .dataKurang: "Data kurang"
        }
    }
}

public enum AksiLaporan: String, CaseIterable, Sendable {
    case tanya, jawab, konfirmasi, tolak, teruskan, terima, tindaklanjuti, selesaikan, publikasikan

    public var label: String {
        switch self {
        case .tanya: "Minta klarifikasi"
        case .jawab: "Jawab klarifikasi"
        case .konfirmasi: "Konfirmasi valid"
        case .tolak: "Nyatakan tidak valid"
        case .teruskan: "Teruskan ke OPD"
        case .terima: "Konfirmasi penerimaan"
        case .tindaklanjuti: "Catat tindak lanjut"
        case .selesaikan: "Nyatakan selesai"
        case .publikasikan: "Publikasikan"
        }
    }

    /// Evidence or follow-up documents belong to verifying, rejecting, following up and closing,
    /// and to an answer (the photo a verifikator asked for).
    public var bolehLampiran: Bool { [.jawab, .konfirmasi, .tolak, .tindaklanjuti, .selesaikan].contains(self) }

    /// Whether the action carries a note, and what the note is called on its form.
    public var perluCatatan: Bool { self != .publikasikan }

    /// The choices the action asks for besides the note: how it was verified, why it is not
    /// valid, which agencies it goes to.
    public var perluMetode: Bool { self == .konfirmasi }
    public var perluAlasan: Bool { self == .tolak }
    /// What an action that cannot be taken back, or that shows the laporan to everyone, will
    /// do: said on a second page before it is done (issue 19). Nil for the others.
    public var akibat: String? {
        switch self {
        case .tolak: "Laporan ini akan dinyatakan tidak valid: tidak akan diteruskan atau ditindaklanjuti, dan pelapor "
            + "diberi tahu hasilnya. Keputusan ini tidak dapat dibatalkan."
        case .publikasikan: "Laporan ini akan tampil untuk semua orang di halaman Informasi, tanpa nama pelapor dan "
            + "dengan desa sebagai satu-satunya keterangan lokasi. Publikasi tidak dapat ditarik kembali."
        default: nil
        }
    }
    public var perluOPD: Bool { self == .teruskan }

    public var labelCatatan: String {
        switch self {
        case .tanya: "Pertanyaan untuk pelapor"
        case .jawab: "Jawaban"
        case .konfirmasi: "Catatan bukti verifikasi"
        case .tolak: "Keterangan"
        case .teruskan: "Instruksi untuk OPD"
        case .terima: "Catatan penerimaan (opsional)"
        case .tindaklanjuti: "Tindakan yang dilakukan"
        case .selesaikan: "Hasil yang disampaikan kepada pelapor"
        case .publikasikan: "Catatan"
        }
    }
}

/// The laporan as the state machine sees it.
public struct KeadaanLaporan: Sendable {
    public let status: StatusLaporan
    public let dipublikasikan: Bool
    public let sensitif: Bool
    public let pelapor: UUID
    public let wilayah: KodeWilayah
    public let kim: UUID?
    /// The verifikator who confirmed it once already (a sensitive laporan awaits a second).
    public let konfirmasiPertama: UUID?
    /// OPD it was forwarded to, and those that have acknowledged it.
    public let opd: Set<String>
    public let opdMenanggapi: Set<String>

    public init(status: StatusLaporan, dipublikasikan: Bool, sensitif: Bool, pelapor: UUID, wilayah: KodeWilayah,
                kim: UUID?, konfirmasiPertama: UUID?, opd: Set<String>, opdMenanggapi: Set<String> = []) {
        (self.status, self.dipublikasikan, self.sensitif, self.pelapor) = (status, dipublikasikan, sensitif, pelapor)
        (self.wilayah, self.kim, self.konfirmasiPertama, self.opd, self.opdMenanggapi) = (wilayah, kim, konfirmasiPertama, opd, opdMenanggapi)
    }

    public var menungguKonfirmasiKedua: Bool { status == .masuk && sensitif && konfirmasiPertama != nil }
}

public struct DataAksiLaporan: Sendable {
    public var catatan: String?
    public var metode: MetodeVerifikasi?
    public var alasan: AlasanTidakValid?
    public var opd: [String]

    public init(catatan: String? = nil, metode: MetodeVerifikasi? = nil, alasan: AlasanTidakValid? = nil, opd: [String] = []) {
        (self.catatan, self.metode, self.alasan, self.opd) = (catatan, metode, alasan, opd)
    }

    /// As a form or JSON sends it: empty fields are absent, an unknown method or reason is refused.
    public static func periksa(catatan: String?, metode: String?, alasan: String?, opd: [String]) throws(KesalahanIsian) -> DataAksiLaporan {
        var d = DataAksiLaporan(catatan: catatan, opd: opd.filter { !$0.isEmpty })
        if let metode, !metode.isEmpty {
            guard let m = MetodeVerifikasi(rawValue: metode) else { throw KesalahanIsian("metode", "Metode verifikasi tidak dikenal.") }
            d.metode = m
        }
        if let alasan, !alasan.isEmpty {
            guard let a = AlasanTidakValid(rawValue: alasan) else { throw KesalahanIsian("alasan", "Alasan tidak valid tidak dikenal.") }
            d.alasan = a
        }
        return d
    }
}

/// What an action does: the new state, whether it publishes, and whether it only recorded
/// a first confirmation of a sensitive laporan.
public struct HasilAksiLaporan: Equatable, Sendable {
    public let status: StatusLaporan
    public let dipublikasikan: Bool
    public let konfirmasiPertama: Bool
}

public struct AksiLaporanDitolak: KesalahanBerpesan, Equatable, Sendable {
    public let pesan: String
    public var kode: String { "transisi_ditolak" }
    public init(_ pesan: String) { self.pesan = pesan }
}

/// The laporan lifecycle (DOMAIN.md). The verification gate: forwarding, follow-up,
/// closing and publication are reachable only from a verified state.
public enum SiklusLaporan {
    public static let pesanBelumTerverifikasi =
        "Informasi ini belum diverifikasi: laporan harus dinyatakan valid sebelum diteruskan, ditindaklanjuti, atau dipublikasikan."

    /// The action an API client means by the status it asks for: `"ke": "diteruskan"` on a
    /// forwarded laporan is an OPD acknowledging receipt.
    public static func aksi(ke teks: String, dari: StatusLaporan) -> AksiLaporan? {
        if teks == StatusLaporan.diteruskan.rawValue && dari == .diteruskan { return .terima }
        return StatusLaporan(rawValue: teks).flatMap { aksi(menuju: $0, dari: dari) }
    }

    public static func aksi(menuju ke: StatusLaporan, dari: StatusLaporan) -> AksiLaporan? {
        switch ke {
        case .klarifikasi: .tanya
        case .masuk: dari == .klarifikasi ? .jawab : nil
        case .valid: .konfirmasi
        case .tidakValid: .tolak
        case .diteruskan: .teruskan
        case .ditindaklanjuti: .tindaklanjuti
        case .selesai: .selesaikan
        case .dipublikasikan: .publikasikan
        }
    }

    /// Who may take an action on this laporan (before checking its state).
    public static func boleh(_ aksi: AksiLaporan, _ l: KeadaanLaporan, _ aktor: Aktor?) -> Bool {
        guard let aktor else { return false }
        let petugas = aktor.peran == .admin || aktor.peran == .verifikator
        switch aksi {
        case .tanya, .konfirmasi, .tolak:
            return petugas && aktor.id != l.pelapor
        case .teruskan, .publikasikan:
            return petugas
        case .jawab:
            return aktor.id == l.pelapor
        case .terima, .tindaklanjuti, .selesaikan:
            if aktor.peran == .admin { return true }
            if case .opd(let kode) = aktor.penugasan { return l.opd.contains(kode) }
            return false
        }
    }

    public static func jalankan(_ aksi: AksiLaporan, pada l: KeadaanLaporan, oleh aktor: Aktor?,
                                data: DataAksiLaporan) throws(AksiLaporanDitolak) -> HasilAksiLaporan {
        let s = l.status
        // The gate comes first: nobody may act on unverified information.
        if [.teruskan, .terima, .tindaklanjuti, .selesaikan, .publikasikan].contains(aksi), !s.terverifikasi {
            throw AksiLaporanDitolak(pesanBelumTerverifikasi)
        }
        guard boleh(aksi, l, aktor) else {
            if [.tanya, .konfirmasi, .tolak].contains(aksi), aktor?.id == l.pelapor {
                throw AksiLaporanDitolak("Verifikator tidak boleh memverifikasi laporan yang dikirimnya sendiri.")
            }
            throw AksiLaporanDitolak("Anda tidak berwenang untuk \(aksi.label.lowercased()) pada laporan ini.")
        }
        func catatanWajib(_ apa: String) throws(AksiLaporanDitolak) {
            guard !(data.catatan?.trimmingCharacters(in: .whitespacesAndNewlines) ?? "").isEmpty else {
                throw AksiLaporanDitolak("\(apa) wajib diisi.")
            }
        }
        func dari(_ boleh: Set<StatusLaporan>, _ pesan: String) throws(AksiLaporanDitolak) {
            guard boleh.contains(s) else { throw AksiLaporanDitolak(pesan + " (status sekarang: \(s.label.lowercased())).") }
        }
        switch aksi {
        case .tanya:
            try dari([.masuk], "Klarifikasi hanya dapat diminta untuk laporan yang masuk")
            try catatanWajib("Pertanyaan klarifikasi")
            return .init(status: .klarifikasi, dipublikasikan: l.dipublikasikan, konfirmasiPertama: false)
        case .jawab:
            try dari([.klarifikasi], "Tidak ada pertanyaan klarifikasi yang perlu dijawab")
            try catatanWajib("Jawaban")
            return .init(status: .masuk, dipublikasikan: l.dipublikasikan, konfirmasiPertama: false)
        case .konfirmasi:
            try dari([.masuk], "Hanya laporan yang masuk yang dapat dikonfirmasi")
            guard data.metode != nil else { throw AksiLaporanDitolak("Metode verifikasi wajib dipilih.") }
            try catatanWajib("Catatan bukti verifikasi")
            if l.sensitif {
                if let pertama = l.konfirmasiPertama {
                    guard pertama != aktor?.id else {
                        throw AksiLaporanDitolak("Laporan sensitif memerlukan konfirmasi kedua dari verifikator yang berbeda.")
                    }
                } else {
                    return .init(status: .masuk, dipublikasikan: l.dipublikasikan, konfirmasiPertama: true)
                }
            }
            return .init(status: .valid, dipublikasikan: l.dipublikasikan, konfirmasiPertama: false)
        case .tolak:
            try dari([.masuk, .klarifikasi], "Hanya laporan yang belum diverifikasi yang dapat dinyatakan tidak valid")
            guard data.alasan != nil else { throw AksiLaporanDitolak("Alasan tidak valid wajib dipilih.") }
            return .init(status: .tidakValid, dipublikasikan: false, konfirmasiPertama: false)
        case .teruskan:
            try dari([.valid, .dipublikasikan], "Laporan ini sudah diteruskan")
            guard !data.opd.isEmpty else { throw AksiLaporanDitolak("Pilih minimal satu OPD tujuan.") }
            try catatanWajib("Instruksi untuk OPD")
            return .init(status: .diteruskan, dipublikasikan: l.dipublikasikan, konfirmasiPertama: false)
        case .terima:
            try dari([.diteruskan], "Penerimaan hanya dikonfirmasi untuk laporan yang diteruskan")
            let semua = aktor?.peran == .admin ? l.opd : Set([aktor?.penugasan.kodeOPD].compactMap { $0 })
            guard !semua.isSubset(of: l.opdMenanggapi) else { throw AksiLaporanDitolak("Penerimaan laporan ini sudah dikonfirmasi.") }
            return .init(status: .diteruskan, dipublikasikan: l.dipublikasikan, konfirmasiPertama: false)
        case .tindaklanjuti:
            try dari([.diteruskan], "Tindak lanjut hanya untuk laporan yang diteruskan")
            try catatanWajib("Catatan tindak lanjut")
            return .init(status: .ditindaklanjuti, dipublikasikan: l.dipublikasikan, konfirmasiPertama: false)
        case .selesaikan:
            try dari([.ditindaklanjuti], "Laporan hanya dapat diselesaikan setelah ditindaklanjuti")
            try catatanWajib("Hasil yang disampaikan kepada pelapor")
            return .init(status: .selesai, dipublikasikan: l.dipublikasikan, konfirmasiPertama: false)
        case .publikasikan:
            guard !l.dipublikasikan else { throw AksiLaporanDitolak("Laporan ini sudah dipublikasikan.") }
            return .init(status: s == .valid ? .dipublikasikan : s, dipublikasikan: true, konfirmasiPertama: false)
        }
    }

    /// Actions offered to an actor (for buttons); the gate and roles already applied.
    public static func tersedia(_ l: KeadaanLaporan, untuk aktor: Aktor?) -> [AksiLaporan] {
        let penuh = DataAksiLaporan(catatan: "x", metode: .cekLapangan, alasan: .hoaks, opd: ["x"])
        return AksiLaporan.allCases.filter { a in
            (try? jalankan(a, pada: l, oleh: aktor, data: penuh)) != nil
        }
    }
}
