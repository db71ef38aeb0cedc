import SIKIMCore
import SIKIMData
import Vapor

/// `POST /api/v1/impor/kim`: KIMs from a CSV body, all or none.
struct ImporAPI: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.post("api", "v1", "impor", "kim", use: impor).batasBadan(teks: "2mb")
    }

    struct HasilImporDTO: Content {
        struct Baris: Content { let nomor: Int; let kodeWilayah: String; let nama: String; let kesalahan: [String] }
        let siap: Bool
        let disimpan: Int
        let baris: [Baris]
    }

    /// `POST /api/v1/impor/kim` with a text/csv body; `?pratinjau=true` only checks.
    @Sendable func impor(req: Request) async throws -> Response {
        let p = try req.wajibMasuk()
        try req.wajib(.imporKim)
        guard let body = req.body.data, let teks = body.getString(at: body.readerIndex, length: body.readableBytes) else {
            throw ParameterTidakValid("Kirim isi berkas CSV (UTF-8) sebagai badan permintaan.")
        }
        func dto(_ b: [ImporKim.Baris], disimpan: Int) -> HasilImporDTO {
            HasilImporDTO(siap: b.allSatisfy(\.kesalahan.isEmpty), disimpan: disimpan,
                          baris: b.map { .init(nomor: $0.nomor, kodeWilayah: $0.kodeWilayah, nama: $0.nama, kesalahan: $0.kesalahan) })
        }
        do {
            let layanan = LayananImpor(l: req.lingkungan)
            if (try? req.kueri)?["pratinjau"] == "true" {
                let b = try await layanan.periksa(teks)
                return try await dto(b, disimpan: 0).encodeResponse(for: req)
            }
            let jumlah = try await layanan.impor(teks, oleh: p.pelaku)
            return try await HasilImporDTO(siap: true, disimpan: jumlah, baris: []).encodeResponse(status: .created, for: req)
        } catch let e as KesalahanImpor {
            if case .barisSalah(let b) = e {
                let res = try await dto(b, disimpan: 0).encodeResponse(status: .unprocessableEntity, for: req)
                return res
            }
            throw e
        }
    }
}
