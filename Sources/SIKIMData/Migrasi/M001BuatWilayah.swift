import FluentKit
import Foundation
import SIKIMCore
import SQLKit

package struct M001BuatWilayah: MigrasiBernama {
    package func prepare(on db: any Database) async throws {
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

    package func revert(on db: any Database) async throws {
        try await db.schema("wilayah").delete()
    }
}
