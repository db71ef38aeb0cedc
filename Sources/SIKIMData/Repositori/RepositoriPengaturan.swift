import FluentKit
import Foundation
import SIKIMCore

/// Settings as key and text: the activity thresholds, the webhook.
package struct RepositoriPengaturan {
    package let db: any Database

    package init(db: any Database) { self.db = db }

    package func baca(_ kunci: [String]) async throws -> [String: String] {
        Dictionary(uniqueKeysWithValues: try await PengaturanModel.query(on: db).filter(\.$id ~~ kunci).all().map { ($0.id!, $0.nilai) })
    }

    /// Writes the values together: all or none.
    package func simpan(_ nilai: [(String, String)]) async throws {
        try await db.transaction { db in
            for (k, v) in nilai {
                if let m = try await PengaturanModel.find(k, on: db) { m.nilai = v; try await m.update(on: db) }
                else { try await PengaturanModel(kunci: k, nilai: v).create(on: db) }
            }
        }
    }
}
