import SIKIMCore
import SIKIMData
import Vapor

/// The signed-in user's own account: profile, password change, and their tokens.
struct AkunWeb: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get("akun", use: halaman)
        routes.post("akun", "kata-sandi", use: gantiKataSandi)
        routes.post("token", ":token", "cabut", use: cabutToken)
        routes.post("akun", "nomor", use: mintaKode)
        routes.post("akun", "nomor", ":nomor", "hapus", use: lepasNomor)
    }

    /// A number tied to the account (issue 21), or waiting for its code.
    struct BarisNomor: Encodable { let id: String; let nomor: String; let keadaan: String }
    /// A code just made, shown once.
    struct KodeBaru: Encodable { let nomor: String; let kode: String; let berlaku: String }

    struct Konteks: Encodable {
        let tata: Tata
        let csrf: String
        let username: String
        let peran: String
        let token: [BarisToken]
        let adaToken: Bool
        let kesalahan: GalatIsian
        /// Chat numbers: for a pengurus only.
        let bolehNomor: Bool
        let nomor: [BarisNomor]
        let kodeBaru: KodeBaru?
        let nomorLayanan: String?
        let isianNomor: String?
    }

    struct Isian: Content {
        var kataSandiLama: String?
        var kataSandiBaru: String?
        var ulangi: String?

        enum CodingKeys: String, CodingKey {
            case kataSandiLama = "kata_sandi_lama", kataSandiBaru = "kata_sandi_baru", ulangi
        }
    }

    @Sendable func halaman(req: Request) async throws -> Response {
        try await render(req, kesalahan: [:], status: .ok)
    }

    private func render(_ req: Request, kesalahan: GalatIsian, status: HTTPStatus, kodeBaru: KodeBaru? = nil,
                        isianNomor: String? = nil) async throws -> Response {
        let p = try req.wajibMasuk()
        let token = try await LayananToken(l: req.lingkungan).milik(p.aktor.id).map { BarisToken($0, sekarang: req.sekarang) }
        let bolehNomor = Kebijakan.boleh(p.aktor, .hubungkanNomor)
        let nomor = bolehNomor ? try await LayananKanal(l: req.lingkungan, batas: nil).nomor(untuk: p.model).map { n in
            BarisNomor(id: n.id!.uuidString, nomor: NomorTelepon.tampil(n.nomor),
                       keadaan: n.dikonfirmasiPada.map { "Terhubung sejak \(TanggalIndonesia.denganJam($0))" + (n.alamat.map { " lewat \($0.kanal.label)" } ?? "") }
                           ?? "Menunggu kode")
        } : []
        return try await req.halaman("akun", Konteks(tata: req.tata("Akun saya"), csrf: req.tokenCSRF, username: p.model.username,
                                                     peran: p.aktor.peran.label, token: token, adaToken: !token.isEmpty,
                                                     kesalahan: kesalahan, bolehNomor: bolehNomor, nomor: nomor, kodeBaru: kodeBaru,
                                                     nomorLayanan: req.application.sikim.kanal.nomorLayanan, isianNomor: isianNomor), status: status)
    }

    /// A code to send from the phone (`DAFTAR <kode>`): shown once on the page that follows.
    @Sendable func mintaKode(req: Request) async throws -> Response {
        let p = try req.wajibMasuk()
        try req.wajib(.hubungkanNomor)
        let isian = try? req.content.get(String.self, at: "nomor")
        do {
            let (m, kode) = try await LayananKanal(l: req.lingkungan, batas: nil).mintaKode(isian ?? "", untuk: p.model)
            return try await render(req, kesalahan: [:], status: .ok, kodeBaru: KodeBaru(
                nomor: NomorTelepon.tampil(m.nomor), kode: kode, berlaku: TanggalIndonesia.denganJam(m.kodeBerlaku ?? req.sekarang)))
        } catch let e as KesalahanIsian {
            return try await render(req, kesalahan: e.perBidang, status: .unprocessableEntity, isianNomor: isian)
        }
    }

    @Sendable func lepasNomor(req: Request) async throws -> Response {
        let p = try req.wajibMasuk()
        try req.wajib(.hubungkanNomor)
        try await LayananKanal(l: req.lingkungan, batas: nil).lepasNomor(req.parameters.get("nomor", as: UUID.self), untuk: p.model)
        return req.alihkan("/akun#nomor", kilat: "Nomor dilepas dari akun Anda.")
    }

    @Sendable func gantiKataSandi(req: Request) async throws -> Response {
        let p = try req.wajibMasuk()
        let isian = try req.content.decode(Isian.self)
        do {
            try await LayananAkun(l: req.lingkungan).gantiKataSandiSendiri(p.model, lama: isian.kataSandiLama ?? "", baru: isian.kataSandiBaru ?? "",
                                                                           ulangi: isian.ulangi ?? "", alamatIP: req.alamatIP)
        } catch let e as KesalahanIsian {
            return try await render(req, kesalahan: e.perBidang, status: .unprocessableEntity)
        }
        // Changing the password ended every session, this one included: sign in again.
        req.session.destroy()
        return req.redirect(to: "/masuk")
    }

    /// Revokes a token: the owner's from their account page, anyone's from the admin's.
    @Sendable func cabutToken(req: Request) async throws -> Response {
        _ = try req.wajibMasuk()
        guard let id = req.parameters.get("token", as: UUID.self) else { throw TidakDitemukan("Token") }
        let t = try await LayananToken(l: req.lingkungan).cabut(id, oleh: req.aktor)
        return req.alihkan(t.$pengguna.id == req.aktor?.id ? "/akun#token" : "/pengguna/\(t.$pengguna.id)", kilat: "Token \(t.nama) dicabut.")
    }
}

/// A token as a row of the account pages.
struct BarisToken: Encodable {
    let id: String
    let nama: String
    let dibuat: String
    /// Why it no longer works, if it does not: revoked or expired.
    let berakhir: String?
    let berlakuSampai: String?

    init(_ t: TokenAPIModel, sekarang: Date) {
        let habis = t.kedaluwarsaPada.map { $0 <= sekarang } ?? false
        (id, nama, dibuat) = (t.id!.uuidString, t.nama, TanggalIndonesia.denganJam(t.dibuatPada))
        berakhir = t.dicabutPada.map { "Dicabut \(TanggalIndonesia.denganJam($0))" }
            ?? (habis ? t.kedaluwarsaPada.map { "Kedaluwarsa \(TanggalIndonesia.denganJam($0))" } : nil)
        berlakuSampai = t.kedaluwarsaPada.map(TanggalIndonesia.panjang)
    }
}
