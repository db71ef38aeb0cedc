import Foundation

/// A category's extra question (the Open311 "service attribute" model).
public struct Pertanyaan: Codable, Equatable, Sendable {
    public enum Jenis: String, Codable, CaseIterable, Sendable {
        case teks, angka, tanggal
        case pilihanTunggal = "pilihan_tunggal"
        case pilihanGanda = "pilihan_ganda"
    }

    public let kode: String
    public let label: String
    public let jenis: Jenis
    public let wajib: Bool
    public let pilihan: [String]

    public init(kode: String, label: String, jenis: Jenis, wajib: Bool, pilihan: [String] = []) {
        (self.kode, self.label, self.jenis, self.wajib, self.pilihan) = (kode, label, jenis, wajib, pilihan)
    }

    /// Values a question may receive at once: a pilihan ganda's options, one for the others.
    /// More is not a long answer but a malformed one, refused before it is read.
    public var nilaiMaksimum: Int { jenis == .pilihanGanda ? max(pilihan.count, 1) : 1 }

    /// Checks an answer (several values only for pilihan ganda); returns it normalised, each
    /// option once, in the order given.
    public func periksa(_ nilai: [String]) throws(KesalahanIsian) -> [String] {
        let bidang = "jawaban.\(kode)"
        guard nilai.count <= nilaiMaksimum * 2, nilai.allSatisfy({ $0.utf8.count <= 2000 }) else {
            throw KesalahanIsian(bidang, "\(label): jawaban terlalu panjang.")
        }
        var dilihat = Set<String>()
        let isi = nilai.map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }.filter { !$0.isEmpty && dilihat.insert($0).inserted }
        guard !isi.isEmpty else {
            if wajib { throw KesalahanIsian(bidang, "\(label) wajib dijawab.") }
            return []
        }
        switch jenis {
        case .teks:
            guard isi.count == 1, isi[0].count <= 500 else { throw KesalahanIsian(bidang, "\(label): paling banyak 500 karakter.") }
        case .angka:
            guard isi.count == 1, Double(isi[0].replacingOccurrences(of: ",", with: ".")) != nil else {
                throw KesalahanIsian(bidang, "\(label) harus berupa angka.")
            }
        case .tanggal:
            guard isi.count == 1, Tanggal(iso: isi[0]) != nil else { throw KesalahanIsian(bidang, "\(label) harus tanggal TTTT-BB-HH.") }
        case .pilihanTunggal:
            guard isi.count == 1, pilihan.contains(isi[0]) else { throw KesalahanIsian(bidang, "\(label): pilih salah satu pilihan yang tersedia.") }
        case .pilihanGanda:
            guard isi.allSatisfy(pilihan.contains) else { throw KesalahanIsian(bidang, "\(label): pilih dari pilihan yang tersedia.") }
        }
        return isi
    }
}

public enum SumberInformasi: String, CaseIterable, Codable, Sendable {
    case pengamatanLangsung = "pengamatan_langsung"
    case informasiWarga = "informasi_warga"
    case mediaSosial = "media_sosial"
    case lainnya

    public var label: String {
        switch self {
        case .pengamatanLangsung: "Pengamatan langsung"
        case .informasiWarga: "Informasi warga"
        case .mediaSosial: "Media sosial"
        case .lainnya: "Lainnya"
        }
    }
}

/// A new laporan, validated.
public struct LaporanBaru: Sendable {
    public let judul: String
    public let isi: String
    public let wilayah: KodeWilayah
    public let lat: Double?
    public let lon: Double?
    public let alamat: String?
    public let waktuKejadian: Date?
    public let sumber: SumberInformasi
    public let kerahasiaan: Kerahasiaan
    public let jawaban: [String: [String]]
}

public enum AturanLaporan {
    public static let panjangIsi = 4000
    /// All answers to a category's questions together, in bytes.
    public static let panjangJawaban = 4000
    public static let jumlahFoto = 5

    /// Who may submit where: the admin anywhere, a pengurus within its own KIM's area while
    /// that KIM may act (`statusKim`: the pengurus's KIM).
    public static func bolehMelapor(_ aktor: Aktor?, desa: KodeWilayah, statusKim: StatusKim?) -> Bool {
        switch aktor?.penugasan {
        case .admin?: true
        case .pengurusKim(_, let w)?: w.mencakup(desa) && statusKim?.bolehBerkegiatan == true
        default: false
        }
    }

    public static func periksa(judul: String, isi: String, kodeDesa: String, lat: String?, lon: String?, alamat: String?,
                               waktuKejadian: Date?, sumber: String?, kerahasiaan: String?, jawaban: [String: [String]],
                               pertanyaan: [Pertanyaan], sekarang: Date, daerah: Daerah = .serang) throws(KesalahanIsian) -> LaporanBaru {
        var k = KesalahanIsian()
        func cek<T>(_ f: () throws(KesalahanIsian) -> T) -> T? {
            do { return try f() } catch { error.butir.forEach { k.tambah($0.bidang, $0.pesan) }; return nil }
        }
        let j = cek { () throws(KesalahanIsian) in try AturanPengurus.teks(judul, bidang: "judul", label: "Judul", maks: 150) }
        let i = cek { () throws(KesalahanIsian) in try AturanPengurus.teks(isi, bidang: "isi", label: "Isi laporan", maks: panjangIsi) }
        let a = cek { () throws(KesalahanIsian) in try AturanPengurus.opsional(alamat, bidang: "alamat", label: "Alamat", maks: 300) } ?? nil
        let w = KodeWilayah(kodeDesa)
        if w?.tingkat != .desa { k.tambah("kode_wilayah", "Pilih desa tempat kejadian.") }
        var titik: (Double, Double)?
        let latT = lat?.trimmingCharacters(in: .whitespaces) ?? "", lonT = lon?.trimmingCharacters(in: .whitespaces) ?? ""
        if !latT.isEmpty || !lonT.isEmpty {
            if let la = Double(latT), let lo = Double(lonT), daerah.lintang.contains(la), daerah.bujur.contains(lo) {
                titik = (la, lo)
            } else {
                k.tambah("lat", daerah.pesanKoordinat)
            }
        }
        if let t = waktuKejadian, t > sekarang.addingTimeInterval(300) {
            k.tambah("waktu_kejadian", "Waktu kejadian tidak boleh di masa depan.")
        }
        let s = SumberInformasi(rawValue: sumber ?? SumberInformasi.pengamatanLangsung.rawValue)
        if s == nil { k.tambah("sumber", "Sumber informasi tidak dikenal.") }
        let r = Kerahasiaan(rawValue: kerahasiaan ?? Kerahasiaan.biasa.rawValue)
        if r == nil { k.tambah("kerahasiaan", "Tingkat kerahasiaan tidak dikenal.") }
        var hasilJawaban: [String: [String]] = [:]
        for p in pertanyaan {
            if let x = cek({ () throws(KesalahanIsian) in try p.periksa(jawaban[p.kode] ?? []) }), !x.isEmpty { hasilJawaban[p.kode] = x }
        }
        if hasilJawaban.values.joined().map(\.utf8.count).reduce(0, +) > panjangJawaban {
            k.tambah("jawaban", "Jawaban pertanyaan kategori terlalu panjang: paling banyak \(panjangJawaban) karakter seluruhnya.")
        }
        guard k.kosong, let j, let i, let w, let s, let r else { throw k }
        return LaporanBaru(judul: j, isi: i, wilayah: w, lat: titik?.0, lon: titik?.1, alamat: a, waktuKejadian: waktuKejadian,
                           sumber: s, kerahasiaan: r, jawaban: hasilJawaban)
    }

    /// The SLA deadline of the stage a laporan is in, if it is in one. Once every OPD has
    /// responded (acknowledged or acted), the clock runs toward closing.
    /// The states that have a deadline (`tenggat` gives it); the others have none.
    public static let statusBertenggat: [StatusLaporan] = [.masuk, .klarifikasi, .diteruskan, .ditindaklanjuti]

    public static func tenggat(status: StatusLaporan, masuk: Date, diteruskan: Date?, ditanggapi: Bool = false,
                               kalender: KalenderKerja) -> (TahapSLA, Date)? {
        switch status {
        case .masuk, .klarifikasi: (.verifikasi, kalender.tenggat(TahapSLA.verifikasi.hariKerja, sejak: masuk))
        case .diteruskan where !ditanggapi: diteruskan.map { (.tanggapanOPD, kalender.tenggat(TahapSLA.tanggapanOPD.hariKerja, sejak: $0)) }
        case .diteruskan, .ditindaklanjuti: diteruskan.map { (.penyelesaian, kalender.tenggat(TahapSLA.penyelesaian.hariKerja, sejak: $0)) }
        default: nil
        }
    }

    /// Evidence or follow-up documents attached to an action: at most 5 files.
    public static let jumlahLampiran = 5
    public static let jenisLampiran: Set<JenisBerkas> = [.pdf, .jpeg, .png, .webp]

    /// "LAP-2026-000123".
    public static func nomor(tahun: Int, urut: Int) -> String { String(format: "LAP-%04d-%06d", tahun, urut) }
}

/// The audit trail of a laporan as a hash chain: each event stores the hash of the one
/// before it and of its own content, so an edit to any stored event breaks the chain.
public enum RantaiAudit {
    public struct Peristiwa: Sendable {
        public let isi: String
        public let hashSebelum: String
        public let hash: String
        public init(isi: String, hashSebelum: String, hash: String) { (self.isi, self.hashSebelum, self.hash) = (isi, hashSebelum, hash) }
    }

    public static let awal = String(repeating: "0", count: 64)

    public static func hash(sebelum: String, isi: String, sha256: (String) -> String) -> String {
        sha256(sebelum + "\n" + isi)
    }

    /// The position of the first event whose link or content does not check out, or nil.
    public static func periksa(_ rantai: [Peristiwa], sha256: (String) -> String) -> Int? {
        var sebelum = awal
        for (i, p) in rantai.enumerated() {
            guard p.hashSebelum == sebelum, p.hash == hash(sebelum: sebelum, isi: p.isi, sha256: sha256) else { return i }
            sebelum = p.hash
        }
        return nil
    }

    /// One step of a history as stored: its number and the states it went from and to.
    public struct Langkah: Sendable {
        public let urutan: Int
        public let dari: String
        public let ke: String
        public init(urutan: Int, dari: String, ke: String) { (self.urutan, self.dari, self.ke) = (urutan, dari, ke) }
    }

    /// The position of the first step that does not follow the one before it, or nil: steps
    /// are numbered 1, 2, 3… without gaps or repeats, the first starts from nothing, and each
    /// starts in the state where the previous one ended. A hash chain alone accepts a history
    /// written by two writers who both read the same state; this does not.
    public static func putus(_ langkah: [Langkah]) -> Int? {
        var sebelum = ""
        for (i, l) in langkah.enumerated() {
            guard l.urutan == i + 1, l.dari == sebelum else { return i }
            sebelum = l.ke
        }
        return nil
    }
}
