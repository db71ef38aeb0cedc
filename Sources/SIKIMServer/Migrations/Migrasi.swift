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
        M008BuatKim(),
        M009BuatPengurus(),
        M010BuatTransisiKim(),
        M011BuatDokumenKim(),
        M012PenggunaTerikatKim(),
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

struct M008BuatKim: AsyncMigration {
    func prepare(on db: any Database) async throws {
        try await db.schema("kim")
            .id()
            .field("nama", .string, .required)
            .field("tingkat", .string, .required)
            .field("kode_wilayah", .string, .required, .references("wilayah", "kode"))
            .field("status", .string, .required)
            .field("alamat", .string)
            .field("email", .string)
            .field("telepon", .string)
            .field("tanggal_pembentukan", .string)
            .field("tempat_pembentukan", .string)
            .field("jumlah_hadir", .int)
            .field("fokus", .array(of: .string), .required)
            .field("nomor_sk_desa", .string)
            .field("tanggal_sk_desa", .string)
            .field("nomor_sk_kecamatan", .string)
            .field("tanggal_sk_kecamatan", .string)
            .field("dibuat_pada", .datetime, .required)
            .field("diubah_pada", .datetime, .required)
            .create()
        let sql = db as! any SQLDatabase
        // At most one KIM that is not dissolved per region, guaranteed by the database too.
        try await sql.raw("CREATE UNIQUE INDEX kim_satu_per_wilayah ON kim (kode_wilayah) WHERE status <> 'dibubarkan'").run()
        try await sql.create(index: "kim_status_idx").on("kim").column("status").run()
    }

    func revert(on db: any Database) async throws {
        try await db.schema("kim").delete()
    }
}

struct M009BuatPengurus: AsyncMigration {
    func prepare(on db: any Database) async throws {
        try await db.schema("pengurus")
            .id()
            .field("kim_id", .uuid, .required, .references("kim", "id", onDelete: .cascade))
            .field("nama", .string, .required)
            .field("jabatan", .string, .required)
            .field("keterangan", .string)
            .field("jenis_kelamin", .string, .required)
            .field("nomor_hp", .string, .required)
            .field("email", .string)
            .field("tahun_lahir", .int, .required)
            .field("masa_bakti_mulai", .string, .required)
            .field("masa_bakti_selesai", .string, .required)
            .field("pengguna_id", .uuid, .references("pengguna", "id", onDelete: .setNull))
            .create()
        try await (db as! any SQLDatabase).create(index: "pengurus_kim_idx").on("pengurus").column("kim_id").run()
    }

    func revert(on db: any Database) async throws {
        try await db.schema("pengurus").delete()
    }
}

struct M010BuatTransisiKim: AsyncMigration {
    func prepare(on db: any Database) async throws {
        try await db.schema("kim_transisi")
            .id()
            .field("kim_id", .uuid, .required, .references("kim", "id", onDelete: .cascade))
            .field("aksi", .string, .required)
            .field("dari", .string, .required)
            .field("ke", .string, .required)
            .field("catatan", .string)
            .field("nomor_sk", .string)
            .field("tanggal_sk", .string)
            .field("pengguna_id", .uuid, .required)
            .field("nama_pengguna", .string, .required)
            .field("peran", .string, .required)
            .field("waktu", .datetime, .required)
            .field("tanggal", .string, .required)
            .field("urutan", .int, .required)
            .create()
        let sql = db as! any SQLDatabase
        try await sql.create(index: "kim_transisi_kim_idx").on("kim_transisi").column("kim_id").run()
        try await sql.create(index: "kim_transisi_tanggal_idx").on("kim_transisi").column("tanggal").run()
    }

    func revert(on db: any Database) async throws {
        try await db.schema("kim_transisi").delete()
    }
}

struct M011BuatDokumenKim: AsyncMigration {
    func prepare(on db: any Database) async throws {
        try await db.schema("kim_dokumen")
            .id()
            .field("kim_id", .uuid, .required, .references("kim", "id", onDelete: .cascade))
            .field("jenis", .string, .required)
            .field("nama_asli", .string, .required)
            .field("tipe_mime", .string, .required)
            .field("ukuran", .int, .required)
            .field("sha256", .string, .required)
            .field("berkas", .string, .required)
            .field("diunggah_oleh", .uuid, .required)
            .field("waktu", .datetime, .required)
            .create()
    }

    func revert(on db: any Database) async throws {
        try await db.schema("kim_dokumen").delete()
    }
}

/// A pengurus KIM account is bound to its KIM (until now it was bound to a desa).
struct M012PenggunaTerikatKim: AsyncMigration {
    func prepare(on db: any Database) async throws {
        try await db.schema("pengguna").field("kim_id", .uuid, .references("kim", "id")).update()
    }

    func revert(on db: any Database) async throws {
        try await db.schema("pengguna").deleteField("kim_id").update()
    }
}
