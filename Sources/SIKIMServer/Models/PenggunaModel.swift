import Fluent
import Foundation
import SIKIMCore

final class PenggunaModel: Model, @unchecked Sendable {
    static let schema = "pengguna"

    @ID(key: .id) var id: UUID?
    @Field(key: "username") var username: String
    @Field(key: "nama") var nama: String
    @Field(key: "hash_kata_sandi") var hashKataSandi: String
    @Field(key: "peran") var peran: String
    @OptionalField(key: "kode_wilayah") var kodeWilayah: String?
    @OptionalField(key: "kode_opd") var kodeOPD: String?
    /// For a pengurus KIM: the KIM; `kode_wilayah` then holds the KIM's region.
    @OptionalField(key: "kim_id") var kimID: UUID?
    @Field(key: "aktif") var aktif: Bool
    @Field(key: "dibuat_pada") var dibuatPada: Date
    @OptionalField(key: "terakhir_masuk") var terakhirMasuk: Date?

    init() {}

    /// By hand, not by reflection (FluentKit's cost per row read); checked by `PropertiModelTests`.
    var properties: [any AnyProperty] { [$id, $username, $nama, $hashKataSandi, $peran, $kodeWilayah, $kodeOPD, $kimID, $aktif, $dibuatPada, $terakhirMasuk] }

    /// A stored account from a row of `pengguna.*` read by `Database.baris`.
    init(baris r: Baris) throws {
        id = try r.decode(column: "id")
        (username, nama, hashKataSandi, peran) = (try r.decode(column: "username"), try r.decode(column: "nama"),
                                                  try r.decode(column: "hash_kata_sandi"), try r.decode(column: "peran"))
        (kodeWilayah, kodeOPD, kimID) = (try r.decode(column: "kode_wilayah"), try r.decode(column: "kode_opd"), try r.decode(column: "kim_id"))
        (aktif, dibuatPada, terakhirMasuk) = (try r.decode(column: "aktif"), try r.decode(column: "dibuat_pada"), try r.decode(column: "terakhir_masuk"))
        $id.exists = true
    }

    init(akun: AkunBaru, hash: String, pada: Date) {
        username = akun.username
        nama = akun.nama
        hashKataSandi = hash
        aktif = true
        dibuatPada = pada
        tetapkan(akun.penugasan)
    }

    func tetapkan(_ p: Penugasan) {
        peran = p.peran.rawValue
        kodeWilayah = p.kodeWilayah?.nilai
        kodeOPD = p.kodeOPD
        kimID = p.kimID
    }

    /// The stored assignment, re-checked by the core on every read.
    func penugasan() throws -> Penugasan {
        guard let p = Peran(rawValue: peran) else { throw KesalahanIsian("peran", "Peran tersimpan tidak dikenal.") }
        if p == .pengurusKim, let kimID, let w = kodeWilayah.flatMap(KodeWilayah.init) {
            return try Penugasan.buat(peran: p, kodeWilayah: nil, kodeOPD: kodeOPD, kim: (kimID, w))
        }
        return try Penugasan.buat(peran: p, kodeWilayah: kodeWilayah, kodeOPD: kodeOPD)
    }

    func aktor() throws -> Aktor {
        Aktor(id: try requireID(), penugasan: try penugasan())
    }
}
