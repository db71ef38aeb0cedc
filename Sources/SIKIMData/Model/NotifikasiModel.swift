import FluentKit
import Foundation
import SIKIMCore

// Unchecked, as Fluent's models are: an instance is used by one task at a time, never shared.
package final class NotifikasiModel: SisipanCepat, @unchecked Sendable {
    package static let schema = "notifikasi"

    @ID(key: .id) package var id: UUID?
    @Field(key: "pengguna_id") package var penggunaID: UUID
    @Field(key: "judul") package var judul: String
    @Field(key: "tautan") package var tautan: String
    @Field(key: "dibaca") package var dibaca: Bool
    @Field(key: "dibuat_pada") package var dibuatPada: Date

    package init() {}

    /// By hand, not by reflection (FluentKit's cost per row read); checked by `PropertiModelTests`.
    package var properties: [any AnyProperty] { [$id, $penggunaID, $judul, $tautan, $dibaca, $dibuatPada] }
}


/// A queued outbound webhook delivery.
// Unchecked, as Fluent's models are: an instance is used by one task at a time, never shared.
package final class KirimanWebhookModel: Model, @unchecked Sendable {
    package static let schema = "webhook_kiriman"

    @ID(key: .id) package var id: UUID?
    @Field(key: "isi") package var isi: String
    @Field(key: "status") package var status: String
    @Field(key: "percobaan") package var percobaan: Int
    @Field(key: "berikutnya") package var berikutnya: Date
    @OptionalField(key: "galat") package var galat: String?
    @Field(key: "dibuat_pada") package var dibuatPada: Date

    package init() {}

    /// By hand, not by reflection (FluentKit's cost per row read); checked by `PropertiModelTests`.
    package var properties: [any AnyProperty] { [$id, $isi, $status, $percobaan, $berikutnya, $galat, $dibuatPada] }
}
