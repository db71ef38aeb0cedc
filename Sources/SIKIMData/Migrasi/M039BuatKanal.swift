import FluentKit
import SQLKit

/// Issue 21: WhatsApp and SMS. Messages in (unique per gateway id), conversations (one per
/// number and channel), the outbox (unique per cause) and numbers tied to accounts.
package struct M039BuatKanal: MigrasiBernama {
    package func prepare(on db: any Database) async throws {
        try await db.schema("kanal_pesan")
            .id()
            .field("kanal", .string, .required)
            .field("id_luar", .string, .required)
            .field("pengirim", .string, .required)
            .field("jenis", .string, .required)
            .field("teks", .string, .required)
            .field("media", .string)
            .field("berkas", .string)
            .field("tipe_mime", .string)
            .field("lat", .double)
            .field("lon", .double)
            .field("status", .string, .required)
            .field("alasan", .string)
            .field("laporan_id", .uuid)
            .field("ditangani_oleh", .uuid)
            .field("diterima_pada", .datetime, .required)
            .field("versi", .int, .required)
            .unique(on: "kanal", "id_luar")
            .create()
        let sql = db as! any SQLDatabase
        try await sql.raw("CREATE INDEX kanal_pesan_status ON kanal_pesan (status, diterima_pada)").run()
        try await sql.raw("CREATE INDEX kanal_pesan_pengirim ON kanal_pesan (pengirim, diterima_pada)").run()
        try await db.schema("kanal_percakapan")
            .id()
            .field("alamat", .string, .required)
            .field("keadaan", .string)
            .field("pesan_terakhir", .datetime, .required)
            .field("versi", .int, .required)
            .unique(on: "alamat")
            .create()
        try await db.schema("kanal_kiriman")
            .id()
            .field("kunci", .string, .required)
            .field("kanal", .string, .required)
            .field("penerima", .string, .required)
            .field("isi", .string, .required)
            .field("pilihan", .string)
            .field("status", .string, .required)
            .field("percobaan", .int, .required)
            .field("galat", .string)
            .field("berikutnya", .datetime, .required)
            .field("dibuat_pada", .datetime, .required)
            .field("dikirim_pada", .datetime)
            .field("id_luar", .string)
            .field("versi", .int, .required)
            .unique(on: "kunci")
            .create()
        try await sql.raw("CREATE INDEX kanal_kiriman_antrean ON kanal_kiriman (status, berikutnya)").run()
        try await sql.raw("CREATE INDEX kanal_kiriman_penerima ON kanal_kiriman (penerima, dikirim_pada)").run()
        try await db.schema("kanal_nomor")
            .id()
            .field("nomor", .string, .required)
            .field("pengguna_id", .uuid, .required, .references("pengguna", "id", onDelete: .cascade))
            .field("kode", .string)
            .field("kode_berlaku", .datetime)
            .field("salah", .int, .required)
            .field("dikonfirmasi_pada", .datetime)
            .field("kanal", .string)
            .field("dibuat_pada", .datetime, .required)
            .field("versi", .int, .required)
            .unique(on: "nomor")
            .create()
        // A chat laporan's number, for staff and for the updates it is sent.
        try await db.schema("laporan").field("nomor_pengirim", .string).update()
    }

    package func revert(on db: any Database) async throws {
        try await db.schema("laporan").deleteField("nomor_pengirim").update()
        for t in ["kanal_nomor", "kanal_kiriman", "kanal_percakapan", "kanal_pesan"] { try await db.schema(t).delete() }
    }
}
