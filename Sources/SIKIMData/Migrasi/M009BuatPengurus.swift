import FluentKit
import Foundation
import SIKIMCore
import SQLKit

package struct M009BuatPengurus: MigrasiBernama {
    package func prepare(on db: any Database) async throws {
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

    package func revert(on db: any Database) async throws {
        try await db.schema("pengurus").delete()
    }
}
