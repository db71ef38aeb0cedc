import SIKIMData
import Fluent
import SIKIMCore
import XCTest
import XCTVapor
import ZIPFoundation
@testable import SIKIMServer

final class ImporEksporTests: XCTestCase {
    var app: Application!
    let jam = JamUji(ISO8601DateFormatter().date(from: "2024-06-01T03:00:00Z")!)

    override func setUp() async throws { app = try await Uji.app(jam: jam) }
    override func tearDown() async throws { try await Uji.tutup(app) }

    func baris(_ v: [String: String]) -> [String] { ImporKim.kolom.map { v[$0] ?? "" } }

    func csv(_ baris: [[String]]) -> String { CSV.tulis([ImporKim.kolom] + baris) }

    let aktif: [String: String] = [
        "tingkat": "desa", "kode_wilayah": "36.04.05.2001", "status": "aktif", "tanggal_pembentukan": "2024-05-16",
        "tempat_pembentukan": "Aula", "nomor_sk_desa": "141/1", "tanggal_sk_desa": "2024-05-17", "nomor_sk_kecamatan": "400/2",
        "tanggal_sk_kecamatan": "2024-05-18", "telepon": "0254-280000",
        "ketua_nama": "Ahmad", "ketua_jenis_kelamin": "L", "ketua_nomor_hp": "081234567890", "ketua_tahun_lahir": "1980",
        "sekretaris_nama": "Siti", "sekretaris_jenis_kelamin": "P", "sekretaris_nomor_hp": "081234567891", "sekretaris_tahun_lahir": "1990",
        "bendahara_nama": "Dedi", "bendahara_jenis_kelamin": "L", "bendahara_nomor_hp": "081234567892", "bendahara_tahun_lahir": "1985",
    ]

    func kirimCSV(_ k: KlienAPI, _ teks: String, pratinjau: Bool) async throws -> XCTHTTPResponse {
        var h = HTTPHeaders()
        h.bearerAuthorization = .init(token: k.token!)
        h.contentType = HTTPMediaType(type: "text", subType: "csv")
        return try await app.sendRequest(.POST, "/api/v1/impor/kim" + (pratinjau ? "?pratinjau=true" : ""), headers: h,
                                         body: ByteBuffer(string: teks))
    }

    func testImporLewatAPISemuaAtauTidakSama() async throws {
        let admin = try await KlienAPI.masuk(app, "admin", Uji.sandiAdmin)
        var kedua = aktif
        kedua["kode_wilayah"] = "36.04.05.2002"
        let salah = ["tingkat": "desa", "kode_wilayah": "36.04.99.2001"]
        let kotor = try await kirimCSV(admin, csv([baris(aktif), baris(kedua), baris(salah)]), pratinjau: false)
        XCTAssertEqual(kotor.status, .unprocessableEntity)
        let laporan = try XCTUnwrap(try kotor.json()["baris"] as? [[String: Any]])
        XCTAssertEqual(laporan.map { ($0["kesalahan"] as? [String])?.count }, [0, 0, 1])
        XCTAssertEqual(laporan[2]["nomor"] as? Int, 4)
        var jumlah = try await KimModel.query(on: app.db).count()
        XCTAssertEqual(jumlah, 0, "nothing is stored while any row is wrong")

        let bersih = csv([baris(aktif), baris(kedua)])
        let cek = try await kirimCSV(admin, bersih, pratinjau: true)
        XCTAssertEqual(try cek.json()["siap"] as? Bool, true)
        jumlah = try await KimModel.query(on: app.db).count()
        XCTAssertEqual(jumlah, 0, "a dry run stores nothing")
        let simpan = try await kirimCSV(admin, bersih, pratinjau: false)
        XCTAssertEqual(simpan.status, .created, simpan.body.string)
        XCTAssertEqual(try simpan.json()["disimpan"] as? Int, 2)

        let m = try await XCTUnwrapAsync(await KimModel.query(on: app.db).filter(\.$kodeWilayah == "36.04.05.2001").first())
        XCTAssertEqual(m.statusKim, .aktif)
        XCTAssertEqual(m.nomorSKKecamatan, "400/2")
        let papan = try await Uji.layananKim(app).pengurus(m)
        XCTAssertEqual(papan.map(\.jabatanKim), [.ketua, .sekretaris, .bendahara])
        let stat = try await admin.kirim(.GET, "/api/v1/statistik/pembentukan").json()
        let harian = try XCTUnwrap(stat["harian"] as? [[String: Any]])
        XCTAssertEqual(harian.map { $0["tanggal"] as? String }, ["2024-05-16", "2024-05-18"], "imported history on its legal days")
        XCTAssertEqual((stat["kim_desa"] as? [String: Int])?["disahkan"], 2)

        let lagi = try await kirimCSV(admin, bersih, pratinjau: true)
        XCTAssertEqual(try lagi.json()["siap"] as? Bool, false, "the regions now have a KIM")
        let kolom = try await kirimCSV(admin, "nama,kode\nx,y\n", pratinjau: true)
        XCTAssertEqual(kolom.status, .unprocessableEntity)
        XCTAssertEqual(try kolom.kodeKesalahan(), "impor_tidak_valid")
        try await Uji.pengguna(app, "opkec", .operatorKecamatan, wilayah: "36.04.05")
        let op = try await KlienAPI.masuk(app, "opkec", "sandiuji12345")
        let dilarang = try await kirimCSV(op, bersih, pratinjau: true)
        XCTAssertEqual(dilarang.status, .forbidden)
    }

    func testImporLewatBrowserPratinjauLaluSimpan() async throws {
        let b = Peramban(app)
        try await b.masuk("admin", Uji.sandiAdmin)
        try await b.get("/kim/impor")
        func unggah(_ teks: String) async throws -> XCTHTTPResponse {
            try await b.unggah("/kim/impor", berkas: Array(teks.utf8), namaBerkas: "kim.csv", tipe: "text/csv")
        }
        var buruk = aktif
        buruk["ketua_nomor_hp"] = "12"
        let pratinjauBuruk = try await unggah(csv([baris(buruk)]))
        XCTAssertEqual(pratinjauBuruk.status, .unprocessableEntity)
        XCTAssertTrue(pratinjauBuruk.body.string.contains("Ketua: Nomor telepon harus diawali 0, 62 atau +62"))
        XCTAssertFalse(pratinjauBuruk.body.string.contains("/kim/impor/simpan"), "no commit offered for a file with errors")

        let pratinjau = try await unggah(csv([baris(aktif)]))
        XCTAssertEqual(pratinjau.status, .ok)
        XCTAssertTrue(pratinjau.body.string.contains("1 baris benar, 0 baris berisi kesalahan."))
        let html = pratinjau.body.string
        let r = try XCTUnwrap(html.range(of: #"name="berkas" value="[0-9a-f-]+""#, options: .regularExpression))
        let id = String(html[r].dropFirst(#"name="berkas" value=""#.count).dropLast())
        let simpan = try await b.post("/kim/impor/simpan", ["berkas": id])
        XCTAssertEqual(simpan.status, .seeOther)
        let daftar = try await b.get("/kim").body.string
        XCTAssertTrue(daftar.contains("1 KIM berhasil diimpor."))
        XCTAssertTrue(daftar.contains("KIM Desa Kramatwatu"))
        let ulang = try await b.post("/kim/impor/simpan", ["berkas": id])
        XCTAssertEqual(ulang.status, .unprocessableEntity, "the kept file is gone after the commit")
    }

    func testEksporCSVDanXLSX() async throws {
        let kim = try await Uji.kim(app, "36.04.05.2001", lengkap: true)
        try await Uji.kim(app, "36.04.06", lengkap: false)
        _ = kim
        let b = Peramban(app)
        try await b.masuk("admin", Uji.sandiAdmin)
        let csvRes = try await b.get("/kim/ekspor.csv")
        XCTAssertEqual(csvRes.status, .ok)
        XCTAssertEqual(csvRes.headers.first(name: .contentType), "text/csv; charset=utf-8")
        let tabel = try CSV.baca(String(csvRes.body.string.dropFirst()))
        XCTAssertEqual(tabel.count, 3)
        XCTAssertEqual(tabel[0], ImporEksporWeb.kepalaEkspor)
        let desa = try XCTUnwrap(tabel.first { $0[2] == "36.04.05.2001" })
        XCTAssertEqual(desa[0], "KIM Desa Kramatwatu")
        XCTAssertEqual(desa[3], "Kramatwatu")
        XCTAssertEqual(desa[9], "Ahmad Fauzi")
        XCTAssertEqual(desa[10], "0812-3456-7890")
        XCTAssertEqual(desa[18], "3")

        let xlsx = try await b.get("/kim/ekspor.xlsx")
        XCTAssertEqual(xlsx.status, .ok)
        let arsip = try Archive(data: Data(xlsx.body.readableBytesView), accessMode: .read)
        let entri = try XCTUnwrap(arsip["xl/worksheets/sheet1.xml"])
        var xml = Data()
        _ = try arsip.extract(entri) { xml.append($0) }
        let teks = String(decoding: xml, as: UTF8.self)
        XCTAssertEqual(teks.components(separatedBy: "<row ").count - 1, 3)
        XCTAssertTrue(teks.contains("<t xml:space=\"preserve\">KIM Desa Kramatwatu</t>"))
        XCTAssertTrue(teks.contains("<t xml:space=\"preserve\">0812-3456-7890</t>"), "phone numbers stay text")
        XCTAssertNotNil(arsip["[Content_Types].xml"])
        XCTAssertNotNil(arsip["xl/workbook.xml"])

        try await Uji.pengguna(app, "opkec.b", .operatorKecamatan, wilayah: "36.04.07")
        let lain = Peramban(app)
        try await lain.masuk("opkec.b", "sandiuji12345")
        let kosong = try CSV.baca(String(try await lain.get("/kim/ekspor.csv").body.string.dropFirst()))
        XCTAssertEqual(kosong.count, 1, "only the header: no KIM in that kecamatan")
        let publik = try await app.sendRequest(.GET, "/kim/ekspor.csv")
        XCTAssertEqual(publik.status, .unauthorized)
    }

    func testMasaBaktiSegeraBerakhir() async throws {
        // formed 2024-05-16: the default three-year term ends 2027-05-16
        try await Uji.kim(app, "36.04.05.2001", lengkap: true)
        let b = Peramban(app)
        jam.maju(Double(Tanggal(iso: "2024-06-01")!.awal.distance(to: Tanggal(iso: "2027-03-01")!.awal)))
        try await b.masuk("admin", Uji.sandiAdmin)
        var html = try await b.get("/kim/masa-bakti").body.string
        XCTAssertTrue(html.contains("Tidak ada masa bakti yang segera berakhir."))
        jam.maju(45 * 86_400) // 2027-04-15, 31 days before the end (the session has expired by now)
        try await b.masuk("admin", Uji.sandiAdmin)
        html = try await b.get("/kim/masa-bakti").body.string
        XCTAssertEqual(html.components(separatedBy: "Minggu, 16 Mei 2027").count - 1, 3)
        XCTAssertTrue(html.contains("Ahmad Fauzi"))
    }

    func testAkunPengurusDibuatDariHalamanKim() async throws {
        let kim = try await Uji.kim(app, "36.04.05.2001", lengkap: true)
        let ketua = try await XCTUnwrapAsync(await PengurusModel.query(on: app.db).filter(\.$jabatan == "ketua").first())
        let b = Peramban(app)
        try await b.masuk("admin", Uji.sandiAdmin)
        try await b.get("/kim/\(kim.id!)")
        let res = try await b.post("/kim/\(kim.id!)/pengurus/\(ketua.id!)/akun", ["username": "ahmad.kim", "kata_sandi": "sandiawal12345"])
        XCTAssertEqual(res.status, .seeOther, res.body.string)
        let akun = try await XCTUnwrapAsync(await PenggunaModel.query(on: app.db).filter(\.$username == "ahmad.kim").first())
        XCTAssertEqual(akun.peran, "pengurus_kim")
        XCTAssertEqual(akun.kimID, kim.id)
        XCTAssertEqual(akun.kodeWilayah, "36.04.05.2001")
        let k = try await KlienAPI.masuk(app, "ahmad.kim", "sandiawal12345")
        let milik = try await k.kirim(.GET, "/api/v1/kim/\(kim.id!)")
        XCTAssertEqual(milik.status, .ok)
        try await b.get("/kim/\(kim.id!)")
        let lagi = try await b.post("/kim/\(kim.id!)/pengurus/\(ketua.id!)/akun", ["username": "ahmad2", "kata_sandi": "sandiawal12345"])
        XCTAssertEqual(lagi.status, .unprocessableEntity)
        XCTAssertTrue(lagi.body.string.contains("Ahmad Fauzi sudah memiliki akun."))
    }
}
