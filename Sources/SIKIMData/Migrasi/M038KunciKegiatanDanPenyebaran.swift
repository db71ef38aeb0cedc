import FluentKit
import SQLKit

/// Issue 20: a kegiatan and a reach report sent again with the same key (a retry from the
/// phone's outbox, a double tap) are stored once. One kegiatan per author and key.
package struct M038KunciKegiatanDanPenyebaran: MigrasiBernama {
    package func prepare(on db: any Database) async throws {
        try await db.schema("kegiatan").field("kunci_idempotensi", .string).update()
        try await (db as! any SQLDatabase)
            .raw("CREATE UNIQUE INDEX kegiatan_kunci_idempotensi ON kegiatan (dibuat_oleh, kunci_idempotensi)").run()
        try await db.schema("materi_penerima").field("kunci_laporan", .string).update()
    }

    package func revert(on db: any Database) async throws {
        try await db.schema("materi_penerima").deleteField("kunci_laporan").update()
        try await (db as! any SQLDatabase).raw("DROP INDEX kegiatan_kunci_idempotensi").run()
        try await db.schema("kegiatan").deleteField("kunci_idempotensi").update()
    }
}
