import SIKIMCore
import SIKIMData
import Vapor

/// Security headers on every response. The CSP forbids inline script and style, so pages
/// must keep all CSS and JS in files under /static.
struct HeaderKeamanan: AsyncMiddleware {
    /// Served behind HTTPS (`SIKIM_PUBLIC_URL` is https): browsers must keep to HTTPS.
    let https: Bool

    static let csp = [
        "default-src 'self'", "script-src 'self'", "style-src 'self'", "img-src 'self' data:",
        "object-src 'none'", "base-uri 'none'", "frame-ancestors 'none'", "form-action 'self'",
    ].joined(separator: "; ")

    func respond(to req: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        let res = try await next.respond(to: req)
        let h = res.headers
        res.headers.replaceOrAdd(name: "Content-Security-Policy", value: Self.csp)
        res.headers.replaceOrAdd(name: "X-Content-Type-Options", value: "nosniff")
        res.headers.replaceOrAdd(name: "X-Frame-Options", value: "DENY")
        // Current browsers ignore it (the CSP above is the protection); older ones block
        // a detected reflection instead of rewriting the page.
        res.headers.replaceOrAdd(name: "X-XSS-Protection", value: "1; mode=block")
        if https { res.headers.replaceOrAdd(name: "Strict-Transport-Security", value: "max-age=31536000") }
        res.headers.replaceOrAdd(name: "Referrer-Policy", value: "same-origin")
        res.headers.replaceOrAdd(name: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=(self)")
        // Pages for a signed-in user may hold personal data: keep them out of shared caches.
        if h[.cacheControl].isEmpty, req.pengguna != nil || req.hasSession {
            res.headers.replaceOrAdd(name: .cacheControl, value: "no-store")
        }
        return res
    }
}
