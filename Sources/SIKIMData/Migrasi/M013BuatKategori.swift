import FluentKit
import Foundation
import SIKIMCore
import SQLKit

package struct M013BuatKategori: MigrasiBernama {
    package func prepare(on db: any Database) async throws {
        try await db.schema("kategori")
            .field("kode", .string, .identifier(auto: false))
            .field("nama", .string, .required)
            .field("kode_opd", .string, .required, .references("opd", "kode"))
            .field("sensitif", .bool, .required)
            .field("pertanyaan", .string, .required)
            .field("aktif", .bool, .required)
            .create()
    }

    package func revert(on db: any Database) async throws {
        try await db.schema("kategori").delete()
    }
}
