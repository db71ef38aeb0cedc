import Foundation

public enum Jabatan: String, CaseIterable, Codable, Sendable {
    case ketua
    case wakilKetua = "wakil_ketua"
    case sekretaris
    case bendahara
    case seksi
    case anggota

    public var label: String {
        switch self {
        case .ketua: "Ketua"
        case .wakilKetua: "Wakil Ketua"
        case .sekretaris: "Sekretaris"
        case .bendahara: "Bendahara"
        case .seksi: "Seksi"
        case .anggota: "Anggota"
        }
    }
}

public enum JenisKelamin: String, CaseIterable, Codable, Sendable {
    case lakiLaki = "L"
    case perempuan = "P"

    public var label: String { self == .lakiLaki ? "Laki-laki" : "Perempuan" }
}

/// One board member, validated.
public struct Pengurus: Equatable, Sendable {
    public let nama: String
    public let jabatan: Jabatan
    /// Free detail of the post, e.g. "Seksi Pariwisata".
    public let keterangan: String?
    public let jenisKelamin: JenisKelamin
    public let nomorHP: String
    public let email: String?
    public let tahunLahir: Int
    public let masaBaktiMulai: Tanggal
    public let masaBaktiSelesai: Tanggal

    /// "Sekretaris", or "Seksi Pariwisata" when a detail is given.
    public var jabatanLengkap: String { keterangan.map { k in k.isEmpty ? jabatan.label : k } ?? jabatan.label }
}

/// Rules for the board of a KIM and for its formation data.
public enum AturanPengurus {
    public static let jumlah = 3...30
    public static let usiaMinimum = 18
    public static let masaBaktiTahun = 3
    public static let peringatanMasaBaktiHari = 60

    /// Validates one member; `acuan` is the day the age and default term are counted from.
    public static func pengurus(nama: String, jabatan: String, keterangan: String?, jenisKelamin: String, nomorHP: String,
                                email: String?, tahunLahir: String, masaBaktiMulai: String?, masaBaktiSelesai: String?,
                                acuan: Tanggal) throws(KesalahanIsian) -> Pengurus {
        var k = KesalahanIsian()
        func cek<T>(_ f: () throws(KesalahanIsian) -> T) -> T? {
            do { return try f() } catch { error.butir.forEach { k.tambah($0.bidang, $0.pesan) }; return nil }
        }
        let n = cek { () throws(KesalahanIsian) in try teks(nama, bidang: "nama", label: "Nama", maks: 100) }
        let j = Jabatan(rawValue: jabatan)
        if j == nil { k.tambah("jabatan", "Jabatan \"\(jabatan.prefix(30))\" tidak dikenal.") }
        let ket = cek { () throws(KesalahanIsian) in try opsional(keterangan, bidang: "keterangan", label: "Keterangan jabatan", maks: 100) }
        let jk = JenisKelamin(rawValue: jenisKelamin)
        if jk == nil { k.tambah("jenis_kelamin", "Jenis kelamin harus L (laki-laki) atau P (perempuan).") }
        let hp = cek { () throws(KesalahanIsian) in try NomorTelepon.normalisasi(nomorHP) }
        let em = cek { () throws(KesalahanIsian) in try AturanKim.email(email) }
        var lahir: Int?
        if let t = Int(tahunLahir.trimmingCharacters(in: .whitespaces)), (1900...acuan.tahun).contains(t) {
            if acuan.tahun - t >= usiaMinimum { lahir = t } else {
                k.tambah("tahun_lahir", "Pengurus KIM harus berusia minimal \(usiaMinimum) tahun.")
            }
        } else {
            k.tambah("tahun_lahir", "Tahun lahir harus empat angka, misalnya 1985.")
        }
        let mulai = cek { () throws(KesalahanIsian) in try tanggalOpsional(masaBaktiMulai, bidang: "masa_bakti_mulai") } ?? nil
        let selesai = cek { () throws(KesalahanIsian) in try tanggalOpsional(masaBaktiSelesai, bidang: "masa_bakti_selesai") } ?? nil
        let awal = mulai ?? acuan
        let akhir = selesai ?? awal.tambahTahun(masaBaktiTahun)
        if akhir <= awal { k.tambah("masa_bakti_selesai", "Akhir masa bakti harus sesudah awalnya.") }
        guard k.kosong, let n, let j, let jk, let hp, let lahir else { throw k }
        return Pengurus(nama: n, jabatan: j, keterangan: ket ?? nil, jenisKelamin: jk, nomorHP: hp, email: em ?? nil,
                        tahunLahir: lahir, masaBaktiMulai: awal, masaBaktiSelesai: akhir)
    }

    /// What the board still lacks: 3–30 members, exactly one ketua, a sekretaris and a bendahara.
    public static func kekuranganSusunan(_ jabatan: [Jabatan]) -> [String] {
        var kurang: [String] = []
        if jabatan.count < jumlah.lowerBound { kurang.append("Pengurus minimal \(jumlah.lowerBound) orang.") }
        if jabatan.count > jumlah.upperBound { kurang.append("Pengurus paling banyak \(jumlah.upperBound) orang.") }
        let ketua = jabatan.filter { $0 == .ketua }.count
        if ketua == 0 { kurang.append("Pengurus harus memiliki satu ketua.") }
        if ketua > 1 { kurang.append("Pengurus hanya boleh memiliki satu ketua.") }
        if !jabatan.contains(.sekretaris) { kurang.append("Pengurus harus memiliki sekretaris.") }
        if !jabatan.contains(.bendahara) { kurang.append("Pengurus harus memiliki bendahara.") }
        return kurang
    }

    /// Why a board change is refused, or nil: never on a dissolved KIM, never above 30
    /// members, and once submitted the board must stay complete.
    public static func alasanPerubahanDitolak(status: StatusKim, jabatanSesudah: [Jabatan]) -> String? {
        if status == .dibubarkan { return "KIM yang sudah dibubarkan tidak dapat diubah." }
        if jabatanSesudah.count > jumlah.upperBound { return "Pengurus paling banyak \(jumlah.upperBound) orang." }
        if status != .draf, let kurang = kekuranganSusunan(jabatanSesudah).first {
            return "Susunan pengurus KIM yang sudah diajukan harus tetap lengkap: \(kurang)"
        }
        return nil
    }

    /// A term that ends within the warning window from today (or has just ended today).
    public static func masaBaktiSegeraBerakhir(_ selesai: Tanggal, hariIni: Tanggal) -> Bool {
        selesai >= hariIni && selesai <= hariIni.tambahHari(peringatanMasaBaktiHari)
    }

    public static func teks(_ s: String, bidang: String, label: String, maks: Int) throws(KesalahanIsian) -> String {
        let t = s.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !t.isEmpty else { throw KesalahanIsian(bidang, "\(label) wajib diisi.") }
        guard t.count <= maks else { throw KesalahanIsian(bidang, "\(label) paling banyak \(maks) karakter.") }
        guard !t.unicodeScalars.contains(where: { $0.properties.generalCategory == .control && $0 != "\n" }) else {
            throw KesalahanIsian(bidang, "\(label) berisi karakter yang tidak diizinkan.")
        }
        return t
    }

    public static func opsional(_ s: String?, bidang: String, label: String, maks: Int) throws(KesalahanIsian) -> String? {
        guard let s, !s.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else { return nil }
        return try teks(s, bidang: bidang, label: label, maks: maks)
    }

    static func tanggalOpsional(_ s: String?, bidang: String) throws(KesalahanIsian) -> Tanggal? {
        guard let s, !s.isEmpty else { return nil }
        guard let t = Tanggal(iso: s) else { throw KesalahanIsian(bidang, "Tanggal harus berformat TTTT-BB-HH, misalnya 2024-05-16.") }
        return t
    }
}

/// The KIM's own data: name, contact, formation meeting.
public struct DataKim: Equatable, Sendable {
    public let nama: String
    public let alamat: String?
    public let email: String?
    public let telepon: String?
    public let tanggalPembentukan: Tanggal?
    public let tempatPembentukan: String?
    public let jumlahHadir: Int?
    public let fokus: [String]

    public init(nama: String, alamat: String?, email: String?, telepon: String?, tanggalPembentukan: Tanggal?,
                tempatPembentukan: String?, jumlahHadir: Int?, fokus: [String]) {
        (self.nama, self.alamat, self.email, self.telepon) = (nama, alamat, email, telepon)
        (self.tanggalPembentukan, self.tempatPembentukan, self.jumlahHadir, self.fokus) = (tanggalPembentukan, tempatPembentukan, jumlahHadir, fokus)
    }
}

public enum AturanKim {
    /// A dissolved KIM's board no longer acts for anyone: its accounts end with it. A frozen
    /// KIM's accounts stay (it may be reactivated) but cannot act (`alasanTidakBerkegiatan`).
    public static func akunPengurusBerakhir(_ status: StatusKim) -> Bool { status == .dibubarkan }

    /// The fields a KIM's own board may keep up to date.
    public static let bidangKontak: Set<String> = ["alamat", "email", "telepon"]

    public static func email(_ s: String?) throws(KesalahanIsian) -> String? {
        guard let s = s?.trimmingCharacters(in: .whitespaces), !s.isEmpty else { return nil }
        let bagian = s.split(separator: "@", omittingEmptySubsequences: false)
        guard s.count <= 254, bagian.count == 2, !bagian[0].isEmpty, bagian[1].contains("."),
              !bagian[1].hasPrefix("."), !bagian[1].hasSuffix("."), !s.contains(where: { $0.isWhitespace || $0 == "<" || $0 == ">" }) else {
            throw KesalahanIsian("email", "Alamat e-mail tidak valid, misalnya kim.kramatwatu@gmail.com.")
        }
        return s.lowercased()
    }

    /// Validates the KIM's data; the formation date may not lie in the future.
    public static func data(nama: String, alamat: String?, email: String?, telepon: String?, tanggalPembentukan: String?,
                            tempatPembentukan: String?, jumlahHadir: String?, fokus: String?,
                            hariIni: Tanggal) throws(KesalahanIsian) -> DataKim {
        var k = KesalahanIsian()
        func cek<T>(_ f: () throws(KesalahanIsian) -> T) -> T? {
            do { return try f() } catch { error.butir.forEach { k.tambah($0.bidang, $0.pesan) }; return nil }
        }
        let n = cek { () throws(KesalahanIsian) in try AturanPengurus.teks(nama, bidang: "nama", label: "Nama KIM", maks: 150) }
        let a = cek { () throws(KesalahanIsian) in try AturanPengurus.opsional(alamat, bidang: "alamat", label: "Alamat", maks: 300) } ?? nil
        let e = cek { () throws(KesalahanIsian) in try AturanKim.email(email) } ?? nil
        let t = cek { () throws(KesalahanIsian) -> String? in
            guard let telepon, !telepon.trimmingCharacters(in: .whitespaces).isEmpty else { return nil }
            return try NomorTelepon.normalisasi(telepon, seluler: false, bidang: "telepon")
        } ?? nil
        let tgl = cek { () throws(KesalahanIsian) in try AturanPengurus.tanggalOpsional(tanggalPembentukan, bidang: "tanggal_pembentukan") } ?? nil
        if let tgl, tgl > hariIni { k.tambah("tanggal_pembentukan", "Tanggal pembentukan tidak boleh di masa depan.") }
        let tempat = cek { () throws(KesalahanIsian) in
            try AturanPengurus.opsional(tempatPembentukan, bidang: "tempat_pembentukan", label: "Tempat pembentukan", maks: 200)
        } ?? nil
        var hadir: Int?
        if let j = jumlahHadir?.trimmingCharacters(in: .whitespaces), !j.isEmpty {
            if let x = Int(j), (1...10_000).contains(x) { hadir = x } else {
                k.tambah("jumlah_hadir", "Jumlah hadir harus bilangan 1–10.000.")
            }
        }
        let tag = (fokus ?? "").split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces).lowercased() }.filter { !$0.isEmpty }
        if tag.count > 20 || tag.contains(where: { $0.count > 40 }) {
            k.tambah("fokus", "Bidang fokus paling banyak 20, masing-masing paling banyak 40 karakter.")
        }
        guard k.kosong, let n else { throw k }
        var unik: [String] = []
        for x in tag where !unik.contains(x) { unik.append(x) }
        return DataKim(nama: n, alamat: a, email: e, telepon: t, tanggalPembentukan: tgl, tempatPembentukan: tempat,
                       jumlahHadir: hadir, fokus: unik)
    }

    /// What keeps a KIM from being submitted: formation date and place, and a complete board.
    public static func kekuranganPembentukan(tanggal: Tanggal?, tempat: String?, jabatan: [Jabatan]) -> [String] {
        var kurang: [String] = []
        if tanggal == nil { kurang.append("Tanggal pembentukan belum diisi.") }
        if (tempat ?? "").isEmpty { kurang.append("Tempat pembentukan belum diisi.") }
        return kurang + AturanPengurus.kekuranganSusunan(jabatan)
    }
}
