import SIKIMData
import Fluent
import SIKIMCore
import XCTest
import XCTVapor
@testable import SIKIMServer

final class PenggunaTests: XCTestCase {
    var app: Application!

    override func setUp() async throws { app = try await Uji.app() }
    override func tearDown() async throws { try await Uji.tutup(app) }

    func adminBrowser() async throws -> Peramban {
        let b = Peramban(app)
        let res = try await b.masuk("admin", Uji.sandiAdmin)
        XCTAssertEqual(res.status, .seeOther)
        return b
    }

    func testAdminMembuatOperatorLewatFormulir() async throws {
        let b = try await adminBrowser()
        let form = try await b.get("/pengguna/baru")
        XCTAssertEqual(form.status, .ok)
        XCTAssertTrue(form.body.string.contains(#"<option value="36.04.05">Kecamatan Kramatwatu (36.04.05)</option>"#))
        let res = try await b.post("/pengguna", ["username": "op.kramatwatu", "nama": "Siti Aminah", "kata_sandi": "sandiawal12345",
                                                 "peran": "operator_kecamatan", "kode_wilayah": "36.04.05", "kode_opd": ""])
        XCTAssertEqual(res.status, .seeOther)
        let lokasi = try XCTUnwrap(res.headers.first(name: .location))
        let detail = try await b.get(lokasi)
        XCTAssertTrue(detail.body.string.contains("Pengguna op.kramatwatu dibuat."))
        XCTAssertTrue(detail.body.string.contains(#"<dd id="detail-peran">Operator Kecamatan</dd>"#))
        XCTAssertTrue(detail.body.string.contains("Kecamatan Kramatwatu"))
        // the new operator can sign in
        let op = try await Peramban(app).masuk("op.kramatwatu", "sandiawal12345")
        XCTAssertEqual(op.status, .seeOther)
    }

    func testFormulirSalahMenampilkanPesanDiSampingBidangTanpaKehilanganIsian() async throws {
        let b = try await adminBrowser()
        try await b.get("/pengguna/baru")
        let res = try await b.post("/pengguna", ["username": "Op Salah!", "nama": "Budi Santoso", "kata_sandi": "pendek",
                                                 "peran": "operator_desa", "kode_wilayah": "36.04.05", "kode_opd": ""])
        XCTAssertEqual(res.status, .unprocessableEntity)
        let html = res.body.string
        XCTAssertTrue(html.contains(#"<p class="pesan-galat" id="galat-username">Nama pengguna hanya boleh"#))
        XCTAssertTrue(html.contains(#"<p class="pesan-galat" id="galat-kata_sandi">Kata sandi minimal 10 karakter.</p>"#))
        XCTAssertTrue(html.contains(#"id="galat-kode_wilayah">Kode 36.04.05 bukan kode desa yang valid.</p>"#))
        XCTAssertTrue(html.contains(#"value="Budi Santoso""#), "entered values are kept")
        XCTAssertTrue(html.contains(#"<option value="operator_desa" selected>"#))
        XCTAssertFalse(html.contains("pendek"), "the password is never echoed back")
        let jumlah = try await PenggunaModel.query(on: app.db).count()
        XCTAssertEqual(jumlah, 1)
    }

    func testUsernameGandaDanWilayahTakDikenal() async throws {
        let k = try await KlienAPI.masuk(app, "admin", Uji.sandiAdmin)
        let ganda = try await k.kirim(.POST, "/api/v1/pengguna",
                                      json: #"{"username":"ADMIN","nama":"X","kata_sandi":"sandiuji12345","peran":"verifikator"}"#)
        XCTAssertEqual(ganda.status, .unprocessableEntity)
        XCTAssertEqual(try ganda.pesanKesalahan(), "Nama pengguna admin sudah dipakai.")
        let asing = try await k.kirim(.POST, "/api/v1/pengguna",
                                      json: #"{"username":"opx","nama":"X","kata_sandi":"sandiuji12345","peran":"operator_kecamatan","kode_wilayah":"36.04.99"}"#)
        XCTAssertEqual(asing.status, .unprocessableEntity)
        XCTAssertEqual(try asing.pesanKesalahan(), "Wilayah 36.04.99 tidak ada di Kabupaten Serang.")
        let opd = try await k.kirim(.POST, "/api/v1/pengguna",
                                    json: #"{"username":"opdx","nama":"X","kata_sandi":"sandiuji12345","peran":"opd","kode_opd":"tidakada"}"#)
        XCTAssertEqual(try opd.pesanKesalahan(), "OPD tidakada tidak dikenal atau tidak aktif.")
        let panjang = try await k.kirim(.POST, "/api/v1/pengguna",
                                        json: #"{"username":"abc","nama":"\#(String(repeating: "n", count: 5000))","kata_sandi":"sandiuji12345","peran":"verifikator"}"#)
        XCTAssertEqual(panjang.status, .unprocessableEntity)
        XCTAssertEqual(try panjang.pesanKesalahan(), "Nama lengkap paling banyak 100 karakter.")
        let peran = try await k.kirim(.POST, "/api/v1/pengguna", json: #"{"username":"abc","nama":"A","kata_sandi":"sandiuji12345","peran":"raja"}"#)
        XCTAssertEqual(peran.status, .unprocessableEntity)
        XCTAssertEqual(try peran.kodeKesalahan(), "isian_tidak_valid")
        let jumlah = try await PenggunaModel.query(on: app.db).count()
        XCTAssertEqual(jumlah, 1)
    }

    /// Operators see users of their own area only; anyone else does not exist for them.
    func testCakupanOperatorKecamatanDanDesa() async throws {
        try await Uji.pengguna(app, "opkec.a", .operatorKecamatan, wilayah: "36.04.05")
        try await Uji.pengguna(app, "opdesa.a", .operatorDesa, wilayah: "36.04.05.2001")
        let pengurusA = try await Uji.pengguna(app, "pengurus.a", .pengurusKim, kim: try await Uji.kim(app, "36.04.05.2001"))
        let pengurusA2 = try await Uji.pengguna(app, "pengurus.a2", .pengurusKim, kim: try await Uji.kim(app, "36.04.05.2002"))
        let opdesaB = try await Uji.pengguna(app, "opdesa.b", .operatorDesa, wilayah: "36.04.06.2001")
        try await Uji.pengguna(app, "verif", .verifikator)

        let kec = try await KlienAPI.masuk(app, "opkec.a", "sandiuji12345")
        let lihatKec = try await kec.kirim(.GET, "/api/v1/pengguna").data().compactMap { $0["username"] as? String }
        XCTAssertEqual(lihatKec, ["opdesa.a", "pengurus.a", "pengurus.a2"])
        let luar = try await kec.kirim(.GET, "/api/v1/pengguna/\(opdesaB.id!)")
        XCTAssertEqual(luar.status, .notFound)

        let desa = try await KlienAPI.masuk(app, "opdesa.a", "sandiuji12345")
        let lihatDesa = try await desa.kirim(.GET, "/api/v1/pengguna").data().compactMap { $0["username"] as? String }
        XCTAssertEqual(lihatDesa, ["pengurus.a"])
        let sendiri = try await desa.kirim(.GET, "/api/v1/pengguna/\(pengurusA.id!)")
        XCTAssertEqual(sendiri.status, .ok)
        let tetangga = try await desa.kirim(.GET, "/api/v1/pengguna/\(pengurusA2.id!)")
        XCTAssertEqual(tetangga.status, .notFound)

        // the same scope in the browser
        let b = Peramban(app)
        try await b.masuk("opdesa.a", "sandiuji12345")
        let html = try await b.get("/pengguna").body.string
        XCTAssertTrue(html.contains(">pengurus.a</a>"))
        XCTAssertFalse(html.contains(">pengurus.a2</a>"))
        XCTAssertFalse(html.contains(">admin</a>"))
        XCTAssertFalse(html.contains("Tambah pengguna"))
        let halamanLuar = try await b.get("/pengguna/\(pengurusA2.id!)")
        XCTAssertEqual(halamanLuar.status, .notFound)
        // and an operator may not create accounts
        let buat = try await desa.kirim(.POST, "/api/v1/pengguna",
                                        json: #"{"username":"baru","nama":"B","kata_sandi":"sandiuji12345","peran":"pengurus_kim","kode_wilayah":"36.04.05.2001"}"#)
        XCTAssertEqual(buat.status, .forbidden)
        XCTAssertEqual(try buat.kodeKesalahan(), "dilarang")
    }

    func testPengurusDanOPDTidakMelihatDaftarPengguna() async throws {
        try await Uji.pengguna(app, "pengurus.a", .pengurusKim, kim: try await Uji.kim(app, "36.04.05.2001"))
        try await Uji.pengguna(app, "petugas.bpbd", .opd, opd: "bpbd")
        for u in ["pengurus.a", "petugas.bpbd"] {
            let k = try await KlienAPI.masuk(app, u, "sandiuji12345")
            let res = try await k.kirim(.GET, "/api/v1/pengguna")
            XCTAssertEqual(res.status, .forbidden, u)
            let b = Peramban(app)
            try await b.masuk(u, "sandiuji12345")
            let html = try await b.get("/").body.string
            XCTAssertFalse(html.contains(#"href="/pengguna""#), "menu hides what the role may not use")
            let halaman = try await b.get("/pengguna")
            XCTAssertEqual(halaman.status, .forbidden)
        }
    }

    func testAdminMengubahMenonaktifkanDanMenyetelUlangLewatAPI() async throws {
        let k = try await KlienAPI.masuk(app, "admin", Uji.sandiAdmin)
        let buat = try await k.kirim(.POST, "/api/v1/pengguna",
                                     json: #"{"username":"opdesa","nama":"Dedi","kata_sandi":"sandiuji12345","peran":"operator_desa","kode_wilayah":"36.04.05.2001"}"#)
        XCTAssertEqual(buat.status, .created)
        let id = try XCTUnwrap(try buat.json()["id"] as? String)
        XCTAssertEqual(try buat.json()["kode_wilayah"] as? String, "36.04.05.2001")

        let pindah = try await k.kirim(.PATCH, "/api/v1/pengguna/\(id)", json: #"{"kode_wilayah":"36.04.06.2001","nama":"Dedi S."}"#)
        XCTAssertEqual(pindah.status, .ok, pindah.body.string)
        XCTAssertEqual(try pindah.json()["kode_wilayah"] as? String, "36.04.06.2001")
        XCTAssertEqual(try pindah.json()["nama"] as? String, "Dedi S.")
        let salah = try await k.kirim(.PATCH, "/api/v1/pengguna/\(id)", json: #"{"kode_wilayah":"36.04.06"}"#)
        XCTAssertEqual(salah.status, .unprocessableEntity)

        let op = try await KlienAPI.masuk(app, "opdesa", "sandiuji12345")
        let dipakai = try await op.kirim(.GET, "/api/v1/saya")
        XCTAssertEqual(dipakai.status, .ok, "used once, so its account is in the token cache")
        let setel = try await k.kirim(.POST, "/api/v1/pengguna/\(id)/kata-sandi", json: #"{"kata_sandi":"sandibaru12345"}"#)
        XCTAssertEqual(setel.status, .noContent)
        let lama = try await op.kirim(.GET, "/api/v1/saya")
        XCTAssertEqual(lama.status, .unauthorized, "a reset ends the user's tokens")
        let pendek = try await k.kirim(.POST, "/api/v1/pengguna/\(id)/kata-sandi", json: #"{"kata_sandi":"x"}"#)
        XCTAssertEqual(pendek.status, .unprocessableEntity)

        let opBaru = try await KlienAPI.masuk(app, "opdesa", "sandibaru12345")
        let dipakaiLagi = try await opBaru.kirim(.GET, "/api/v1/saya")
        XCTAssertEqual(dipakaiLagi.status, .ok)
        _ = try await k.kirim(.PATCH, "/api/v1/pengguna/\(id)", json: #"{"nama":"Dedi Baru"}"#)
        let diubah = try await opBaru.kirim(.GET, "/api/v1/saya")
        XCTAssertEqual(try diubah.json()["nama"] as? String, "Dedi Baru", "a change to the account shows at once")
        let nonaktif = try await k.kirim(.PATCH, "/api/v1/pengguna/\(id)", json: #"{"aktif":false}"#)
        XCTAssertEqual(try nonaktif.json()["aktif"] as? Bool, false)
        let sesudahNonaktif = try await opBaru.kirim(.GET, "/api/v1/saya")
        XCTAssertEqual(sesudahNonaktif.status, .unauthorized, "deactivation ends a cached token at once")
        let masuk = try await KlienAPI(app: app).kirim(.POST, "/api/v1/token", json: #"{"username":"opdesa","password":"sandibaru12345"}"#)
        // The right password of a deactivated account answers as a wrong one: a refusal that only
        // the right password earns would tell that it is right.
        XCTAssertEqual(masuk.status, .unauthorized)
        XCTAssertEqual(try masuk.kodeKesalahan(), "login_gagal")
    }

    func testAdminTerakhirTidakDapatDinonaktifkanAtauDiturunkan() async throws {
        let b = try await adminBrowser()
        let adminAda = try await PenggunaModel.query(on: app.db).filter(\.$username == "admin").first()
        let admin = try XCTUnwrap(adminAda)
        try await b.get("/pengguna/\(admin.id!)")
        let res = try await b.post("/pengguna/\(admin.id!)/status", ["aktif": "0"])
        XCTAssertEqual(res.status, .unprocessableEntity)
        XCTAssertTrue(res.body.string.contains("Admin aktif terakhir tidak dapat dinonaktifkan."))
        let k = try await KlienAPI.masuk(app, "admin", Uji.sandiAdmin)
        let turun = try await k.kirim(.PATCH, "/api/v1/pengguna/\(admin.id!)", json: #"{"peran":"verifikator"}"#)
        XCTAssertEqual(turun.status, .unprocessableEntity)
        let tetap = try await PenggunaModel.find(admin.id, on: app.db)
        XCTAssertEqual(tetap?.aktif, true)
        XCTAssertEqual(tetap?.peran, "admin")
    }

    func testNonaktifkanLewatBrowserMengakhiriSesiPengguna() async throws {
        let v = try await Uji.pengguna(app, "verif", .verifikator)
        let korban = Peramban(app)
        try await korban.masuk("verif", "sandiuji12345")
        let awal = try await korban.get("/pengguna")
        XCTAssertEqual(awal.status, .ok)
        let b = try await adminBrowser()
        try await b.get("/pengguna/\(v.id!)")
        let res = try await b.post("/pengguna/\(v.id!)/status", ["aktif": "0"])
        XCTAssertEqual(res.status, .seeOther)
        let sesudah = try await korban.get("/pengguna")
        XCTAssertEqual(sesudah.status, .unauthorized)
    }

    func testTokenDiterbitkanDanDicabutDariHalamanPengguna() async throws {
        let v = try await Uji.pengguna(app, "verif", .verifikator)
        let b = try await adminBrowser()
        try await b.get("/pengguna/\(v.id!)")
        let terbit = try await b.post("/pengguna/\(v.id!)/token", ["nama": "Aplikasi Android"])
        XCTAssertEqual(terbit.status, .created)
        let html = terbit.body.string
        let r = try XCTUnwrap(html.range(of: #"<code id="token-baru">[^<]+</code>"#, options: .regularExpression))
        let token = String(html[r].dropFirst(#"<code id="token-baru">"#.count).dropLast("</code>".count))
        let klien = KlienAPI(app: app, token: token)
        let saya = try await klien.kirim(.GET, "/api/v1/saya")
        XCTAssertEqual(try saya.json()["username"] as? String, "verif")
        let tAda = try await TokenAPIModel.query(on: app.db).filter(\.$nama == "Aplikasi Android").first()
        let t = try XCTUnwrap(tAda)
        let cabut = try await b.post("/token/\(t.id!)/cabut", [:])
        XCTAssertEqual(cabut.status, .seeOther)
        let sesudah = try await klien.kirim(.GET, "/api/v1/saya")
        XCTAssertEqual(sesudah.status, .unauthorized)
        // the page no longer shows the token
        let lagi = try await b.get("/pengguna/\(v.id!)").body.string
        XCTAssertFalse(lagi.contains(token))
        XCTAssertTrue(lagi.contains("Dicabut"))
    }

    func testIdPenggunaBurukMemberi404() async throws {
        let k = try await KlienAPI.masuk(app, "admin", Uji.sandiAdmin)
        for path in ["/api/v1/pengguna/bukan-uuid", "/api/v1/pengguna/\(UUID())"] {
            let res = try await k.kirim(.GET, path)
            XCTAssertEqual(res.status, .notFound, path)
            XCTAssertEqual(try res.pesanKesalahan(), "Pengguna tidak ditemukan.")
        }
        let publik = try await KlienAPI(app: app).kirim(.GET, "/api/v1/pengguna/\(UUID())")
        XCTAssertEqual(publik.status, .unauthorized)
    }
}

final class OPDTests: XCTestCase {
    var app: Application!

    override func setUp() async throws { app = try await Uji.app() }
    override func tearDown() async throws { try await Uji.tutup(app) }

    func testOPDAwalTersediaUntukPublik() async throws {
        let res = try await app.sendRequest(.GET, "/api/v1/opd?limit=100")
        let kode = try res.data().compactMap { $0["kode"] as? String }
        for k in ["diskominfosatik", "dispar", "dpmptsp", "dpupr", "satpolpp", "dlh", "dinkes", "dindik", "dinsos", "bpbd", "dpmd"] {
            XCTAssertTrue(kode.contains(k), k)
        }
        let html = try await app.sendRequest(.GET, "/opd").body.string
        XCTAssertTrue(html.contains("Dinas Pariwisata"))
        XCTAssertFalse(html.contains("Tambah OPD"))
    }

    func testAdminMengelolaOPDLewatBrowser() async throws {
        let b = Peramban(app)
        try await b.masuk("admin", Uji.sandiAdmin)
        try await b.get("/opd")
        let tambah = try await b.post("/opd", ["kode": "dishub", "nama": "Dinas Perhubungan"])
        XCTAssertEqual(tambah.status, .seeOther)
        let ganda = try await b.post("/opd", ["kode": "dishub", "nama": "Dinas Lain"])
        XCTAssertEqual(ganda.status, .unprocessableEntity)
        XCTAssertTrue(ganda.body.string.contains("Kode OPD dishub sudah dipakai."))
        let ganti = try await b.post("/opd/dishub", ["nama": "Dinas Perhubungan Kabupaten Serang"])
        XCTAssertEqual(ganti.status, .seeOther)
        let mati = try await b.post("/opd/dishub", ["aktif": "0"])
        XCTAssertEqual(mati.status, .seeOther)
        let mAda = try await OPDModel.find("dishub", on: app.db)
        let m = try XCTUnwrap(mAda)
        XCTAssertEqual(m.nama, "Dinas Perhubungan Kabupaten Serang")
        XCTAssertFalse(m.aktif)
        // the public no longer sees a deactivated OPD
        let publik = try await app.sendRequest(.GET, "/api/v1/opd?limit=100").data().compactMap { $0["kode"] as? String }
        XCTAssertFalse(publik.contains("dishub"))
    }

    func testOPDLewatAPIHanyaUntukAdmin() async throws {
        let admin = try await KlienAPI.masuk(app, "admin", Uji.sandiAdmin)
        let buat = try await admin.kirim(.POST, "/api/v1/opd", json: #"{"kode":"dishub","nama":"Dinas Perhubungan"}"#)
        XCTAssertEqual(buat.status, .created)
        let ubah = try await admin.kirim(.PATCH, "/api/v1/opd/dishub", json: #"{"aktif":false}"#)
        XCTAssertEqual(try ubah.json()["aktif"] as? Bool, false)
        let buruk = try await admin.kirim(.POST, "/api/v1/opd", json: #"{"kode":"x y","nama":""}"#)
        XCTAssertEqual(buruk.status, .unprocessableEntity)
        XCTAssertEqual(Set(try XCTUnwrap((try buruk.json()["error"] as? [String: Any])?["rincian"] as? [[String: Any]])
            .compactMap { $0["bidang"] as? String }), ["kode", "nama"])
        let hilang = try await admin.kirim(.PATCH, "/api/v1/opd/tidakada", json: #"{"aktif":false}"#)
        XCTAssertEqual(hilang.status, .notFound)

        try await Uji.pengguna(app, "verif", .verifikator)
        let verif = try await KlienAPI.masuk(app, "verif", "sandiuji12345")
        let dilarang = try await verif.kirim(.POST, "/api/v1/opd", json: #"{"kode":"disdik","nama":"Dinas"}"#)
        XCTAssertEqual(dilarang.status, .forbidden)
        let publik = try await KlienAPI(app: app).kirim(.PATCH, "/api/v1/opd/dishub", json: #"{"aktif":true}"#)
        XCTAssertEqual(publik.status, .unauthorized)
    }
}
