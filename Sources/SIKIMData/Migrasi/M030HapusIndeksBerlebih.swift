import FluentKit
import Foundation
import SIKIMCore
import SQLKit

/// Indexes that are prefixes of others: `laporan_statistik_idx` starts with (dibuat_pada, id)
/// and `laporan_kim_dibuat_idx` with kim_id, and both databases search by a prefix. Each index
/// is written on every submission: at a million laporan, ten of them.
package struct M030HapusIndeksBerlebih: MigrasiBernama {
    package static let indeks = [("laporan_dibuat_idx", ["dibuat_pada"]), ("laporan_dibuat_id_idx", ["dibuat_pada", "id"]), ("laporan_kim_idx", ["kim_id"])]

    package func prepare(on db: any Database) async throws {
        for (nama, _) in Self.indeks { try await (db as! any SQLDatabase).drop(index: nama).run() }
    }

    package func revert(on db: any Database) async throws {
        for (nama, kolom) in Self.indeks { try await (db as! any SQLDatabase).buatIndeks(nama, "laporan", kolom) }
    }
}
