import FluentKit
import Foundation
import SIKIMCore

/// An activity a KIM's board records: meeting, socialisation, content, training, coverage.
// Unchecked, as Fluent's models are: an instance is used by one task at a time, never shared.
package final class KegiatanModel: Model, @unchecked Sendable {
    package static let schema = "kegiatan"

    @ID(key: .id) package var id: UUID?
    @Parent(key: "kim_id") package var kim: KimModel
    @Field(key: "jenis") package var jenis: String
    /// A calendar day, "YYYY-MM-DD".
    @Field(key: "tanggal") package var tanggal: String
    @Field(key: "tempat") package var tempat: String
    @Field(key: "uraian") package var uraian: String
    @OptionalField(key: "peserta") package var peserta: Int?
    @Field(key: "dibuat_oleh") package var dibuatOleh: UUID
    @Field(key: "dibuat_pada") package var dibuatPada: Date
    /// The client's key (the form's, the phone outbox item's): a retry returns this kegiatan.
    @OptionalField(key: "kunci_idempotensi") package var kunciIdempotensi: String?

    package init() {}

    /// By hand, not by reflection (FluentKit's cost per row read); checked by `PropertiModelTests`.
    package var properties: [any AnyProperty] { [$id, $kim, $jenis, $tanggal, $tempat, $uraian, $peserta, $dibuatOleh, $dibuatPada, $kunciIdempotensi] }
}

// Unchecked, as Fluent's models are: an instance is used by one task at a time, never shared.
package final class FotoKegiatanModel: Model, @unchecked Sendable {
    package static let schema = "kegiatan_foto"

    @ID(key: .id) package var id: UUID?
    @Parent(key: "kegiatan_id") package var kegiatan: KegiatanModel
    @Field(key: "berkas") package var berkas: String
    @Field(key: "tipe_mime") package var tipeMime: String
    @Field(key: "ukuran") package var ukuran: Int
    @Field(key: "sha256") package var sha256: String

    package init() {}

    /// By hand, not by reflection (FluentKit's cost per row read); checked by `PropertiModelTests`.
    package var properties: [any AnyProperty] { [$id, $kegiatan, $berkas, $tipeMime, $ukuran, $sha256] }
}

