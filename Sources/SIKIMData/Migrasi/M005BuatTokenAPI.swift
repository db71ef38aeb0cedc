import FluentKit
import Foundation
import SIKIMCore
import SQLKit

package struct M005BuatTokenAPI: MigrasiBernama {
    package func prepare(on db: any Database) async throws {
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

    package func revert(on db: any Database) async throws {
        try await db.schema("token_api").delete()
    }
}
