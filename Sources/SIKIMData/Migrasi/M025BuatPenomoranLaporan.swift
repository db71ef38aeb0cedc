import FluentKit
import Foundation
import SIKIMCore
import SQLKit

package struct M025BuatPenomoranLaporan: MigrasiBernama {
    package func prepare(on db: any Database) async throws {
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

    package func revert(on db: any Database) async throws {
        try await db.schema("laporan_nomor").delete()
    }
}
