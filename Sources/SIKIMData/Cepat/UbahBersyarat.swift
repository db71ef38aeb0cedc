import FluentKit
import Foundation
import SIKIMCore
import SQLKit

/// A row whose every change is conditional on the state it was decided from: its `versi` counts
/// the changes, and a change is written only while the row is still at the version it was read
/// at. Two people acting at the same instant both read version n; the first write makes it n + 1
/// and the second finds nothing to change (`DiubahBersamaan`, 409), on both databases and
/// whatever the connection or process. On PostgreSQL the update also locks the row until the
/// transaction ends, so whatever the transaction writes after it (events, numbers) follows it.
package protocol Berversi: Model where IDValue == UUID {
    var versi: Int { get set }
}

extension Berversi {
    /// Writes the model's changed fields and the next version, if the row is still at the
    /// version the model was read at; throws `DiubahBersamaan` otherwise. Run it first in the
    /// transaction that writes what depends on the decision.
    package func simpanBersyarat(on db: any Database) async throws {
        let masukan = Masukan()
        for p in properties { (p as? any AnyDatabaseProperty)?.input(to: masukan) }
        let ubah = zip(masukan.kolom, masukan.nilai).filter { $0.0 != "id" && $0.0 != "versi" }
        let diubah = try await db.baris(ekspresi: Ubahan(tabel: Self.schema, nilai: ubah, id: try requireID(), versi: versi)) { _ in true }
        guard diubah.count == 1 else { throw DiubahBersamaan() }
        versi += 1
        db.umumkan(Self.schema)
    }
}

/// `UPDATE "t" SET "a" = ?, …, "versi" = "versi" + 1 WHERE "id" = ? AND "versi" = ? RETURNING "id"`:
/// names are our own schema's, plain lowercase, so they are quoted without escaping.
private struct Ubahan: SQLExpression {
    package let tabel: String
    package let nilai: [(String, DatabaseQuery.Value)]
    package let id: UUID
    package let versi: Int

    package func serialize(to s: inout SQLSerializer) {
        s.write("UPDATE \"\(tabel)\" SET ")
        for (k, v) in nilai {
            s.write("\"\(k)\" = ")
            switch v {
            case .bind(let b): s.write(bind: b)
            case .null: s.write("NULL")
            default: preconditionFailure("\(tabel).\(k): only plain values are written this way")
            }
            s.write(", ")
        }
        s.write("\"versi\" = \"versi\" + 1 WHERE \"id\" = ")
        s.write(bind: id)
        s.write(" AND \"versi\" = ")
        s.write(bind: versi)
        s.write(" RETURNING \"id\"")
    }
}
