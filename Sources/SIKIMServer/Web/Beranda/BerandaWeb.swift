import SIKIMCore
import Vapor

/// The home page.
struct BerandaWeb: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(use: beranda)
    }

    struct Konteks: Encodable {
        let tata: Tata
        let jumlahKecamatan: Int
        let jumlahDesa: Int
        let tanggal: String
    }

    @Sendable func beranda(req: Request) async throws -> Response {
        let jumlah = try await LayananWilayah(l: req.lingkungan).jumlah()
        return try await req.halaman("beranda", Konteks(
            tata: req.tata("Beranda"), jumlahKecamatan: jumlah[Tingkat.kecamatan.rawValue] ?? 0,
            jumlahDesa: jumlah[Tingkat.desa.rawValue] ?? 0, tanggal: TanggalIndonesia.panjang(req.sekarang)))
    }
}
