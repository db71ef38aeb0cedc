import FluentKit
import Foundation
import SIKIMCore

/// Government information the office sends down to KIMs (materi diseminasi).
// Unchecked, as Fluent's models are: an instance is used by one task at a time, never shared.
package final class MateriModel: Model, @unchecked Sendable {
    package static let schema = "materi"

    @ID(key: .id) package var id: UUID?
    @Field(key: "judul") package var judul: String
    @Field(key: "ringkasan") package var ringkasan: String
    @Field(key: "isi") package var isi: String
    @Field(key: "jenis") package var jenis: String
    /// "semua", "kecamatan" or "kim"; the targeted KIMs themselves are the recipient rows.
    @Field(key: "sasaran") package var sasaran: String
    @Field(key: "batas_waktu") package var batasWaktu: String
    @Field(key: "dibuat_oleh") package var dibuatOleh: UUID
    @Field(key: "dibuat_pada") package var dibuatPada: Date

    package init() {}

    /// By hand, not by reflection (FluentKit's cost per row read); checked by `PropertiModelTests`.
    package var properties: [any AnyProperty] { [$id, $judul, $ringkasan, $isi, $jenis, $sasaran, $batasWaktu, $dibuatOleh, $dibuatPada] }
}

/// One targeted KIM's copy: read, and its dissemination report.
// Unchecked, as Fluent's models are: an instance is used by one task at a time, never shared.
package final class PenerimaMateriModel: Model, @unchecked Sendable {
    package static let schema = "materi_penerima"

    @ID(key: .id) package var id: UUID?
    @Parent(key: "materi_id") package var materi: MateriModel
    @Parent(key: "kim_id") package var kim: KimModel
    @Field(key: "kode_wilayah") package var kodeWilayah: String
    @Field(key: "status") package var status: String
    @OptionalField(key: "dibaca_pada") package var dibacaPada: Date?
    @OptionalField(key: "saluran") package var saluran: String?
    @OptionalField(key: "tanggal") package var tanggal: String?
    @OptionalField(key: "jangkauan") package var jangkauan: Int?
    @OptionalField(key: "catatan") package var catatan: String?
    @OptionalField(key: "dilaporkan_oleh") package var dilaporkanOleh: UUID?
    /// The key of the reach report last stored: the same report sent again changes nothing.
    @OptionalField(key: "kunci_laporan") package var kunciLaporan: String?

    package init() {}

    /// By hand, not by reflection (FluentKit's cost per row read); checked by `PropertiModelTests`.
    package var properties: [any AnyProperty] { [$id, $materi, $kim, $kodeWilayah, $status, $dibacaPada, $saluran, $tanggal, $jangkauan, $catatan, $dilaporkanOleh, $kunciLaporan] }

    package var statusPenerimaan: StatusPenerimaan { StatusPenerimaan(rawValue: status) ?? .terkirim }
}

/// A file attached to a materi (by the office) or to a KIM's dissemination report (a photo).
// Unchecked, as Fluent's models are: an instance is used by one task at a time, never shared.
package final class BerkasMateriModel: Model, @unchecked Sendable {
    package static let schema = "materi_berkas"

    @ID(key: .id) package var id: UUID?
    @Parent(key: "materi_id") package var materi: MateriModel
    /// The recipient row for a report photo; nil for the office's attachment.
    @OptionalField(key: "penerima_id") package var penerimaID: UUID?
    @Field(key: "nama_asli") package var namaAsli: String
    @Field(key: "berkas") package var berkas: String
    @Field(key: "tipe_mime") package var tipeMime: String
    @Field(key: "ukuran") package var ukuran: Int
    @Field(key: "sha256") package var sha256: String

    package init() {}

    /// By hand, not by reflection (FluentKit's cost per row read); checked by `PropertiModelTests`.
    package var properties: [any AnyProperty] { [$id, $materi, $penerimaID, $namaAsli, $berkas, $tipeMime, $ukuran, $sha256] }
}

