import SIKIMCore
import Vapor

/// Region pages: the kabupaten overview and a page per kecamatan and desa.
struct WilayahWeb: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get("wilayah", use: kabupaten)
        routes.get("wilayah", ":kode", use: detail)
        routes.get("wilayah", ":kode", "batas", use: batas)
    }

    /// A desa's boundary as GeoJSON, for the pin on the report form's map. Public, as the
    /// region pages are; the same for everyone, so caches may keep it a day.
    @Sendable func batas(req: Request) async throws -> Response {
        let kode = try req.kodeWilayah()
        guard let fitur = req.application.batasDesa.fitur[kode.nilai] else { throw TidakDitemukan("Batas wilayah \(kode.nilai)") }
        let res = Response(status: .ok, body: .init(data: fitur))
        res.headers.replaceOrAdd(name: .contentType, value: "application/geo+json")
        res.headers.replaceOrAdd(name: .cacheControl, value: "public, max-age=86400")
        return res
    }

    struct Baris: Encodable {
        let kode: String
        let nama: String
        let namaLengkap: String
        let jumlahAnak: Int?
        let lat: Double
        let lon: Double

        init(_ w: Wilayah, jumlahAnak: Int? = nil) {
            (kode, nama, namaLengkap, self.jumlahAnak, lat, lon) = (w.kode.nilai, w.nama, w.namaLengkap, jumlahAnak, w.lat, w.lon)
        }
    }

    struct Konteks: Encodable {
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
        try await render(req, nil)
    }

    @Sendable func detail(req: Request) async throws -> Response {
        try await render(req, try req.kodeWilayah())
    }

    private func render(_ req: Request, _ kode: KodeWilayah?) async throws -> Response {
        try req.wajib(.lihatWilayah)
        let r = try await LayananWilayah(l: req.lingkungan).rincian(kode)
        let w = r.wilayah
        return try await req.halaman("wilayah", Konteks(
            tata: req.tata(w.namaLengkap), wilayah: Baris(w), tingkat: w.tingkat.rawValue, jejak: r.jejak.map { Baris($0) },
            judulAnak: w.tingkat == .kabupaten ? "Kecamatan" : (w.tingkat == .kecamatan ? "Desa" : nil),
            anak: r.anak.map { Baris($0.0, jumlahAnak: $0.jumlahAnak) }, jumlahKecamatan: r.jumlahKecamatan, jumlahDesa: r.jumlahDesa))
    }
}

extension Request {
    /// `:kode` as a region code; a malformed one names no region.
    func kodeWilayah() throws -> KodeWilayah {
        let teks = parameters.get("kode") ?? ""
        guard let kode = KodeWilayah(teks) else { throw TidakDitemukan("Wilayah dengan kode \(teks.prefix(40))") }
        return kode
    }
}
