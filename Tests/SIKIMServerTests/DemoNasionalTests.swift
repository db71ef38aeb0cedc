import SIKIMData
import Fluent
import SIKIMCore
import XCTest
import XCTVapor
@testable import SIKIMServer

/// The national scale's synthetic regions, and the dashboard over more regions than one
/// kabupaten has.
final class DemoNasionalTests: XCTestCase {
    var app: Application!
    let jam = JamUji(ISO8601DateFormatter().date(from: "2026-04-06T02:00:00Z")!)

    override func setUp() async throws { app = try await Uji.app(jam: jam) }
    override func tearDown() async throws { try await Uji.tutup(app) }

    /// The same checks as the shipped region list: unique codes, levels matching code shapes,
    /// every parent present; and the same list for the same seed.
    func testWilayahNasionalAdalahPohonYangSah() throws {
        // act
        let wilayah = Demo.wilayahNasional()
        let csv = ([DataWilayah.kepala] + wilayah.map { "\($0.kode),\($0.nama),\($0.tingkat.rawValue),\($0.kodeInduk),\($0.lat),\($0.lon)" })
            .joined(separator: "\n")

        // check
        XCTAssertEqual(try DataWilayah.urai(csv: csv), wilayah)
        XCTAssertEqual(wilayah.filter { $0.tingkat == .kabupaten }.count, 71)
        XCTAssertEqual(wilayah.filter { $0.tingkat == .kecamatan }.count, 7_029)
        XCTAssertTrue((80_000...88_000).contains(wilayah.filter { $0.tingkat == .desa }.count))
        XCTAssertFalse(wilayah.contains { $0.kode.nilai.hasPrefix("36.") }, "never a real code")
        XCTAssertEqual(Demo.wilayahNasional(), wilayah)
    }

    /// The generated year's passed deadlines are history: the first check after the demo
    /// sends no notice for them (at the national scale it would send 300,000).
    func testDemoTanpaTunggakanTenggat() async throws {
        // setup
        _ = try await Demo(db: app.db, penyandi: app.penyandi, sekarang: jam.sekarang).isi(.init(laporan: 300, kegiatan: 10, materi: 1))
        let terlambat = try await LaporanModel.query(on: app.db).filter(\.$status == StatusLaporan.masuk.rawValue)
            .filter(\.$dibuatPada < jam.sekarang.addingTimeInterval(-30 * 86_400)).count()

        // act
        jam.maju(3_600)
        try await PemeriksaBerkala(l: app.lingkungan).tenggat()
        let notifikasi = try await NotifikasiModel.query(on: app.db).count()

        // check
        XCTAssertGreaterThan(terlambat, 0, "the demo has laporan long past their verification deadline")
        XCTAssertEqual(notifikasi, 0)
    }

    /// Two synthetic kabupaten with the demo's KIMs and two more without: more kecamatan than
    /// the page shows, more desa without a KIM than it lists, and more KIMs than one query's
    /// part (`perBagian`). The page shows its first rows and says so; the API has every row,
    /// equal to direct counts.
    func testDasborDiAtasSatuKabupaten() async throws {
        // setup
        let nasional = Demo.wilayahNasional()
        func kabupaten(_ k: String) -> [Wilayah] { nasional.filter { $0.kode.nilai == k || $0.kode.nilai.hasPrefix(k + ".") } }
        _ = try await LayananWilayah(l: app.lingkungan).muat(kabupaten("99.01") + kabupaten("99.02"))
        _ = try await Demo(db: app.db, penyandi: app.penyandi, sekarang: jam.sekarang).isi(.init(laporan: 2_000, kegiatan: 300, materi: 1))
        let tanpaKim = kabupaten("99.03") + kabupaten("99.04")
        _ = try await LayananWilayah(l: app.lingkungan).muat(tanpaKim)
        let kecamatan = try await WilayahModel.query(on: app.db).filter(\.$tingkat == Tingkat.kecamatan.rawValue).count()
        let b = Peramban(app)
        try await b.masuk("admin", Uji.sandiAdmin)
        let k = try await KlienAPI.masuk(app, "admin", Uji.sandiAdmin)
        // Staff may send laporan too; theirs belong to no KIM.
        let tanpaKimLaporan = try await k.kirim(.POST, "/api/v1/laporan",
                                                json: #"{"kategori":"lingkungan","judul":"Sampah","isi":"Di sungai","kode_wilayah":"36.04.05.2001"}"#)
        XCTAssertEqual(tanpaKimLaporan.status, .created)

        // act
        let html = try await b.get("/dasbor").body.string
        let api = try await k.kirim(.GET, "/api/v1/statistik/pembentukan").json()
        let statistik = try await k.kirim(.GET, "/api/v1/statistik")

        // check
        XCTAssertEqual(kecamatan, 29 + 4 * 99)
        let tabel = try XCTUnwrap(html.components(separatedBy: #"id="tabel-kecamatan""#).dropFirst().first?.components(separatedBy: "</table>").first)
        XCTAssertEqual(tabel.components(separatedBy: "<tr data-kode=").count - 1, DasborWeb.batasBaris)
        XCTAssertTrue(html.contains("Menampilkan 100 dari \(kecamatan) kecamatan menurut kode."))
        // desa without a formed KIM, counted directly: the two empty kabupaten's and the drafts'
        let terbentuk = Set(try await KimModel.query(on: app.db).all().filter { $0.statusKim.sudahDibentuk }.map(\.kodeWilayah))
        let desaTanpa = try await WilayahModel.query(on: app.db).filter(\.$tingkat == Tingkat.desa.rawValue).all()
            .filter { !terbentuk.contains($0.id!) }.count
        XCTAssertGreaterThan(desaTanpa, tanpaKim.filter { $0.tingkat == .desa }.count)
        XCTAssertTrue(html.contains(#"<span id="jumlah-tanpa-kim">\#(Angka.ribuan(desaTanpa))</span>"#), "counted, and written as Indonesians do")
        XCTAssertTrue(html.contains("Menampilkan 500 pertama menurut kode."))
        XCTAssertEqual((api["per_kecamatan"] as? [Any])?.count, kecamatan)
        XCTAssertEqual((api["desa_tanpa_kim"] as? [Any])?.count, desaTanpa)
        let perStatus = try XCTUnwrap(api["per_status"] as? [String: Int])
        for s in StatusKim.allCases {
            let n = try await KimModel.query(on: app.db).filter(\.$status == s.rawValue).count()
            XCTAssertEqual(perStatus[s.rawValue], n, s.rawValue)
        }
        XCTAssertGreaterThan(perStatus[StatusKim.aktif.rawValue] ?? 0, 1_000, "more than one part of KIM ids")
        XCTAssertEqual(statistik.status, .ok)
        // Activity over every legalised KIM at once equals the same KIMs taken 400 at a time.
        let sah = try await KimModel.query(on: app.db).filter(\.$status ~~ [StatusKim.aktif.rawValue, StatusKim.dibekukan.rawValue]).all()
        let aktivitas = LayananAktivitas(l: app.lingkungan)
        var aktifPerBagian = 0
        for bagian in sah.bagian(400) {
            aktifPerBagian += try await aktivitas.keadaan(Array(bagian)).values.filter { $0.status == StatusAktivitas.aktif }.count
        }
        let kim = try XCTUnwrap(try statistik.json()["kim"] as? [String: Any])
        XCTAssertEqual(kim["aktif"] as? Int, aktifPerBagian)
        XCTAssertGreaterThan(aktifPerBagian, 0)
    }

    /// Over several kabupaten the lists' region filter offers the kabupaten, and the chosen
    /// region's kabupaten's kecamatan; over one, its kecamatan.
    func testFilterWilayahPerKabupaten() async throws {
        // setup
        let b = Peramban(app)
        try await b.masuk("admin", Uji.sandiAdmin)
        func pilihan(_ jalur: String) async throws -> [String] {
            let html = try await b.get(jalur).body.string
            let select = try XCTUnwrap(html.components(separatedBy: #"name="kode_wilayah""#).dropFirst().first?.components(separatedBy: "</select>").first)
            return select.components(separatedBy: #"<option value=""#).dropFirst().map { String($0.prefix { $0 != "\"" }) }.filter { !$0.isEmpty }
        }
        let satuKabupaten = try await pilihan("/kim")
        let nasional = Demo.wilayahNasional()
        _ = try await LayananWilayah(l: app.lingkungan).muat(nasional.filter { $0.kode.nilai.hasPrefix("99.01") || $0.kode.nilai.hasPrefix("99.02") })

        // act
        let kim = try await pilihan("/kim")
        let kimKecamatan = try await pilihan("/kim?kode_wilayah=99.02.05")
        let laporanKabupaten = try await pilihan("/laporan?kode_wilayah=36.04")

        // check
        XCTAssertEqual(satuKabupaten.count, 29)
        XCTAssertTrue(satuKabupaten.allSatisfy { KodeWilayah($0)?.tingkat == .kecamatan })
        XCTAssertEqual(kim, ["36.04", "99.01", "99.02"])
        let kecamatan9902 = nasional.filter { $0.tingkat == .kecamatan && $0.kode.nilai.hasPrefix("99.02.") }.count
        XCTAssertEqual(kimKecamatan.count, 3 + kecamatan9902)
        XCTAssertTrue(kimKecamatan.filter { $0.hasPrefix("99.") }.allSatisfy { $0 == "99.01" || $0.hasPrefix("99.02") })
        XCTAssertEqual(laporanKabupaten.count, 3 + 29)
        XCTAssertEqual(laporanKabupaten.filter { $0.hasPrefix("36.04.") }.count, 29)
    }
}
