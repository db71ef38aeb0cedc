import SIKIMData
import Fluent
import Foundation
import SIKIMCore
import Vapor

// API shapes, kept apart from the Fluent models. Keys become snake_case in JSON.

struct WilayahDTO: Content {
    let kode: String
    let nama: String
    let tingkat: String
    let kodeInduk: String
    let lat: Double
    let lon: Double

    init(_ m: WilayahModel) {
        kode = m.id!
        nama = m.nama
        tingkat = m.tingkat
        kodeInduk = m.kodeInduk
        lat = m.lat
        lon = m.lon
    }
}

struct OPDDTO: Content {
    let kode: String
    let nama: String
    let aktif: Bool

    init(_ m: OPDModel) {
        kode = m.id!
        nama = m.nama
        aktif = m.aktif
    }
}

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

    /// A user's tokens, newest first.
    static func milik(_ pengguna: UUID, db: any Database) async throws -> [TokenDTO] {
        try await TokenAPIModel.milik(pengguna, db: db).map(TokenDTO.init)
    }
}

/// A token as a row of the account pages.
struct BarisToken: Encodable {
    let id: String
    let nama: String
    let dibuat: String
    /// Why it no longer works, if it does not: revoked or expired.
    let berakhir: String?
    let berlakuSampai: String?

    static func milik(_ pengguna: UUID, db: any Database, sekarang: Date) async throws -> [BarisToken] {
        try await TokenAPIModel.milik(pengguna, db: db).map { t in
            let habis = t.kedaluwarsaPada.map { $0 <= sekarang } ?? false
            return BarisToken(id: try t.requireID().uuidString, nama: t.nama, dibuat: TanggalIndonesia.denganJam(t.dibuatPada),
                              berakhir: t.dicabutPada.map { "Dicabut \(TanggalIndonesia.denganJam($0))" }
                                  ?? (habis ? t.kedaluwarsaPada.map { "Kedaluwarsa \(TanggalIndonesia.denganJam($0))" } : nil),
                              berlakuSampai: t.kedaluwarsaPada.map(TanggalIndonesia.panjang))
        }
    }
}

/// A freshly issued token: the only time its plain value is shown.
struct TokenBaruDTO: Content {
    let token: String
    let id: UUID
}

extension ContentConfiguration {
    /// JSON in snake_case, times in ISO 8601 with the WIB offset.
    static func sikim() -> ContentConfiguration {
        let enc = JSONEncoder()
        enc.keyEncodingStrategy = .convertToSnakeCase
        enc.dateEncodingStrategy = .custom { d, e in
            var c = e.singleValueContainer()
            try c.encode(TanggalIndonesia.iso8601(d))
        }
        // Inputs name their snake_case keys explicitly, so one type decodes both JSON and
        // HTML form bodies; a key strategy here would rename keys before they are matched.
        let dec = JSONDecoder()
        dec.dateDecodingStrategy = .iso8601
        var cfg = ContentConfiguration.default()
        cfg.use(encoder: enc, for: .json)
        cfg.use(decoder: dec, for: .json)
        return cfg
    }
}
