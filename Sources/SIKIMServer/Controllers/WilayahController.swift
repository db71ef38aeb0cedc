import SIKIMData
import Fluent
import SIKIMCore
import Vapor

/// Regions: the kabupaten overview, a page per kecamatan and desa, and the JSON API.
struct WilayahController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get("wilayah", use: kabupaten)
        routes.get("wilayah", ":kode", use: detail)
        let api = routes.grouped("api", "v1", "wilayah")
        api.get(use: daftarAPI)
        api.get(":kode", use: detailAPI)
    }

    struct Baris: Encodable {
        let kode: String
        let nama: String
        let namaLengkap: String
        let jumlahAnak: Int?
        let lat: Double
        let lon: Double

        init(_ m: WilayahModel, jumlahAnak: Int? = nil) {
            let w = m.domain
            kode = w.kode.nilai
            nama = w.nama
            namaLengkap = w.namaLengkap
            self.jumlahAnak = jumlahAnak
            lat = w.lat
            lon = w.lon
        }
    }

    struct HalamanWilayah: Encodable {
        let tata: Tata
        let wilayah: Baris
        let tingkat: String
        let jejak: [Baris]
        let judulAnak: String?
        let anak: [Baris]
        let jumlahKecamatan: Int
        let jumlahDesa: Int
    }

    @Sendable func kabupaten(req: Request) async throws -> Response {
        guard let kab = try await WilayahModel.query(on: req.db).filter(\.$tingkat == Tingkat.kabupaten.rawValue).first() else {
            throw KesalahanHTTP.tidakDitemukan("Data wilayah")
        }
        return try await render(kab, req: req)
    }

    @Sendable func detail(req: Request) async throws -> Response {
        try await render(try await cari(req), req: req)
    }

    private func render(_ m: WilayahModel, req: Request) async throws -> Response {
        try req.wajib(.lihatWilayah)
        let w = m.domain
        var jejak: [Baris] = []
        var induk = w.kode.induk
        while let k = induk, let im = try await WilayahModel.find(k.nilai, on: req.db) {
            jejak.insert(Baris(im), at: 0)
            induk = k.induk
        }
        let anak = try await WilayahModel.query(on: req.db).filter(\.$kodeInduk == w.kode.nilai).sort(\.$id).all()
        // Desa per kecamatan for the kabupaten table.
        let jumlah = w.tingkat == .kabupaten ? try await LayananWilayah.jumlah(req.db, dalam: w.kode, perInduk: true) : [:]
        let perTingkat = try await LayananWilayah.jumlah(req.db, dalam: w.kode)
        let konteks = HalamanWilayah(
            tata: req.tata(w.namaLengkap),
            wilayah: Baris(m),
            tingkat: w.tingkat.rawValue,
            jejak: jejak,
            judulAnak: w.tingkat == .kabupaten ? "Kecamatan" : (w.tingkat == .kecamatan ? "Desa" : nil),
            anak: anak.map { Baris($0, jumlahAnak: jumlah[$0.id!]) },
            jumlahKecamatan: perTingkat[Tingkat.kecamatan.rawValue] ?? 0,
            jumlahDesa: perTingkat[Tingkat.desa.rawValue] ?? 0)
        return try await req.halaman("wilayah", konteks)
    }

    @Sendable func daftarAPI(req: Request) async throws -> Halaman<WilayahDTO> {
        try req.wajib(.lihatWilayah)
        let q = WilayahModel.query(on: req.db)
        if let t = try req.kueri["tingkat"], !t.isEmpty {
            guard let tingkat = Tingkat(rawValue: t) else {
                throw KesalahanHTTP.parameter("Parameter tingkat harus kabupaten, kecamatan atau desa.")
            }
            q.filter(\.$tingkat == tingkat.rawValue)
        }
        if let i = try req.kueri["induk"], !i.isEmpty {
            guard let induk = KodeWilayah(i) else { throw KesalahanHTTP.parameter("Parameter induk bukan kode wilayah yang valid.") }
            guard try await WilayahModel.find(induk.nilai, on: req.db) != nil else {
                throw KesalahanHTTP.tidakDitemukan("Wilayah induk \(induk.nilai)")
            }
            q.filter(\.$kodeInduk == induk.nilai)
        }
        return try await Paginasi(req).halaman(q, kunci: \.$id, WilayahDTO.init)
    }

    @Sendable func detailAPI(req: Request) async throws -> WilayahDTO {
        try req.wajib(.lihatWilayah)
        return WilayahDTO(try await cari(req))
    }

    private func cari(_ req: Request) async throws -> WilayahModel {
        let teks = req.parameters.get("kode") ?? ""
        guard let kode = KodeWilayah(teks), let m = try await WilayahModel.find(kode.nilai, on: req.db) else {
            throw KesalahanHTTP.tidakDitemukan("Wilayah dengan kode \(teks.prefix(40))")
        }
        return m
    }
}
