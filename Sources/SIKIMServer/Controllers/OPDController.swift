import SIKIMData
import Fluent
import SIKIMCore
import Vapor

/// The registry of agencies (OPD): readable by everyone, managed by the admin.
struct OPDController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get("opd", use: halaman)
        routes.post("opd", use: buat)
        routes.post("opd", ":kode", use: ubah)
        let api = routes.grouped("api", "v1", "opd")
        api.get(use: daftarAPI)
        api.post(use: buatAPI)
        api.patch(":kode", use: ubahAPI)
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
        let q = OPDModel.query(on: req.db).sort(\.$nama)
        if !kelola { q.filter(\.$aktif == true) }
        let daftar = try await q.all().map { Baris(kode: $0.id!, nama: $0.nama, aktif: $0.aktif) }
        return try await req.halaman("opd", Konteks(tata: req.tata("Daftar OPD"), csrf: kelola ? req.tokenCSRF : nil,
                                                    daftar: daftar, bolehKelola: kelola, isian: isian, kesalahan: kesalahan),
                                     status: status)
    }

    @Sendable func buat(req: Request) async throws -> Response {
        try req.wajib(.kelolaOPD)
        let isian = try req.content.decode(Isian.self)
        do {
            let m = try await req.layananOPD.buat(kode: isian.kode ?? "", nama: isian.nama ?? "")
            return req.alihkan("/opd", kilat: "OPD \(m.nama) ditambahkan.")
        } catch let e as KesalahanIsian {
            return try await render(req, isian: isian, kesalahan: e.perBidang, status: .unprocessableEntity)
        }
    }

    @Sendable func ubah(req: Request) async throws -> Response {
        try req.wajib(.kelolaOPD)
        let m = try await cari(req)
        let isian = try req.content.decode(Isian.self)
        do {
            try await req.layananOPD.ubah(m, nama: isian.nama, aktif: isian.aktif.map { $0 == "1" || $0 == "true" })
            return req.alihkan("/opd", kilat: "OPD \(m.nama) diperbarui.")
        } catch let e as KesalahanIsian {
            return try await render(req, isian: Isian(), kesalahan: e.perBidang, status: .unprocessableEntity)
        }
    }

    @Sendable func daftarAPI(req: Request) async throws -> Halaman<OPDDTO> {
        try req.wajib(.lihatOPD)
        let q = OPDModel.query(on: req.db)
        if !Kebijakan.boleh(req.aktor, .kelolaOPD) { q.filter(\.$aktif == true) }
        return try await Paginasi(req).halaman(q, kunci: \.$id, OPDDTO.init)
    }

    struct BuatOPD: Content {
        let kode: String
        let nama: String
    }

    struct UbahOPD: Content {
        let nama: String?
        let aktif: Bool?
    }

    @Sendable func buatAPI(req: Request) async throws -> Response {
        try req.wajib(.kelolaOPD)
        let b = try req.content.decode(BuatOPD.self)
        return try await OPDDTO(try await req.layananOPD.buat(kode: b.kode, nama: b.nama)).encodeResponse(status: .created, for: req)
    }

    @Sendable func ubahAPI(req: Request) async throws -> OPDDTO {
        try req.wajib(.kelolaOPD)
        let m = try await cari(req)
        let b = try req.content.decode(UbahOPD.self)
        try await req.layananOPD.ubah(m, nama: b.nama, aktif: b.aktif)
        return OPDDTO(m)
    }

    private func cari(_ req: Request) async throws -> OPDModel {
        let kode = req.parameters.get("kode") ?? ""
        guard let m = try await OPDModel.find(kode, on: req.db) else { throw KesalahanHTTP.tidakDitemukan("OPD \(kode.prefix(40))") }
        return m
    }
}
