import SIKIMCore
import SIKIMData
import Vapor

/// `/api/v1/pengguna`: scoped account lists, the admin's management, and account tokens.
struct PenggunaAPI: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let api = routes.grouped("api", "v1", "pengguna")
        api.get(use: daftar)
        api.post(use: buat)
        api.get(":id", use: detail)
        api.patch(":id", use: ubah)
        api.post(":id", "kata-sandi", use: setelKataSandi)
        api.get(":id", "token", use: daftarToken)
        api.post(":id", "token", use: terbitkanToken)
    }

    private func cari(_ req: Request) async throws -> PenggunaModel {
        _ = try req.wajibMasuk()
        guard let id = req.parameters.get("id", as: UUID.self) else { throw TidakDitemukan("Pengguna") }
        return try await LayananAkun(l: req.lingkungan).cari(id, untuk: req.aktor)
    }

    @Sendable func daftar(req: Request) async throws -> Halaman<PenggunaDTO> {
        try req.wajib(.lihatDaftarPengguna)
        return Halaman(try await LayananAkun(l: req.lingkungan).halaman(untuk: req.aktor, peran: try req.peranDiminta(), try req.paginasi())
            .map(PenggunaDTO.init))
    }

    @Sendable func detail(req: Request) async throws -> PenggunaDTO {
        try PenggunaDTO(try await cari(req))
    }

    @Sendable func buat(req: Request) async throws -> Response {
        try req.wajib(.kelolaPengguna)
        let b = try req.content.decode(PenggunaWeb.Isian.self)
        let m = try await LayananAkun(l: req.lingkungan).buat(username: b.username ?? "", nama: b.nama ?? "", kataSandi: b.kataSandi ?? "",
                                                              peran: b.peran ?? "", kodeWilayah: b.kodeWilayah, kodeOPD: b.kodeOpd,
                                                              kimID: try idKim(b.kimId))
        return try await PenggunaDTO(m).encodeResponse(status: .created, for: req)
    }

    struct UbahPengguna: Content {
        var nama: String?
        var peran: String?
        var kodeWilayah: String?
        var kodeOpd: String?
        var kimId: String?
        var aktif: Bool?

        enum CodingKeys: String, CodingKey {
            case nama, peran, aktif, kodeWilayah = "kode_wilayah", kodeOpd = "kode_opd", kimId = "kim_id"
        }
    }

    @Sendable func ubah(req: Request) async throws -> PenggunaDTO {
        try req.wajib(.kelolaPengguna)
        let m = try await cari(req)
        let b = try req.content.decode(UbahPengguna.self)
        let layanan = LayananAkun(l: req.lingkungan)
        let p = try await layanan.penugasan(peran: b.peran, kodeWilayah: b.kodeWilayah, kodeOPD: b.kodeOpd, kimID: try idKim(b.kimId), lama: m)
        try await layanan.ubah(m, nama: b.nama, penugasan: p, aktif: b.aktif)
        return try PenggunaDTO(m)
    }

    struct KataSandiBaru: Content {
        let kataSandi: String
        enum CodingKeys: String, CodingKey { case kataSandi = "kata_sandi" }
    }

    @Sendable func setelKataSandi(req: Request) async throws -> HTTPStatus {
        try req.wajib(.kelolaPengguna)
        let m = try await cari(req)
        try await LayananAkun(l: req.lingkungan).setelKataSandi(m, try req.content.decode(KataSandiBaru.self).kataSandi)
        return .noContent
    }

    @Sendable func daftarToken(req: Request) async throws -> Halaman<TokenDTO> {
        try req.wajib(.kelolaToken)
        let m = try await cari(req)
        return Halaman(data: try await LayananToken(l: req.lingkungan).milik(try m.requireID()).map(TokenDTO.init), nextCursor: nil)
    }

    struct IsianToken: Content { var nama: String? }

    @Sendable func terbitkanToken(req: Request) async throws -> Response {
        try req.wajib(.kelolaToken)
        let m = try await cari(req)
        let nama = (try? req.content.decode(IsianToken.self).nama).flatMap { $0 } ?? "Token API"
        let (t, token) = try await LayananToken(l: req.lingkungan).terbitkan(untuk: m, nama: nama)
        return try await TokenBaruDTO(token: token, id: t.requireID()).encodeResponse(status: .created, for: req)
    }
}
