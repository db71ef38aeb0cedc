import FluentKit
import Foundation
import SIKIMCore
import SQLKit

package struct M018BuatLampiranLaporan: MigrasiBernama {
    package func prepare(on db: any Database) async throws {
        try await db.schema("laporan_lampiran")
            .id()
            .field("laporan_id", .uuid, .required, .references("laporan", "id", onDelete: .cascade))
            .field("peristiwa_id", .uuid, .required, .references("laporan_peristiwa", "id", onDelete: .cascade))
            .field("nama_asli", .string, .required)
            .field("berkas", .string, .required)
            .field("tipe_mime", .string, .required)
            .field("ukuran", .int, .required)
            .field("sha256", .string, .required)
            .create()
        try await (db as! any SQLDatabase).create(index: "laporan_lampiran_idx").on("laporan_lampiran").column("laporan_id").run()
    }

    package func revert(on db: any Database) async throws {
        try await db.schema("laporan_lampiran").delete()
    }
}
