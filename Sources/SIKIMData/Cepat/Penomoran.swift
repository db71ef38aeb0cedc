import FluentKit
import Foundation
import SIKIMCore
import SQLKit

/// Laporan numbers (LAP-YYYY-NNNNNN) from one counter row per year, taken inside the
/// inserting transaction: concurrent submissions queue on the row (PostgreSQL) or the write
/// lock (SQLite) instead of colliding on the same number.
package enum Penomoran {
    /// Takes `jumlah` consecutive numbers of `tahun`.
    package static func ambil(tahun: Int, jumlah: Int = 1, on db: any Database) async throws -> ClosedRange<Int> {
        // One statement (an upsert): it runs inside every submission's write transaction.
        guard let baris = try await (db as! any SQLDatabase).raw("""
            INSERT INTO laporan_nomor (tahun, terakhir) VALUES (\(bind: tahun), \(bind: jumlah))
            ON CONFLICT (tahun) DO UPDATE SET terakhir = laporan_nomor.terakhir + excluded.terakhir RETURNING terakhir
            """).first() else { throw SedangSibuk() }
        db.umumkan("laporan_nomor")
        let terakhir = try baris.decode(column: "terakhir", as: Int.self)
        return (terakhir - jumlah + 1)...terakhir
    }
}

