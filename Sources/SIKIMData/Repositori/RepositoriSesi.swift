import FluentKit
import Foundation

/// Browser sessions, stored so several server processes share logins.
package struct RepositoriSesi {
    package let db: any Database

    package init(db: any Database) { self.db = db }

    /// Stores a new session, clearing the expired ones on the way.
    package func buat(id: String, data: [String: String], pengguna: String?, sampai: Date, sekarang: Date) async throws {
        try await SesiModel.query(on: db).filter(\.$kedaluwarsaPada < sekarang).hapusSemua()
        try await SesiModel(id: id, data: data, penggunaID: pengguna, kedaluwarsaPada: sampai).create(on: db)
    }

    package func cari(_ id: String) async throws -> SesiModel? { try await SesiModel.find(id, on: db) }

    package func ubah(_ id: String, data: [String: String], pengguna: String?, sampai: Date) async throws {
        try await SesiModel.query(on: db).filter(\.$id == id).set(\.$data, to: data).set(\.$penggunaID, to: pengguna)
            .set(\.$kedaluwarsaPada, to: sampai).ubahSemua()
    }

    package func hapus(_ id: String) async throws { try await SesiModel.query(on: db).filter(\.$id == id).hapusSemua() }

    /// Ends every browser session of a user.
    package func hapusMilik(_ pengguna: UUID) async throws {
        try await SesiModel.query(on: db).filter(\.$penggunaID == pengguna.uuidString).hapusSemua()
    }
}
