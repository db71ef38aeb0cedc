import FluentKit
import SQLKit

/// Issue 20: a device credential names its phone, and a phone holds one at a time (two asked
/// at the same instant: the second is refused, not both kept); it keeps the browser session
/// that asked for it, which ends with it.
package struct M041PerangkatToken: MigrasiBernama {
    package func prepare(on db: any Database) async throws {
        // one column per statement: SQLite adds one at a time
        try await db.schema("token_api").field("perangkat", .string).update()
        try await db.schema("token_api").field("sesi", .string).update()
        try await (db as! any SQLDatabase).raw("""
            CREATE UNIQUE INDEX token_api_perangkat ON token_api (pengguna_id, perangkat)
            WHERE dicabut_pada IS NULL AND perangkat IS NOT NULL
            """).run()
    }

    package func revert(on db: any Database) async throws {
        try await (db as! any SQLDatabase).raw("DROP INDEX token_api_perangkat").run()
        try await db.schema("token_api").deleteField("sesi").update()
        try await db.schema("token_api").deleteField("perangkat").update()
    }
}
