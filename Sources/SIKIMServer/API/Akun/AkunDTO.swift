import Foundation
import SIKIMData
import Vapor

struct PenggunaDTO: Content {
    let id: UUID
    let username: String
    let nama: String
    let peran: String
    let kodeWilayah: String?
    let kodeOpd: String?
    let kimId: UUID?
    let aktif: Bool
    let dibuatPada: Date
    let terakhirMasuk: Date?

    init(_ m: PenggunaModel) throws {
        id = try m.requireID()
        username = m.username
        nama = m.nama
        peran = m.peran
        kodeWilayah = m.kodeWilayah
        kodeOpd = m.kodeOPD
        kimId = m.kimID
        aktif = m.aktif
        dibuatPada = m.dibuatPada
        terakhirMasuk = m.terakhirMasuk
    }
}

struct TokenDTO: Content {
    let id: UUID
    let nama: String
    let dibuatPada: Date
    let dicabutPada: Date?
    let kedaluwarsaPada: Date?

    init(_ m: TokenAPIModel) throws {
        id = try m.requireID()
        nama = m.nama
        dibuatPada = m.dibuatPada
        dicabutPada = m.dicabutPada
        kedaluwarsaPada = m.kedaluwarsaPada
    }
}

/// A freshly issued token: the only time its plain value is shown.
struct TokenBaruDTO: Content {
    let token: String
    let id: UUID
}
