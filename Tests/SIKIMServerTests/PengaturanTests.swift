import SIKIMData
import Fluent
import SIKIMCore
import XCTest
import XCTVapor
@testable import SIKIMServer

final class PengaturanTests: XCTestCase {
    var app: Application!

    override func setUp() async throws { app = try await Uji.app() }
    override func tearDown() async throws { try await Uji.tutup(app) }

    func testHariLiburDimuatDanDapatDiubahAdmin() async throws {
        let jumlah = try await HariLiburModel.query(on: app.db).count()
        XCTAssertGreaterThan(jumlah, 200)
        let idulFitri = try await HariLiburModel.find("2026-03-21", on: app.db)
        XCTAssertEqual(idulFitri?.nama, "Hari Raya Idul Fitri")
        let b = Peramban(app)
        try await b.masuk("admin", Uji.sandiAdmin)
        let halaman = try await b.get("/pengaturan?tahun=2026")
        XCTAssertEqual(halaman.status, .ok)
        XCTAssertTrue(halaman.body.string.contains("Sabtu, 21 Maret 2026"))
        let tambah = try await b.post("/pengaturan/hari-libur", ["tanggal": "2026-07-01", "nama": "Hari jadi Kabupaten Serang", "jenis": "libur_nasional"])
        XCTAssertEqual(tambah.status, .seeOther)
        let ganda = try await b.post("/pengaturan/hari-libur", ["tanggal": "2026-07-01", "nama": "Lagi"])
        XCTAssertEqual(ganda.status, .unprocessableEntity)
        XCTAssertTrue(ganda.body.string.contains("Tanggal 2026-07-01 sudah ada dalam daftar."))
        let salah = try await b.post("/pengaturan/hari-libur", ["tanggal": "2026-02-30", "nama": "x"])
        XCTAssertEqual(salah.status, .unprocessableEntity)
        let kalender = try await LayananPengaturan(l: app.lingkungan).kalender()
        XCTAssertFalse(kalender.hariKerja(Tanggal(iso: "2026-07-01")!), "the SLA clock uses the edited list")
        let hapus = try await b.post("/pengaturan/hari-libur/2026-07-01/hapus", [:])
        XCTAssertEqual(hapus.status, .seeOther)
        let sesudah = try await LayananPengaturan(l: app.lingkungan).kalender()
        XCTAssertTrue(sesudah.hariKerja(Tanggal(iso: "2026-07-01")!))
    }

    /// The calendar is cached across ordinary writes, but a holiday edit moves deadlines at once.
    func testHariLiburBaruLangsungMenggeserTenggat() async throws {
        let pengurus = try await Uji.pengguna(app, "pengurus", .pengurusKim, kim: try await Uji.kim(app, "36.04.05.2001"))
        var isian = IsianLaporan()
        (isian.kategori, isian.judul, isian.isi, isian.kodeWilayah) = ("lingkungan", "Sampah", "Menumpuk", "36.04.05.2001")
        let (m, _, _) = try await Uji.layananLaporan(app).buat(isian, foto: [], oleh: try pengurus.pelaku(), kunci: nil)
        let api = try await KlienAPI.masuk(app, "admin", Uji.sandiAdmin)
        func tenggat() async throws -> String? { try await api.kirim(.GET, "/api/v1/laporan/\(m.id!)").json()["tenggat"] as? String }
        // Thursday 16 May 2024: Friday, Monday, Tuesday
        var t = try await tenggat()
        XCTAssertEqual(t, "2024-05-21T23:59:59+07:00")
        let b = Peramban(app)
        try await b.masuk("admin", Uji.sandiAdmin)
        _ = try await b.get("/pengaturan?tahun=2024") // the form's CSRF token
        let tambah = try await b.post("/pengaturan/hari-libur", ["tanggal": "2024-05-20", "nama": "Libur daerah", "jenis": "libur_nasional"])
        XCTAssertEqual(tambah.status, .seeOther, tambah.body.string)
        t = try await tenggat()
        XCTAssertEqual(t, "2024-05-22T23:59:59+07:00", "Monday is now a holiday")
        _ = try await b.post("/pengaturan/hari-libur/2024-05-20/hapus", [:])
        t = try await tenggat()
        XCTAssertEqual(t, "2024-05-21T23:59:59+07:00")
    }

    func testKategoriDiubahAdminDanDibacaVerifikator() async throws {
        let b = Peramban(app)
        try await b.masuk("admin", Uji.sandiAdmin)
        try await b.get("/pengaturan")
        let ubah = try await b.post("/pengaturan/kategori/lingkungan", ["nama": "Lingkungan Hidup", "kode_opd": "dlh", "sensitif": "1"])
        XCTAssertEqual(ubah.status, .seeOther)
        let k = try await KategoriModel.find("lingkungan", on: app.db)
        XCTAssertEqual(k?.nama, "Lingkungan Hidup")
        XCTAssertEqual(k?.sensitif, true)
        let api = try await app.sendRequest(.GET, "/api/v1/kategori").data()
        XCTAssertEqual(api.count, 11)
        XCTAssertEqual((api.first { $0["kode"] as? String == "perizinan" })?["sensitif"] as? Bool, true)

        try await Uji.pengguna(app, "verif", .verifikator)
        let v = Peramban(app)
        try await v.masuk("verif", "sandiuji12345")
        let baca = try await v.get("/pengaturan")
        XCTAssertEqual(baca.status, .ok)
        XCTAssertTrue(baca.body.string.contains("Lingkungan Hidup · dlh · sensitif"))
        XCTAssertFalse(baca.body.string.contains("action=\"/pengaturan/kategori/"), "read only for the verifikator")
        let dilarang = try await v.post("/pengaturan/hari-libur", ["tanggal": "2026-07-01", "nama": "x"])
        XCTAssertEqual(dilarang.status, .forbidden)
        try await Uji.pengguna(app, "opdesa", .operatorDesa, wilayah: "36.04.05.2001")
        let o = Peramban(app)
        try await o.masuk("opdesa", "sandiuji12345")
        let tidak = try await o.get("/pengaturan")
        XCTAssertEqual(tidak.status, .forbidden)
    }
}
