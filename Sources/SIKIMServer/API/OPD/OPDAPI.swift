import SIKIMCore
import SIKIMData
import Vapor

/// `/api/v1/opd`: the registry of agencies.
struct OPDAPI: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let api = routes.grouped("api", "v1", "opd")
        api.get(use: daftar)
        api.post(use: buat)
        api.patch(":kode", use: ubah)
    }

    @Sendable func daftar(req: Request) async throws -> Halaman<OPDDTO> {
        try req.wajib(.lihatOPD)
        return Halaman(try await LayananOPD(l: req.lingkungan).halaman(untuk: req.aktor, try req.paginasi()).map(OPDDTO.init))
    }

    struct BuatOPD: Content {
        let kode: String
        let nama: String
    }

    struct UbahOPD: Content {
        let nama: String?
        let aktif: Bool?
    }

    @Sendable func buat(req: Request) async throws -> Response {
        try req.wajib(.kelolaOPD)
        let b = try req.content.decode(BuatOPD.self)
        return try await OPDDTO(try await LayananOPD(l: req.lingkungan).buat(kode: b.kode, nama: b.nama, oleh: req.aktor))
            .encodeResponse(status: .created, for: req)
    }

    @Sendable func ubah(req: Request) async throws -> OPDDTO {
        try req.wajib(.kelolaOPD)
        let b = try req.content.decode(UbahOPD.self)
        return OPDDTO(try await LayananOPD(l: req.lingkungan).ubah(req.parameters.get("kode") ?? "", nama: b.nama, aktif: b.aktif, oleh: req.aktor))
    }
}

struct OPDDTO: Content {
    let kode: String
    let nama: String
    let aktif: Bool

    init(_ m: OPDModel) {
        kode = m.id!
        nama = m.nama
        aktif = m.aktif
    }
}
