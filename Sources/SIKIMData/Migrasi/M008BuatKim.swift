import FluentKit
import Foundation
import SIKIMCore
import SQLKit

package struct M008BuatKim: MigrasiBernama {
    package func prepare(on db: any Database) async throws {
        try await db.schema("kim")
            .id()
            .field("nama", .string, .required)
            .field("tingkat", .string, .required)
            .field("kode_wilayah", .string, .required, .references("wilayah", "kode"))
            .field("status", .string, .required)
            .field("alamat", .string)
            .field("email", .string)
            .field("telepon", .string)
            .field("tanggal_pembentukan", .string)
            .field("tempat_pembentukan", .string)
            .field("jumlah_hadir", .int)
            .field("fokus", .array(of: .string), .required)
            .field("nomor_sk_desa", .string)
            .field("tanggal_sk_desa", .string)
            .field("nomor_sk_kecamatan", .string)
            .field("tanggal_sk_kecamatan", .string)
            .field("dibuat_pada", .datetime, .required)
            .field("diubah_pada", .datetime, .required)
            .create()
        let sql = db as! any SQLDatabase
        // At most one KIM that is not dissolved per region, guaranteed by the database too.
        try await sql.raw("CREATE UNIQUE INDEX kim_satu_per_wilayah ON kim (kode_wilayah) WHERE status <> 'dibubarkan'").run()
        try await sql.create(index: "kim_status_idx").on("kim").column("status").run()
    }

    package func revert(on db: any Database) async throws {
        try await db.schema("kim").delete()
    }
}
