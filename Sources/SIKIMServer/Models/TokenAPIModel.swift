import Fluent
import Foundation
import SIKIMCore

/// A bearer token for API clients. Only the SHA-256 of the token is stored.
final class TokenAPIModel: Model, @unchecked Sendable {
    static let schema = "token_api"

    @ID(key: .id) var id: UUID?
    @Parent(key: "pengguna_id") var pengguna: PenggunaModel
    @Field(key: "nama") var nama: String
    @Field(key: "hash_token") var hashToken: String
    @Field(key: "dibuat_pada") var dibuatPada: Date
    @OptionalField(key: "dicabut_pada") var dicabutPada: Date?
    @OptionalField(key: "kedaluwarsa_pada") var kedaluwarsaPada: Date?

    init() {}

    /// By hand, not by reflection (FluentKit's cost per row read); checked by `PropertiModelTests`.
    var properties: [any AnyProperty] { [$id, $pengguna, $nama, $hashToken, $dibuatPada, $dicabutPada, $kedaluwarsaPada] }

    init(penggunaID: UUID, nama: String, hashToken: String, pada: Date) {
        $pengguna.id = penggunaID
        self.nama = nama
        self.hashToken = hashToken
        dibuatPada = pada
        kedaluwarsaPada = pada.addingTimeInterval(AturanToken.masaBerlaku)
    }

    /// A user's tokens, newest first.
    static func milik(_ pengguna: UUID, db: any Database) async throws -> [TokenAPIModel] {
        try await query(on: db).filter(\.$pengguna.$id == pengguna).sort(\.$dibuatPada, .descending).all()
    }
}
