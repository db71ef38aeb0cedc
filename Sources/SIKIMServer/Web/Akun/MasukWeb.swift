import SIKIMCore
import Vapor

/// Signing in and out in the browser.
struct MasukWeb: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get("masuk", use: formMasuk)
        routes.post("masuk", use: masuk)
        routes.post("keluar", use: keluar)
    }

    struct FormMasuk: Content {
        var username: String?
        var kataSandi: String?
        var lanjut: String?

        enum CodingKeys: String, CodingKey {
            case username, kataSandi = "kata_sandi", lanjut
        }
    }

    @Sendable func formMasuk(req: Request) async throws -> Response {
        if req.pengguna != nil { return req.redirect(to: "/") }
        let lanjut = (try? req.kueri)?["lanjut"] ?? "/"
        return try await HalamanMasuk.render(req: req, pesan: nil, username: "", lanjut: Self.jalurAman(lanjut), status: .ok)
    }

    @Sendable func masuk(req: Request) async throws -> Response {
        let form = try req.content.decode(FormMasuk.self)
        let username = form.username ?? ""
        let lanjut = Self.jalurAman(form.lanjut ?? "/")
        do {
            let m = try await LayananMasuk(l: req.lingkungan).masuk(username: username, kataSandi: form.kataSandi ?? "", alamatIP: req.alamatIP)
            // A new session id at login defeats session fixation; a kept submission goes along.
            let kiriman = req.session.data[KunciSesi.kiriman]
            if let lama = req.session.id {
                try await req.application.sessions.driver.deleteSession(lama, for: req).get()
                req.session.id = nil
            }
            req.session.data = SessionData(initialData: [
                KunciSesi.pengguna: try m.requireID().uuidString,
                KunciSesi.csrf: Acak.rahasia(),
            ])
            if let kiriman { req.session.data[KunciSesi.kiriman] = kiriman }
            return req.redirect(to: lanjut)
        } catch let e as any KesalahanBerpesan where e is LoginGagal || e is Terkunci {
            // The form again, with the message and the username kept.
            return try await HalamanMasuk.render(req: req, pesan: e.pesan, username: String(username.prefix(64)), lanjut: lanjut,
                                                 status: KesalahanTampil(e).status)
        }
    }

    @Sendable func keluar(req: Request) async throws -> Response {
        req.session.destroy()
        return req.redirect(to: "/masuk")
    }

    /// Only local paths, so a crafted link cannot send a user elsewhere after login. Browsers
    /// drop tabs and newlines from a URL and read `\` as `/`, so `/\t/evil.example` would be
    /// `//evil.example`: no control character, space or backslash may appear at all.
    static func jalurAman(_ jalur: String) -> String {
        guard jalur.hasPrefix("/"), !jalur.hasPrefix("//"), jalur.count <= 500,
              jalur.unicodeScalars.allSatisfy({ $0.value > 0x20 && $0.value != 0x7F && $0 != "\\" && !$0.properties.isWhitespace })
        else { return "/" }
        return jalur
    }
}
