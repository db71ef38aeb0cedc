import Fluent
import Foundation

/// A browser session, stored in the database so several server processes share logins.
final class SesiModel: Model, @unchecked Sendable {
    static let schema = "sesi"

    @ID(custom: "id", generatedBy: .user) var id: String?
    @Field(key: "data") var data: [String: String]
    @Field(key: "kedaluwarsa_pada") var kedaluwarsaPada: Date
    /// Copied out of `data` so all sessions of a user can be ended in one statement.
    @OptionalField(key: "pengguna_id") var penggunaID: String?

    init() {}

    /// By hand, not by reflection (FluentKit's cost per row read); checked by `PropertiModelTests`.
    var properties: [any AnyProperty] { [$id, $data, $kedaluwarsaPada, $penggunaID] }

    init(id: String, data: [String: String], kedaluwarsaPada: Date) {
        self.id = id
        self.data = data
        self.kedaluwarsaPada = kedaluwarsaPada
        penggunaID = data[KunciSesi.pengguna]
    }
}
