import SIKIMCore
import Vapor

/// A page that is the same for everyone (signed out, no session: the directory, the public
/// information, the regions) carries a weak ETag and is checked again each time: a visitor on a
/// weak signal who comes back gets 304 and no body while it has not changed. Pages of a
/// session differ on every view (their CSRF token) and are never kept (`HeaderKeamanan`).
struct EtagHalaman: AsyncMiddleware {
    func respond(to req: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        let res = try await next.respond(to: req)
        guard req.method == .GET, res.status == .ok, res.headers.contentType == .html, req.cookies["sikim_sesi"] == nil,
              res.headers[.setCookie].isEmpty, res.headers[.cacheControl].isEmpty, let badan = res.body.buffer else { return res }
        let etag = "W/\"\(Sidik.sha256(badan.readableBytesView).prefix(20))\""
        res.headers.replaceOrAdd(name: .eTag, value: etag)
        res.headers.replaceOrAdd(name: .cacheControl, value: "no-cache")
        guard req.headers[.ifNoneMatch].contains(where: { $0.split(separator: ",").contains { $0.trimmingCharacters(in: .whitespaces) == etag } })
        else { return res }
        return Response(status: .notModified, headers: res.headers)
    }
}
