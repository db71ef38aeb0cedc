import FluentKit
import Foundation
import SIKIMCore
import SQLKit

package struct M006BuatPercobaanLogin: MigrasiBernama {
    package func prepare(on db: any Database) async throws {
        try await db.schema("percobaan_login")
            .id()
            .field("username", .string, .required)
            .field("alamat_ip", .string, .required)
            .field("berhasil", .bool, .required)
            .field("waktu", .datetime, .required)
            .create()
        let sql = db as! any SQLDatabase
        try await sql.create(index: "percobaan_login_username_idx").on("percobaan_login").column("username").column("waktu").run()
        try await sql.create(index: "percobaan_login_ip_idx").on("percobaan_login").column("alamat_ip").column("waktu").run()
    }

    package func revert(on db: any Database) async throws {
        try await db.schema("percobaan_login").delete()
    }
}
