import SIKIMData
import Fluent
import SIKIMCore
import Vapor

/// The signed-in user of a request: the stored account and the core's view of it.
struct PenggunaMasuk: Authenticatable {
    let model: PenggunaModel
    let aktor: Aktor
}

/// Signs in browser requests from the session. Never creates a session on its own, and
/// ignores API paths: the API accepts bearer tokens only, so it needs no CSRF check.
struct SesiAutentikator: AsyncMiddleware {
    func respond(to req: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        if !req.untukAPI, req.hasSession, let teks = req.session.data[KunciSesi.pengguna], let id = UUID(uuidString: teks) {
            if let m = try await PenggunaModel.find(id, on: req.db), m.aktif, let aktor = try? m.aktor() {
                req.auth.login(PenggunaMasuk(model: m, aktor: aktor))
                if req.method == .GET {
                    req.notifikasiBelumDibaca = try await NotifikasiModel.query(on: req.db).filter(\.$penggunaID == id)
                        .filter(\.$dibaca == false).count()
                }
            } else {
                req.session.data[KunciSesi.pengguna] = nil
            }
        }
        return try await next.respond(to: req)
    }
}

/// Signs in API requests from `Authorization: Bearer <token>`; tokens are looked up by hash.
struct BearerAutentikator: AsyncMiddleware {
    func respond(to req: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        if req.untukAPI, let bearer = req.headers.bearerAuthorization {
            try await masuk(bearer, req: req)
        }
        return try await next.respond(to: req)
    }

    private func masuk(_ bearer: BearerAuthorization, req: Request) async throws {
        // One joined query, not the token and then its account, as plain SQL: this runs on every
        // API call, and a Fluent join quoted and aliased both models' columns each time. The row
        // is kept a few seconds (`CacheServer.token`); each request still gets a model of its own.
        let hash = Acak.sha256(bearer.token)
        guard let baris = try await req.application.cache.token.ambil(hash, baca: {
            try await req.db.baris("""
                SELECT p.*, t.kedaluwarsa_pada AS token_kedaluwarsa FROM token_api t JOIN pengguna p ON p.id = t.pengguna_id
                WHERE t.hash_token = \(bind: hash) AND t.dicabut_pada IS NULL
                """, { $0 }).first
        }) else { throw KesalahanHTTP.tokenTidakValid }
        // Checked on every call, not when read: a kept row may outlive its token.
        guard AturanToken.berlaku(dicabut: nil, kedaluwarsa: try baris.decode(column: "token_kedaluwarsa", as: Date?.self), sekarang: req.sekarang) else {
            throw KesalahanHTTP.tokenTidakValid
        }
        let m = try PenggunaModel(baris: baris)
        guard m.aktif, let aktor = try? m.aktor() else { throw KesalahanHTTP.tokenTidakValid }
        req.auth.login(PenggunaMasuk(model: m, aktor: aktor))
    }
}

extension Request {
    var pengguna: PenggunaMasuk? { auth.get(PenggunaMasuk.self) }
    var aktor: Aktor? { pengguna?.aktor }

    func wajibMasuk() throws -> PenggunaMasuk {
        guard let p = pengguna else { throw sesiBerakhir ? KesalahanHTTP.sesiBerakhir : KesalahanHTTP.belumMasuk }
        return p
    }

    /// Refuses an action the policy does not allow: 401 for the public, 403 otherwise.
    func wajib(_ t: Tindakan) throws {
        guard Kebijakan.boleh(aktor, t) else {
            _ = try wajibMasuk()
            throw KesalahanHTTP.dilarang
        }
    }
}
