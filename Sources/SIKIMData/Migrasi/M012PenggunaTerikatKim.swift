import FluentKit
import Foundation
import SIKIMCore
import SQLKit

/// A pengurus KIM account is bound to its KIM (until now it was bound to a desa).
package struct M012PenggunaTerikatKim: MigrasiBernama {
    package func prepare(on db: any Database) async throws {
        try await db.schema("pengguna").field("kim_id", .uuid, .references("kim", "id")).update()
    }

    package func revert(on db: any Database) async throws {
        try await db.schema("pengguna").deleteField("kim_id").update()
    }
}
