import Foundation

/// Rules for account fields, shared by the web forms, the API and the `sikim user` commands.
public enum AturanAkun {
    public static let panjangMinKataSandi = 10
    /// bcrypt reads at most 72 bytes; a longer password would be silently truncated.
    public static let panjangMaksKataSandiByte = 72
    public static let panjangUsername = 3...32
    public static let panjangMaksNama = 100

    /// Lower-cases and trims; returns the username if it is well-formed.
    public static func username(_ masukan: String) throws(KesalahanIsian) -> String {
        let u = masukan.trimmingCharacters(in: .whitespaces).lowercased()
        guard !u.isEmpty else { throw KesalahanIsian("username", "Nama pengguna wajib diisi.") }
        guard panjangUsername.contains(u.count) else {
            throw KesalahanIsian("username", "Nama pengguna harus 3–32 karakter.")
        }
        let boleh = u.unicodeScalars.allSatisfy { s in
            (s >= "a" && s <= "z") || (s >= "0" && s <= "9") || s == "." || s == "_" || s == "-"
        }
        guard boleh, let awal = u.unicodeScalars.first, awal != ".", awal != "_", awal != "-" else {
            throw KesalahanIsian("username", "Nama pengguna hanya boleh huruf kecil, angka, titik, garis bawah dan tanda hubung, diawali huruf atau angka.")
        }
        return u
    }

    public static func nama(_ masukan: String) throws(KesalahanIsian) -> String {
        let n = masukan.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !n.isEmpty else { throw KesalahanIsian("nama", "Nama lengkap wajib diisi.") }
        guard n.count <= panjangMaksNama else {
            throw KesalahanIsian("nama", "Nama lengkap paling banyak \(panjangMaksNama) karakter.")
        }
        guard !n.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) else {
            throw KesalahanIsian("nama", "Nama lengkap berisi karakter yang tidak diizinkan.")
        }
        return n
    }

    public static func kataSandi(_ k: String) throws(KesalahanIsian) {
        guard k.count >= panjangMinKataSandi else {
            throw KesalahanIsian("kata_sandi", "Kata sandi minimal \(panjangMinKataSandi) karakter.")
        }
        guard k.utf8.count <= panjangMaksKataSandiByte else {
            throw KesalahanIsian("kata_sandi", "Kata sandi terlalu panjang (maksimal \(panjangMaksKataSandiByte) byte).")
        }
    }

    /// Validates every field of a new account and collects all problems at once.
    public static func akunBaru(username u: String, nama n: String, kataSandi k: String,
                                peran: String, kodeWilayah: String?, kodeOPD: String?,
                                kim: (id: UUID, wilayah: KodeWilayah)? = nil) throws(KesalahanIsian) -> AkunBaru {
        var kesalahan = KesalahanIsian()
        func kumpulkan<T>(_ langkah: () throws(KesalahanIsian) -> T) -> T? {
            do { return try langkah() } catch { error.butir.forEach { kesalahan.tambah($0.bidang, $0.pesan) }; return nil }
        }
        let username = kumpulkan { () throws(KesalahanIsian) in try AturanAkun.username(u) }
        let nama = kumpulkan { () throws(KesalahanIsian) in try AturanAkun.nama(n) }
        _ = kumpulkan { () throws(KesalahanIsian) in try AturanAkun.kataSandi(k) }
        let penugasan = kumpulkan { () throws(KesalahanIsian) -> Penugasan in
            guard let p = Peran(rawValue: peran) else { throw KesalahanIsian("peran", "Peran \"\(peran)\" tidak dikenal.") }
            return try Penugasan.buat(peran: p, kodeWilayah: kodeWilayah, kodeOPD: kodeOPD, kim: kim)
        }
        guard kesalahan.kosong, let username, let nama, let penugasan else { throw kesalahan }
        return AkunBaru(username: username, nama: nama, penugasan: penugasan)
    }
}

public struct AkunBaru: Equatable, Sendable {
    public let username: String
    public let nama: String
    public let penugasan: Penugasan
}

/// API tokens: each ends after `masaBerlaku` (a client signs in again); the user lists and
/// revokes their own, the admin anyone's.
public enum AturanToken {
    public static let masaBerlaku: TimeInterval = 90 * 86_400

    /// A token answers only while it is neither revoked nor past its expiry.
    public static func berlaku(dicabut: Date?, kedaluwarsa: Date?, sekarang: Date) -> Bool {
        dicabut == nil && (kedaluwarsa.map { $0 > sekarang } ?? true)
    }
}
