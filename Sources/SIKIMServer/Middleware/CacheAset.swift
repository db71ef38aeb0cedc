import Vapor

/// A public file asked with the current version is kept a year; without it (an old page, a
/// hand-typed link) the browser checks again each time, answered 304 by its ETag.
struct CacheAset: AsyncMiddleware {
    let aset: Aset

    func respond(to req: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        let res = try await next.respond(to: req)
        guard aset.berkas.contains(String(req.url.path.dropFirst())) else { return res }
        let terkini = (try? req.query.get(String.self, at: "v")) == aset.versi
        res.headers.replaceOrAdd(name: .cacheControl, value: terkini ? "public, max-age=31536000, immutable" : "no-cache")
        return res
    }
}
