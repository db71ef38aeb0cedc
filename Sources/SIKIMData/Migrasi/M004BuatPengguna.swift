import FluentKit
import Foundation
import SIKIMCore
import SQLKit

package struct M004BuatPengguna: MigrasiBernama {
    package func prepare(on db: any Database) async throws {
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

    package func revert(on db: any Database) async throws {
        try await db.schema("pengguna").delete()
    }
}
