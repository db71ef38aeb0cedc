import SIKIMCore
import SIKIMData
import Vapor

/// Turns every error into an Indonesian answer: JSON for `/api` and `/healthz`, an HTML page
/// otherwise (the login form for 401, so a user whose session ended can sign in again).
struct PenanganKesalahan: AsyncMiddleware {
    func respond(to req: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        do {
            return try await next.respond(to: req)
        } catch {
            let k = KesalahanTampil(error)
            if k.status.code >= 500 {
                req.logger.report(error: error)
            }
            let res = try await jawaban(k, req: req)
            // e.g. `Allow` on a 405
            for (nama, nilai) in (error as? any AbortError)?.headers ?? [:] { res.headers.replaceOrAdd(name: nama, value: nilai) }
            return res
        }
    }

    private func jawaban(_ k: KesalahanTampil, req: Request) async throws -> Response {
        if req.untukAPI {
            let res = try await BadanKesalahanAPI(k).encodeResponse(status: k.status, for: req)
            if k.status == .unauthorized { res.headers.replaceOrAdd(name: .wwwAuthenticate, value: "Bearer") }
            return res
        }
        do {
            return try await HalamanKesalahan.render(k, req: req)
        } catch {
            req.logger.report(error: error)
            let res = Response(status: k.status, body: .init(string: k.pesan))
            res.headers.contentType = .plainText
            return res
        }
    }
}

extension Request {
    var untukAPI: Bool { url.path.hasPrefix("/api/") || url.path == "/healthz" }
}
