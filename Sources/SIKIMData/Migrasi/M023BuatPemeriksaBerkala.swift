import FluentKit
import Foundation
import SIKIMCore
import SQLKit

package struct M023BuatPemeriksaBerkala: MigrasiBernama {
    package func prepare(on db: any Database) async throws {
        try await db.schema("penanda").field("kunci", .string, .identifier(auto: false)).field("waktu", .datetime, .required).create()
        try await db.schema("kim_aktivitas_riwayat")
            .id()
            .field("kim_id", .uuid, .required, .references("kim", "id", onDelete: .cascade))
            .field("tanggal", .string, .required)
            .field("status", .string, .required)
            .create()
        try await (db as! any SQLDatabase).create(index: "kim_aktivitas_riwayat_idx").on("kim_aktivitas_riwayat").column("kim_id").column("tanggal").run()
    }

    package func revert(on db: any Database) async throws {
        try await db.schema("kim_aktivitas_riwayat").delete()
        try await db.schema("penanda").delete()
    }
}
