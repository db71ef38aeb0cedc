import Vapor

/// Checks the CSRF token on every state-changing browser request: the form field `_csrf`
/// or the header `X-CSRF-Token` must equal the session's token. API routes are exempt
/// because they authenticate with bearer tokens only, never with the session cookie.
struct PenjagaCSRF: AsyncMiddleware {
    /// Up to five photos or attachments of 5 MB each, plus the form fields.
    static let batasUnggah = 30 * 1024 * 1024

    func respond(to req: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        guard [.POST, .PUT, .PATCH, .DELETE].contains(req.method), !req.untukAPI else {
            return try await next.respond(to: req)
        }
        guard req.hasSession, let harap = req.session.data[KunciSesi.csrf] else {
            throw req.sesiBerakhir ? KesalahanHTTP.sesiBerakhir : KesalahanHTTP.csrf
        }
        // Route handlers would collect the body later; collect it now to read the field. Only
        // multipart forms (document uploads, ≤ 5 MB) may be larger than the default limit.
        if req.body.data == nil {
            let multipart = req.headers.contentType?.type == "multipart"
            _ = try await req.body.collect(max: multipart ? Self.batasUnggah : req.application.routes.defaultMaxBodySize.value).get()
        }
        let kirim = req.headers.first(name: "X-CSRF-Token") ?? (try? req.content.get(String.self, at: "_csrf"))
        guard let kirim, Acak.samaKonstan(kirim, harap) else { throw KesalahanHTTP.csrf }
        return try await next.respond(to: req)
    }
}
