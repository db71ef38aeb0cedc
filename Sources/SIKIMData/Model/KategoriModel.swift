import FluentKit
import Foundation
import SIKIMCore

/// A category of information (admin-editable); its questions are stored as JSON.
// Unchecked, as Fluent's models are: an instance is used by one task at a time, never shared.
package final class KategoriModel: Model, @unchecked Sendable {
    package static let schema = "kategori"

    @ID(custom: "kode", generatedBy: .user) package var id: String?
    @Field(key: "nama") package var nama: String
    @Field(key: "kode_opd") package var kodeOPD: String
    @Field(key: "sensitif") package var sensitif: Bool
    @Field(key: "pertanyaan") package var pertanyaanJSON: String
    @Field(key: "aktif") package var aktif: Bool

    package init() {}

    /// By hand, not by reflection (FluentKit's cost per row read); checked by `PropertiModelTests`.
    package var properties: [any AnyProperty] { [$id, $nama, $kodeOPD, $sensitif, $pertanyaanJSON, $aktif] }

    package init(kode: String, nama: String, opd: String, sensitif: Bool, pertanyaan: [Pertanyaan]) {
        id = kode
        self.nama = nama
        kodeOPD = opd
        self.sensitif = sensitif
        pertanyaanJSON = String(decoding: (try? JSONEncoder().encode(pertanyaan)) ?? Data("[]".utf8), as: UTF8.self)
        aktif = true
    }

    package var pertanyaan: [Pertanyaan] { (try? JSONDecoder().decode([Pertanyaan].self, from: Data(pertanyaanJSON.utf8))) ?? [] }
}
