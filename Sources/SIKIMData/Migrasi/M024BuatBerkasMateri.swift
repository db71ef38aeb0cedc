import FluentKit
import Foundation
import SIKIMCore
import SQLKit

package struct M024BuatBerkasMateri: MigrasiBernama {
    package func prepare(on db: any Database) async throws {
        try await db.schema("materi_berkas")
            .id()
            .field("materi_id", .uuid, .required, .references("materi", "id", onDelete: .cascade))
            .field("penerima_id", .uuid, .references("materi_penerima", "id", onDelete: .cascade))
            .field("nama_asli", .string, .required)
            .field("berkas", .string, .required)
            .field("tipe_mime", .string, .required)
            .field("ukuran", .int, .required)
            .field("sha256", .string, .required)
            .create()
    }

    package func revert(on db: any Database) async throws {
        try await db.schema("materi_berkas").delete()
    }
}
