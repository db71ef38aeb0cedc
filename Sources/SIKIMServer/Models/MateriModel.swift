import Fluent
import Foundation
import SIKIMCore

/// Government information the office sends down to KIMs (materi diseminasi).
final class MateriModel: Model, @unchecked Sendable {
    static let schema = "materi"

    @ID(key: .id) var id: UUID?
    @Field(key: "judul") var judul: String
    @Field(key: "ringkasan") var ringkasan: String
    @Field(key: "isi") var isi: String
    @Field(key: "jenis") var jenis: String
    /// "semua", "kecamatan" or "kim"; the targeted KIMs themselves are the recipient rows.
    @Field(key: "sasaran") var sasaran: String
    @Field(key: "batas_waktu") var batasWaktu: String
    @Field(key: "dibuat_oleh") var dibuatOleh: UUID
    @Field(key: "dibuat_pada") var dibuatPada: Date

    init() {}

    /// By hand, not by reflection (FluentKit's cost per row read); checked by `PropertiModelTests`.
    var properties: [any AnyProperty] { [$id, $judul, $ringkasan, $isi, $jenis, $sasaran, $batasWaktu, $dibuatOleh, $dibuatPada] }
}

/// One targeted KIM's copy: read, and its dissemination report.
final class PenerimaMateriModel: Model, @unchecked Sendable {
    static let schema = "materi_penerima"

    @ID(key: .id) var id: UUID?
    @Parent(key: "materi_id") var materi: MateriModel
    @Parent(key: "kim_id") var kim: KimModel
    @Field(key: "kode_wilayah") var kodeWilayah: String
    @Field(key: "status") var status: String
    @OptionalField(key: "dibaca_pada") var dibacaPada: Date?
    @OptionalField(key: "saluran") var saluran: String?
    @OptionalField(key: "tanggal") var tanggal: String?
    @OptionalField(key: "jangkauan") var jangkauan: Int?
    @OptionalField(key: "catatan") var catatan: String?
    @OptionalField(key: "dilaporkan_oleh") var dilaporkanOleh: UUID?

    init() {}

    /// By hand, not by reflection (FluentKit's cost per row read); checked by `PropertiModelTests`.
    var properties: [any AnyProperty] { [$id, $materi, $kim, $kodeWilayah, $status, $dibacaPada, $saluran, $tanggal, $jangkauan, $catatan, $dilaporkanOleh] }

    var statusPenerimaan: StatusPenerimaan { StatusPenerimaan(rawValue: status) ?? .terkirim }
}

/// A file attached to a materi (by the office) or to a KIM's dissemination report (a photo).
final class BerkasMateriModel: Model, @unchecked Sendable {
    static let schema = "materi_berkas"

    @ID(key: .id) var id: UUID?
    @Parent(key: "materi_id") var materi: MateriModel
    /// The recipient row for a report photo; nil for the office's attachment.
    @OptionalField(key: "penerima_id") var penerimaID: UUID?
    @Field(key: "nama_asli") var namaAsli: String
    @Field(key: "berkas") var berkas: String
    @Field(key: "tipe_mime") var tipeMime: String
    @Field(key: "ukuran") var ukuran: Int
    @Field(key: "sha256") var sha256: String

    init() {}

    /// By hand, not by reflection (FluentKit's cost per row read); checked by `PropertiModelTests`.
    var properties: [any AnyProperty] { [$id, $materi, $penerimaID, $namaAsli, $berkas, $tipeMime, $ukuran, $sha256] }
}

struct M024BuatBerkasMateri: AsyncMigration {
    func prepare(on db: any Database) async throws {
        try await db.schema("materi_berkas")
            .id()
            .field("materi_id", .uuid, .required, .references("materi", "id", onDelete: .cascade))
            .field("penerima_id", .uuid, .references("materi_penerima", "id", onDelete: .cascade))
            .field("nama_asli", .string, .required)
            .field("berkas", .string, .required)
            .field("tipe_mime", .string, .required)
            .field("ukuran", .int, .required)
            .field("sha256", .string, .required)
            .create()
    }

    func revert(on db: any Database) async throws {
        try await db.schema("materi_berkas").delete()
    }
}
