import SIKIMData
import Fluent
import SIKIMCore
import SQLKit
import XCTest
import XCTVapor
@testable import SIKIMServer

final class AutentikasiTests: XCTestCase {
    var app: Application!
    let jam = JamUji()

    override func setUp() async throws { app = try await Uji.app(jam: jam) }
    override func tearDown() async throws { try await Uji.tutup(app) }

    func testMasukBerhasilMemutarIdSesiDanMenyimpanSesiDiBasisData() async throws {
        let b = Peramban(app)
        try await b.get("/masuk")
        let sebelum = try XCTUnwrap(b.cookies["sikim_sesi"], "login page starts a session for its CSRF token")
        let res = try await b.post("/masuk", ["username": "admin", "kata_sandi": Uji.sandiAdmin, "lanjut": "/pengguna"])
        XCTAssertEqual(res.status, .seeOther)
        XCTAssertEqual(res.headers.first(name: .location), "/pengguna")
        let sesudah = try XCTUnwrap(b.cookies["sikim_sesi"])
        XCTAssertNotEqual(sebelum, sesudah)
        // the old session is gone, the new one is a row owned by the admin
        let lama = try await SesiModel.find(sebelum, on: app.db)
        XCTAssertNil(lama)
        let baruAda = try await SesiModel.find(sesudah, on: app.db)
        let baru = try XCTUnwrap(baruAda)
        let adminAda = try await PenggunaModel.query(on: app.db).filter(\.$username == "admin").first()
        let admin = try XCTUnwrap(adminAda)
        XCTAssertEqual(baru.penggunaID, admin.id?.uuidString)
        let halaman = try await b.get("/pengguna")
        XCTAssertEqual(halaman.status, .ok)
        XCTAssertTrue(halaman.body.string.contains("Administrator Kabupaten"))
    }

    func testCookieSesiHttpOnlyDanSameSiteLax() async throws {
        let res = try await Peramban(app).get("/masuk")
        let set = try XCTUnwrap(res.headers.first(name: .setCookie))
        XCTAssertTrue(set.contains("HttpOnly"), set)
        XCTAssertTrue(set.contains("SameSite=Lax"), set)
        XCTAssertFalse(set.contains("Secure"), "plain HTTP on loopback: no Secure flag")
    }

    func testKataSandiSalah() async throws {
        let b = Peramban(app)
        let res = try await b.masuk("admin", "salahsalahsalah")
        XCTAssertEqual(res.status, .unauthorized)
        XCTAssertTrue(res.body.string.contains("Nama pengguna atau kata sandi salah. Sisa 4 kali percobaan sebelum akun ini dikunci 15 menit."),
                      res.body.string)
        XCTAssertTrue(res.body.string.contains(#"value="admin""#), "the username is kept in the form")
        let tercatat = try await PercobaanLoginModel.query(on: app.db).filter(\.$berhasil == false).count()
        XCTAssertEqual(tercatat, 1)
    }

    func testLimaKegagalanMenguncUsernameLimaBelasMenit() async throws {
        let b = Peramban(app)
        for _ in 1...5 {
            let res = try await b.masuk("admin", "salahsalahsalah")
            XCTAssertEqual(res.status, .unauthorized)
        }
        // even the right password is refused while locked
        let terkunci = try await b.masuk("admin", Uji.sandiAdmin)
        XCTAssertEqual(terkunci.status, .tooManyRequests)
        XCTAssertTrue(terkunci.body.string.contains("Terlalu banyak percobaan masuk yang gagal. Coba lagi setelah pukul 10.15 WIB."),
                      terkunci.body.string)
        let api = try await KlienAPI(app: app).kirim(.POST, "/api/v1/token", json: #"{"username":"admin","password":"\#(Uji.sandiAdmin)"}"#)
        XCTAssertEqual(api.status, .tooManyRequests)
        XCTAssertEqual(try api.kodeKesalahan(), "terlalu_banyak_percobaan")
        // after fifteen minutes the right password works again
        jam.maju(15 * 60)
        let lagi = try await b.masuk("admin", Uji.sandiAdmin)
        XCTAssertEqual(lagi.status, .seeOther)
    }

    /// Issue 19: a colleague's wrong guesses from the same address (a village office, a
    /// carrier's shared address) lock the colleague's username only.
    func testKegagalanRekanSealamatTidakMenguncAkunLain() async throws {
        try await Uji.pengguna(app, "verif1", .verifikator)
        let klien = KlienAPI(app: app)
        for nama in ["operator.lupa", "operator.lupa", "operator.lupa", "operator.lupa", "operator.lupa", "tebak1", "tebak2", "tebak3"] {
            let res = try await klien.kirim(.POST, "/api/v1/token", json: #"{"username":"\#(nama)","password":"apasajaapasaja"}"#)
            XCTAssertEqual(res.status, .unauthorized)
        }
        let terkunci = try await klien.kirim(.POST, "/api/v1/token", json: #"{"username":"operator.lupa","password":"apasajaapasaja"}"#)
        XCTAssertEqual(terkunci.status, .tooManyRequests, "the guessed username is locked")
        let rekan = try await klien.kirim(.POST, "/api/v1/token", json: #"{"username":"verif1","password":"sandiuji12345"}"#)
        XCTAssertEqual(rekan.status, .created, rekan.body.string)
    }

    /// Password spraying from one address: past the address limit, accounts that never signed
    /// in from it are refused even with the right password; one that did is not.
    func testBanyakKegagalanDariSatuAlamatMenguncAlamatItuKecualiAkunYangDikenal() async throws {
        try await Uji.pengguna(app, "verif1", .verifikator)
        try await Uji.pengguna(app, "verif2", .verifikator)
        let klien = KlienAPI(app: app)
        let dikenal = try await klien.kirim(.POST, "/api/v1/token", json: #"{"username":"verif2","password":"sandiuji12345"}"#)
        XCTAssertEqual(dikenal.status, .created)
        for i in 0..<PembatasLogin.alamat.batas {
            let res = try await klien.kirim(.POST, "/api/v1/token", json: #"{"username":"semprot\#(i)","password":"apasajaapasaja"}"#)
            XCTAssertEqual(res.status, .unauthorized, "attempt \(i)")
        }
        let asing = try await klien.kirim(.POST, "/api/v1/token", json: #"{"username":"verif1","password":"sandiuji12345"}"#)
        XCTAssertEqual(asing.status, .tooManyRequests)
        let dariSini = try await klien.kirim(.POST, "/api/v1/token", json: #"{"username":"verif2","password":"sandiuji12345"}"#)
        XCTAssertEqual(dariSini.status, .created, "signed in from this address before")
        jam.maju(15 * 60)
        let lagi = try await klien.kirim(.POST, "/api/v1/token", json: #"{"username":"verif1","password":"sandiuji12345"}"#)
        XCTAssertEqual(lagi.status, .created, "the address lock ends")
    }

    func testKeluarMengakhiriSesi() async throws {
        let b = Peramban(app)
        try await b.masuk("admin", Uji.sandiAdmin)
        let cookie = try XCTUnwrap(b.cookies["sikim_sesi"])
        try await b.get("/pengguna")
        let keluar = try await b.post("/keluar", [:])
        XCTAssertEqual(keluar.status, .seeOther)
        XCTAssertNil(b.cookies["sikim_sesi"])
        let sisa = try await SesiModel.find(cookie, on: app.db)
        XCTAssertNil(sisa)
        // replaying the old cookie no longer signs anyone in
        let lama = Peramban(app)
        lama.cookies["sikim_sesi"] = cookie
        let res = try await lama.get("/pengguna")
        XCTAssertEqual(res.status, .unauthorized)
    }

    func testSesiKedaluwarsaMemberi401DenganPesanJelas() async throws {
        let b = Peramban(app)
        try await b.masuk("admin", Uji.sandiAdmin)
        jam.maju(app.sikim.umurSesi + 1)
        let res = try await b.get("/pengguna")
        XCTAssertEqual(res.status, .unauthorized)
        XCTAssertTrue(res.body.string.contains("Sesi Anda telah berakhir. Silakan masuk kembali."))
        XCTAssertTrue(res.body.string.contains(#"name="lanjut" value="/pengguna""#))
    }

    func testSesiDiperpanjangSelamaDipakai() async throws {
        let b = Peramban(app)
        try await b.masuk("admin", Uji.sandiAdmin)
        for _ in 0..<3 {
            jam.maju(app.sikim.umurSesi * 0.6)
            let res = try await b.get("/pengguna")
            XCTAssertEqual(res.status, .ok)
        }
    }

    func testCSRFDitolakTanpaTokenAtauDenganTokenSalah() async throws {
        let b = Peramban(app)
        try await b.masuk("admin", Uji.sandiAdmin)
        try await b.get("/opd")
        // refused, and kept for the user to look at and send again (KirimanTersimpanTests)
        let salah = try await b.post("/opd", ["kode": "dishub", "nama": "Dinas Perhubungan"], csrf: "token-palsu")
        XCTAssertEqual(salah.headers.first(name: .location), LanjutkanWeb.jalur)
        var h = HTTPHeaders()
        h.contentType = .urlEncodedForm
        let tanpa = try await b.buka(.POST, "/opd", headers: h, body: ByteBuffer(string: "kode=dishub&nama=Dinas+Perhubungan"))
        XCTAssertEqual(tanpa.headers.first(name: .location), LanjutkanWeb.jalur)
        // another site's form is not kept, even when a browser sends the cookie along
        h.replaceOrAdd(name: "Sec-Fetch-Site", value: "cross-site")
        let asal = try await b.buka(.POST, "/opd", headers: h, body: ByteBuffer(string: "kode=dishub&nama=Dinas+Perhubungan"))
        XCTAssertEqual(asal.status, .forbidden)
        XCTAssertTrue(asal.body.string.contains("Formulir ini sudah tidak berlaku."))
        let ada = try await OPDModel.find("dishub", on: app.db)
        XCTAssertNil(ada, "nothing was created")
        // a login form posted without a session is refused as well
        let asing = try await Peramban(app).post("/masuk", ["username": "admin", "kata_sandi": Uji.sandiAdmin], csrf: "x")
        XCTAssertEqual(asing.status, .forbidden)
    }

    func testHeaderKeamananDiSetiapJawaban() async throws {
        for path in ["/", "/masuk", "/wilayah", "/tidak-ada", "/api/v1/wilayah", "/healthz", "/css/sikim.css"] {
            let res = try await app.sendRequest(.GET, path)
            let csp = res.headers.first(name: "Content-Security-Policy") ?? ""
            XCTAssertTrue(csp.contains("script-src 'self'") && !csp.contains("unsafe-inline"), path)
            XCTAssertTrue(csp.contains("frame-ancestors 'none'"), path)
            XCTAssertEqual(res.headers.first(name: "X-Content-Type-Options"), "nosniff", path)
            XCTAssertEqual(res.headers.first(name: "X-Frame-Options"), "DENY", path)
            XCTAssertEqual(res.headers.first(name: "Referrer-Policy"), "same-origin", path)
        }
    }

    func testHalamanPublikTidakMembuatSesi() async throws {
        for path in ["/", "/wilayah", "/opd", "/api/v1/wilayah"] {
            let res = try await app.sendRequest(.GET, path)
            XCTAssertNil(res.headers.first(name: .setCookie), path)
        }
        let sesi = try await SesiModel.query(on: app.db).count()
        XCTAssertEqual(sesi, 0)
    }

    func testLanjutHanyaKeJalurLokal() {
        XCTAssertEqual(MasukWeb.jalurAman("/pengguna?peran=opd"), "/pengguna?peran=opd")
        for buruk in ["https://contoh.test/", "//contoh.test", "/\\contoh.test", "pengguna", "/a\nb"] {
            XCTAssertEqual(MasukWeb.jalurAman(buruk), "/", buruk)
        }
    }

    func testTokenAPIDisimpanSebagaiHashDanDapatDicabut() async throws {
        let klien = try await KlienAPI.masuk(app, "admin", Uji.sandiAdmin)
        let token = try XCTUnwrap(klien.token)
        let saya = try await klien.kirim(.GET, "/api/v1/saya")
        XCTAssertEqual(saya.status, .ok)
        XCTAssertEqual(try saya.json()["username"] as? String, "admin")
        XCTAssertNil(try saya.json()["hash_kata_sandi"])
        let baris = try await TokenAPIModel.query(on: app.db).all()
        XCTAssertEqual(baris.count, 1)
        XCTAssertNotEqual(baris[0].hashToken, token)
        XCTAssertFalse(baris.contains { $0.hashToken.contains(token) })
        // the admin revokes it
        let cabut = try await klien.kirim(.DELETE, "/api/v1/token/\(baris[0].id!)")
        XCTAssertEqual(cabut.status, .noContent)
        let lagi = try await klien.kirim(.GET, "/api/v1/saya")
        XCTAssertEqual(lagi.status, .unauthorized)
        XCTAssertEqual(try lagi.kodeKesalahan(), "token_tidak_valid")
    }

    /// A token revoked by another process (a second server, a `sikim` command: here plain SQL,
    /// which passes no model of this process) still works until the cache's five seconds pass.
    func testPencabutanDariProsesLainBerlakuDalamLimaDetik() async throws {
        // setup: the token has been used, so its account row is cached
        let klien = try await KlienAPI.masuk(app, "admin", Uji.sandiAdmin)
        let awal = try await klien.kirim(.GET, "/api/v1/saya")
        XCTAssertEqual(awal.status, .ok)
        // act
        let sql = try XCTUnwrap(app.db as? any SQLDatabase)
        try await sql.raw("UPDATE token_api SET dicabut_pada = \(bind: jam.sekarang)").run()
        let segera = try await klien.kirim(.GET, "/api/v1/saya")
        jam.maju(5)
        let nanti = try await klien.kirim(.GET, "/api/v1/saya")
        // check
        XCTAssertEqual(segera.status, .ok, "within five seconds the cached row answers")
        XCTAssertEqual(nanti.status, .unauthorized)
        XCTAssertEqual(try nanti.kodeKesalahan(), "token_tidak_valid")
    }

    func testPermintaanTokenBuruk() async throws {
        let k = KlienAPI(app: app)
        let kasus: [(String?, HTTPStatus, String)] = [
            (#"{"username":"admin"}"#, .badRequest, "permintaan_tidak_valid"),
            (#"{"username":"admin","password":"#, .badRequest, "permintaan_tidak_valid"),
            (#"{"username":"admin","password":"salahsalahsalah"}"#, .unauthorized, "login_gagal"),
            (#"{"username":"\#(String(repeating: "a", count: 5000))","password":"x"}"#, .unauthorized, "login_gagal"),
        ]
        for (json, status, kode) in kasus {
            let res = try await k.kirim(.POST, "/api/v1/token", json: json)
            XCTAssertEqual(res.status, status, json ?? "")
            XCTAssertEqual(try res.kodeKesalahan(), kode, json ?? "")
        }
        let tanpa = try await k.kirim(.GET, "/api/v1/saya")
        XCTAssertEqual(tanpa.status, .unauthorized)
        XCTAssertEqual(try tanpa.pesanKesalahan(), "Silakan masuk terlebih dahulu.")
        let palsu = try await KlienAPI(app: app, token: "sikim_palsu").kirim(.GET, "/api/v1/saya")
        XCTAssertEqual(palsu.status, .unauthorized)
    }

    func testAPITidakMenerimaCookieSesi() async throws {
        let b = Peramban(app)
        try await b.masuk("admin", Uji.sandiAdmin)
        let res = try await b.get("/api/v1/saya")
        XCTAssertEqual(res.status, .unauthorized, "the API authenticates by bearer token only")
    }

    func testGantiKataSandiSendiri() async throws {
        try await Uji.pengguna(app, "verif1", .verifikator)
        let b = Peramban(app)
        try await b.masuk("verif1", "sandiuji12345")
        try await b.get("/akun")
        let salah = try await b.post("/akun/kata-sandi", ["kata_sandi_lama": "keliru", "kata_sandi_baru": "sandibaru12345", "ulangi": "sandibaru12345"])
        XCTAssertEqual(salah.status, .unprocessableEntity)
        XCTAssertTrue(salah.body.string.contains("Kata sandi lama salah."))
        let beda = try await b.post("/akun/kata-sandi", ["kata_sandi_lama": "sandiuji12345", "kata_sandi_baru": "sandibaru12345", "ulangi": "lain"])
        XCTAssertTrue(beda.body.string.contains("Ulangan kata sandi baru tidak sama."))
        let pendek = try await b.post("/akun/kata-sandi", ["kata_sandi_lama": "sandiuji12345", "kata_sandi_baru": "pendek", "ulangi": "pendek"])
        XCTAssertTrue(pendek.body.string.contains("Kata sandi minimal 10 karakter."))
        let ok = try await b.post("/akun/kata-sandi", ["kata_sandi_lama": "sandiuji12345", "kata_sandi_baru": "sandibaru12345", "ulangi": "sandibaru12345"])
        XCTAssertEqual(ok.status, .seeOther)
        let lama = try await Peramban(app).masuk("verif1", "sandiuji12345")
        XCTAssertEqual(lama.status, .unauthorized)
        let baru = try await Peramban(app).masuk("verif1", "sandibaru12345")
        XCTAssertEqual(baru.status, .seeOther)
    }
}
