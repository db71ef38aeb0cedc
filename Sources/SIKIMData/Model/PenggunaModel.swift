import FluentKit
import Foundation
import SIKIMCore

// Unchecked, as Fluent's models are: an instance is used by one task at a time, never shared.
package final class PenggunaModel: Model, @unchecked Sendable {
    package static let schema = "pengguna"

    @ID(key: .id) package var id: UUID?
    @Field(key: "username") package var username: String
    @Field(key: "nama") package var nama: String
    @Field(key: "hash_kata_sandi") package var hashKataSandi: String
    @Field(key: "peran") package var peran: String
    @OptionalField(key: "kode_wilayah") package var kodeWilayah: String?
    @OptionalField(key: "kode_opd") package var kodeOPD: String?
    /// For a pengurus KIM: the KIM; `kode_wilayah` then holds the KIM's region.
    @OptionalField(key: "kim_id") package var kimID: UUID?
    @Field(key: "aktif") package var aktif: Bool
    @Field(key: "dibuat_pada") package var dibuatPada: Date
    @OptionalField(key: "terakhir_masuk") package var terakhirMasuk: Date?

    package init() {}

    /// By hand, not by reflection (FluentKit's cost per row read); checked by `PropertiModelTests`.
    package var properties: [any AnyProperty] { [$id, $username, $nama, $hashKataSandi, $peran, $kodeWilayah, $kodeOPD, $kimID, $aktif, $dibuatPada, $terakhirMasuk] }

    /// A stored account from a row of `pengguna.*` read by `Database.baris`.
    package init(baris r: Baris) throws {
        id = try r.decode(column: "id")
        (username, nama, hashKataSandi, peran) = (try r.decode(column: "username"), try r.decode(column: "nama"),
                                                  try r.decode(column: "hash_kata_sandi"), try r.decode(column: "peran"))
        (kodeWilayah, kodeOPD, kimID) = (try r.decode(column: "kode_wilayah"), try r.decode(column: "kode_opd"), try r.decode(column: "kim_id"))
        (aktif, dibuatPada, terakhirMasuk) = (try r.decode(column: "aktif"), try r.decode(column: "dibuat_pada"), try r.decode(column: "terakhir_masuk"))
        $id.exists = true
    }

    package init(akun: AkunBaru, hash: String, pada: Date) {
        username = akun.username
        nama = akun.nama
        hashKataSandi = hash
        aktif = true
        dibuatPada = pada
        tetapkan(akun.penugasan)
    }

    package func tetapkan(_ p: Penugasan) {
        peran = p.peran.rawValue
        kodeWilayah = p.kodeWilayah?.nilai
        kodeOPD = p.kodeOPD
        kimID = p.kimID
    }

    /// The stored assignment, re-checked by the core on every read.
    package func penugasan() throws -> Penugasan {
        guard let p = Peran(rawValue: peran) else { throw KesalahanIsian("peran", "Peran tersimpan tidak dikenal.") }
        if p == .pengurusKim, let kimID, let w = kodeWilayah.flatMap(KodeWilayah.init) {
            return try Penugasan.buat(peran: p, kodeWilayah: nil, kodeOPD: kodeOPD, kim: (kimID, w))
        }
        return try Penugasan.buat(peran: p, kodeWilayah: kodeWilayah, kodeOPD: kodeOPD)
    }

    package func aktor() throws -> Aktor {
        Aktor(id: try requireID(), penugasan: try penugasan())
    }
}

/// A bearer token for API clients. Only the SHA-256 of the token is stored.
// Unchecked, as Fluent's models are: an instance is used by one task at a time, never shared.
package final class TokenAPIModel: Model, @unchecked Sendable {
    package static let schema = "token_api"

    @ID(key: .id) package var id: UUID?
    @Parent(key: "pengguna_id") package var pengguna: PenggunaModel
    @Field(key: "nama") package var nama: String
    @Field(key: "hash_token") package var hashToken: String
    @Field(key: "dibuat_pada") package var dibuatPada: Date
    @OptionalField(key: "dicabut_pada") package var dicabutPada: Date?
    @OptionalField(key: "kedaluwarsa_pada") package var kedaluwarsaPada: Date?
    /// The phone a device credential was issued to (the app's own id for it, issue 20).
    @OptionalField(key: "perangkat") package var perangkat: String?
    /// The phone's browser session that asked for it: a stolen phone loses both in one step.
    @OptionalField(key: "sesi") package var sesi: String?

    package init() {}

    /// By hand, not by reflection (FluentKit's cost per row read); checked by `PropertiModelTests`.
    package var properties: [any AnyProperty] { [$id, $pengguna, $nama, $hashToken, $dibuatPada, $dicabutPada, $kedaluwarsaPada, $perangkat, $sesi] }

    package init(penggunaID: UUID, nama: String, hashToken: String, pada: Date) {
        $pengguna.id = penggunaID
        self.nama = nama
        self.hashToken = hashToken
        dibuatPada = pada
        kedaluwarsaPada = pada.addingTimeInterval(AturanToken.masaBerlaku)
    }

    /// A user's tokens, newest first.
    package static func milik(_ pengguna: UUID, db: any Database) async throws -> [TokenAPIModel] {
        try await query(on: db).filter(\.$pengguna.$id == pengguna).sort(\.$dibuatPada, .descending).all()
    }
}

/// One login attempt, kept for throttling and as a log of failed and successful logins.
// Unchecked, as Fluent's models are: an instance is used by one task at a time, never shared.
package final class PercobaanLoginModel: Model, @unchecked Sendable {
    package static let schema = "percobaan_login"

    @ID(key: .id) package var id: UUID?
    @Field(key: "username") package var username: String
    @Field(key: "alamat_ip") package var alamatIP: String
    @Field(key: "berhasil") package var berhasil: Bool
    @Field(key: "waktu") package var waktu: Date

    package init() {}

    /// By hand, not by reflection (FluentKit's cost per row read); checked by `PropertiModelTests`.
    package var properties: [any AnyProperty] { [$id, $username, $alamatIP, $berhasil, $waktu] }

    package init(username: String, alamatIP: String, berhasil: Bool, waktu: Date) {
        self.username = username
        self.alamatIP = alamatIP
        self.berhasil = berhasil
        self.waktu = waktu
    }
}

/// A browser session, stored in the database so several server processes share logins.
// Unchecked, as Fluent's models are: an instance is used by one task at a time, never shared.
package final class SesiModel: Model, @unchecked Sendable {
    package static let schema = "sesi"

    @ID(custom: "id", generatedBy: .user) package var id: String?
    @Field(key: "data") package var data: [String: String]
    @Field(key: "kedaluwarsa_pada") package var kedaluwarsaPada: Date
    /// Copied out of `data` so all sessions of a user can be ended in one statement.
    @OptionalField(key: "pengguna_id") package var penggunaID: String?

    package init() {}

    /// By hand, not by reflection (FluentKit's cost per row read); checked by `PropertiModelTests`.
    package var properties: [any AnyProperty] { [$id, $data, $kedaluwarsaPada, $penggunaID] }

    package init(id: String, data: [String: String], penggunaID: String?, kedaluwarsaPada: Date) {
        self.id = id
        self.data = data
        self.kedaluwarsaPada = kedaluwarsaPada
        self.penggunaID = penggunaID
    }
}
