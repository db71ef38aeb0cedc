import FluentKit
import SQLKit

/// A migration of SIKIM. Fluent knows each applied migration by its name, and the names it
/// recorded are those of the module the migrations first lived in; a database made then upgrades
/// in place only if the names stay (checked by `MigrasiLamaTests`).
package protocol MigrasiBernama: AsyncMigration {}

extension MigrasiBernama {
    package var name: String { "SIKIMServer." + String(describing: Self.self) }
}

/// A migration that only adds indexes: created in order, dropped in reverse.
package protocol MigrasiIndeks: MigrasiBernama {
    static var indeks: [(nama: String, tabel: String, kolom: [String])] { get }
}

extension MigrasiIndeks {
    package func prepare(on db: any Database) async throws {
        for i in Self.indeks { try await (db as! any SQLDatabase).buatIndeks(i.nama, i.tabel, i.kolom) }
    }

    package func revert(on db: any Database) async throws {
        for i in Self.indeks.reversed() { try await (db as! any SQLDatabase).drop(index: i.nama).run() }
    }
}

extension SQLDatabase {
    package func buatIndeks(_ nama: String, _ tabel: String, _ kolom: [String]) async throws {
        let b = create(index: nama).on(tabel)
        for k in kolom { b.column(k) }
        try await b.run()
    }
}
