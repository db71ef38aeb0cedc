import FluentKit
import Foundation
import SQLKit

/// Every change of a laporan or a KIM is conditional on the version it was decided from
/// (`Berversi`); a submission with an idempotency key keeps a fingerprint of what it sent.
package struct M033VersiPerubahan: MigrasiBernama {
    package func prepare(on db: any Database) async throws {
        try await db.schema("laporan").field("versi", .int, .required, .sql(.default(0))).update()
        try await db.schema("laporan").field("sidik_permintaan", .string).update()
        try await db.schema("kim").field("versi", .int, .required, .sql(.default(0))).update()
    }

    package func revert(on db: any Database) async throws {
        try await db.schema("kim").deleteField("versi").update()
        try await db.schema("laporan").deleteField("sidik_permintaan").update()
        try await db.schema("laporan").deleteField("versi").update()
    }
}
