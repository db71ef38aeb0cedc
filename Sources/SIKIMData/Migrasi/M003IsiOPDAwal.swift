import FluentKit
import Foundation
import SIKIMCore
import SQLKit

/// Seeds the agencies once; afterwards they are the admin's to rename or deactivate.
package struct M003IsiOPDAwal: MigrasiBernama {
    package func prepare(on db: any Database) async throws {
        let pada = Date()
        for opd in AturanOPD.awal {
            try await OPDModel(kode: opd.kode, nama: opd.nama, pada: pada).create(on: db)
        }
    }

    package func revert(on db: any Database) async throws {
        try await OPDModel.query(on: db).filter(\.$id ~~ AturanOPD.awal.map(\.kode)).delete()
    }
}
