import FluentKit
import Foundation
import SIKIMCore
import SQLKit

package struct M017BuatLaporan: MigrasiBernama {
    package func prepare(on db: any Database) async throws {
        try await db.schema("laporan")
            .id()
            .field("nomor", .string, .required)
            .field("judul", .string, .required)
            .field("isi", .string, .required)
            .field("kode_kategori", .string, .required, .references("kategori", "kode"))
            .field("kode_wilayah", .string, .required, .references("wilayah", "kode"))
            .field("kim_id", .uuid, .references("kim", "id"))
            .field("pelapor_id", .uuid, .required, .references("pengguna", "id"))
            .field("nama_pelapor", .string, .required)
            .field("nama_kim", .string)
            .field("lat", .double)
            .field("lon", .double)
            .field("alamat", .string)
            .field("waktu_kejadian", .datetime)
            .field("sumber", .string, .required)
            .field("kerahasiaan", .string, .required)
            .field("jawaban", .string, .required)
            .field("status", .string, .required)
            .field("dipublikasikan", .bool, .required)
            .field("konfirmasi_pertama", .uuid)
            .field("hasil", .string)
            .field("kunci_idempotensi", .string)
            .field("dibuat_pada", .datetime, .required)
            .field("diteruskan_pada", .datetime)
            .field("diubah_pada", .datetime, .required)
            .unique(on: "nomor")
            .unique(on: "pelapor_id", "kunci_idempotensi")
            .create()
        try await db.schema("laporan_opd")
            .id()
            .field("laporan_id", .uuid, .required, .references("laporan", "id", onDelete: .cascade))
            .field("kode_opd", .string, .required, .references("opd", "kode"))
            .field("instruksi", .string, .required)
            .field("diteruskan_pada", .datetime, .required)
            .field("ditanggapi_pada", .datetime)
            .unique(on: "laporan_id", "kode_opd")
            .create()
        try await db.schema("laporan_foto")
            .id()
            .field("laporan_id", .uuid, .required, .references("laporan", "id", onDelete: .cascade))
            .field("berkas", .string, .required)
            .field("tipe_mime", .string, .required)
            .field("ukuran", .int, .required)
            .field("sha256", .string, .required)
            .create()
        try await db.schema("laporan_peristiwa")
            .id()
            .field("laporan_id", .uuid, .required, .references("laporan", "id", onDelete: .cascade))
            .field("urutan", .int, .required)
            .field("aksi", .string, .required)
            .field("dari", .string, .required)
            .field("ke", .string, .required)
            .field("catatan", .string)
            .field("data", .string, .required)
            .field("pengguna_id", .uuid, .required)
            .field("nama_pengguna", .string, .required)
            .field("peran", .string, .required)
            .field("waktu", .datetime, .required)
            .field("hash_sebelum", .string, .required)
            .field("hash", .string, .required)
            .unique(on: "laporan_id", "urutan")
            .create()
        let sql = db as! any SQLDatabase
        for (i, t, k) in [("laporan_status_idx", "laporan", "status"), ("laporan_wilayah_idx", "laporan", "kode_wilayah"),
                          ("laporan_dibuat_idx", "laporan", "dibuat_pada"), ("laporan_opd_kode_idx", "laporan_opd", "kode_opd"),
                          ("laporan_foto_idx", "laporan_foto", "laporan_id")] {
            try await sql.create(index: i).on(t).column(k).run()
        }
    }

    package func revert(on db: any Database) async throws {
        for t in ["laporan_peristiwa", "laporan_foto", "laporan_opd", "laporan"] { try await db.schema(t).delete() }
    }
}
