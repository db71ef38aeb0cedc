import FluentKit
import Foundation
import SIKIMCore
import SQLKit

package struct M021BuatNotifikasi: MigrasiBernama {
    package func prepare(on db: any Database) async throws {
        try await db.schema("notifikasi")
            .id()
            .field("pengguna_id", .uuid, .required, .references("pengguna", "id", onDelete: .cascade))
            .field("judul", .string, .required)
            .field("tautan", .string, .required)
            .field("dibaca", .bool, .required)
            .field("dibuat_pada", .datetime, .required)
            .create()
        try await (db as! any SQLDatabase).create(index: "notifikasi_pengguna_idx").on("notifikasi")
            .column("pengguna_id").column("dibaca").run()
    }

    package func revert(on db: any Database) async throws {
        try await db.schema("notifikasi").delete()
    }
}
