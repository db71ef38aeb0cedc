import Fluent
import Foundation
import SIKIMCore
import SQLKit

/// Laporan numbers (LAP-YYYY-NNNNNN) from one counter row per year, taken inside the
/// inserting transaction: concurrent submissions queue on the row (PostgreSQL) or the write
/// lock (SQLite) instead of colliding on the same number.
enum Penomoran {
    /// Takes `jumlah` consecutive numbers of `tahun`.
    static func ambil(tahun: Int, jumlah: Int = 1, on db: any Database) async throws -> ClosedRange<Int> {
        // One statement (an upsert): it runs inside every submission's write transaction.
        guard let baris = try await (db as! any SQLDatabase).raw("""
            INSERT INTO laporan_nomor (tahun, terakhir) VALUES (\(bind: tahun), \(bind: jumlah))
            ON CONFLICT (tahun) DO UPDATE SET terakhir = laporan_nomor.terakhir + excluded.terakhir RETURNING terakhir
            """).first() else { throw KesalahanHTTP(.serviceUnavailable, "sibuk", "Server sedang sibuk. Silakan kirim ulang.") }
        let terakhir = try baris.decode(column: "terakhir", as: Int.self)
        return (terakhir - jumlah + 1)...terakhir
    }
}

struct M025BuatPenomoranLaporan: AsyncMigration {
    func prepare(on db: any Database) async throws {
        try await db.schema("laporan_nomor")
            .field("tahun", .int, .identifier(auto: false))
            .field("terakhir", .int, .required)
            .create()
        // Continue from the numbers already given.
        var terakhir: [Int: Int] = [:]
        for nomor in try await LaporanModel.query(on: db).all(\.$nomor) {
            let bagian = nomor.split(separator: "-")
            guard bagian.count == 3, let tahun = Int(bagian[1]), let urut = Int(bagian[2]) else { continue }
            terakhir[tahun] = max(terakhir[tahun] ?? 0, urut)
        }
        for (tahun, urut) in terakhir {
            try await (db as! any SQLDatabase).raw("INSERT INTO laporan_nomor (tahun, terakhir) VALUES (\(bind: tahun), \(bind: urut))").run()
        }
    }

    func revert(on db: any Database) async throws {
        try await db.schema("laporan_nomor").delete()
    }
}
