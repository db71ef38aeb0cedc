import SIKIMCore
import Vapor

/// A browser form that arrives after its session ended, or with a stale CSRF token, is kept
/// (`KirimanTersimpan`) instead of refused: the sender signs in again (or, still signed in, goes
/// straight on) and finds it filled at `/lanjutkan`. Only a request that carried a session is
/// kept, so an anonymous flood cannot fill the disk.
struct PenyelamatKiriman: AsyncMiddleware {
    static let bukanFormulir: Set<String> = ["/masuk", "/keluar", LanjutkanWeb.jalur]

    func respond(to req: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        do {
            return try await next.respond(to: req)
        } catch let e where Self.terputus(e) && req.method == .POST && !req.untukAPI && !Self.bukanFormulir.contains(req.url.path)
                    && (req.sesiBerakhir || req.session.id != nil) && Self.dariSitusIni(req) {
            guard let badan = req.body.data, let jenis = req.headers.first(name: .contentType) else { throw e }
            let simpanan = KirimanTersimpan(req)
            let kunci = try simpanan.simpan(.init(jalur: req.url.path, jenisIsi: jenis,
                                                  pemilik: req.pengguna?.model.id ?? req.sesiYangBerakhir?.pemilik,
                                                  badan: Array(badan.readableBytesView)))
            simpanan.hapus(req.session.data[KunciSesi.kiriman]) // the newest one only
            req.session.data[KunciSesi.kiriman] = kunci
            if req.pengguna != nil { return req.redirect(to: LanjutkanWeb.jalur) }
            throw BelumMasuk(sesiBerakhir: true)
        }
    }

    /// Another site's form is never kept to be shown to the user (the session cookie is
    /// SameSite=Lax already; this holds where a browser sends it anyway).
    static func dariSitusIni(_ req: Request) -> Bool {
        ["same-origin", "none", nil].contains(req.headers.first(name: "Sec-Fetch-Site"))
    }

    static func terputus(_ e: any Error) -> Bool { e is BelumMasuk || (e as? KesalahanHTTP) == .csrf }
}

extension KirimanTersimpan {
    init(_ req: Request) { self.init(direktoriData: req.application.sikim.direktoriData) }
}
