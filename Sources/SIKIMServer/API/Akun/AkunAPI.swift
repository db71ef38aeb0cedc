import SIKIMCore
import SIKIMData
import Vapor

/// API tokens from a password, the signed-in user, and their own tokens.
struct AkunAPI: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let api = routes.grouped("api", "v1")
        api.post("token", use: token)
        api.get("saya", use: saya)
        api.get("saya", "token", use: tokenSaya)
        api.delete("token", ":token", use: cabutToken)
        api.get("saya", "nomor", use: nomorSaya)
        api.post("saya", "nomor", use: mintaKode)
        api.delete("saya", "nomor", ":nomor", use: lepasNomor)
    }

    /// A pengurus's phone number tied to the account for WhatsApp and SMS (issue 21).
    struct NomorDTO: Content {
        let id: UUID
        let nomor: String
        let kanal: String?
        let dikonfirmasiPada: Date?
        /// Only in the answer that made it: send `DAFTAR <kode>` from the number.
        var kode: String?
        var kodeBerlakuSampai: Date?

        init(_ m: NomorKanalModel) {
            (id, nomor, kanal, dikonfirmasiPada) = (m.id!, m.nomor, m.kanal, m.dikonfirmasiPada)
        }
    }

    @Sendable func nomorSaya(req: Request) async throws -> Halaman<NomorDTO> {
        let p = try req.wajibMasuk()
        try req.wajib(.hubungkanNomor)
        return Halaman(data: try await LayananKanal(l: req.lingkungan, batas: nil).nomor(untuk: p.model).map(NomorDTO.init), nextCursor: nil)
    }

    struct MintaKode: Content { let nomor: String? }

    @Sendable func mintaKode(req: Request) async throws -> Response {
        let p = try req.wajibMasuk()
        try req.wajib(.hubungkanNomor)
        let (m, kode) = try await LayananKanal(l: req.lingkungan, batas: nil).mintaKode(try req.content.decode(MintaKode.self).nomor ?? "", untuk: p.model)
        var d = NomorDTO(m)
        (d.kode, d.kodeBerlakuSampai) = (kode, m.kodeBerlaku)
        let res = try await d.encodeResponse(status: .created, for: req)
        res.headers.replaceOrAdd(name: .cacheControl, value: "no-store")
        return res
    }

    @Sendable func lepasNomor(req: Request) async throws -> HTTPStatus {
        let p = try req.wajibMasuk()
        try req.wajib(.hubungkanNomor)
        try await LayananKanal(l: req.lingkungan, batas: nil).lepasNomor(req.parameters.get("nomor", as: UUID.self), untuk: p.model)
        return .noContent
    }

    struct PermintaanToken: Content {
        let username: String
        let password: String
    }

    struct JawabanToken: Content {
        let token: String
    }

    @Sendable func token(req: Request) async throws -> Response {
        let p = try req.content.decode(PermintaanToken.self)
        let l = req.lingkungan
        let m = try await LayananMasuk(l: l).masuk(username: p.username, kataSandi: p.password, alamatIP: req.alamatIP)
        let (_, token) = try await LayananToken(l: l).terbitkan(untuk: m, nama: "Login API")
        return try await JawabanToken(token: token).encodeResponse(status: .created, for: req)
    }

    @Sendable func saya(req: Request) async throws -> PenggunaDTO {
        try PenggunaDTO(try req.wajibMasuk().model)
    }

    /// The signed-in user's own tokens; each is revoked with `DELETE /api/v1/token/{id}`.
    @Sendable func tokenSaya(req: Request) async throws -> Halaman<TokenDTO> {
        Halaman(data: try await LayananToken(l: req.lingkungan).milik(try req.wajibMasuk().aktor.id).map(TokenDTO.init), nextCursor: nil)
    }

    @Sendable func cabutToken(req: Request) async throws -> HTTPStatus {
        _ = try req.wajibMasuk()
        guard let id = req.parameters.get("token", as: UUID.self) else { throw TidakDitemukan("Token") }
        _ = try await LayananToken(l: req.lingkungan).cabut(id, oleh: req.aktor)
        return .noContent
    }
}
