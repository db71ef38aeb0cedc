import FluentKit
import Foundation
import SIKIMCore
import SQLKit

package struct M010BuatTransisiKim: MigrasiBernama {
    package func prepare(on db: any Database) async throws {
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

    package func revert(on db: any Database) async throws {
        try await db.schema("kim_transisi").delete()
    }
}
