import SIKIMCore
import SIKIMData
import Vapor

/// `/api/v1/diseminasi`: the materi an actor may see, publishing one, and a KIM's report.
struct DiseminasiAPI: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let api = routes.grouped("api", "v1", "diseminasi")
        api.get(use: daftar)
        api.post(use: terbitkan)
        api.get(":materi", use: detail)
        api.post(":materi", "laporan", use: laporkan)
    }

    struct MateriDTO: Content {
        struct Cakupan: Content { let sasaran: Int; let dibaca: Int; let disebarkan: Int; let jangkauan: Int; let persen: Int; let terlambat: Int }
        let id: UUID, judul: String, ringkasan: String, isi: String, jenis: String, batasWaktu: String, dibuatPada: Date
        let statusSaya: String?
        let cakupan: Cakupan?

        init(_ m: MateriModel, milik: PenerimaMateriModel?, cakupan: CakupanMateri?) {
            (id, judul, ringkasan, isi, jenis, batasWaktu, dibuatPada) = (m.id!, m.judul, m.ringkasan, m.isi, m.jenis, m.batasWaktu, m.dibuatPada)
            statusSaya = milik?.status
            self.cakupan = cakupan.map { .init(sasaran: $0.sasaran, dibaca: $0.dibaca, disebarkan: $0.disebarkan, jangkauan: $0.jangkauan,
                                               persen: $0.persen, terlambat: $0.terlambat.count) }
        }
    }

    /// A pengurus sees its own copy's state; everyone else the coverage in their area.
    private func dto(_ m: MateriModel, milik: PenerimaMateriModel?, _ layanan: LayananDiseminasi, aktor: Aktor?) async throws -> MateriDTO {
        MateriDTO(m, milik: milik, cakupan: milik == nil ? try await layanan.cakupan(m, untuk: aktor) : nil)
    }

    @Sendable func daftar(req: Request) async throws -> Halaman<MateriDTO> {
        let layanan = LayananDiseminasi(l: req.lingkungan)
        var hasil: [MateriDTO] = []
        for m in try await layanan.daftar(untuk: req.aktor) {
            hasil.append(try await dto(m, milik: try await layanan.salinan(m, untuk: req.aktor), layanan, aktor: req.aktor))
        }
        return Halaman(data: hasil, nextCursor: nil)
    }

    @Sendable func terbitkan(req: Request) async throws -> Response {
        let p = try req.wajibMasuk()
        let layanan = LayananDiseminasi(l: req.lingkungan)
        let m = try await layanan.terbitkan(try req.content.decode(IsianMateri.self), lampiran: try req.berkas("lampiran"), oleh: p.aktor)
        return try await dto(m, milik: nil, layanan, aktor: p.aktor).encodeResponse(status: .created, for: req)
    }

    @Sendable func detail(req: Request) async throws -> MateriDTO {
        let layanan = LayananDiseminasi(l: req.lingkungan)
        let m = try await layanan.satu(req.parameters.get("materi", as: UUID.self), untuk: req.aktor)
        return try await dto(m, milik: try await layanan.buka(m, untuk: req.aktor), layanan, aktor: req.aktor)
    }

    @Sendable func laporkan(req: Request) async throws -> MateriDTO {
        let layanan = LayananDiseminasi(l: req.lingkungan)
        let m = try await layanan.satu(req.parameters.get("materi", as: UUID.self), untuk: req.aktor)
        try await layanan.laporkan(m, try req.content.decode(IsianPenyebaran.self), foto: try req.berkas("foto"), oleh: req.aktor,
                                   kunci: req.kunciIdempotensi)
        return MateriDTO(m, milik: try await layanan.salinan(m, untuk: req.aktor), cakupan: nil)
    }
}

extension IsianMateri: Content {}
extension IsianPenyebaran: Content {}
