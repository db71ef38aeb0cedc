import FluentKit
import Foundation

// Unchecked, as Fluent's models are: an instance is used by one task at a time, never shared.
package final class OPDModel: Model, @unchecked Sendable {
    package static let schema = "opd"

    @ID(custom: "kode", generatedBy: .user) package var id: String?
    @Field(key: "nama") package var nama: String
    @Field(key: "aktif") package var aktif: Bool
    @Field(key: "diubah_pada") package var diubahPada: Date

    package init() {}

    /// By hand, not by reflection (FluentKit's cost per row read); checked by `PropertiModelTests`.
    package var properties: [any AnyProperty] { [$id, $nama, $aktif, $diubahPada] }

    package init(kode: String, nama: String, pada: Date) {
        id = kode
        self.nama = nama
        aktif = true
        diubahPada = pada
    }
}
