import Fluent
import Foundation

/// One login attempt, kept for throttling and as a log of failed and successful logins.
final class PercobaanLoginModel: Model, @unchecked Sendable {
    static let schema = "percobaan_login"

    @ID(key: .id) var id: UUID?
    @Field(key: "username") var username: String
    @Field(key: "alamat_ip") var alamatIP: String
    @Field(key: "berhasil") var berhasil: Bool
    @Field(key: "waktu") var waktu: Date

    init() {}

    /// By hand, not by reflection (FluentKit's cost per row read); checked by `PropertiModelTests`.
    var properties: [any AnyProperty] { [$id, $username, $alamatIP, $berhasil, $waktu] }

    init(username: String, alamatIP: String, berhasil: Bool, waktu: Date) {
        self.username = username
        self.alamatIP = alamatIP
        self.berhasil = berhasil
        self.waktu = waktu
    }
}
