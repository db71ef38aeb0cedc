import SIKIMCore
import Vapor

/// The page of agencies (OPD): everyone reads it, the admin adds, renames and deactivates.
struct OPDWeb: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get("opd", use: halaman)
        routes.post("opd", use: buat)
        routes.post("opd", ":kode", use: ubah)
    }

    struct Baris: Encodable {
        let kode: String
        let nama: String
        let aktif: Bool
    }

    struct Konteks: Encodable {
        let tata: Tata
        let csrf: String?
        let daftar: [Baris]
        let bolehKelola: Bool
        let isian: Isian
        let kesalahan: GalatIsian
    }

    struct Isian: Content {
        var kode: String?
        var nama: String?
        var aktif: String?
    }

    @Sendable func halaman(req: Request) async throws -> Response {
        try await render(req, isian: Isian(), kesalahan: [:], status: .ok)
    }

    private func render(_ req: Request, isian: Isian, kesalahan: GalatIsian, status: HTTPStatus) async throws -> Response {
        try req.wajib(.lihatOPD)
        let kelola = Kebijakan.boleh(req.aktor, .kelolaOPD)
        let daftar = try await LayananOPD(l: req.lingkungan).daftar(untuk: req.aktor).map { Baris(kode: $0.id!, nama: $0.nama, aktif: $0.aktif) }
        return try await req.halaman("opd", Konteks(tata: req.tata("Daftar OPD"), csrf: kelola ? req.tokenCSRF : nil,
                                                    daftar: daftar, bolehKelola: kelola, isian: isian, kesalahan: kesalahan),
                                     status: status)
    }

    @Sendable func buat(req: Request) async throws -> Response {
        try req.wajib(.kelolaOPD)
        let isian = try req.content.decode(Isian.self)
        do {
            let m = try await LayananOPD(l: req.lingkungan).buat(kode: isian.kode ?? "", nama: isian.nama ?? "", oleh: req.aktor)
            return req.alihkan("/opd", kilat: "OPD \(m.nama) ditambahkan.")
        } catch let e as KesalahanIsian {
            return try await render(req, isian: isian, kesalahan: e.perBidang, status: .unprocessableEntity)
        }
    }

    @Sendable func ubah(req: Request) async throws -> Response {
        try req.wajib(.kelolaOPD)
        let isian = try req.content.decode(Isian.self)
        do {
            let m = try await LayananOPD(l: req.lingkungan).ubah(req.parameters.get("kode") ?? "", nama: isian.nama,
                                                                  aktif: isian.aktif.map { $0 == "1" || $0 == "true" }, oleh: req.aktor)
            return req.alihkan("/opd", kilat: "OPD \(m.nama) diperbarui.")
        } catch let e as KesalahanIsian {
            return try await render(req, isian: Isian(), kesalahan: e.perBidang, status: .unprocessableEntity)
        }
    }
}
