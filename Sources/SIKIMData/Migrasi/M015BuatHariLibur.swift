import FluentKit
import Foundation
import SIKIMCore
import SQLKit

package struct M015BuatHariLibur: MigrasiBernama {
    package func prepare(on db: any Database) async throws {
        try await db.schema("hari_libur")
            .field("tanggal", .string, .identifier(auto: false))
            .field("jenis", .string, .required)
            .field("nama", .string, .required)
            .create()
    }

    package func revert(on db: any Database) async throws {
        try await db.schema("hari_libur").delete()
    }
}
