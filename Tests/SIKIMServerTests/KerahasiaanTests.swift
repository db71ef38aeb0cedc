import SIKIMData
import Fluent
import SIKIMCore
import XCTest
import XCTVapor
@testable import SIKIMServer

/// What each viewer sees of a laporan: the page and the JSON expose the same fields
/// (`TampilanLaporan`), and a published laporan read by someone outside its scope is read as
/// the public reads it: no reporter beyond the kerahasiaan rules, nothing internal.
final class KerahasiaanTests: XCTestCase {
    var app: Application!
    /// Published, forwarded to DPMPTSP, with a photo, an address and coordinates, in desa 36.04.05.2001.
    var id: String!

    static let peran: [(String, Peran?, wilayah: String?, opd: String?)] = [
        ("admin", .admin, nil, nil), ("verif", .verifikator, nil, nil),
        ("opkec", .operatorKecamatan, "36.04.05", nil), ("opkeclain", .operatorKecamatan, "36.04.06", nil),
        ("opdesa", .operatorDesa, "36.04.05.2001", nil), ("dpmptsp", .opd, nil, "dpmptsp"), ("bpbd", .opd, nil, "bpbd"),
        ("pengurus", .pengurusKim, nil, nil), ("kimlain", .pengurusKim, nil, nil), ("publik", nil, nil, nil),
    ]

    override func setUp() async throws {
        app = try await Uji.app()
        let kim = try await Uji.kim(app, "36.04.05.2001", lengkap: true)
        let kimLain = try await Uji.kim(app, "36.04.06.2001", lengkap: true)
        for (u, p, w, o) in Self.peran where u != "admin" {
            guard let p else { continue }
            try await Uji.pengguna(app, u, p, wilayah: w, opd: o, kim: p == .pengurusKim ? (u == "pengurus" ? kim : kimLain) : nil)
        }
        let pengurus = Peramban(app)
        try await pengurus.masuk("pengurus", "sandiuji12345")
        try await pengurus.get("/laporan/baru?kategori=infrastruktur")
        let kirim = try await pengurus.unggah("/laporan", berkas: GambarUji.jpegExif, namaBerkas: "jalan.jpg", tipe: "image/jpeg", bidang: [
            "kategori": "infrastruktur", "judul": "Jalan amblas", "isi": "Jalan di depan rumah saya amblas.", "kode_wilayah": "36.04.05.2001",
            "alamat": "Jl. Melati 7, RT 02", "lat": "-6.0612", "lon": "106.1234", "kerahasiaan": "anonim_publik", "sumber": "pengamatan_langsung",
            "waktu_kejadian": "2024-05-15T08:00", "kunci": "k-1",
        ], namaBidang: "foto[]")
        XCTAssertEqual(kirim.status, .seeOther, kirim.body.string)
        let l = try await XCTUnwrapAsync(await LaporanModel.query(on: app.db).first())
        id = l.id!.uuidString
        let v = try await KlienAPI.masuk(app, "verif", "sandiuji12345")
        for json in [#"{"ke":"valid","metode":"cek_lapangan","catatan":"dicek petugas"}"#,
                     #"{"ke":"diteruskan","opd":["dpmptsp"],"catatan":"mohon diperiksa"}"#, #"{"ke":"dipublikasikan"}"#] {
            let r = try await v.kirim(.POST, "/api/v1/laporan/\(id!)/transisi", json: json)
            XCTAssertEqual(r.status, .ok, r.body.string)
        }
    }

    override func tearDown() async throws { try await Uji.tutup(app) }

    func klien(_ u: String) async throws -> (KlienAPI, Peramban) {
        let b = Peramban(app)
        guard u != "publik" else { return (KlienAPI(app: app), b) }
        try await b.masuk(u, u == "admin" ? Uji.sandiAdmin : "sandiuji12345")
        return (try await KlienAPI.masuk(app, u, u == "admin" ? Uji.sandiAdmin : "sandiuji12345"), b)
    }

    static func bidangHTML(_ html: String) -> Set<String> {
        let r = try! NSRegularExpression(pattern: #"data-bidang="([^"]+)""#)
        return Set(r.matches(in: html, range: NSRange(html.startIndex..., in: html)).flatMap {
            html[Range($0.range(at: 1), in: html)!].split(separator: " ").map(String.init)
        })
    }

    /// For every role and the public: the page's fields are the JSON's, both are what
    /// `TampilanLaporan` gives, and those outside the laporan's scope get the public's.
    func testHalamanDanJSONMenampilkanBidangYangSama() async throws {
        let dalam = ["admin", "verif", "opkec", "opdesa", "dpmptsp", "pengurus"]
        for (u, _, _, _) in Self.peran {
            // setup
            let (api, web) = try await klien(u)
            // act
            let html = try await web.get("/laporan/\(id!)")
            let json = try await api.kirim(.GET, "/api/v1/laporan/\(id!)")
            let riwayat = try await api.kirim(.GET, "/api/v1/laporan/\(id!)/riwayat")
            // check
            XCTAssertEqual(html.status, .ok, u)
            XCTAssertEqual(json.status, .ok, u)
            var kunci = Set(try json.json().keys)
            if riwayat.status == .ok { kunci.insert("riwayat") } else { XCTAssertEqual(riwayat.status, .notFound, u) }
            XCTAssertEqual(Self.bidangHTML(html.body.string), kunci, "\(u): page and JSON")
            // No outcome yet (`hasil` is absent for all); anonim_publik: no reporter for the public.
            // (sent through the API: no time written on a phone, no chat number)
            let semua = Set(TampilanLaporan.Bidang.allCases.map(\.nama)).subtracting(["hasil", "ditulis_pada", "nomor_pengirim"])
            let publik = Set(TampilanLaporan.Bidang.publik.map(\.nama)).subtracting(["pelapor", "hasil"])
            if dalam.contains(u) {
                XCTAssertEqual(kunci, semua, "\(u) is in scope")
            } else {
                XCTAssertEqual(kunci, publik, "\(u) reads a published laporan as the public does: no reporter (anonim_publik), nothing internal")
            }
            for rahasia in ["Jl. Melati", "106.1234", "Nama pengurus", "mohon diperiksa", "Pengamatan langsung", "pengamatan_langsung"]
            where !dalam.contains(u) {
                XCTAssertFalse(html.body.string.contains(rahasia), "\(u) page: \(rahasia)")
                XCTAssertFalse(json.body.string.contains(rahasia), "\(u) JSON: \(rahasia)")
            }
        }
    }

    /// Out-of-scope signed-in users read the published list and each item as the public does:
    /// the list links to a page that answers, without the reporter's name.
    func testDiLuarCakupanMembacaInformasiSepertiPublik() async throws {
        let nama = "Nama pengurus"
        for u in ["kimlain", "bpbd", "opkeclain", "publik"] {
            let (api, web) = try await klien(u)
            let daftar = try await web.get("/informasi")
            XCTAssertTrue(daftar.body.string.contains("/informasi/\(id!)") || daftar.body.string.contains("/laporan/\(id!)"), u)
            XCTAssertFalse(daftar.body.string.contains(nama), u)
            let detail = try await web.get("/informasi/\(id!)")
            XCTAssertEqual(detail.status, .ok, u)
            XCTAssertFalse(detail.body.string.contains(nama), u)
            XCTAssertFalse(detail.body.string.contains(#"name="aksi""#), "\(u): no actions")
            let publik = try await api.kirim(.GET, "/api/v1/laporan?status=dipublikasikan")
            XCTAssertFalse(publik.body.string.contains(nama), u)
            let riwayat = try await api.kirim(.GET, "/api/v1/laporan/\(id!)/riwayat")
            XCTAssertEqual(riwayat.status, .notFound, "\(u): the timeline is internal")
        }
        // Those in scope still see the reporter (anonim_publik hides them from the public only).
        let (_, opdesa) = try await klien("opdesa")
        let detail = try await opdesa.get("/informasi/\(id!)")
        XCTAssertTrue(detail.body.string.contains(nama))
    }

    /// For every role and the public: a KIM's page and its JSON expose the same fields
    /// (`TampilanKim`): whole within the viewer's scope, as the public directory shows it to
    /// everyone else, never its people or contacts.
    func testKimHalamanDanJSONMenampilkanBidangYangSama() async throws {
        // setup: an active KIM with every field filled
        let kim = try await XCTUnwrapAsync(await KimModel.query(on: app.db).filter(\.$kodeWilayah == "36.04.05.2001").first())
        let admin = try await XCTUnwrapAsync(try await LayananAkun(l: app.lingkungan).cari(username: "admin")).pelaku()
        var isian = IsianKim()
        (isian.alamat, isian.email, isian.telepon, isian.fokus) = ("Jl. Kenanga 3", "kim@contoh.id", "0812-9999-0000", ["pariwisata"])
        try await Uji.layananKim(app).ubah(kim, isian)
        let sk = DataTransisi(catatan: "sah", nomorSK: "141/7", tanggalSK: Tanggal(iso: "2024-05-16"))
        for a in [AksiKim.ajukan, .sahkanDesa, .sahkanKecamatan] { _ = try await Uji.layananKim(app).transisi(kim, aksi: a, data: sk, oleh: admin) }
        let id = kim.id!.uuidString
        let dalam = ["admin", "verif", "opkec", "opdesa", "pengurus"]
        for (u, _, _, _) in Self.peran {
            let (api, web) = try await klien(u)
            // act
            let html = try await web.get(dalam.contains(u) ? "/kim/\(id)" : "/direktori/\(id)")
            let json = try await api.kirim(.GET, "/api/v1/kim/\(id)")
            // check
            XCTAssertEqual(html.status, .ok, u)
            XCTAssertEqual(json.status, .ok, u)
            let kunci = Set(try json.json().keys)
            XCTAssertEqual(Self.bidangHTML(html.body.string), kunci, "\(u): page and JSON")
            XCTAssertEqual(kunci, Set((dalam.contains(u) ? Set(TampilanKim.Bidang.allCases) : TampilanKim.Bidang.publik).map(\.nama)), u)
            for rahasia in ["Jl. Kenanga", "kim@contoh.id", "0812", "Ahmad Fauzi"] where !dalam.contains(u) {
                XCTAssertFalse(html.body.string.contains(rahasia), "\(u) page: \(rahasia)")
                XCTAssertFalse(json.body.string.contains(rahasia), "\(u) JSON: \(rahasia)")
            }
        }
        // Whoever may read it whole is sent from the public page to the full one.
        let (_, opdesa) = try await klien("opdesa")
        let publik = try await opdesa.get("/direktori/\(id)")
        XCTAssertEqual(publik.status, .seeOther)
    }
}
