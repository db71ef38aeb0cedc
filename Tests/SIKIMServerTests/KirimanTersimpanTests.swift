import SIKIMData
import Fluent
import SIKIMCore
import XCTest
import XCTVapor
@testable import SIKIMServer

/// Issue 19: a submission that arrives after its session ended, or with a stale CSRF token,
/// is kept; after signing in again the sender finds it filled, files included, never a bare 403.
final class KirimanTersimpanTests: XCTestCase {
    var app: Application!
    let jam = JamUji()

    override func setUp() async throws { app = try await Uji.app(jam: jam) }
    override func tearDown() async throws { try await Uji.tutup(app) }

    func testLaporanSaatSesiBerakhirTerkirimSetelahMasukLagiTanpaDiketikUlang() async throws {
        // setup: the form open, then the session runs out
        let b = Peramban(app)
        try await b.masuk("admin", Uji.sandiAdmin)
        try await b.get("/laporan/baru?kategori=infrastruktur")
        jam.maju(app.sikim.umurSesi + 1)
        // act
        let isian = ["kategori": "infrastruktur", "kode_wilayah": "36.04.05.2001", "judul": "Jalan berlubang", "isi": "Di depan SD."]
        let terputus = try await b.unggah("/laporan", berkas: GambarUji.jpeg, namaBerkas: "jalan.jpg", tipe: "image/jpeg",
                                          bidang: isian, namaBidang: "foto[]")
        // check: the login page, saying the input is kept, and going on to it
        XCTAssertEqual(terputus.status, .unauthorized)
        XCTAssertTrue(terputus.body.string.contains("Isian Anda sudah tersimpan"), terputus.body.string)
        XCTAssertEqual(Peramban.tersembunyi(terputus.body.string)["lanjut"], "/lanjutkan")
        let masuk = try await b.post("/masuk", ["username": "admin", "kata_sandi": Uji.sandiAdmin, "lanjut": "/lanjutkan"])
        XCTAssertEqual(masuk.headers.first(name: .location), "/lanjutkan")
        let form = try await b.get("/lanjutkan")
        XCTAssertEqual(form.status, .ok)
        let html = form.body.string
        XCTAssertTrue(html.contains(LanjutkanWeb.pesan))
        XCTAssertTrue(html.contains(#"value="Jalan berlubang""#), "the title")
        XCTAssertTrue(html.contains("Di depan SD."), "the text")
        XCTAssertTrue(html.contains(#"<option value="36.04.05.2001" selected>"#), "the desa")
        XCTAssertTrue(html.contains("Terlampir (tidak perlu dipilih lagi): jalan.jpg"), "the photo")
        let lagi = try await b.get("/lanjutkan")
        XCTAssertEqual(lagi.headers.first(name: .location), "/", "taken up once")
        let kirim = try await b.post("/laporan", Peramban.tersembunyi(html).merging(isian) { _, baru in baru })
        XCTAssertEqual(kirim.status, .seeOther, kirim.body.string)
        let laporan = try await LaporanModel.query(on: app.db).all()
        XCTAssertEqual(laporan.map(\.judul), ["Jalan berlubang"])
        let foto = try await FotoLaporanModel.query(on: app.db).count()
        XCTAssertEqual(foto, 1)
    }

    func testOrangLainYangMasukTidakMendapatIsianItu() async throws {
        _ = try await Uji.pengguna(app, "verif", .verifikator)
        let b = Peramban(app)
        try await b.masuk("admin", Uji.sandiAdmin)
        try await b.get("/laporan/baru?kategori=infrastruktur")
        jam.maju(app.sikim.umurSesi + 1)
        let terputus = try await b.post("/laporan", ["kategori": "infrastruktur", "judul": "Rahasia admin", "isi": "x"])
        XCTAssertEqual(terputus.status, .unauthorized)
        try await b.post("/masuk", ["username": "verif", "kata_sandi": "sandiuji12345", "lanjut": "/lanjutkan"])
        let res = try await b.get("/lanjutkan")
        XCTAssertEqual(res.headers.first(name: .location), "/")
        let beranda = try await b.get("/")
        XCTAssertFalse(beranda.body.string.contains("Rahasia admin"))
    }

    /// Still signed in, with a token from an older page (another tab signed out and in): straight
    /// to the kept submission, shown as sent, and sent again from there.
    func testTokenUsangSaatMasukLangsungKeIsianTersimpan() async throws {
        let b = Peramban(app)
        try await b.masuk("admin", Uji.sandiAdmin)
        try await b.get("/opd")
        let res = try await b.post("/opd", ["kode": "UJILANJUT", "nama": "Dinas Uji Lanjutan"], csrf: "usang")
        XCTAssertEqual(res.status, .seeOther)
        XCTAssertEqual(res.headers.first(name: .location), "/lanjutkan")
        let halaman = try await b.get("/lanjutkan").body.string
        XCTAssertTrue(halaman.contains("<dd>Dinas Uji Lanjutan</dd>"), halaman)
        let ulang = try await b.post("/opd", Peramban.tersembunyi(halaman))
        XCTAssertEqual(ulang.status, .seeOther, ulang.body.string)
        let opd = try await OPDModel.find("ujilanjut", on: app.db)
        XCTAssertEqual(opd?.nama, "Dinas Uji Lanjutan")
    }

    func testTanpaSesiSamaSekaliTidakAdaYangDisimpan() async throws {
        let b = Peramban(app)
        let res = try await b.post("/laporan", ["judul": "banjir"], csrf: "apa-saja")
        XCTAssertEqual(res.status, .forbidden)
        let folder = app.sikim.direktoriData + "/tertunda/kiriman"
        XCTAssertTrue(((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).isEmpty)
    }
}
