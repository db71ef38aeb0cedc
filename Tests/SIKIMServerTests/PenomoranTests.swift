import SIKIMData
import Fluent
import XCTest
import XCTVapor
@testable import SIKIMServer

/// Laporan numbers on a real database: consecutive per year, never given twice.
final class PenomoranTests: XCTestCase {
    var app: Application!

    override func setUp() async throws { app = try await Uji.app() }
    override func tearDown() async throws { try await Uji.tutup(app) }

    func testNomorBerurutanPerTahun() async throws {
        // act
        let pertama = try await Penomoran.ambil(tahun: 2026, jumlah: 3, on: app.db)
        let kedua = try await Penomoran.ambil(tahun: 2026, on: app.db)
        let lain = try await Penomoran.ambil(tahun: 2027, jumlah: 2, on: app.db)
        let ketiga = try await Penomoran.ambil(tahun: 2026, jumlah: 2, on: app.db)
        // check
        XCTAssertEqual([pertama, kedua, ketiga], [1...3, 4...4, 5...6])
        XCTAssertEqual(lain, 1...2)
    }

    /// Twenty write transactions at once, through the server's gate (open on PostgreSQL, where
    /// the counter row queues them), each get a number of their own.
    func testTransaksiBersamaanTidakBerbagiNomor() async throws {
        // act
        let (db, gerbang) = (app.db, app.gerbangTulis)
        let nomor = try await withThrowingTaskGroup(of: Int.self) { grup in
            for _ in 0..<20 {
                grup.addTask { try await gerbang.transaksi(db) { try await Penomoran.ambil(tahun: 2026, on: $0).lowerBound } }
            }
            return try await grup.reduce(into: []) { $0.append($1) }
        }
        // check
        XCTAssertEqual(nomor.sorted(), Array(1...20))
    }
}
