import FluentKit
import Foundation
import SIKIMCore

// Settings, holidays and the markers of background work: small tables read by key.

/// A setting as key and value (activity thresholds).
// Unchecked, as Fluent's models are: an instance is used by one task at a time, never shared.
package final class PengaturanModel: Model, @unchecked Sendable {
    package static let schema = "pengaturan"

    @ID(custom: "kunci", generatedBy: .user) package var id: String?
    @Field(key: "nilai") package var nilai: String

    package init() {}

    /// By hand, not by reflection (FluentKit's cost per row read); checked by `PropertiModelTests`.
    package var properties: [any AnyProperty] { [$id, $nilai] }

    package init(kunci: String, nilai: String) {
        id = kunci
        self.nilai = nilai
    }
}


/// A national holiday or cuti bersama (admin may add or remove dates).
// Unchecked, as Fluent's models are: an instance is used by one task at a time, never shared.
package final class HariLiburModel: Model, @unchecked Sendable {
    package static let schema = "hari_libur"

    @ID(custom: "tanggal", generatedBy: .user) package var id: String?
    @Field(key: "jenis") package var jenis: String
    @Field(key: "nama") package var nama: String

    package init() {}

    /// By hand, not by reflection (FluentKit's cost per row read); checked by `PropertiModelTests`.
    package var properties: [any AnyProperty] { [$id, $jenis, $nama] }

    package init(tanggal: String, jenis: String, nama: String) {
        id = tanggal
        self.jenis = jenis
        self.nama = nama
    }
}


/// A notice already sent for a once-only event (a deadline passed, a KIM turning inactive).
// Unchecked, as Fluent's models are: an instance is used by one task at a time, never shared.
package final class PenandaModel: Model, @unchecked Sendable {
    package static let schema = "penanda"
    @ID(custom: "kunci", generatedBy: .user) package var id: String?
    @Field(key: "waktu") package var waktu: Date
    package init() {}

    /// By hand, not by reflection (FluentKit's cost per row read); checked by `PropertiModelTests`.
    package var properties: [any AnyProperty] { [$id, $waktu] }
    package init(kunci: String, waktu: Date) { id = kunci; self.waktu = waktu }
}
