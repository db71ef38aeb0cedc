import FluentKit
import Foundation
import NIOConcurrencyHelpers

/// The one change signal of a server process: every write announces the tables it changed,
/// and every cache listens by table (ARSITEKTUR, "Satu sinyal perubahan").
///
/// Writes through Fluent's models announce themselves (`PengumumPerubahan`); the writes that
/// bypass the models (plain inserts, conditional updates, numbering, bulk statements) call
/// `Database.umumkan`. A write announces once its statement has run, and writes inside a
/// transaction announce again once it has committed (`Database.transaksi`, `GerbangTulis`):
/// a cache refilled in between, from a reader that could not yet see the change, is emptied
/// again. Another process's writes (a second server on the same PostgreSQL, a `sikim` command)
/// do not reach this signal: the caches bound how long they may serve older data instead.
package final class SinyalPerubahan: Sendable {
    private struct Keadaan {
        var versi: [String: Int] = [:]
        var pendengar: [(tabel: Set<String>, dengar: @Sendable () -> Void)] = []
    }

    private let keadaan = NIOLockedValueBox(Keadaan())

    package init() {}

    /// Tables changed inside the current unit of work, to be announced again when it ends.
    @TaskLocal package static var tertunda: Tertunda?

    package final class Tertunda: Sendable {
        private let tabel = NIOLockedValueBox<Set<String>>([])
        package init() {}
        package func tambah(_ t: some Sequence<String>) { tabel.withLockedValue { $0.formUnion(t) } }
        package var isi: Set<String> { tabel.withLockedValue { $0 } }
    }

    /// Counts a change of each table and tells their listeners.
    package func umumkan(_ tabel: some Collection<String>) {
        guard !tabel.isEmpty else { return }
        let dengar = keadaan.withLockedValue { k in
            for t in tabel { k.versi[t, default: 0] += 1 }
            return k.pendengar.filter { !$0.tabel.isDisjoint(with: tabel) }.map(\.dengar)
        }
        for d in dengar { d() }
    }

    /// How many changes these tables have had in this process: a cached value computed at one
    /// version is stale at another.
    package func versi(_ tabel: some Sequence<String>) -> Int {
        keadaan.withLockedValue { k in tabel.reduce(0) { $0 + k.versi[$1, default: 0] } }
    }

    /// Calls `dengar` after every change of one of these tables.
    package func dengar(_ tabel: Set<String>, _ dengar: @escaping @Sendable () -> Void) {
        keadaan.withLockedValue { $0.pendengar.append((tabel, dengar)) }
    }

    /// Runs `kerja` as one unit: the tables its writes change are announced again at its end,
    /// when its transaction has committed (or failed; an extra announcement costs a re-read).
    package func satuan<T>(_ kerja: () async throws -> T) async throws -> T {
        let (t, luar) = (Tertunda(), Self.tertunda)
        defer {
            let isi = t.isi
            luar?.tambah(isi) // a transaction nested in another commits with the outer one
            umumkan(isi)
        }
        return try await Self.$tertunda.withValue(t) { try await kerja() }
    }
}

/// Announces every write made through Fluent's models on the database it is installed on.
package struct PengumumPerubahan: AnyModelMiddleware {
    package let sinyal: SinyalPerubahan

    package init(_ sinyal: SinyalPerubahan) { self.sinyal = sinyal }

    package func handle(_ event: ModelEvent, _ model: any AnyModel, on db: any Database,
                        chainingTo next: any AnyModelResponder) -> EventLoopFuture<Void> {
        let tabel = [type(of: model).schema]
        // Read now: the future's callback runs outside the writing task.
        SinyalPerubahan.tertunda?.tambah(tabel)
        return next.handle(event, model, on: db).map { [sinyal] in sinyal.umumkan(tabel) }
    }
}

extension Database {
    /// The change signal installed on this database's configuration, if any (a migration or a
    /// tool that serves nothing runs without one).
    package var sinyal: SinyalPerubahan? {
        for m in context.configuration.middleware { if let p = m as? PengumumPerubahan { return p.sinyal } }
        return nil
    }

    /// For writes that bypass the models: after the statement, names the tables it changed.
    package func umumkan(_ tabel: String...) {
        SinyalPerubahan.tertunda?.tambah(tabel)
        sinyal?.umumkan(tabel)
    }

    /// A transaction whose changes are announced again once it has committed.
    package func transaksi<T: Sendable>(_ kerja: @escaping @Sendable (any Database) async throws -> T) async throws -> T {
        guard let sinyal else { return try await transaction(kerja) }
        return try await sinyal.satuan { try await transaction(kerja) }
    }
}

extension QueryBuilder {
    /// A bulk update: no model event runs, so it announces its table itself.
    package func ubahSemua() async throws {
        try await update()
        database.umumkan(Model.schema)
    }

    /// A bulk delete, announced like `ubahSemua`.
    package func hapusSemua() async throws {
        try await delete()
        database.umumkan(Model.schema)
    }
}
