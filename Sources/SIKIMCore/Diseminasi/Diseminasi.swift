import Foundation

public enum JenisMateri: String, CaseIterable, Codable, Sendable {
    case programPemerintah = "program_pemerintah"
    case klarifikasiHoaks = "klarifikasi_hoaks"
    case kebencanaan
    case layananPublik = "layanan_publik"
    case lainnya

    public var label: String {
        switch self {
        case .programPemerintah: "Program pemerintah"
        case .klarifikasiHoaks: "Klarifikasi hoaks"
        case .kebencanaan: "Kebencanaan"
        case .layananPublik: "Layanan publik"
        case .lainnya: "Lainnya"
        }
    }
}

public enum SaluranDiseminasi: String, CaseIterable, Codable, Sendable {
    case grupWhatsapp = "grup_whatsapp"
    case mediaSosial = "media_sosial"
    case pengajian
    case pertemuanWarga = "pertemuan_warga"
    case papanInformasi = "papan_informasi"
    case pengerasSuara = "pengeras_suara"
    case lainnya

    public var label: String {
        switch self {
        case .grupWhatsapp: "Grup WhatsApp"
        case .mediaSosial: "Media sosial"
        case .pengajian: "Pengajian / majelis taklim"
        case .pertemuanWarga: "Pertemuan warga"
        case .papanInformasi: "Papan informasi"
        case .pengerasSuara: "Pengeras suara"
        case .lainnya: "Lainnya"
        }
    }
}

/// Which KIMs a materi is for.
public enum SasaranMateri: Equatable, Sendable {
    case semua
    case kecamatan(Set<KodeWilayah>)
    case kim(Set<UUID>)

    /// As a form sends it: `semua`, `kecamatan` with their codes, or `kim` with their ids.
    public static func periksa(_ sasaran: String?, kecamatan: [String], kim: [String]) throws(KesalahanIsian) -> SasaranMateri {
        switch sasaran ?? "semua" {
        case "semua": return .semua
        case "kecamatan":
            let kode = Set(kecamatan.compactMap(KodeWilayah.init).filter { $0.tingkat == .kecamatan })
            guard !kode.isEmpty else { throw KesalahanIsian("sasaran", "Pilih minimal satu kecamatan sasaran.") }
            return .kecamatan(kode)
        case "kim":
            let ids = Set(kim.compactMap(UUID.init(uuidString:)))
            guard !ids.isEmpty else { throw KesalahanIsian("sasaran", "Pilih minimal satu KIM sasaran.") }
            return .kim(ids)
        default: throw KesalahanIsian("sasaran", "Sasaran harus semua, kecamatan atau kim.")
        }
    }

    /// Its name as stored with the materi.
    public var nama: String {
        switch self {
        case .semua: "semua"
        case .kecamatan: "kecamatan"
        case .kim: "kim"
        }
    }

    public func mencakup(kim: UUID, wilayah: KodeWilayah) -> Bool {
        switch self {
        case .semua: true
        case .kecamatan(let k): k.contains { $0.mencakup(wilayah) }
        case .kim(let ids): ids.contains(kim)
        }
    }
}

/// A targeted KIM's progress with a materi.
public enum StatusPenerimaan: String, CaseIterable, Codable, Sendable {
    case terkirim, dibaca, disebarkan

    public var label: String {
        switch self {
        case .terkirim: "Terkirim"
        case .dibaca: "Dibaca"
        case .disebarkan: "Disebarkan"
        }
    }
}

public struct MateriBaru: Sendable {
    public let judul: String
    public let ringkasan: String
    public let isi: String
    public let jenis: JenisMateri
    public let batasWaktu: Tanggal
}

public struct LaporanPenyebaran: Equatable, Sendable {
    public let saluran: [SaluranDiseminasi]
    public let tanggal: Tanggal
    public let jangkauan: Int
    public let catatan: String?
}

public enum AturanDiseminasi {
    /// The office publishes materi; only a targeted KIM's own board reports on it.
    public static func bolehMenerbitkan(_ aktor: Aktor?) -> Bool {
        aktor?.peran == .admin || aktor?.peran == .verifikator
    }

    /// How a materi was spread is reported by the board of the KIM it was sent to, no one else,
    /// while that KIM may act.
    public static func bolehMelaporkan(_ aktor: Aktor?, kimSasaran: UUID, statusKim: StatusKim) -> Bool {
        guard let aktor, aktor.peran == .pengurusKim else { return false }
        return aktor.penugasan.kimID == kimSasaran && statusKim.bolehBerkegiatan
    }

    public static func materi(judul: String, ringkasan: String, isi: String, jenis: String, batasWaktu: String,
                              hariIni: Tanggal) throws(KesalahanIsian) -> MateriBaru {
        var k = KesalahanIsian()
        func cek<T>(_ f: () throws(KesalahanIsian) -> T) -> T? {
            do { return try f() } catch { error.butir.forEach { k.tambah($0.bidang, $0.pesan) }; return nil }
        }
        let j = cek { () throws(KesalahanIsian) in try AturanPengurus.teks(judul, bidang: "judul", label: "Judul", maks: 150) }
        let r = cek { () throws(KesalahanIsian) in try AturanPengurus.teks(ringkasan, bidang: "ringkasan", label: "Ringkasan", maks: 500) }
        let i = cek { () throws(KesalahanIsian) in try AturanPengurus.teks(isi, bidang: "isi", label: "Isi materi", maks: 10_000) }
        let jn = JenisMateri(rawValue: jenis)
        if jn == nil { k.tambah("jenis", "Jenis materi tidak dikenal.") }
        let b = Tanggal(iso: batasWaktu)
        if b == nil { k.tambah("batas_waktu", "Batas waktu harus tanggal TTTT-BB-HH.") }
        else if b! < hariIni { k.tambah("batas_waktu", "Batas waktu tidak boleh sebelum hari ini.") }
        guard k.kosong, let j, let r, let i, let jn, let b else { throw k }
        return MateriBaru(judul: j, ringkasan: r, isi: i, jenis: jn, batasWaktu: b)
    }

    public static func penyebaran(saluran: [String], tanggal: String, jangkauan: String, catatan: String?,
                                  diterbitkan: Tanggal, hariIni: Tanggal) throws(KesalahanIsian) -> LaporanPenyebaran {
        var k = KesalahanIsian()
        let s = saluran.compactMap(SaluranDiseminasi.init(rawValue:))
        if s.isEmpty || s.count != saluran.count { k.tambah("saluran", "Pilih minimal satu saluran penyebaran yang tersedia.") }
        let t = Tanggal(iso: tanggal)
        if t == nil { k.tambah("tanggal", "Tanggal penyebaran harus TTTT-BB-HH.") }
        else if t! > hariIni { k.tambah("tanggal", "Tanggal penyebaran tidak boleh di masa depan.") }
        else if t! < diterbitkan { k.tambah("tanggal", "Tanggal penyebaran tidak boleh sebelum materi diterbitkan.") }
        let j = Int(jangkauan.trimmingCharacters(in: .whitespaces))
        if j == nil || !(1...1_000_000).contains(j!) { k.tambah("jangkauan", "Perkiraan jumlah warga terjangkau harus bilangan 1–1.000.000.") }
        var c: String?
        do { c = try AturanPengurus.opsional(catatan, bidang: "catatan", label: "Catatan", maks: 1000) } catch { error.butir.forEach { k.tambah($0.bidang, $0.pesan) } }
        guard k.kosong, let t, let j else { throw k }
        var unik: [SaluranDiseminasi] = []
        for x in s where !unik.contains(x) { unik.append(x) }
        return LaporanPenyebaran(saluran: unik, tanggal: t, jangkauan: j, catatan: c)
    }
}

/// Coverage of one materi: how many targeted KIMs reported dissemination, the reach, per
/// kecamatan, and who is past the deadline without a report.
public struct CakupanMateri: Equatable, Sendable {
    public struct Penerima: Sendable {
        public let kim: UUID
        public let kecamatan: KodeWilayah
        public let status: StatusPenerimaan
        public let jangkauan: Int
        public init(kim: UUID, kecamatan: KodeWilayah, status: StatusPenerimaan, jangkauan: Int) {
            (self.kim, self.kecamatan, self.status, self.jangkauan) = (kim, kecamatan, status, jangkauan)
        }
    }

    public struct PerKecamatan: Equatable, Sendable {
        public let kecamatan: KodeWilayah
        public let sasaran: Int
        public let disebarkan: Int
        public let jangkauan: Int
    }

    public let sasaran: Int
    public let dibaca: Int
    public let disebarkan: Int
    public let jangkauan: Int
    /// Share of targeted KIMs that reported, in whole percent (rounded down).
    public let persen: Int
    public let perKecamatan: [PerKecamatan]
    public let terlambat: [UUID]

    public static func hitung(_ penerima: [Penerima], batasWaktu: Tanggal, hariIni: Tanggal) -> CakupanMateri {
        func jangkauan(_ p: [Penerima]) -> Int { p.reduce(0) { $0 + $1.jangkauan } }
        let sebar = penerima.filter { $0.status == .disebarkan }
        var per: [PerKecamatan] = []
        for (k, p) in Dictionary(grouping: penerima, by: { $0.kecamatan }) {
            let s: [Penerima] = p.filter { $0.status == .disebarkan }
            per.append(PerKecamatan(kecamatan: k, sasaran: p.count, disebarkan: s.count, jangkauan: jangkauan(s)))
        }
        per.sort { $0.kecamatan < $1.kecamatan }
        let dibaca = penerima.filter { $0.status != .terkirim }.count
        let persen = penerima.isEmpty ? 0 : sebar.count * 100 / penerima.count
        let terlambat: [UUID] = hariIni > batasWaktu ? penerima.filter { $0.status != .disebarkan }.map { $0.kim } : []
        return CakupanMateri(sasaran: penerima.count, dibaca: dibaca, disebarkan: sebar.count, jangkauan: jangkauan(sebar),
                             persen: persen, perKecamatan: per, terlambat: terlambat)
    }
}
