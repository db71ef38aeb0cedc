import SIKIMData
import SIKIMCore
import Vapor

/// The signed-in user's own account: profile and password change.
struct AkunController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get("akun", use: halaman)
        routes.post("akun", "kata-sandi", use: gantiKataSandi)
        routes.get("api", "v1", "saya", "token", use: tokenSayaAPI)
    }

    struct Konteks: Encodable {
        let tata: Tata
        let csrf: String
        let username: String
        let peran: String
        let token: [BarisToken]
        let adaToken: Bool
        let kesalahan: GalatIsian
    }

    struct Isian: Content {
        var kataSandiLama: String?
        var kataSandiBaru: String?
        var ulangi: String?

        enum CodingKeys: String, CodingKey {
            case kataSandiLama = "kata_sandi_lama", kataSandiBaru = "kata_sandi_baru", ulangi
        }
    }

    @Sendable func halaman(req: Request) async throws -> Response {
        try await render(req, kesalahan: [:], status: .ok)
    }

    private func render(_ req: Request, kesalahan: GalatIsian, status: HTTPStatus) async throws -> Response {
        let p = try req.wajibMasuk()
        let token = try await BarisToken.milik(p.aktor.id, db: req.db, sekarang: req.sekarang)
        return try await req.halaman("akun", Konteks(tata: req.tata("Akun saya"), csrf: req.tokenCSRF, username: p.model.username,
                                                     peran: p.aktor.peran.label, token: token, adaToken: !token.isEmpty,
                                                     kesalahan: kesalahan), status: status)
    }

    /// The signed-in user's own tokens; each is revoked with `DELETE /api/v1/token/{id}`.
    @Sendable func tokenSayaAPI(req: Request) async throws -> Halaman<TokenDTO> {
        Halaman(data: try await TokenDTO.milik(try req.wajibMasuk().aktor.id, db: req.db), nextCursor: nil)
    }

    @Sendable func gantiKataSandi(req: Request) async throws -> Response {
        let p = try req.wajibMasuk()
        let isian = try req.content.decode(Isian.self)
        do {
            guard try await req.layananMasuk.cocokkanKataSandi(isian.kataSandiLama ?? "", akun: p.model, alamatIP: req.alamatIP) else {
                throw KesalahanIsian("kata_sandi_lama", "Kata sandi lama salah.")
            }
            guard isian.kataSandiBaru == isian.ulangi else {
                throw KesalahanIsian("ulangi", "Ulangan kata sandi baru tidak sama.")
            }
            do { try await req.layananAkun.setelKataSandi(p.model, isian.kataSandiBaru ?? "") }
            catch let e as KesalahanIsian { throw KesalahanIsian("kata_sandi_baru", e.pesan) }
        } catch let e as KesalahanIsian {
            return try await render(req, kesalahan: e.perBidang, status: .unprocessableEntity)
        }
        // Changing the password ended every session, this one included: sign in again.
        req.session.destroy()
        return req.redirect(to: "/masuk")
    }
}
