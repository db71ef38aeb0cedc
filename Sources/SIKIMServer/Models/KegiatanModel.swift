import Fluent
import Foundation
import SIKIMCore

/// An activity a KIM's board records: meeting, socialisation, content, training, coverage.
final class KegiatanModel: Model, @unchecked Sendable {
    static let schema = "kegiatan"

    @ID(key: .id) var id: UUID?
    @Parent(key: "kim_id") var kim: KimModel
    @Field(key: "jenis") var jenis: String
    /// A calendar day, "YYYY-MM-DD".
    @Field(key: "tanggal") var tanggal: String
    @Field(key: "tempat") var tempat: String
    @Field(key: "uraian") var uraian: String
    @OptionalField(key: "peserta") var peserta: Int?
    @Field(key: "dibuat_oleh") var dibuatOleh: UUID
    @Field(key: "dibuat_pada") var dibuatPada: Date

    init() {}

    /// By hand, not by reflection (FluentKit's cost per row read); checked by `PropertiModelTests`.
    var properties: [any AnyProperty] { [$id, $kim, $jenis, $tanggal, $tempat, $uraian, $peserta, $dibuatOleh, $dibuatPada] }
}

final class FotoKegiatanModel: Model, @unchecked Sendable {
    static let schema = "kegiatan_foto"

    @ID(key: .id) var id: UUID?
    @Parent(key: "kegiatan_id") var kegiatan: KegiatanModel
    @Field(key: "berkas") var berkas: String
    @Field(key: "tipe_mime") var tipeMime: String
    @Field(key: "ukuran") var ukuran: Int
    @Field(key: "sha256") var sha256: String

    init() {}

    /// By hand, not by reflection (FluentKit's cost per row read); checked by `PropertiModelTests`.
    var properties: [any AnyProperty] { [$id, $kegiatan, $berkas, $tipeMime, $ukuran, $sha256] }
}

/// A coaching note for a quiet KIM: a call or visit and its outcome.
final class PembinaanModel: Model, @unchecked Sendable {
    static let schema = "pembinaan"

    @ID(key: .id) var id: UUID?
    @Parent(key: "kim_id") var kim: KimModel
    @Field(key: "jenis") var jenis: String
    @Field(key: "catatan") var catatan: String
    @Field(key: "oleh") var oleh: UUID
    @Field(key: "nama_oleh") var namaOleh: String
    @Field(key: "waktu") var waktu: Date

    init() {}

    /// By hand, not by reflection (FluentKit's cost per row read); checked by `PropertiModelTests`.
    var properties: [any AnyProperty] { [$id, $kim, $jenis, $catatan, $oleh, $namaOleh, $waktu] }
}

/// A setting as key and value (activity thresholds).
final class PengaturanModel: Model, @unchecked Sendable {
    static let schema = "pengaturan"

    @ID(custom: "kunci", generatedBy: .user) var id: String?
    @Field(key: "nilai") var nilai: String

    init() {}

    /// By hand, not by reflection (FluentKit's cost per row read); checked by `PropertiModelTests`.
    var properties: [any AnyProperty] { [$id, $nilai] }

    init(kunci: String, nilai: String) {
        id = kunci
        self.nilai = nilai
    }
}
