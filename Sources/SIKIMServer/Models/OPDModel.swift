import Fluent
import Foundation

final class OPDModel: Model, @unchecked Sendable {
    static let schema = "opd"

    @ID(custom: "kode", generatedBy: .user) var id: String?
    @Field(key: "nama") var nama: String
    @Field(key: "aktif") var aktif: Bool
    @Field(key: "diubah_pada") var diubahPada: Date

    init() {}

    /// By hand, not by reflection (FluentKit's cost per row read); checked by `PropertiModelTests`.
    var properties: [any AnyProperty] { [$id, $nama, $aktif, $diubahPada] }

    init(kode: String, nama: String, pada: Date) {
        id = kode
        self.nama = nama
        aktif = true
        diubahPada = pada
    }
}
