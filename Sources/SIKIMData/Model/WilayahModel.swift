import FluentKit
import SIKIMCore

// Unchecked, as Fluent's models are: an instance is used by one task at a time, never shared.
package final class WilayahModel: Model, @unchecked Sendable {
    package static let schema = "wilayah"

    @ID(custom: "kode", generatedBy: .user) package var id: String?
    @Field(key: "nama") package var nama: String
    @Field(key: "tingkat") package var tingkat: String
    @Field(key: "kode_induk") package var kodeInduk: String
    @Field(key: "lat") package var lat: Double
    @Field(key: "lon") package var lon: Double

    package init() {}

    /// By hand, not by reflection (FluentKit's cost per row read); checked by `PropertiModelTests`.
    package var properties: [any AnyProperty] { [$id, $nama, $tingkat, $kodeInduk, $lat, $lon] }

    package init(_ w: Wilayah) {
        id = w.kode.nilai
        salin(w)
    }

    package func salin(_ w: Wilayah) {
        nama = w.nama
        tingkat = w.tingkat.rawValue
        kodeInduk = w.kodeInduk
        lat = w.lat
        lon = w.lon
    }

    package var domain: Wilayah {
        Wilayah(kode: KodeWilayah(id!)!, nama: nama, kodeInduk: kodeInduk, lat: lat, lon: lon)
    }
}
