import FluentKit
import Foundation
import SIKIMCore
import SQLKit

package struct M007BuatSesi: MigrasiBernama {
    package func prepare(on db: any Database) async throws {
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

    package func revert(on db: any Database) async throws {
        try await db.schema("sesi").delete()
    }
}
