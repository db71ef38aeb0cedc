import FluentKit
import Foundation
import SIKIMCore
import SQLKit

package struct M011BuatDokumenKim: MigrasiBernama {
    package func prepare(on db: any Database) async throws {
        try await db.schema("kim_dokumen")
            .id()
            .field("kim_id", .uuid, .required, .references("kim", "id", onDelete: .cascade))
            .field("jenis", .string, .required)
            .field("nama_asli", .string, .required)
            .field("tipe_mime", .string, .required)
            .field("ukuran", .int, .required)
            .field("sha256", .string, .required)
            .field("berkas", .string, .required)
            .field("diunggah_oleh", .uuid, .required)
            .field("waktu", .datetime, .required)
            .create()
    }

    package func revert(on db: any Database) async throws {
        try await db.schema("kim_dokumen").delete()
    }
}
