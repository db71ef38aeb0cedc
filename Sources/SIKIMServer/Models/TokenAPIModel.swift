import Fluent
import Foundation

/// A bearer token for API clients. Only the SHA-256 of the token is stored.
final class TokenAPIModel: Model, @unchecked Sendable {
    static let schema = "token_api"

    @ID(key: .id) var id: UUID?
    @Parent(key: "pengguna_id") var pengguna: PenggunaModel
    @Field(key: "nama") var nama: String
    @Field(key: "hash_token") var hashToken: String
    @Field(key: "dibuat_pada") var dibuatPada: Date
    @OptionalField(key: "dicabut_pada") var dicabutPada: Date?

    init() {}

    /// By hand, not by reflection (FluentKit's cost per row read); checked by `PropertiModelTests`.
    var properties: [any AnyProperty] { [$id, $pengguna, $nama, $hashToken, $dibuatPada, $dicabutPada] }

    init(penggunaID: UUID, nama: String, hashToken: String, pada: Date) {
        $pengguna.id = penggunaID
        self.nama = nama
        self.hashToken = hashToken
        dibuatPada = pada
    }
}
