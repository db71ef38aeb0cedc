import Foundation

// Why a request is not served: the errors the services and the edge share. Each knows its
// stable code and its Indonesian message; the server's middleware alone turns them into HTTP.

/// Nobody is signed in where someone must be.
public struct BelumMasuk: KesalahanBerpesan, Equatable, Sendable {
    /// The session had been there and ran out (the page then says so).
    public let sesiBerakhir: Bool
    public init(sesiBerakhir: Bool = false) { self.sesiBerakhir = sesiBerakhir }
    public var kode: String { sesiBerakhir ? "sesi_berakhir" : "belum_masuk" }
    public var pesan: String { sesiBerakhir ? "Sesi Anda telah berakhir. Silakan masuk kembali." : "Silakan masuk terlebih dahulu." }
}

public struct TokenTidakValid: KesalahanBerpesan, Equatable, Sendable {
    public init() {}
    public var kode: String { "token_tidak_valid" }
    public var pesan: String { "Token API tidak valid, sudah kedaluwarsa, atau sudah dicabut." }
}

/// A wrong username or password, or an account that may not sign in: one answer for all,
/// with the failures left before the username locks (counted alike for names that do not
/// exist, so the count tells nothing about which do).
public struct LoginGagal: KesalahanBerpesan, Equatable, Sendable {
    public let sisa: Int?
    public init(sisa: Int? = nil) { self.sisa = sisa }
    public var kode: String { "login_gagal" }
    public var pesan: String {
        let dasar = "Nama pengguna atau kata sandi salah."
        let menit = Int(PembatasLogin.akun.lamaKunci / 60)
        switch sisa {
        case nil: return dasar
        case 0?: return dasar + " Akun ini sekarang dikunci \(menit) menit."
        case let n?: return dasar + " Sisa \(n) kali percobaan sebelum akun ini dikunci \(menit) menit."
        }
    }
}

/// Too many failed attempts lately (`PembatasLogin`).
public struct Terkunci: KesalahanBerpesan, Equatable, Sendable {
    public let sampai: Date
    public init(sampai: Date) { self.sampai = sampai }
    public var kode: String { "terlalu_banyak_percobaan" }
    public var pesan: String { "Terlalu banyak percobaan masuk yang gagal. Coba lagi setelah pukul \(TanggalIndonesia.jam(sampai))." }
}

/// The object does not exist for this actor: either it does not exist, or it is outside their
/// scope (DOMAIN.md: outside its scope a user gets 404, never the object).
public struct TidakDitemukan: KesalahanBerpesan, Equatable, Sendable {
    public let apa: String
    public init(_ apa: String) { self.apa = apa }
    public var kode: String { "tidak_ditemukan" }
    public var pesan: String { "\(apa) tidak ditemukan." }
}

/// A malformed query parameter (a filter, a cursor, a date).
public struct ParameterTidakValid: KesalahanBerpesan, Equatable, Sendable {
    public let pesan: String
    public init(_ pesan: String) { self.pesan = pesan }
    public var kode: String { "parameter_tidak_valid" }
}
