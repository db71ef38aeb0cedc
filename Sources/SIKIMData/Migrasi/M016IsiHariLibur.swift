import FluentKit
import Foundation
import SIKIMCore
import SQLKit

/// Holidays 2020–2030 from the shipped list; a date with two holidays keeps the first name.
package struct M016IsiHariLibur: MigrasiBernama {
    package func prepare(on db: any Database) async throws {
        let teks = try String(contentsOf: Bundle.module.url(forResource: "Resources/hari-libur", withExtension: "csv")!, encoding: .utf8)
        var dilihat = Set<String>()
        var baris: [HariLiburModel] = []
        for sel in try CSV.baca(teks).dropFirst() where sel.count == 3 && dilihat.insert(sel[0]).inserted {
            baris.append(HariLiburModel(tanggal: sel[0], jenis: sel[1], nama: sel[2]))
        }
        try await baris.create(on: db)
    }

    package func revert(on db: any Database) async throws {
        try await HariLiburModel.query(on: db).delete()
    }
}
