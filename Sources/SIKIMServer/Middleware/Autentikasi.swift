import SIKIMCore
import SIKIMData
import Vapor

/// The signed-in user of a request: the stored account and the core's view of it.
struct PenggunaMasuk: Authenticatable {
    let model: PenggunaModel
    let aktor: Aktor

    var pelaku: Pelaku { Pelaku(aktor: aktor, nama: model.nama) }
}

/// Signs in browser requests from the session. Never creates a session on its own, and
/// ignores API paths: the API accepts bearer tokens only, so it needs no CSRF check.
struct SesiAutentikator: AsyncMiddleware {
    func respond(to req: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        if !req.untukAPI, req.hasSession, let teks = req.session.data[KunciSesi.pengguna], let id = UUID(uuidString: teks) {
            let l = req.lingkungan
            if let m = try await LayananAkun(l: l).masukSesi(id), m.aktif, let aktor = try? m.aktor() {
                req.auth.login(PenggunaMasuk(model: m, aktor: aktor))
                if req.method == .GET { req.notifikasiBelumDibaca = try await LayananNotifikasi(l: l).jumlahBelumDibaca(id) }
            } else {
                req.session.data[KunciSesi.pengguna] = nil
            }
        }
        return try await next.respond(to: req)
    }
}

/// Signs in API requests from `Authorization: Bearer <token>`.
struct BearerAutentikator: AsyncMiddleware {
    func respond(to req: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        if req.untukAPI, let bearer = req.headers.bearerAuthorization {
            let (m, aktor) = try await LayananToken(l: req.lingkungan).masuk(token: bearer.token)
            req.auth.login(PenggunaMasuk(model: m, aktor: aktor))
        }
        return try await next.respond(to: req)
    }
}

extension Request {
    var pengguna: PenggunaMasuk? { auth.get(PenggunaMasuk.self) }
    var aktor: Aktor? { pengguna?.aktor }
    var alamatIP: String { remoteAddress?.ipAddress ?? "tidak-diketahui" }

    func wajibMasuk() throws -> PenggunaMasuk {
        guard let p = pengguna else { throw BelumMasuk(sesiBerakhir: sesiBerakhir) }
        return p
    }

    /// Refuses an action the policy does not allow: 401 for the public, 403 otherwise.
    func wajib(_ t: Tindakan) throws {
        guard Kebijakan.boleh(aktor, t) else {
            _ = try wajibMasuk()
            throw TindakanDilarang()
        }
    }
}
