import FluentKit
import Foundation
import SIKIMCore
import SQLKit

package struct M022BuatWebhook: MigrasiBernama {
    package func prepare(on db: any Database) async throws {
        try await db.schema("webhook_kiriman")
            .id()
            .field("isi", .string, .required)
            .field("status", .string, .required)
            .field("percobaan", .int, .required)
            .field("berikutnya", .datetime, .required)
            .field("galat", .string)
            .field("dibuat_pada", .datetime, .required)
            .create()
        try await (db as! any SQLDatabase).create(index: "webhook_menunggu_idx").on("webhook_kiriman").column("status").column("berikutnya").run()
    }

    package func revert(on db: any Database) async throws {
        try await db.schema("webhook_kiriman").delete()
    }
}
