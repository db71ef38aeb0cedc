import SIKIMData
import SIKIMCore
import Vapor

/// What every page's layout needs: title, the signed-in user, the menu the role may use,
/// the CSRF token for the logout form, and a one-time notice.
struct Tata: Encodable {
    struct Pengguna: Encodable {
        let nama: String
        let peran: String
    }
    struct ItemMenu: Encodable {
        let label: String
        let href: String
        let aktif: Bool
    }

    let judul: String
    let pengguna: Pengguna?
    let menu: [ItemMenu]
    let csrf: String?
    let kilat: String?
    let notifikasi: Int?
    /// The deployment's name ("Kabupaten Serang") and office, from the configuration.
    let daerah: String
    let kantor: String
    /// A pengurus's pages carry the phone app (issue 20): its manifest, service worker and outbox.
    let aplikasi: Bool
    /// Which account the phone app sends an item as (only on those pages).
    let idPengguna: String?

    /// Menu entries and the action each one needs; the policy decides what a role sees.
    static let daftarMenu: [(label: String, href: String, tindakan: Tindakan)] = [
        ("Informasi", "/informasi", .lihatDirektoriKim),
        ("Laporan", "/laporan", .lihatDaftarLaporan),
        ("Diseminasi", "/diseminasi", .lihatDaftarKim),
        ("Direktori KIM", "/direktori", .lihatDirektoriKim),
        ("KIM", "/kim", .lihatDaftarKim),
        ("Dasbor", "/dasbor", .lihatDasborPembentukan),
        ("Wilayah", "/wilayah", .lihatWilayah),
        ("OPD", "/opd", .lihatOPD),
        ("Pengguna", "/pengguna", .lihatDaftarPengguna),
        ("Pengaturan", "/pengaturan", .lihatPengaturan),
    ]
}

private enum KunciKilat { static let nama = "kilat" }

extension Request {
    func tata(_ judul: String) -> Tata {
        let p = pengguna
        var menu = [Tata.ItemMenu(label: "Beranda", href: "/", aktif: url.path == "/")]
        for m in Tata.daftarMenu where Kebijakan.boleh(aktor, m.tindakan) {
            menu.append(.init(label: m.label, href: m.href, aktif: url.path.hasPrefix(m.href)))
        }
        if application.sikim.kanal.adaYangAktif, Kebijakan.boleh(aktor, .olahPesanKanal) {
            menu.append(.init(label: "Pesan masuk", href: "/pesan-masuk", aktif: url.path.hasPrefix("/pesan-masuk")))
        }
        let aplikasi = p?.aktor.peran == .pengurusKim
        if aplikasi { menu.append(.init(label: "Aplikasi", href: "/aplikasi", aktif: url.path.hasPrefix("/aplikasi"))) }
        if p != nil { menu.append(.init(label: "Akun saya", href: "/akun", aktif: url.path.hasPrefix("/akun"))) }
        var kilat: String?
        if hasSession, let k = session.data[KunciKilat.nama] {
            kilat = k
            session.data[KunciKilat.nama] = nil
        }
        return Tata(judul: judul,
                    pengguna: p.map { .init(nama: $0.model.nama, peran: $0.aktor.peran.label) },
                    menu: menu,
                    csrf: p == nil ? nil : tokenCSRF,
                    kilat: kilat,
                    notifikasi: notifikasiBelumDibaca,
                    daerah: application.sikim.daerah.nama,
                    kantor: application.sikim.daerah.kantor,
                    aplikasi: aplikasi, idPengguna: aplikasi ? p?.model.id?.uuidString : nil)
    }

    /// A notice shown once on the next page (after a redirect).
    func kilat(_ pesan: String) {
        session.data[KunciKilat.nama] = pesan
    }

    /// Renders a page from its typed context.
    func halaman(_ template: String, _ konteks: some Encodable, status: HTTPStatus = .ok) async throws -> Response {
        let res = try await view.render(template, konteks).encodeResponse(for: self)
        res.status = status
        return res
    }

    /// Post/Redirect/Get after a successful form.
    func alihkan(_ ke: String, kilat pesan: String? = nil) -> Response {
        if let pesan { kilat(pesan) }
        return redirect(to: ke, redirectType: .normal)
    }
}

/// One option of a select field.
struct Pilihan: Encodable {
    let nilai: String
    let label: String
    var grup: String? = nil
}

/// Form errors keyed by field name, for messages next to each field.
typealias GalatIsian = [String: String]

extension KesalahanIsian {
    var perBidang: GalatIsian {
        Dictionary(butir.map { ($0.bidang, $0.pesan) }, uniquingKeysWith: { a, _ in a })
    }
}

enum HalamanKesalahan {
    struct Galat: Encodable {
        let tata: Tata
        let status: Int
        let pesan: String
    }

    static func render(_ k: KesalahanTampil, req: Request) async throws -> Response {
        if k.status == .unauthorized {
            let tersimpan = req.method == .POST && req.hasSession && req.session.data[KunciSesi.kiriman] != nil
            let lanjut = req.method == .GET ? req.url.string : tersimpan ? LanjutkanWeb.jalur : "/"
            let pesan = tersimpan ? k.pesan + " Isian Anda sudah tersimpan dan akan ditampilkan lagi setelah Anda masuk." : k.pesan
            return try await HalamanMasuk.render(req: req, pesan: pesan, username: "", lanjut: lanjut, status: .unauthorized)
        }
        let judul = k.status == .notFound ? "Tidak ditemukan" : "Terjadi kesalahan"
        return try await req.halaman("galat", Galat(tata: req.tata(judul), status: Int(k.status.code), pesan: k.pesan), status: k.status)
    }
}

enum HalamanMasuk {
    struct Konteks: Encodable {
        let tata: Tata
        let csrf: String
        let pesan: String?
        let username: String
        let lanjut: String
    }

    static func render(req: Request, pesan: String?, username: String, lanjut: String, status: HTTPStatus) async throws -> Response {
        try await req.halaman("masuk", Konteks(tata: req.tata("Masuk"), csrf: req.tokenCSRF, pesan: pesan,
                                               username: username, lanjut: lanjut), status: status)
    }
}
