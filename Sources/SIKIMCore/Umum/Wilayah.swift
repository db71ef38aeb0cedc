import Foundation

/// Administrative level of a region in Kabupaten Serang.
public enum Tingkat: String, CaseIterable, Codable, Sendable {
    case kabupaten, kecamatan, desa

    public var label: String {
        switch self {
        case .kabupaten: "Kabupaten"
        case .kecamatan: "Kecamatan"
        case .desa: "Desa"
        }
    }
}

/// A Kemendagri region code in dotted form: `36.04`, `36.04.05`, `36.04.05.2001`.
/// The level follows from the shape, so a code can never disagree with its level.
public struct KodeWilayah: Hashable, Comparable, Codable, Sendable, CustomStringConvertible {
    public let nilai: String
    public let tingkat: Tingkat

    /// Digits in groups of 2.2, 2.2.2 or 2.2.2.4. Read byte by byte: every laporan row of a
    /// list carries one, so this runs fifty times a page.
    public init?(_ teks: String) {
        var panjang: (Int, Int, Int, Int) = (0, 0, 0, 0), bagian = 0
        for b in teks.utf8 {
            if b == UInt8(ascii: ".") {
                bagian += 1
                guard bagian < 4 else { return nil }
            } else {
                guard b >= UInt8(ascii: "0"), b <= UInt8(ascii: "9") else { return nil }
                switch bagian {
                case 0: panjang.0 += 1
                case 1: panjang.1 += 1
                case 2: panjang.2 += 1
                default: panjang.3 += 1
                }
            }
        }
        switch (bagian, panjang) {
        case (1, (2, 2, 0, 0)): tingkat = .kabupaten
        case (2, (2, 2, 2, 0)): tingkat = .kecamatan
        case (3, (2, 2, 2, 4)): tingkat = .desa
        default: return nil
        }
        nilai = teks
    }

    public var description: String { nilai }

    /// The code one level up; `nil` for a kabupaten (its province is outside the system).
    public var induk: KodeWilayah? {
        guard tingkat != .kabupaten, let titik = nilai.lastIndex(of: ".") else { return nil }
        return KodeWilayah(String(nilai[..<titik]))
    }

    /// Where figures per kecamatan count it: a desa's kecamatan, or the code itself.
    public var kecamatan: KodeWilayah { tingkat == .desa ? induk! : self }

    /// A code's area holds every code that starts with it plus a dot.
    public func mencakup(_ lain: KodeWilayah) -> Bool {
        lain.nilai == nilai || lain.nilai.hasPrefix(nilai + ".")
    }

    public static func < (a: KodeWilayah, b: KodeWilayah) -> Bool { a.nilai < b.nilai }

    public init(from decoder: Decoder) throws {
        let teks = try decoder.singleValueContainer().decode(String.self)
        guard let kode = KodeWilayah(teks) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "kode wilayah tidak valid: \(teks)"))
        }
        self = kode
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(nilai)
    }
}

public struct Wilayah: Hashable, Sendable {
    public let kode: KodeWilayah
    public let nama: String
    /// Parent code as written in the source; for the kabupaten it is the province (`36`).
    public let kodeInduk: String
    public let lat: Double
    public let lon: Double

    public var tingkat: Tingkat { kode.tingkat }

    public init(kode: KodeWilayah, nama: String, kodeInduk: String, lat: Double, lon: Double) {
        self.kode = kode
        self.nama = nama
        self.kodeInduk = kodeInduk
        self.lat = lat
        self.lon = lon
    }

    /// Official display name with its level, e.g. "Kecamatan Kramatwatu".
    public var namaLengkap: String {
        tingkat == .kabupaten ? nama : "\(tingkat.label) \(nama)"
    }
}

public enum KesalahanDataWilayah: Error, Equatable, Sendable {
    case kepalaTidakSesuai(String)
    case barisTidakValid(baris: Int, alasan: String)
    case kodeGanda(String)
    case indukTidakAda(kode: String, induk: String)
}

extension KesalahanDataWilayah: KesalahanBerpesan {
    public var kode: String { "data_wilayah_tidak_valid" }
    public var pesan: String {
        switch self {
        case .kepalaTidakSesuai(let h): "Kepala berkas wilayah tidak sesuai: \(h)"
        case .barisTidakValid(let b, let a): "Baris \(b) berkas wilayah tidak valid: \(a)"
        case .kodeGanda(let k): "Kode wilayah \(k) muncul lebih dari sekali."
        case .indukTidakAda(let k, let i): "Induk \(i) dari wilayah \(k) tidak ada."
        }
    }
}

/// Reads the region list (`kode,nama,tingkat,kode_induk,lat,lon`) and checks that it is a
/// consistent tree: unique codes, levels matching code shape, every parent present.
public enum DataWilayah {
    public static let kepala = "kode,nama,tingkat,kode_induk,lat,lon"

    public static func urai(csv: String) throws(KesalahanDataWilayah) -> [Wilayah] {
        var baris = csv.split(whereSeparator: \.isNewline).map(String.init)
        guard let h = baris.first?.trimmingCharacters(in: .whitespaces), h == kepala else {
            throw .kepalaTidakSesuai(baris.first ?? "")
        }
        baris.removeFirst()
        var hasil: [Wilayah] = []
        var terlihat = Set<KodeWilayah>()
        for (i, teks) in baris.enumerated() {
            let nomor = i + 2
            let kolom = teks.split(separator: ",", omittingEmptySubsequences: false).map {
                $0.trimmingCharacters(in: .whitespaces)
            }
            guard kolom.count == 6 else { throw .barisTidakValid(baris: nomor, alasan: "harus 6 kolom") }
            guard let kode = KodeWilayah(kolom[0]) else {
                throw .barisTidakValid(baris: nomor, alasan: "kode \(kolom[0]) tidak valid")
            }
            guard Tingkat(rawValue: kolom[2]) == kode.tingkat else {
                throw .barisTidakValid(baris: nomor, alasan: "tingkat \(kolom[2]) tidak sesuai kode")
            }
            guard !kolom[1].isEmpty else { throw .barisTidakValid(baris: nomor, alasan: "nama kosong") }
            guard let lat = Double(kolom[4]), let lon = Double(kolom[5]),
                  (-90...90).contains(lat), (-180...180).contains(lon) else {
                throw .barisTidakValid(baris: nomor, alasan: "koordinat tidak valid")
            }
            if let induk = kode.induk, induk.nilai != kolom[3] {
                throw .barisTidakValid(baris: nomor, alasan: "kode_induk \(kolom[3]) tidak sesuai kode")
            }
            guard terlihat.insert(kode).inserted else { throw .kodeGanda(kode.nilai) }
            hasil.append(Wilayah(kode: kode, nama: kolom[1], kodeInduk: kolom[3], lat: lat, lon: lon))
        }
        for w in hasil {
            if let induk = w.kode.induk, !terlihat.contains(induk) {
                throw .indukTidakAda(kode: w.kode.nilai, induk: induk.nilai)
            }
        }
        return hasil
    }
}
