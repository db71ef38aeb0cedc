import FluentKit
import NIOConcurrencyHelpers
import Foundation

/// SQLite lets one connection write at a time, and SQLiteNIO's busy handler retries at once:
/// a second connection waiting for the write lock spins a core, on a 2-core server half the
/// machine. The hot write transactions (submitting and acting on laporan) take turns here
/// first, in arrival order, so a waiting one holds neither a connection nor a CPU.
///
/// Submissions waiting together are committed together (group commit): one transaction, one
/// fsync for all of them, and each caller answered only after it. If any of them fails, each
/// runs again alone, so one bad submission fails only itself; their work must therefore build
/// its models inside. PostgreSQL locks rows and commits concurrently, so there the gate stays
/// open and every transaction is its own.
package actor GerbangTulis {
    private struct Kerja {
        package let db: any Database
        package let kelompok: Bool
        package let jalan: @Sendable (any Database) async throws -> Void
        package let lanjut: CheckedContinuation<Void, any Error>
    }

    private let aktif: Bool
    private let maksKelompok: Int
    private var antrean: [Kerja] = []
    private var sibuk = false
    /// How much work waits, and how many transactions the gate has opened (tests, and a
    /// measure of how well commits group).
    package var jumlahAntre: Int { antrean.count }
    package private(set) var jumlahTransaksi = 0

    package init(aktif: Bool, maksKelompok: Int = 64) {
        self.aktif = aktif
        self.maksKelompok = maksKelompok
    }

    package static let terbuka = GerbangTulis(aktif: false)

    /// Runs `kerja` in a write transaction, after the ones that came before; with `kelompok`,
    /// possibly in one transaction with other `kelompok` work waiting next to it.
    package func transaksi<T: Sendable>(_ db: any Database, kelompok: Bool = false,
                                _ kerja: @escaping @Sendable (any Database) async throws -> T) async throws -> T {
        guard aktif else { return try await db.transaksi(kerja) }
        let hasil = NIOLockedValueBox<T?>(nil)
        try await withCheckedThrowingContinuation { (c: CheckedContinuation<Void, any Error>) in
            antrean.append(Kerja(db: db, kelompok: kelompok, jalan: { db in
                let n = try await kerja(db)
                hasil.withLockedValue { $0 = n }
            }, lanjut: c))
            if !sibuk {
                sibuk = true
                Task { await olah() }
            }
        }
        return hasil.withLockedValue { $0 }!
    }

    /// Takes the queue in order until it is empty; new work joins it meanwhile.
    private func olah() async {
        while !antrean.isEmpty {
            var n = 1
            if antrean[0].kelompok {
                while n < min(antrean.count, maksKelompok), antrean[n].kelompok { n += 1 }
            }
            let bagian = Array(antrean.prefix(n))
            antrean.removeFirst(n)
            do {
                jumlahTransaksi += 1
                try await bagian[0].db.transaksi { db in for k in bagian { try await k.jalan(db) } }
                for k in bagian { k.lanjut.resume() }
            } catch where bagian.count > 1 {
                for k in bagian {
                    do {
                        jumlahTransaksi += 1
                        try await k.db.transaksi { try await k.jalan($0) }
                        k.lanjut.resume()
                    } catch {
                        k.lanjut.resume(throwing: error)
                    }
                }
            } catch {
                bagian[0].lanjut.resume(throwing: error)
            }
        }
        sibuk = false
    }
}

