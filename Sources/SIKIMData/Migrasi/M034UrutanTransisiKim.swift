import FluentKit
import Foundation
import SQLKit

/// A KIM's lifecycle steps are numbered once each. Racing requests could record two steps
/// with one number: those are renumbered in the order they were stored (time, then id), then
/// a unique index keeps it so. It replaces the index on `kim_id` alone, its prefix.
package struct M034UrutanTransisiKim: MigrasiBernama {
    package func prepare(on db: any Database) async throws {
        let sql = db as! any SQLDatabase
        let ganda = try await sql.raw("SELECT kim_id FROM kim_transisi GROUP BY kim_id, urutan HAVING COUNT(*) > 1").all()
            .map { try $0.decode(column: "kim_id", as: UUID.self) }
        for kim in Set(ganda) {
            let langkah = try await sql.raw("""
                SELECT id FROM kim_transisi WHERE kim_id = \(bind: kim) ORDER BY urutan, waktu, id
                """).all().map { try $0.decode(column: "id", as: UUID.self) }
            for (i, id) in langkah.enumerated() {
                try await sql.raw("UPDATE kim_transisi SET urutan = \(bind: i) WHERE id = \(bind: id)").run()
            }
        }
        try await sql.drop(index: "kim_transisi_kim_idx").run()
        try await sql.create(index: "kim_transisi_kim_urutan_idx").on("kim_transisi").column("kim_id").column("urutan").unique().run()
    }

    package func revert(on db: any Database) async throws {
        let sql = db as! any SQLDatabase
        try await sql.drop(index: "kim_transisi_kim_urutan_idx").run()
        try await sql.create(index: "kim_transisi_kim_idx").on("kim_transisi").column("kim_id").run()
    }
}
