import FluentKit

/// Issue 20: how a laporan arrived (web, API, the phone app, written offline) and when it was
/// written on the phone. Older laporan keep both empty: how they came is not known.
package struct M037KanalLaporan: MigrasiBernama {
    package func prepare(on db: any Database) async throws {
        try await db.schema("laporan").field("kanal", .string).update()
        try await db.schema("laporan").field("ditulis_pada", .datetime).update()
    }

    package func revert(on db: any Database) async throws {
        try await db.schema("laporan").deleteField("ditulis_pada").update()
        try await db.schema("laporan").deleteField("kanal").update()
    }
}
