import FluentKit

/// Issue 20: a photo sent as a small preview first keeps the promise of its full version.
package struct M040FotoMenyusul: MigrasiBernama {
    package func prepare(on db: any Database) async throws {
        try await db.schema("laporan_foto").field("sha256_penuh", .string).update()
    }

    package func revert(on db: any Database) async throws {
        try await db.schema("laporan_foto").deleteField("sha256_penuh").update()
    }
}
