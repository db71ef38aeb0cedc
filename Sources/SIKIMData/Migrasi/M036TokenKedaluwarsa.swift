import FluentKit
import Foundation
import SIKIMCore
import SQLKit

/// API tokens end: each has an expiry, and tokens made before it get one from today.
package struct M036TokenKedaluwarsa: MigrasiBernama {
    package func prepare(on db: any Database) async throws {
        try await db.schema("token_api").field("kedaluwarsa_pada", .datetime).update()
        let sampai = Date().addingTimeInterval(AturanToken.masaBerlaku)
        try await (db as! any SQLDatabase).raw("UPDATE token_api SET kedaluwarsa_pada = \(bind: sampai) WHERE kedaluwarsa_pada IS NULL").run()
    }

    package func revert(on db: any Database) async throws {
        try await db.schema("token_api").deleteField("kedaluwarsa_pada").update()
    }
}
