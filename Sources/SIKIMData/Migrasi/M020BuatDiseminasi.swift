import FluentKit
import Foundation
import SIKIMCore
import SQLKit

package struct M020BuatDiseminasi: MigrasiBernama {
    package func prepare(on db: any Database) async throws {
        try await db.schema("materi")
            .id()
            .field("judul", .string, .required)
            .field("ringkasan", .string, .required)
            .field("isi", .string, .required)
            .field("jenis", .string, .required)
            .field("sasaran", .string, .required)
            .field("batas_waktu", .string, .required)
            .field("dibuat_oleh", .uuid, .required)
            .field("dibuat_pada", .datetime, .required)
            .create()
        try await db.schema("materi_penerima")
            .id()
            .field("materi_id", .uuid, .required, .references("materi", "id", onDelete: .cascade))
            .field("kim_id", .uuid, .required, .references("kim", "id", onDelete: .cascade))
            .field("kode_wilayah", .string, .required)
            .field("status", .string, .required)
            .field("dibaca_pada", .datetime)
            .field("saluran", .string)
            .field("tanggal", .string)
            .field("jangkauan", .int)
            .field("catatan", .string)
            .field("dilaporkan_oleh", .uuid)
            .unique(on: "materi_id", "kim_id")
            .create()
        let sql = db as! any SQLDatabase
        try await sql.create(index: "materi_penerima_kim_idx").on("materi_penerima").column("kim_id").run()
    }

    package func revert(on db: any Database) async throws {
        try await db.schema("materi_penerima").delete()
        try await db.schema("materi").delete()
    }
}
