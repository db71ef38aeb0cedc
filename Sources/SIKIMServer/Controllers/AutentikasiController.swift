import SIKIMData
import Fluent
import SIKIMCore
import Vapor

/// Signing in and out in the browser, and API tokens from a password.
struct AutentikasiController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get("masuk", use: formMasuk)
        routes.post("masuk", use: masuk)
        routes.post("keluar", use: keluar)
        routes.post("api", "v1", "token", use: tokenAPI)
        routes.get("api", "v1", "saya", use: sayaAPI)
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
            let m = try await req.layananMasuk.masuk(username: username, kataSandi: form.kataSandi ?? "", alamatIP: req.alamatIP)
            // A new session id at login defeats session fixation.
            if let lama = req.session.id {
                try await req.application.sessions.driver.deleteSession(lama, for: req).get()
                req.session.id = nil
            }
            req.session.data = SessionData(initialData: [
                KunciSesi.pengguna: try m.requireID().uuidString,
                KunciSesi.csrf: Acak.rahasia(),
            ])
            return req.redirect(to: lanjut)
        } catch let e as KesalahanHTTP {
            return try await HalamanMasuk.render(req: req, pesan: e.pesan, username: String(username.prefix(64)),
                                                 lanjut: lanjut, status: e.status)
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

    struct PermintaanToken: Content {
        let username: String
        let password: String
    }

    struct JawabanToken: Content {
        let token: String
    }

    @Sendable func tokenAPI(req: Request) async throws -> Response {
        let p = try req.content.decode(PermintaanToken.self)
        let m = try await req.layananMasuk.masuk(username: p.username, kataSandi: p.password, alamatIP: req.alamatIP)
        let (_, token) = try await LayananToken(db: req.db, jam: req.application.jam).terbitkan(untuk: m, nama: "Login API")
        return try await JawabanToken(token: token).encodeResponse(status: .created, for: req)
    }

    @Sendable func sayaAPI(req: Request) async throws -> PenggunaDTO {
        try PenggunaDTO(try req.wajibMasuk().model)
    }
}

struct BerandaController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(use: beranda)
        routes.get("healthz", use: sehat)
    }

    struct Beranda: Encodable {
        let tata: Tata
        let jumlahKecamatan: Int
        let jumlahDesa: Int
        let tanggal: String
    }

    @Sendable func beranda(req: Request) async throws -> Response {
        let jumlah = try await LayananWilayah.jumlah(req.db, dalam: nil)
        return try await req.halaman("beranda", Beranda(
            tata: req.tata("Beranda"),
            jumlahKecamatan: jumlah[Tingkat.kecamatan.rawValue] ?? 0,
            jumlahDesa: jumlah[Tingkat.desa.rawValue] ?? 0,
            tanggal: TanggalIndonesia.panjang(req.sekarang)))
    }

    struct Sehat: Content {
        let status: String
        let basisData: BasisData
        struct BasisData: Content {
            let jenis: String
            let status: String
        }
    }

    /// Liveness and database state; 503 when the database does not answer or its storage can
    /// no longer keep writes (file gone, replaced or read-only: `Penyimpanan`).
    @Sendable func sehat(req: Request) async throws -> Response {
        let jenis = req.application.sikim.jenisBasisData
        if let m = req.application.penyimpanan.masalah() {
            return try await Sehat(status: "gangguan", basisData: .init(jenis: jenis, status: m.rawValue))
                .encodeResponse(status: .serviceUnavailable, for: req)
        }
        do {
            _ = try await WilayahModel.query(on: req.db).limit(1).all(\.$id)
            return try await Sehat(status: "ok", basisData: .init(jenis: jenis, status: "ok")).encodeResponse(for: req)
        } catch {
            req.logger.report(error: error)
            return try await Sehat(status: "gangguan", basisData: .init(jenis: jenis, status: "tidak terhubung"))
                .encodeResponse(status: .serviceUnavailable, for: req)
        }
    }
}
