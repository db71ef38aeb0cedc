import SIKIMData
import Fluent
import SIKIMCore
import XCTest
import XCTVapor
@testable import SIKIMServer

/// Issue 19: an action that cannot be taken back or that shows a laporan to everyone is said
/// again on a second page before it is done, and no risky reason comes pre-selected.
final class KonfirmasiAksiTests: XCTestCase {
    var app: Application!
    let jam = JamUji(ISO8601DateFormatter().date(from: "2026-03-02T03:00:00Z")!)
    var id: String!

    override func setUp() async throws {
        app = try await Uji.app(jam: jam)
        let kim = try await Uji.kim(app, "36.04.05.2001", lengkap: true)
        try await Uji.pengguna(app, "pengurus", .pengurusKim, kim: kim)
        try await Uji.pengguna(app, "verif", .verifikator)
        let p = try await KlienAPI.masuk(app, "pengurus", "sandiuji12345")
        let r = try await p.kirim(.POST, "/api/v1/laporan", json: """
        {"kategori":"infrastruktur","judul":"Jalan rusak","isi":"Berlubang.","kode_wilayah":"36.04.05.2001",
         "kerahasiaan":"biasa","sumber":"pengamatan_langsung","jawaban":{}}
        """)
        id = try XCTUnwrap(try r.json()["id"] as? String)
    }

    override func tearDown() async throws { try await Uji.tutup(app) }

    func status() async throws -> String? {
        try await LaporanModel.find(UUID(uuidString: id), on: app.db)?.status
    }

    /// The reporter reads the question above the answer box, and may answer with the photo asked for.
    func testPertanyaanDiAtasKotakJawabanDanJawabanMembawaFoto() async throws {
        let v = Peramban(app)
        try await v.masuk("verif", "sandiuji12345")
        let awal = try await v.get("/laporan/\(id!)").body.string
        let versi = try XCTUnwrap(Peramban.tersembunyi(awal)["versi"])
        let tanya = try await v.post("/laporan/\(id!)/aksi", ["aksi": "tanya", "versi": versi, "catatan": "Mohon kirim foto lubangnya."])
        XCTAssertEqual(tanya.status, .seeOther, tanya.body.string)

        let p = Peramban(app)
        try await p.masuk("pengurus", "sandiuji12345")
        let html = try await p.get("/laporan/\(id!)").body.string
        let pertanyaan = try XCTUnwrap(html.range(of: #"id="pertanyaan-klarifikasi""#), html)
        let kotak = try XCTUnwrap(html.range(of: #"id="catatan-jawab""#))
        XCTAssertLessThan(pertanyaan.lowerBound, kotak.lowerBound, "the question comes first")
        XCTAssertTrue(html.contains("Mohon kirim foto lubangnya."))
        XCTAssertTrue(html.contains(#"id="lampiran-jawab""#), "the answer may carry a photo")
        let versiJawab = try XCTUnwrap(Peramban.tersembunyi(html)["versi"])
        let jawab = try await p.unggah("/laporan/\(id!)/aksi", berkas: GambarUji.jpeg, namaBerkas: "lubang.jpg", tipe: "image/jpeg",
                                       bidang: ["aksi": "jawab", "versi": versiJawab, "catatan": "Ini fotonya."], namaBidang: "lampiran[]")
        XCTAssertEqual(jawab.status, .seeOther, jawab.body.string)
        let staf = try await v.get("/laporan/\(id!)").body.string
        XCTAssertTrue(staf.contains(">lubang.jpg</a>"), "the verifikator sees the photo with the answer")
    }

    func testTidakValidDikonfirmasiDulu() async throws {
        let v = Peramban(app)
        try await v.masuk("verif", "sandiuji12345")
        let detail = try await v.get("/laporan/\(id!)").body.string
        XCTAssertTrue(detail.contains(#"name="alasan"><option value="">— Pilih alasan —</option>"#), "no reason chosen for the verifier")
        XCTAssertFalse(detail.contains(#"selected>Tidak terbukti"#))
        // act: without a reason
        let tanpa = try await v.post("/laporan/\(id!)/aksi", ["aksi": "tolak", "alasan": "", "catatan": "Tidak ditemukan"])
        XCTAssertEqual(tanpa.status, .conflict)
        XCTAssertTrue(tanpa.body.string.contains("Alasan tidak valid wajib dipilih."))
        // act: with a reason and a photo of the site: the second page, nothing done yet
        let jpeg = GambarUji.jpeg
        let periksa = try await v.unggah("/laporan/\(id!)/aksi", berkas: jpeg, namaBerkas: "lokasi.jpg", tipe: "image/jpeg",
                                         bidang: ["aksi": "tolak", "alasan": "hoaks", "catatan": "Foto lama dari daerah lain"], namaBidang: "lampiran[]")
        XCTAssertEqual(periksa.status, .ok, periksa.body.string)
        let html = periksa.body.string
        XCTAssertTrue(html.contains("<h1>Nyatakan tidak valid?</h1>"))
        XCTAssertTrue(html.contains("Keputusan ini tidak dapat dibatalkan."))
        XCTAssertTrue(html.contains(#"<dd id="konfirmasi-alasan">Hoaks"#), html)
        XCTAssertTrue(html.contains("lokasi.jpg"))
        XCTAssertTrue(html.contains(">Ya, nyatakan tidak valid</button>"))
        let belum = try await status()
        XCTAssertEqual(belum, "masuk", "nothing is done before the confirmation")
        // act: confirmed with what the page carries
        let ya = try await v.post("/laporan/\(id!)/aksi", Peramban.tersembunyi(html))
        XCTAssertEqual(ya.status, .seeOther, ya.body.string)
        let sesudah = try await status()
        XCTAssertEqual(sesudah, "tidak_valid")
        let lampiran = try await LampiranLaporanModel.query(on: app.db).all()
        XCTAssertEqual(lampiran.map(\.namaAsli), ["lokasi.jpg"], "the photo came through the second page")
    }

    func testPublikasiDikonfirmasiDulu() async throws {
        let v = try await KlienAPI.masuk(app, "verif", "sandiuji12345")
        _ = try await v.kirim(.POST, "/api/v1/laporan/\(id!)/transisi", json: #"{"ke":"valid","metode":"cek_lapangan","catatan":"benar"}"#)
        let b = Peramban(app)
        try await b.masuk("verif", "sandiuji12345")
        _ = try await b.get("/laporan/\(id!)")
        let periksa = try await b.post("/laporan/\(id!)/aksi", ["aksi": "publikasikan"])
        XCTAssertEqual(periksa.status, .ok)
        XCTAssertTrue(periksa.body.string.contains("akan tampil untuk semua orang"))
        let belum = try await LaporanModel.find(UUID(uuidString: id), on: app.db)?.dipublikasikan
        XCTAssertEqual(belum, false)
        let ya = try await b.post("/laporan/\(id!)/aksi", Peramban.tersembunyi(periksa.body.string))
        XCTAssertEqual(ya.status, .seeOther)
        let sudah = try await LaporanModel.find(UUID(uuidString: id), on: app.db)?.dipublikasikan
        XCTAssertEqual(sudah, true)
    }
}

/// Issue 19: freezing or dissolving a KIM is restated on a second page, and its forms sit
/// below the page's main content.
final class KonfirmasiKimTests: XCTestCase {
    var app: Application!
    let jam = JamUji(ISO8601DateFormatter().date(from: "2026-03-02T03:00:00Z")!)

    override func setUp() async throws { app = try await Uji.app(jam: jam) }
    override func tearDown() async throws { try await Uji.tutup(app) }

    func testBubarkanDikonfirmasiDanFormulirnyaDiBawah() async throws {
        let kim = try await Uji.kim(app, "36.04.05.2001", lengkap: true)
        let admin = Pelaku(model: try await XCTUnwrapAsync(await PenggunaModel.query(on: app.db).first()), aktor: Aktor(id: UUID(), penugasan: .admin))
        let sk = DataTransisi(catatan: "sah", nomorSK: "1", tanggalSK: Tanggal(iso: "2026-02-27"))
        for a in [AksiKim.ajukan, .sahkanDesa, .sahkanKecamatan] { _ = try await Uji.layananKim(app).transisi(kim, aksi: a, data: sk, oleh: admin) }
        let b = Peramban(app)
        try await b.masuk("admin", Uji.sandiAdmin)
        let html = try await b.get("/kim/\(kim.id!)").body.string
        // the dangerous forms come after the board, the documents and the history
        let bahaya = try XCTUnwrap(html.range(of: #"<section id="tindakan-lain">"#)).lowerBound
        let riwayat = try XCTUnwrap(html.range(of: "Riwayat")).lowerBound
        XCTAssertLessThan(riwayat, bahaya)
        XCTAssertFalse(html[..<bahaya].contains(#"data-aksi="bubarkan""#))
        // act: dissolve, then the second page
        let versi = try XCTUnwrap(Peramban.tersembunyi(html)["versi"])
        let periksa = try await b.post("/kim/\(kim.id!)/transisi", ["aksi": "bubarkan", "catatan": "Pengurus pindah", "versi": versi])
        XCTAssertEqual(periksa.status, .ok, periksa.body.string)
        XCTAssertTrue(periksa.body.string.contains("tidak dapat diaktifkan kembali"))
        XCTAssertTrue(periksa.body.string.contains(">Ya, bubarkan</button>"))
        let belum = try await KimModel.find(kim.id, on: app.db)?.status
        XCTAssertEqual(belum, "aktif")
        // a reason is still required before the second page
        let tanpa = try await b.post("/kim/\(kim.id!)/transisi", ["aksi": "bubarkan", "catatan": " ", "versi": versi])
        XCTAssertEqual(tanpa.status, .conflict)
        // act: confirmed
        let ya = try await b.post("/kim/\(kim.id!)/transisi", Peramban.tersembunyi(periksa.body.string))
        XCTAssertEqual(ya.status, .seeOther, ya.body.string)
        let sudah = try await KimModel.find(kim.id, on: app.db)?.status
        XCTAssertEqual(sudah, "dibubarkan")
    }
}
