import Fluent
import SIKIMCore

final class WilayahModel: Model, @unchecked Sendable {
    static let schema = "wilayah"

    @ID(custom: "kode", generatedBy: .user) var id: String?
    @Field(key: "nama") var nama: String
    @Field(key: "tingkat") var tingkat: String
    @Field(key: "kode_induk") var kodeInduk: String
    @Field(key: "lat") var lat: Double
    @Field(key: "lon") var lon: Double

    init() {}

    /// By hand, not by reflection (FluentKit's cost per row read); checked by `PropertiModelTests`.
    var properties: [any AnyProperty] { [$id, $nama, $tingkat, $kodeInduk, $lat, $lon] }

    init(_ w: Wilayah) {
        id = w.kode.nilai
        salin(w)
    }

    func salin(_ w: Wilayah) {
        nama = w.nama
        tingkat = w.tingkat.rawValue
        kodeInduk = w.kodeInduk
        lat = w.lat
        lon = w.lon
    }

    var domain: Wilayah {
        Wilayah(kode: KodeWilayah(id!)!, nama: nama, kodeInduk: kodeInduk, lat: lat, lon: lon)
    }
}
