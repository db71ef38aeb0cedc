import Foundation

/// How active a KIM is, from the latest of its laporan, kegiatan and dissemination reports.
public enum StatusAktivitas: String, CaseIterable, Codable, Sendable {
    case belumAktif = "belum_aktif"
    case aktif
    case kurangAktif = "kurang_aktif"
    case tidakAktif = "tidak_aktif"

    public var label: String {
        switch self {
        case .belumAktif: "Belum aktif"
        case .aktif: "Aktif"
        case .kurangAktif: "Kurang aktif"
        case .tidakAktif: "Tidak aktif"
        }
    }

    /// KIMs that need coaching (pembinaan).
    public var perluPembinaan: Bool { self == .kurangAktif || self == .tidakAktif }
}

/// The thresholds in days (settings the admin may change).
public struct AmbangAktivitas: Equatable, Sendable {
    public var aktif: Int
    public var kurangAktif: Int
    /// Grace after legalisation before a KIM with no activity counts as inactive.
    public var awal: Int

    public init(aktif: Int = 30, kurangAktif: Int = 90, awal: Int = 30) {
        (self.aktif, self.kurangAktif, self.awal) = (aktif, kurangAktif, awal)
    }

    public static let bawaan = AmbangAktivitas()

    /// The three thresholds as a form sends them: each must be sent, a whole number of days,
    /// never a silent return to the defaults.
    public static func dari(aktif: String?, kurangAktif: String?, awal: String?) throws(KesalahanIsian) -> AmbangAktivitas {
        func hari(_ s: String?, _ label: String) throws(KesalahanIsian) -> Int {
            guard let n = s.flatMap({ Int($0.trimmingCharacters(in: .whitespaces)) }) else {
                throw KesalahanIsian("ambang", "\(label) wajib diisi dengan jumlah hari (bilangan bulat).")
            }
            return n
        }
        let a = AmbangAktivitas(aktif: try hari(aktif, "Ambang aktif"), kurangAktif: try hari(kurangAktif, "Ambang kurang aktif"),
                                awal: try hari(awal, "Masa awal"))
        try a.periksa()
        return a
    }

    public func periksa() throws(KesalahanIsian) {
        guard (1...365).contains(aktif), (aktif + 1...730).contains(kurangAktif), (1...365).contains(awal) else {
            throw KesalahanIsian("ambang", "Ambang tidak valid: aktif 1–365 hari, kurang aktif lebih besar dari aktif (maksimal 730), masa awal 1–365 hari.")
        }
    }
}

public enum Aktivitas {
    /// The KIM statuses that have an activity status: legalised, active or frozen. The others
    /// are `belumAktif`.
    public static let dinilai: [StatusKim] = [.aktif, .dibekukan]

    /// - Parameters:
    ///   - disahkan: the day the KIM was legalised (became active); nil when it is not.
    ///   - terakhir: the day of its latest laporan, kegiatan or dissemination report.
    public static func status(statusKim: StatusKim, disahkan: Tanggal?, terakhir: Tanggal?, hariIni: Tanggal,
                              ambang: AmbangAktivitas = .bawaan) -> StatusAktivitas {
        guard dinilai.contains(statusKim), let disahkan else { return .belumAktif }
        guard let terakhir, terakhir >= disahkan else {
            // Nothing since legalisation: a grace period, then inactive.
            return selisih(disahkan, hariIni) <= ambang.awal ? .aktif : .tidakAktif
        }
        switch selisih(terakhir, hariIni) {
        case ...ambang.aktif: return .aktif
        case ...ambang.kurangAktif: return .kurangAktif
        default: return .tidakAktif
        }
    }

    /// Calendar days from one day to another.
    public static func selisih(_ dari: Tanggal, _ sampai: Tanggal) -> Int { sampai.hariKe - dari.hariKe }
}

public enum JenisKegiatan: String, CaseIterable, Codable, Sendable {
    case rapatPengurus = "rapat_pengurus"
    case sosialisasi
    case produksiKonten = "produksi_konten"
    case pelatihan, liputan, lainnya

    public var label: String {
        switch self {
        case .rapatPengurus: "Rapat pengurus"
        case .sosialisasi: "Sosialisasi / diseminasi"
        case .produksiKonten: "Produksi konten"
        case .pelatihan: "Pelatihan"
        case .liputan: "Liputan"
        case .lainnya: "Lainnya"
        }
    }
}

public struct KegiatanBaru: Equatable, Sendable {
    public let jenis: JenisKegiatan
    public let tanggal: Tanggal
    public let tempat: String
    public let uraian: String
    public let peserta: Int?
}

/// Coaching (pembinaan) of quiet KIMs: its kinds, by code.
public enum AturanPembinaan {
    public static let jenis = ["telepon": "Telepon", "kunjungan": "Kunjungan", "pertemuan": "Pertemuan", "lainnya": "Lainnya"]
}

public enum AturanKegiatan {
    /// Only the KIM's own board (and the admin) records its activities, while the KIM may act.
    public static func bolehMencatat(_ aktor: Aktor?, kim: UUID, statusKim: StatusKim) -> Bool {
        (aktor?.peran == .admin || aktor?.penugasan.kimID == kim) && statusKim.bolehBerkegiatan
    }

    public static func periksa(jenis: String, tanggal: String, tempat: String, uraian: String, peserta: String?,
                               hariIni: Tanggal) throws(KesalahanIsian) -> KegiatanBaru {
        var k = KesalahanIsian()
        let j = JenisKegiatan(rawValue: jenis)
        if j == nil { k.tambah("jenis", "Jenis kegiatan tidak dikenal.") }
        let t = Tanggal(iso: tanggal)
        if t == nil { k.tambah("tanggal", "Tanggal kegiatan harus berformat TTTT-BB-HH.") }
        else if t! > hariIni { k.tambah("tanggal", "Tanggal kegiatan tidak boleh di masa depan.") }
        var tp: String?, u: String?
        do { tp = try AturanPengurus.teks(tempat, bidang: "tempat", label: "Tempat", maks: 200) } catch { error.butir.forEach { k.tambah($0.bidang, $0.pesan) } }
        do { u = try AturanPengurus.teks(uraian, bidang: "uraian", label: "Uraian kegiatan", maks: 2000) } catch { error.butir.forEach { k.tambah($0.bidang, $0.pesan) } }
        var jumlah: Int?
        if let p = peserta?.trimmingCharacters(in: .whitespaces), !p.isEmpty {
            if let n = Int(p), (1...100_000).contains(n) { jumlah = n } else { k.tambah("peserta", "Jumlah peserta harus bilangan 1–100.000.") }
        }
        guard k.kosong, let j, let t, let tp, let u else { throw k }
        return KegiatanBaru(jenis: j, tanggal: t, tempat: tp, uraian: u, peserta: jumlah)
    }
}

/// How many KIMs were in each activity status on each day, from the history of changes.
public enum TrenAktivitas {
    public struct Perubahan: Sendable {
        public let kim: UUID
        public let tanggal: Tanggal
        public let status: StatusAktivitas
        public init(kim: UUID, tanggal: Tanggal, status: StatusAktivitas) { (self.kim, self.tanggal, self.status) = (kim, tanggal, status) }
    }

    /// Counts at the start of the period, on each day with a change, and at its end.
    public static func hitung(_ riwayat: [Perubahan], dari: Tanggal, sampai: Tanggal) -> [(tanggal: Tanggal, jumlah: [StatusAktivitas: Int])] {
        let urut = riwayat.sorted { $0.tanggal < $1.tanggal }
        var hari = Set(urut.map(\.tanggal).filter { $0 >= dari && $0 <= sampai })
        hari.insert(dari)
        hari.insert(sampai)
        return hari.sorted().map { t in
            var kini: [UUID: StatusAktivitas] = [:]
            for p in urut where p.tanggal <= t { kini[p.kim] = p.status }
            var jumlah: [StatusAktivitas: Int] = [:]
            for s in kini.values { jumlah[s, default: 0] += 1 }
            return (t, jumlah)
        }
    }
}
