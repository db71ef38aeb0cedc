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

    var statusPenerimaan: StatusPenerimaan { StatusPenerimaan(rawValue: status) ?? .terkirim }
}
