import FluentKit
import Foundation
import SIKIMCore
import SQLKit

package struct M019BuatKegiatan: MigrasiBernama {
    package func prepare(on db: any Database) async throws {
        try await db.schema("kegiatan")
            .id()
            .field("kim_id", .uuid, .required, .references("kim", "id", onDelete: .cascade))
            .field("jenis", .string, .required)
            .field("tanggal", .string, .required)
            .field("tempat", .string, .required)
            .field("uraian", .string, .required)
            .field("peserta", .int)
            .field("dibuat_oleh", .uuid, .required)
            .field("dibuat_pada", .datetime, .required)
            .create()
        try await db.schema("kegiatan_foto")
            .id()
            .field("kegiatan_id", .uuid, .required, .references("kegiatan", "id", onDelete: .cascade))
            .field("berkas", .string, .required)
            .field("tipe_mime", .string, .required)
            .field("ukuran", .int, .required)
            .field("sha256", .string, .required)
            .create()
        try await db.schema("pembinaan")
            .id()
            .field("kim_id", .uuid, .required, .references("kim", "id", onDelete: .cascade))
            .field("jenis", .string, .required)
            .field("catatan", .string, .required)
            .field("oleh", .uuid, .required)
            .field("nama_oleh", .string, .required)
            .field("waktu", .datetime, .required)
            .create()
        try await db.schema("pengaturan")
            .field("kunci", .string, .identifier(auto: false))
            .field("nilai", .string, .required)
            .create()
        let sql = db as! any SQLDatabase
        try await sql.create(index: "kegiatan_kim_idx").on("kegiatan").column("kim_id").column("tanggal").run()
        try await sql.create(index: "laporan_kim_idx").on("laporan").column("kim_id").run()
    }

    package func revert(on db: any Database) async throws {
        for t in ["pengaturan", "pembinaan", "kegiatan_foto", "kegiatan"] { try await db.schema(t).delete() }
    }
}
