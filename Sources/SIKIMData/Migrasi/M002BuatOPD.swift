import FluentKit
import Foundation
import SIKIMCore
import SQLKit

package struct M002BuatOPD: MigrasiBernama {
    package func prepare(on db: any Database) async throws {
        try await db.schema("opd")
            .field("kode", .string, .identifier(auto: false))
            .field("nama", .string, .required)
            .field("aktif", .bool, .required)
            .field("diubah_pada", .datetime, .required)
            .create()
    }

    package func revert(on db: any Database) async throws {
        try await db.schema("opd").delete()
    }
}
