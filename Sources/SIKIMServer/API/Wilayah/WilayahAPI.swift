import SIKIMCore
import Vapor

/// `/api/v1/wilayah`: regions by level or parent, and one by code.
struct WilayahAPI: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let api = routes.grouped("api", "v1", "wilayah")
        api.get(use: daftar)
        api.get(":kode", use: detail)
    }

    @Sendable func daftar(req: Request) async throws -> Halaman<WilayahDTO> {
        try req.wajib(.lihatWilayah)
        let k = try req.kueri
        var tingkat: Tingkat?
        if let t = k["tingkat"], !t.isEmpty {
            guard let x = Tingkat(rawValue: t) else { throw ParameterTidakValid("Parameter tingkat harus kabupaten, kecamatan atau desa.") }
            tingkat = x
        }
        var induk: KodeWilayah?
        if let i = k["induk"], !i.isEmpty {
            guard let x = KodeWilayah(i) else { throw ParameterTidakValid("Parameter induk bukan kode wilayah yang valid.") }
            induk = x
        }
        return Halaman(try await LayananWilayah(l: req.lingkungan).halaman(tingkat: tingkat, induk: induk, try req.paginasi()).map(WilayahDTO.init))
    }

    @Sendable func detail(req: Request) async throws -> WilayahDTO {
        try req.wajib(.lihatWilayah)
        return WilayahDTO(try await LayananWilayah(l: req.lingkungan).cari(try req.kodeWilayah()))
    }
}

struct WilayahDTO: Content {
    let kode: String
    let nama: String
    let tingkat: String
    let kodeInduk: String
    let lat: Double
    let lon: Double

    init(_ w: Wilayah) {
        (kode, nama, tingkat, kodeInduk, lat, lon) = (w.kode.nilai, w.nama, w.tingkat.rawValue, w.kodeInduk, w.lat, w.lon)
    }
}
