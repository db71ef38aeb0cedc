import Fluent
import Foundation
import SQLKit
import SIKIMCore

/// Every migration, in order. Append only: a released migration is never edited.
enum Migrasi {
    static let semua: [any Migration] = [
        M001BuatWilayah(),
        M002BuatOPD(),
        M003IsiOPDAwal(),
        M004BuatPengguna(),
        M005BuatTokenAPI(),
        M006BuatPercobaanLogin(),
        M007BuatSesi(),
    ]
}

struct M001BuatWilayah: AsyncMigration {
    func prepare(on db: any Database) async throws {
        try await db.schema("wilayah")
            .field("kode", .string, .identifier(auto: false))
            .field("nama", .string, .required)
            .field("tingkat", .string, .required)
            .field("kode_induk", .string, .required)
            .field("lat", .double, .required)
            .field("lon", .double, .required)
            .create()
        try await (db as! any SQLDatabase).create(index: "wilayah_kode_induk_idx").on("wilayah").column("kode_induk").run()
    }

    func revert(on db: any Database) async throws {
        try await db.schema("wilayah").delete()
    }
}

struct M002BuatOPD: AsyncMigration {
    func prepare(on db: any Database) async throws {
        try await db.schema("opd")
            .field("kode", .string, .identifier(auto: false))
            .field("nama", .string, .required)
            .field("aktif", .bool, .required)
            .field("diubah_pada", .datetime, .required)
            .create()
    }

    func revert(on db: any Database) async throws {
        try await db.schema("opd").delete()
    }
}

/// Seeds the agencies once; afterwards they are the admin's to rename or deactivate.
struct M003IsiOPDAwal: AsyncMigration {
    func prepare(on db: any Database) async throws {
        let pada = Date()
        for opd in AturanOPD.awal {
            try await OPDModel(kode: opd.kode, nama: opd.nama, pada: pada).create(on: db)
        }
    }

    func revert(on db: any Database) async throws {
        try await OPDModel.query(on: db).filter(\.$id ~~ AturanOPD.awal.map(\.kode)).delete()
    }
}

struct M004BuatPengguna: AsyncMigration {
    func prepare(on db: any Database) async throws {
        try await db.schema("pengguna")
            .id()
            .field("username", .string, .required)
            .field("nama", .string, .required)
            .field("hash_kata_sandi", .string, .required)
            .field("peran", .string, .required)
            .field("kode_wilayah", .string, .references("wilayah", "kode"))
            .field("kode_opd", .string, .references("opd", "kode"))
            .field("aktif", .bool, .required)
            .field("dibuat_pada", .datetime, .required)
            .field("terakhir_masuk", .datetime)
            .unique(on: "username")
            .create()
    }

    func revert(on db: any Database) async throws {
        try await db.schema("pengguna").delete()
    }
}

struct M005BuatTokenAPI: AsyncMigration {
    func prepare(on db: any Database) async throws {
        try await db.schema("token_api")
            .id()
            .field("pengguna_id", .uuid, .required, .references("pengguna", "id", onDelete: .cascade))
            .field("nama", .string, .required)
            .field("hash_token", .string, .required)
            .field("dibuat_pada", .datetime, .required)
            .field("dicabut_pada", .datetime)
            .unique(on: "hash_token")
            .create()
    }

    func revert(on db: any Database) async throws {
        try await db.schema("token_api").delete()
    }
}

struct M006BuatPercobaanLogin: AsyncMigration {
    func prepare(on db: any Database) async throws {
        try await db.schema("percobaan_login")
            .id()
            .field("username", .string, .required)
            .field("alamat_ip", .string, .required)
            .field("berhasil", .bool, .required)
            .field("waktu", .datetime, .required)
            .create()
        let sql = db as! any SQLDatabase
        try await sql.create(index: "percobaan_login_username_idx").on("percobaan_login").column("username").column("waktu").run()
        try await sql.create(index: "percobaan_login_ip_idx").on("percobaan_login").column("alamat_ip").column("waktu").run()
    }

    func revert(on db: any Database) async throws {
        try await db.schema("percobaan_login").delete()
    }
}

struct M007BuatSesi: AsyncMigration {
    func prepare(on db: any Database) async throws {
        try await db.schema("sesi")
            .field("id", .string, .identifier(auto: false))
            .field("data", .dictionary(of: .string), .required)
            .field("kedaluwarsa_pada", .datetime, .required)
            .field("pengguna_id", .string)
            .create()
        let sql = db as! any SQLDatabase
        try await sql.create(index: "sesi_kedaluwarsa_idx").on("sesi").column("kedaluwarsa_pada").run()
        try await sql.create(index: "sesi_pengguna_idx").on("sesi").column("pengguna_id").run()
    }

    func revert(on db: any Database) async throws {
        try await db.schema("sesi").delete()
    }
}
