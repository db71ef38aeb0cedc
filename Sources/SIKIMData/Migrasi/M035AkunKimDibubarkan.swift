import FluentKit
import Foundation
import SQLKit

/// A dissolved KIM acts for no one: the accounts of its board end with it (dissolving does this
/// from now on). Accounts of KIMs dissolved before are ended here.
package struct M035AkunKimDibubarkan: MigrasiBernama {
    package func prepare(on db: any Database) async throws {
        try await (db as! any SQLDatabase).raw("""
            UPDATE pengguna SET aktif = \(bind: false)
            WHERE peran = 'pengurus_kim' AND kim_id IN (SELECT id FROM kim WHERE status = 'dibubarkan')
            """).run()
    }

    package func revert(on db: any Database) async throws {}
}
