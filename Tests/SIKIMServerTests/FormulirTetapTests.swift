import SIKIMData
import Fluent
import SIKIMCore
import XCTest
import XCTVapor
@testable import SIKIMServer

/// Issue 19, item 1: a form never loses what the user gave. The form structs travel to the
/// templates under their snake_case keys; a template that named a field in camelCase showed it
/// empty after every error, and an edit form opened without the stored values.
final class FormulirTetapTests: XCTestCase {
    var app: Application!

    override func setUp() async throws { app = try await Uji.app() }
    override func tearDown() async throws { try await Uji.tutup(app) }

    func admin() async throws -> Peramban {
        let b = Peramban(app)
        try await b.masuk("admin", Uji.sandiAdmin)
        return b
    }

    func testKimBaruMenyimpanWilayahTanggalTempatDanKehadiranSetelahGalat() async throws {
        let b = try await admin()
        try await b.get("/kim/baru")
        let res = try await b.post("/kim", ["kode_wilayah": "36.04.05.2001", "tanggal_pembentukan": "2024-05-16",
                                            "tempat_pembentukan": "Balai Desa Kramatwatu", "jumlah_hadir": "banyak"])
        XCTAssertEqual(res.status, .unprocessableEntity)
        let html = res.body.string
        XCTAssertTrue(html.contains(#"<option value="36.04.05.2001" selected>"#), "the region")
        XCTAssertTrue(html.contains(#"value="2024-05-16""#), "the date")
        XCTAssertTrue(html.contains(#"value="Balai Desa Kramatwatu""#), "the place")
        XCTAssertTrue(html.contains(#"value="banyak""#), "the attendance as typed")
    }

    func testUbahPengurusTerbukaDenganNomorDanTahunLahir() async throws {
        let kim = try await Uji.kim(app, "36.04.05.2001", lengkap: true)
        let p = try await XCTUnwrapAsync(await PengurusModel.query(on: app.db).filter(\.$jabatan == "ketua").first())
        let b = try await admin()
        let html = try await b.get("/kim/\(kim.id!)/pengurus/\(p.id!)").body.string
        XCTAssertTrue(html.contains(#"value="\#(NomorTelepon.tampil(p.nomorHP))""#), "the phone number")
        XCTAssertTrue(html.contains(#"value="1980""#), "the birth year")
        XCTAssertTrue(html.contains(#"<option value="L" selected>"#), "the sex")
        // and an unchanged save goes through
        let simpan = try await b.post("/kim/\(kim.id!)/pengurus/\(p.id!)", Peramban.tersembunyi(html).merging([
            "nama": p.nama, "jabatan": p.jabatan, "jenis_kelamin": "L", "nomor_hp": NomorTelepon.tampil(p.nomorHP), "tahun_lahir": "1980",
        ]) { _, baru in baru })
        XCTAssertEqual(simpan.status, .seeOther, simpan.body.string)
    }

    func testLaporanMenyimpanDesaDanWaktuKejadianSetelahGalat() async throws {
        let b = try await admin()
        try await b.get("/laporan/baru?kategori=infrastruktur")
        let res = try await b.post("/laporan", ["kategori": "infrastruktur", "kode_wilayah": "36.04.05.2001",
                                                "waktu_kejadian": "2024-05-16T08:30", "judul": "", "isi": "Jalan rusak"])
        XCTAssertEqual(res.status, .unprocessableEntity)
        let html = res.body.string
        XCTAssertTrue(html.contains(#"<option value="36.04.05.2001" selected>"#), "the desa")
        XCTAssertTrue(html.contains(#"value="2024-05-16T08:30""#), "the time it happened")
    }

    /// A photo sent with a laporan that failed is kept and goes with the next send; a photo
    /// that was itself refused is not kept.
    func testFotoLaporanTetapTerlampirSetelahGalat() async throws {
        let b = try await admin()
        try await b.get("/laporan/baru?kategori=infrastruktur")
        let isian = ["kategori": "infrastruktur", "kode_wilayah": "36.04.05.2001", "isi": "Jalan rusak", "judul": ""]
        let galat = try await b.unggah("/laporan", berkas: GambarUji.jpeg, namaBerkas: "jalan.jpg", tipe: "image/jpeg", bidang: isian, namaBidang: "foto[]")
        XCTAssertEqual(galat.status, .unprocessableEntity)
        XCTAssertTrue(galat.body.string.contains("Terlampir (tidak perlu dipilih lagi): jalan.jpg"), galat.body.string)
        let kunci = try XCTUnwrap(Peramban.tersembunyi(galat.body.string)["tertunda"])
        let kirim = try await b.post("/laporan", isian.merging(["judul": "Jalan berlubang", "tertunda": kunci]) { _, baru in baru })
        XCTAssertEqual(kirim.status, .seeOther, kirim.body.string)
        let foto = try await FotoLaporanModel.query(on: app.db).count()
        XCTAssertEqual(foto, 1, "the photo came with the second send")

        try await b.get("/laporan/baru?kategori=infrastruktur")
        let rusak = try await b.unggah("/laporan", berkas: Array("bukan gambar".utf8), namaBerkas: "x.jpg", tipe: "image/jpeg",
                                       bidang: isian.merging(["judul": "Jembatan"]) { _, baru in baru }, namaBidang: "foto[]")
        XCTAssertEqual(rusak.status, .unprocessableEntity)
        XCTAssertFalse(rusak.body.string.contains("Terlampir"), "a refused photo is not kept")
    }

    /// A kegiatan refused for its date comes back open, filled, its photo attached, and goes with the next send.
    func testKegiatanMenyimpanIsianDanFotoSetelahGalat() async throws {
        let kim = try await Uji.kim(app, "36.04.05.2001", lengkap: true)
        let b = try await admin()
        try await b.get("/kim/\(kim.id!)")
        let isian = ["jenis": "rapat_pengurus", "tanggal": "2999-01-01", "tempat": "Balai Desa", "uraian": "Rapat pengurus bulanan", "peserta": "12"]
        let galat = try await b.unggah("/kim/\(kim.id!)/kegiatan", berkas: GambarUji.jpeg, namaBerkas: "rapat.jpg", tipe: "image/jpeg",
                                       bidang: isian, namaBidang: "foto[]")
        XCTAssertEqual(galat.status, .unprocessableEntity)
        let html = galat.body.string
        XCTAssertTrue(html.contains("<details open><summary>Catat kegiatan</summary>"), "the form stays open")
        XCTAssertTrue(html.contains(#"<option value="rapat_pengurus" selected>"#))
        XCTAssertTrue(html.contains(#"value="Balai Desa""#) && html.contains(">Rapat pengurus bulanan</textarea>") && html.contains(#"value="12""#))
        XCTAssertTrue(html.contains("Terlampir (tidak perlu dipilih lagi): rapat.jpg"), html)
        let kunci = try XCTUnwrap(Peramban.tersembunyi(html)["tertunda"])
        let kirim = try await b.post("/kim/\(kim.id!)/kegiatan", isian.merging(["tanggal": "2024-05-16", "tertunda": kunci]) { _, baru in baru })
        XCTAssertEqual(kirim.status, .seeOther, kirim.body.string)
        let foto = try await FotoKegiatanModel.query(on: app.db).count()
        XCTAssertEqual(foto, 1, "the photo came with the second send")
    }

    /// Issue 20, without JavaScript: a camera photo over the limit is refused with how to make it smaller,
    /// and everything else typed stays.
    func testFotoKameraBesarTanpaJavaScriptDijelaskan() async throws {
        let b = try await admin()
        try await b.get("/laporan/baru?kategori=infrastruktur")
        let besar = [0xFF, 0xD8, 0xFF, 0xE0] + [UInt8](repeating: 0x55, count: 6 * 1_048_576 - 4)
        let res = try await b.unggah("/laporan", berkas: besar, namaBerkas: "IMG_20261203.jpg", tipe: "image/jpeg",
                                     bidang: ["kategori": "infrastruktur", "kode_wilayah": "36.04.05.2001", "judul": "Banjir", "isi": "Air naik"],
                                     namaBidang: "foto[]")
        XCTAssertEqual(res.status, .unprocessableEntity)
        let html = res.body.string
        XCTAssertTrue(html.contains("Foto IMG_20261203.jpg: berukuran 6,0 MB, lebih dari batas 5 MB per foto. Perkecil dulu:"), html)
        XCTAssertTrue(html.contains(#"value="Banjir""#) && html.contains(">Air naik</textarea>"))
    }

    func testHalamanPenggunaMenunjukkanWilayahnya() async throws {
        let op = try await Uji.pengguna(app, "op.desa", .operatorDesa, wilayah: "36.04.05.2001")
        let b = try await admin()
        let html = try await b.get("/pengguna/\(op.id!)").body.string
        XCTAssertTrue(html.contains(#"<option value="36.04.05.2001" selected>"#), "the account's own region, not the first")
    }
}
