import SIKIMCore
import SIKIMData
import Vapor

/// Checks the CSRF token on every state-changing browser request: the form field `_csrf`
/// or the header `X-CSRF-Token` must hold the session's token (disguised, `Request.tokenCSRF`). API routes are exempt
/// because they authenticate with bearer tokens only, never with the session cookie.
/// The body was read within its route's limits by `PenjagaBadan`.
struct PenjagaCSRF: AsyncMiddleware {
    func respond(to req: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        guard [.POST, .PUT, .PATCH, .DELETE].contains(req.method), !req.untukAPI else {
            return try await next.respond(to: req)
        }
        guard req.hasSession, let harap = req.session.data[KunciSesi.csrf] else {
            if req.sesiBerakhir { throw BelumMasuk(sesiBerakhir: true) }
            throw KesalahanHTTP.csrf
        }
        let kirim = req.headers.first(name: "X-CSRF-Token") ?? (try? req.content.get(String.self, at: "_csrf"))
        // The bare secret still passes: a form shown before pages disguised it.
        guard let kirim, Acak.samaKonstan(Acak.buka(kirim) ?? "", harap) || Acak.samaKonstan(kirim, harap) else {
            throw KesalahanHTTP.csrf
        }
        return try await next.respond(to: req)
    }
}
